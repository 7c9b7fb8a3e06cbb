import { createHash } from 'node:crypto'
import { peerIdFromString } from '@libp2p/peer-id'
import { CID } from 'multiformats/cid'
import {
  decodeJobResponse, encodeJobRequest, JOB_PROTOCOL, jobErrorFromFailure, jobInputAad, jobOutputAad, MAX_INLINE_CODE_BYTES,
  MAX_JOB_INPUT_BYTES, MAX_JOB_RESPONSE_BYTES, openSealedBox, parseWorkerCid, sealToKey, verifyReceipt, workerCid, JobError, type JobReceipt
} from '../../protocol/job/index.js'
import { isOversizeFrame, lengthPrefixed, type LengthPrefixed } from '../host/length-prefixed.js'
import { PeerAction } from '../peer-score/index.js'
import { newJobId, jobIdHex, jobIdTime } from './job-id.js'
import { rankRunners, RttTracker, type RunnerCandidate } from './runner-selection.js'
import { DEFAULT_JOB_TIMEOUT_MS, MAX_JOB_TIMEOUT_MS } from './runner-service.js'
import type { AttestationService } from '../attestations/index.js'
import { isClosedConnection, openStreamFindingMovedPeer, type Host } from '../host/index.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { PolicyService } from '../policies/index.js'
import type { PeerId, Stream } from '@libp2p/interface'

/** A runner gets this long on top of the job's own timeout (connection, transfer). */
const NETWORK_SLACK_MS = 5_000
/** Errors that convict one runner rather than the job: the client tries the next runner. */
const RUNNER_FAULTS = new Set<string>(['DECRYPT_FAILED', 'BAD_RECEIPT'])
/** Runners tried at most for one job. */
export const MAX_ATTEMPTS = 5
/**
 * Runners refusing the job id's time (CLOCK_SKEW) after which the client
 * stops: one may have its own clock wrong, two agreeing say this node's is.
 */
const CLOCK_SKEW_REFUSALS = 2
/** How long to wait for the attestation of a scope provider found in the DHT. */
const PROVIDER_ATTESTATION_WAIT_MS = 3_000

export interface SubmitJobOptions {
  policyId: string
  /** The worker's ES module source; sent inline (bounded), identified by its CID. */
  code?: Uint8Array
  /** Instead of `code`: the worker's CID, put as a blob in the policy's storage scope; runners fetch it from there. */
  codeCid?: string
  input: Uint8Array
  timeoutMs?: number
  signal?: AbortSignal
}

export interface JobAttempt {
  runner: string
  error?: string
  code?: string
}

export interface JobOutcome {
  jobId: string
  runner: string
  workerCid: string
  status: number
  output: Uint8Array
  receipt: JobReceipt
  attempts: JobAttempt[]
  durationMs: number
}

export interface JobClientComponents {
  host: Host
  attestations: AttestationService
  policies: PolicyService
  penalise: (peer: PeerId, action: PeerAction, reason: string) => void
  logger: Logger
  metrics?: NodeMetrics
  /** The clock job ids carry (default Date.now): a runner refuses an id outside its window as CLOCK_SKEW. */
  now?: () => number
}

/**
 * The client side of `/escrin/job/1`: picks runners only from the policy's
 * scope as this node verified it, seals the input to the chosen runner's
 * attested X25519 key, fails over on retryable errors, and verifies the
 * receipt against the runner's attested signing key before returning the
 * decrypted output. It never sends a job to a peer outside the scope: the
 * scope is checked again right before each attempt.
 */
export class JobClient {
  private readonly rtt = new RttTracker()
  private readonly inFlight = new Map<string, number>()
  private readonly log: Logger

  constructor (private readonly components: JobClientComponents) {
    this.log = components.logger.child('jobs')
  }

  async submit (options: SubmitJobOptions): Promise<JobOutcome> {
    const started = Date.now()
    const { policyId, code, input } = options
    if ((code == null) === (options.codeCid == null)) throw new JobError('MALFORMED_REQUEST', 'a job names its worker by code or by codeCid, one of the two')
    if (code != null && code.byteLength > MAX_INLINE_CODE_BYTES) throw new JobError('CODE_TOO_LARGE', `worker code is ${code.byteLength} bytes; at most ${MAX_INLINE_CODE_BYTES}`)
    if (input.byteLength > MAX_JOB_INPUT_BYTES) throw new JobError('INPUT_TOO_LARGE', `job input is ${input.byteLength} bytes; at most ${MAX_JOB_INPUT_BYTES}`)
    const timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_JOB_TIMEOUT_MS, MAX_JOB_TIMEOUT_MS)
    const scopes = this.components.attestations.scopes
    if (!scopes.hasPolicy(policyId)) await this.components.policies.find(policyId)
    if (!scopes.hasPolicy(policyId)) throw new JobError('NO_RUNNER_IN_SCOPE', `policy ${policyId} is not known to this node or the DHT`)

