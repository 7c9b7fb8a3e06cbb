import { escrin } from '../../proto/gen/escrin.js'

/** Failures a runner reports on the wire (JobErrorCode in proto/escrin.proto). */
export type RunnerErrorCode =
  | 'OUT_OF_SCOPE' | 'DUPLICATE_JOB' | 'INPUT_TOO_LARGE' | 'CODE_TOO_LARGE' | 'CODE_MISMATCH' | 'WORKER_NOT_FOUND'
  | 'DECRYPT_FAILED' | 'MALFORMED_REQUEST' | 'WORKER_TIMEOUT' | 'WORKER_CPU_EXCEEDED' | 'WORKER_MEMORY_EXCEEDED'
  | 'WORKER_THREW' | 'OUTPUT_TOO_LARGE' | 'RUNNER_BUSY' | 'RUNNER_SHUTTING_DOWN' | 'INTERNAL'

/** Failures only the client side observes. */
export type ClientErrorCode = 'NO_RUNNER_IN_SCOPE' | 'BAD_RECEIPT' | 'RUNNER_UNAVAILABLE' | 'TIMEOUT'

export type JobErrorCode = RunnerErrorCode | ClientErrorCode

/**
 * Errors a client may retry on another in-scope runner: the runner could not
 * take the job (busy, stopping, not in scope by its own view, missing the
 * code), or the network failed. A worker's own failure (it threw, looped,
 * produced too much) would fail the same way anywhere, so it is final.
 */
const RETRYABLE = new Set<JobErrorCode>([
  'OUT_OF_SCOPE', 'WORKER_NOT_FOUND', 'RUNNER_BUSY', 'RUNNER_SHUTTING_DOWN', 'INTERNAL', 'RUNNER_UNAVAILABLE', 'TIMEOUT', 'DUPLICATE_JOB'
])

export class JobError extends Error {
  override readonly name = 'JobError'
  readonly retryable: boolean
  constructor (readonly code: JobErrorCode, message: string) {
    super(message)
    this.retryable = RETRYABLE.has(code)
  }
}

/** Bound on a failure message on the wire: enough to explain, too little to smuggle data. */
export const MAX_FAILURE_MESSAGE_LENGTH = 1024

const WIRE_CODES = escrin.JobErrorCode as unknown as Record<string, number>

export function failureFromJobError (err: JobError): { code: number, message: string } {
  const code = WIRE_CODES[err.code] ?? WIRE_CODES.INTERNAL
  return { code, message: err.message.slice(0, MAX_FAILURE_MESSAGE_LENGTH) }
}

export function jobErrorFromFailure (failure: { code: number, message: string }): JobError {
  const name = Object.keys(WIRE_CODES).find(k => WIRE_CODES[k] === failure.code)
  const code = name == null || name === 'JOB_ERROR_UNSPECIFIED' ? 'INTERNAL' : name as RunnerErrorCode
  return new JobError(code, failure.message)
}
