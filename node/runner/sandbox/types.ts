export interface SandboxLimits {
  /** Wall time of one job. */
  wallTimeMs: number
  /** CPU time of one job (Linux: sampled from /proc; elsewhere only the wall time bounds CPU). */
  cpuTimeMs: number
  /** Resident memory of the job's workerd process (includes the process's ~65 MiB baseline). */
  memoryBytes: number
  /** Bytes of response body. */
  outputBytes: number
  /** Bytes of module source. */
  codeBytes: number
}

export interface SandboxJob {
  jobId: string
  /** The code's content id (CID string): with the app id, the key warm workers are cached under. */
  codeId: string
  /** ES module source in the Workers format (`export default { fetch }`). */
  code: Uint8Array
  /** The body of the POST request the worker's fetch handler gets. */
  input: Uint8Array
  appId: string
  policyId: string
  /** env.escrin.attestation in the worker: must be JSON-serialisable. */
  attestation: unknown
  /** Backs env.escrin.getKey(name); without it getKey rejects ("key release is not available"). */
  onGetKey?: (name: string) => Promise<Uint8Array>
  limits?: Partial<SandboxLimits>
}

export interface SandboxResult {
  status: number
  output: Uint8Array
  durationMs: number
}

export interface SandboxStats {
  /** Live workerd processes. */
  processes: number
  /** Processes replaced after a job overran or a process died. */
  restarts: number
  busy: number
  queued: number
  /** pids of the live workerd processes. */
  pids: number[]
}

/** The part of node/log's Logger the sandbox uses. */
export interface SandboxLogger {
  info(message: string, context?: Record<string, unknown>): void
  warn(message: string, context?: Record<string, unknown>): void
  error(message: string, context?: Record<string, unknown>): void
}

export interface WorkerSandboxInit {
  /** Warm workerd processes, each running one job at a time (default 2). */
  processes?: number
  limits?: Partial<SandboxLimits>
  /** Jobs waiting for a process at most (default 32 per process); beyond, run() fails with BUSY. */
  queueLimit?: number
  logger?: SandboxLogger
  /** Where the private working directory (config, sockets) is made (default os.tmpdir()). */
  tmpDir?: string
}
