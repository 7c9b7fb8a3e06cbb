export type SandboxErrorCode =
  | 'TIMEOUT'           // the job overran its wall time (the only CPU bound workerd leaves us: see worker-sandbox.ts)
  | 'MEMORY_EXCEEDED'   // the workerd process grew past the memory bound while the job ran
  | 'OUTPUT_TOO_LARGE'
  | 'CODE_TOO_LARGE'
  | 'WORKER_THREW'      // the worker threw, or returned something that is not a Response
  | 'BAD_WORKER'        // the module does not load (syntax, a forbidden import, no fetch handler)
  | 'BUSY'              // every process is busy and the queue is full
  | 'UNAVAILABLE'       // the sandbox is stopped, or workerd cannot start

export class SandboxError extends Error {
  override readonly name = 'SandboxError'
  constructor (readonly code: SandboxErrorCode, message: string) {
    super(message)
  }
}