    let candidates = this.candidates(policyId)
    if (candidates.length === 0) candidates = await this.candidatesFromDht(policyId)
    if (candidates.length === 0) throw new JobError('NO_RUNNER_IN_SCOPE', this.explainEmptyScope(policyId))

    const cid = code != null ? workerCid(code) : parseCodeCid(options.codeCid as string)
    const jobId = newJobId((this.components.now ?? Date.now)())
    const attempts: JobAttempt[] = []
    for (const candidate of rankRunners(candidates).slice(0, MAX_ATTEMPTS)) {
      options.signal?.throwIfAborted()
      const runner = candidate.peerId
      // the scope may have changed since the list was made: check again, right before sending
      const record = this.components.attestations.recordOf(runner)
      if (!scopes.inScope(policyId, runner) || record == null || !record.roles.includes('runner')) continue
      try {
        const outcome = await this.attempt(runner, record.enclaveX25519, record.enclaveSigningKey, { jobId, policyId, cid: cid.bytes, code, input, timeoutMs, signal: options.signal })
        attempts.push({ runner })
        this.components.metrics?.jobs.inc({ role: 'client', result: 'ok' })
        this.components.metrics?.jobLatency.observe({ role: 'client' }, (Date.now() - started) / 1000)
        return { jobId: jobIdHex(jobId), runner, workerCid: cid.toString(), ...outcome, attempts, durationMs: Date.now() - started }
      } catch (err) {
        const jobError = err instanceof JobError ? err : new JobError('RUNNER_UNAVAILABLE', (err as Error).message)
        attempts.push({ runner, code: jobError.code, error: jobError.message })
        this.log.debug('job attempt failed', { jobId: jobIdHex(jobId), runner, code: jobError.code, err: jobError.message })
        // a byzantine runner's bad output is that runner's fault: another in-scope runner may do it right
        if (!jobError.retryable && !RUNNER_FAULTS.has(jobError.code)) {
          this.components.metrics?.jobs.inc({ role: 'client', result: jobError.code.toLowerCase() })
          throw jobError
        }
        const skewed = attempts.filter(a => a.code === 'CLOCK_SKEW')
        if (skewed.length >= CLOCK_SKEW_REFUSALS) {
          this.components.metrics?.jobs.inc({ role: 'client', result: 'clock_skew' })
          throw new JobError('CLOCK_SKEW', `${skewed.length} runners refused this job's id, which carries this node's clock (${new Date(jobIdTime(jobId)).toISOString()}); this node's clock is likely off (clockSkewMs in /v1/status): ${skewed.map(a => a.error).join('; ')}`)
        }
      }
    }
    this.components.metrics?.jobs.inc({ role: 'client', result: 'runner_unavailable' })
    if (attempts.length === 0) throw new JobError('NO_RUNNER_IN_SCOPE', this.explainEmptyScope(policyId))
    // every runner failed the same way: that way is the answer (e.g. each one's output failed to decrypt)
    const codes = new Set(attempts.map(a => a.code))
    if (codes.size === 1 && attempts[0].code != null && attempts[0].code !== 'RUNNER_UNAVAILABLE') {
      throw new JobError(attempts[0].code as JobError['code'], attempts.map(a => a.error).join('; '))
    }
    throw new JobError('RUNNER_UNAVAILABLE', `no in-scope runner completed the job: ${attempts.map(a => `${a.runner.slice(-8)}: ${a.code ?? ''} ${a.error ?? ''}`.trim()).join('; ')}`)
  }

  /** In-scope peers with a verified record that says they run jobs. */
  private candidates (policyId: string): RunnerCandidate[] {
    const { attestations, host } = this.components
    const connected = new Set(host.getPeers().map(String))
    return attestations.scopeMembersWithRole(policyId, 'runner').flatMap(peerId => {
      const record = attestations.recordOf(peerId)
      if (record == null) return []
      return [{ peerId, inFlight: this.inFlight.get(peerId) ?? 0, capacity: record.capacity, rttMs: this.rtt.get(peerId), price: record.price, connected: connected.has(peerId) }]
    })
  }

  /** A node with a partial view finds the scope's runners through the DHT (verified before use). */
  private async candidatesFromDht (policyId: string): Promise<RunnerCandidate[]> {
    await this.components.attestations.discoverScopeMembers(policyId, 'runner', PROVIDER_ATTESTATION_WAIT_MS)
    return this.candidates(policyId)
  }

  private explainEmptyScope (policyId: string): string {
    const explained = this.components.attestations.scopes.explain(policyId)
    const runners = explained.filter(e => this.components.attestations.recordOf(e.peerId)?.roles.includes('runner') === true)
    if (runners.length === 0) return `no runner in the scope of ${policyId}: this node knows no verified runner at all`
    const reasons = runners.slice(0, 5).map(e => `${e.peerId.slice(-8)}: ${e.admitted ? 'admitted' : e.reason}`)
    return `no runner in the scope of ${policyId}; ${runners.length} known runners are excluded (${reasons.join('; ')}${runners.length > 5 ? '; …' : ''})`
  }

  private async attempt (runner: string, x25519: Uint8Array, signingKey: Uint8Array, job: { jobId: Uint8Array, policyId: string, cid: Uint8Array, code?: Uint8Array, input: Uint8Array, timeoutMs: number, signal?: AbortSignal }): Promise<{ status: number, output: Uint8Array, receipt: JobReceipt }> {
    const peer = peerIdFromString(runner)
    const { box, ephemeralSecret } = sealToKey(x25519, job.input, jobInputAad(job.jobId, job.policyId, job.cid))
    const request = encodeJobRequest({ jobId: job.jobId, policyId: job.policyId, workerCid: job.cid, inlineCode: job.code, input: box, timeoutMs: job.timeoutMs })
    const deadline = AbortSignal.timeout(job.timeoutMs + NETWORK_SLACK_MS)
    const signal = job.signal != null ? AbortSignal.any([deadline, job.signal]) : deadline
    const started = Date.now()
    this.inFlight.set(runner, (this.inFlight.get(runner) ?? 0) + 1)
    let stream: Stream | undefined
    let bytes: Uint8Array
    try {
      let lp: LengthPrefixed | undefined
      // a stream can die with its connection before the request is written (libp2p
      // closes one of two simultaneous connections); nothing was sent, so one retry is safe
      for (let attempt = 0; lp == null; attempt++) {
        const opened = await openStreamFindingMovedPeer(this.components.host, peer, JOB_PROTOCOL, { signal })
        stream = opened
        const candidate = lengthPrefixed(opened, { maxDataLength: MAX_JOB_RESPONSE_BYTES })
        try {
          await candidate.write(request, { signal })
          lp = candidate
        } catch (err) {
          if (attempt > 0 || !isClosedConnection(err)) throw err
          opened.abort(err as Error)
        }
      }
      bytes = (await lp.read({ signal })).subarray()
      await stream?.close({ signal }).catch(() => {})
    } catch (err) {
      stream?.abort(err as Error)
      if (deadline.aborted) throw new JobError('TIMEOUT', `runner ${runner.slice(-8)} did not answer within ${job.timeoutMs + NETWORK_SLACK_MS} ms`)
      if (isOversizeFrame(err)) {
        this.components.penalise(peer, PeerAction.MalformedMessage, 'job response over the size bound')
      }
      throw err
    } finally {
      this.inFlight.set(runner, (this.inFlight.get(runner) ?? 1) - 1)
    }
    this.rtt.observe(runner, Date.now() - started)

    let response
    try {
      response = decodeJobResponse(bytes)
    } catch (err) {
      this.components.penalise(peer, PeerAction.MalformedMessage, `job response: ${(err as Error).message}`)
      throw new JobError('RUNNER_UNAVAILABLE', `runner ${runner.slice(-8)} answered with a malformed response`)
    }
    if (response.failure != null) throw jobErrorFromFailure(response.failure)
    if (response.ok == null) throw new JobError('RUNNER_UNAVAILABLE', 'runner sent an empty response')
    const { output: outputBox, receipt } = response.ok
    let output: Uint8Array
    try {
      output = openSealedBox(ephemeralSecret, outputBox, jobOutputAad(job.jobId, job.policyId, job.cid))
    } catch {
      this.components.penalise(peer, PeerAction.ProtocolViolation, 'job output does not decrypt')
      throw new JobError('DECRYPT_FAILED', `the output from runner ${runner.slice(-8)} does not decrypt (tampered)`)
    }
    try {
      verifyReceipt(receipt, signingKey, { jobId: job.jobId, policyId: job.policyId, workerCid: job.cid, inputHash: sha256(job.input), outputHash: sha256(output) })
    } catch (err) {
      this.components.penalise(peer, PeerAction.ProtocolViolation, 'job receipt does not verify')
      throw err instanceof JobError ? err : new JobError('BAD_RECEIPT', (err as Error).message)
    }
    return { status: receipt.status, output, receipt }
  }
}

function sha256 (bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest())
}

/** A worker CID given as text: CIDv1, raw, sha256 (a single-chunk blob). */
function parseCodeCid (text: string): CID {
  let cid: CID | undefined
  try {
    cid = parseWorkerCid(CID.parse(text).bytes)
  } catch {}
  if (cid == null) throw new JobError('MALFORMED_REQUEST', `${text} is not a worker CID (CIDv1, raw, sha256; what \`blob put --plain\` prints for a module of at most 1 MiB)`)
  return cid
}
