import { escrin } from '../../proto/gen/escrin.js'

/** Failures a runner reports on the wire (JobErrorCode in proto/escrin.proto). */
export type RunnerErrorCode =
  | 'OUT_OF_SCOPE' | 'DUPLICATE_JOB' | 'INPUT_TOO_LARGE' | 'CODE_TOO_LARGE' | 'CODE_MISMATCH' | 'WORKER_NOT_FOUND'
  | 'DECRYPT_FAILED' | 'MALFORMED_REQUEST' | 'WORKER_TIMEOUT' | 'WORKER_CPU_EXCEEDED' | 'WORKER_MEMORY_EXCEEDED'
  | 'WORKER_THREW' | 'OUTPUT_TOO_LARGE' | 'RUNNER_BUSY' | 'RUNNER_SHUTTING_DOWN' | 'INTERNAL'
  /** The job id's time is outside the runner's window: the client's clock, or the runner's, is off. */
  | 'CLOCK_SKEW'

/**
 * Failures only the client side observes. DECRYPT_FAILED is both: a runner
 * reports it for an input it cannot open, a client raises it for an output.
 */
export type ClientErrorCode = 'NO_RUNNER_IN_SCOPE' | 'BAD_RECEIPT' | 'RUNNER_UNAVAILABLE' | 'TIMEOUT'

export type JobErrorCode = RunnerErrorCode | ClientErrorCode

/** The wire number of each runner code; the compiler checks it is complete. */
const WIRE_CODE: Readonly<Record<RunnerErrorCode, escrin.JobErrorCode>> = {
  OUT_OF_SCOPE: escrin.JobErrorCode.OUT_OF_SCOPE,
  DUPLICATE_JOB: escrin.JobErrorCode.DUPLICATE_JOB,
  INPUT_TOO_LARGE: escrin.JobErrorCode.INPUT_TOO_LARGE,
  CODE_TOO_LARGE: escrin.JobErrorCode.CODE_TOO_LARGE,
  CODE_MISMATCH: escrin.JobErrorCode.CODE_MISMATCH,
  WORKER_NOT_FOUND: escrin.JobErrorCode.WORKER_NOT_FOUND,
  DECRYPT_FAILED: escrin.JobErrorCode.DECRYPT_FAILED,
  MALFORMED_REQUEST: escrin.JobErrorCode.MALFORMED_REQUEST,
  WORKER_TIMEOUT: escrin.JobErrorCode.WORKER_TIMEOUT,
  WORKER_CPU_EXCEEDED: escrin.JobErrorCode.WORKER_CPU_EXCEEDED,
  WORKER_MEMORY_EXCEEDED: escrin.JobErrorCode.WORKER_MEMORY_EXCEEDED,
  WORKER_THREW: escrin.JobErrorCode.WORKER_THREW,
  OUTPUT_TOO_LARGE: escrin.JobErrorCode.OUTPUT_TOO_LARGE,
  RUNNER_BUSY: escrin.JobErrorCode.RUNNER_BUSY,
  RUNNER_SHUTTING_DOWN: escrin.JobErrorCode.RUNNER_SHUTTING_DOWN,
  INTERNAL: escrin.JobErrorCode.INTERNAL,
  CLOCK_SKEW: escrin.JobErrorCode.CLOCK_SKEW
}

const CODE_OF_WIRE = new Map<number, RunnerErrorCode>(Object.entries(WIRE_CODE).map(([name, n]) => [n, name as RunnerErrorCode]))

/** The JobErrorCode numbers a failure on the wire may carry (UNSPECIFIED is not one). */
export const WIRE_FAILURE_CODES: ReadonlySet<number> = new Set(CODE_OF_WIRE.keys())

/**
 * Errors a client may retry on another in-scope runner: the runner could not
 * take the job (busy, stopping, not in scope by its own view, missing the
 * code, refusing the job id, its clock at odds with the id's), or the network failed. A worker's own failure
 * (it threw, looped, produced too much) and an input or code over the bounds
 * would fail the same way anywhere, so they are final.
 */
const RETRYABLE: ReadonlySet<JobErrorCode> = new Set<JobErrorCode>([
  'OUT_OF_SCOPE', 'WORKER_NOT_FOUND', 'DUPLICATE_JOB', 'RUNNER_BUSY', 'RUNNER_SHUTTING_DOWN', 'INTERNAL', 'RUNNER_UNAVAILABLE', 'TIMEOUT', 'CLOCK_SKEW'
])

export function isRetryable (code: JobErrorCode): boolean {
  return RETRYABLE.has(code)
}

export class JobError extends Error {
  override readonly name: string = 'JobError'
  readonly retryable: boolean
  constructor (readonly code: JobErrorCode, message: string) {
    super(message)
    this.retryable = RETRYABLE.has(code)
  }
}

/**
 * A sealed box that does not open, or a receipt that does not verify: raised
 * by this module's own checks (as opposed to a failure a runner reported).
 * Still a JobError, so callers that handle JobError handle it.
 */
export class JobCryptoError extends JobError {
  override readonly name: string = 'JobCryptoError'
  declare readonly code: 'DECRYPT_FAILED' | 'BAD_RECEIPT'
  constructor (code: 'DECRYPT_FAILED' | 'BAD_RECEIPT', message: string) {
    super(code, message)
  }
}

/** Bound on a failure message on the wire (UTF-16 units): enough to explain, too little to smuggle data. */
export const MAX_FAILURE_MESSAGE_LENGTH = 1024

export interface JobFailure {
  code: number
  message: string
}

/**
 * What a runner sends for an error. Client-side codes never come from a
 * runner; should one reach here it is sent as INTERNAL.
 */
export function failureFromJobError (err: JobError): JobFailure {
  const code = Object.hasOwn(WIRE_CODE, err.code) ? WIRE_CODE[err.code as RunnerErrorCode] : escrin.JobErrorCode.INTERNAL
  return { code, message: err.message.slice(0, MAX_FAILURE_MESSAGE_LENGTH) }
}

/** What a client raises for a runner's failure; an unknown or unspecified code reads as INTERNAL. */
export function jobErrorFromFailure (failure: JobFailure): JobError {
  return new JobError(CODE_OF_WIRE.get(failure.code) ?? 'INTERNAL', failure.message)
}
