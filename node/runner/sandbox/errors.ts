export type SandboxErrorCode =
  | 'TIMEOUT' // the job overran its wall time
  | 'CPU_EXCEEDED' // the job's process used more CPU time than the bound
  | 'MEMORY_EXCEEDED' // the process grew past the memory bound, or V8's heap limit aborted it
  | 'OUTPUT_TOO_LARGE'
  | 'CODE_TOO_LARGE'
  | 'WORKER_THREW' // the worker threw, returned something that is not a Response, or crashed workerd
  | 'BAD_WORKER' // the module does not load: syntax, a forbidden import, no fetch handler
  | 'BUSY' // every process is busy and the queue is full
  | 'ABORTED' // the caller's signal aborted the job
  | 'UNAVAILABLE' // the sandbox is stopped, or workerd cannot start

export const SANDBOX_ERROR_CODES: readonly SandboxErrorCode[] = ['TIMEOUT', 'CPU_EXCEEDED', 'MEMORY_EXCEEDED', 'OUTPUT_TOO_LARGE', 'CODE_TOO_LARGE', 'WORKER_THREW', 'BAD_WORKER', 'BUSY', 'ABORTED', 'UNAVAILABLE']

/** Every failure of WorkerSandbox.run; `code` is fit for a metric label. */
export class SandboxError extends Error {
  override readonly name = 'SandboxError'
  constructor (readonly code: SandboxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}
