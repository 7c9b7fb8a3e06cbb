import { JobError } from '../../protocol/job/index.js'
import { ApiError, type Route } from '../api/index.js'
import type { JobClient } from './job-client.js'
import type { RunnerService } from './runner-service.js'

/** A job body carries code (≤ 1 MiB) and input (≤ 1 MiB), base64-inflated. */
const JOB_BODY_MAX_BYTES = 3 * 1024 * 1024

/** HTTP status for each job error: the caller's mistakes are 4xx, the network's 5xx. */
const STATUS: Record<string, number> = {
  NO_RUNNER_IN_SCOPE: 503,
  RUNNER_UNAVAILABLE: 503,
  TIMEOUT: 504,
  WORKER_TIMEOUT: 504,
  INPUT_TOO_LARGE: 413,
  CODE_TOO_LARGE: 413,
  OUTPUT_TOO_LARGE: 502,
  WORKER_THREW: 502,
  WORKER_CPU_EXCEEDED: 502,
  WORKER_MEMORY_EXCEEDED: 502,
  DECRYPT_FAILED: 502,
  BAD_RECEIPT: 502,
  // this node's clock, most likely: the operator's to fix
  CLOCK_SKEW: 503
}

/**
 * POST /v1/jobs: `{policyId, code, input, timeoutMs?}` with `code` the worker
 * module as text (or `codeBase64`) and `input` base64. The node picks an
 * in-scope runner, encrypts to it, verifies the receipt, decrypts, and
 * answers `{jobId, runner, workerCid, status, output (base64), receipt, attempts}`.
 */
export function jobRoutes (client: JobClient, runner?: RunnerService): Route[] {
  const routes: Route[] = [{
    method: 'POST',
    path: '/v1/jobs',
    maxBodyBytes: JOB_BODY_MAX_BYTES,
    handler: async ({ body }) => {
      const request = parseJobBody(body)
      try {
        const outcome = await client.submit(request)
        const { receipt } = outcome
        return {
          jobId: outcome.jobId,
          runner: outcome.runner,
          workerCid: outcome.workerCid,
          status: outcome.status,
          output: Buffer.from(outcome.output).toString('base64'),
          receipt: {
            jobId: Buffer.from(receipt.jobId).toString('hex'),
            policyId: receipt.policyId,
            inputHash: Buffer.from(receipt.inputHash).toString('hex'),
            outputHash: Buffer.from(receipt.outputHash).toString('hex'),
            status: receipt.status,
            signature: Buffer.from(receipt.signature).toString('hex')
          },
          attempts: outcome.attempts,
          durationMs: outcome.durationMs
        }
      } catch (err) {
        if (err instanceof JobError) throw new ApiError(STATUS[err.code] ?? 502, err.code, err.message)
        throw err
      }
    }
  }]
  if (runner != null) {
    routes.push({ method: 'GET', path: '/v1/runner', handler: () => ({ ...runner.stats(), sandbox: runner.sandbox(), recent: runner.jobs().slice(-100) }) })
  }
  return routes
}

function parseJobBody (body: unknown): { policyId: string, code?: Uint8Array, codeCid?: string, input: Uint8Array, timeoutMs?: number } {
  if (body == null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'MALFORMED', 'expected a JSON object {policyId, code | codeBase64, input, timeoutMs?}')
  const b = body as Record<string, unknown>
  if (typeof b.policyId !== 'string' || !/^[0-9a-f]{64}$/.test(b.policyId)) throw new ApiError(400, 'MALFORMED', '"policyId" must be 64 lowercase hex characters')
  let code: Uint8Array | undefined
  if (typeof b.code === 'string') code = new TextEncoder().encode(b.code)
  else if (typeof b.codeBase64 === 'string') code = base64(b.codeBase64, 'codeBase64')
  else if (typeof b.codeCid !== 'string') throw new ApiError(400, 'MALFORMED', '"code" (module text), "codeBase64" or "codeCid" (a worker put as a blob) is required')
  const input = b.input == null ? new Uint8Array() : typeof b.input === 'string' ? base64(b.input, 'input') : undefined
  if (input == null) throw new ApiError(400, 'MALFORMED', '"input" must be a base64 string')
  if (b.timeoutMs != null && (typeof b.timeoutMs !== 'number' || !Number.isSafeInteger(b.timeoutMs) || b.timeoutMs <= 0)) throw new ApiError(400, 'MALFORMED', '"timeoutMs" must be a positive whole number')
  return { policyId: b.policyId, ...(code != null ? { code } : { codeCid: b.codeCid as string }), input, ...(typeof b.timeoutMs === 'number' ? { timeoutMs: b.timeoutMs } : {}) }
}

function base64 (text: string, field: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new ApiError(400, 'MALFORMED', `"${field}" is not base64`)
  return new Uint8Array(Buffer.from(text, 'base64'))
}
