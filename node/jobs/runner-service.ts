import { createHash } from 'node:crypto'
import { CID } from 'multiformats/cid'
import {
  checkCodeMatchesCid, decodeJobRequest, MAX_JOB_TIMEOUT_MS, encodeJobResponse, JOB_PROTOCOL, jobInputAad, jobOutputAad, MAX_JOB_REQUEST_BYTES,
  openSealedBox, sealToKey, signReceipt, JobError, failureFromJobError, type JobErrorCode
} from '../../protocol/job/index.js'
import { isOversizeFrame, lengthPrefixed, type LengthPrefixed } from '../host/length-prefixed.js'
import { WireError } from '../../protocol/wire/index.js'
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../constants.js'
import { limitStreams, PeerAction } from '../peer-score/index.js'
import { SandboxError, type WorkerSandbox } from '../runner/sandbox/index.js'
import { CodeCache } from './code-cache.js'
import { jobIdHex, jobIdProblem } from './job-id.js'
import { SeenJobs } from './seen-jobs.js'
import type { InboundObserver } from '../observe/index.js'
import type { AttestationService, EnclaveKeys } from '../attestations/index.js'
import type { Host } from '../host/index.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { PolicyService } from '../policies/index.js'
import type { Connection, PeerId, Stream } from '@libp2p/interface'
import type { Datastore } from 'interface-datastore'

/** How long a client may take to send its request once the stream is open. */
const REQUEST_READ_TIMEOUT_MS = 10_000
export { MAX_JOB_TIMEOUT_MS }
export const DEFAULT_JOB_TIMEOUT_MS = 30_000
/** Jobs run at once by default (the `capacity` the runner attests to). */
export const DEFAULT_RUNNER_CAPACITY = 16

export interface RunnerComponents {
  host: Host
  keys: EnclaveKeys
  attestations: AttestationService
  policies: PolicyService
  sandbox: WorkerSandbox
  /** Key release for env.escrin.getKey (the SSSS role's client side). */
  keyRelease?: { deriveKey(owner: string, app: string, name: string): Promise<Uint8Array> }
  /** Worker code by CID from the policy's storage scope (blobs), for jobs that name their code without sending it. */
  fetchCode?: (cid: string, policyId: string) => Promise<Uint8Array>
  datastore?: Datastore
  penalise: (peer: PeerId, action: PeerAction, reason: string) => void
  logger: Logger
  metrics?: NodeMetrics
  /** What one peer may ask of this node (default DEFAULT_RATE_LIMITS; --rate-limit). */
  rateLimits?: RateLimits
  /** Where arrivals are reported (the simulator's scope invariant). */
  inbound?: InboundObserver
  now?: () => number
}

/** What the runner did with one job: kept (bounded) for /v1/runner and for tests that check the runner's side. */
export interface RunnerJobRecord {
  jobId: string
  policyId: string
  client: string
  result: 'ok' | JobErrorCode
  at: number
}
const JOB_LOG_MAX = 10_000

/**
 * The runner role: serves `/escrin/job/1`. For each request it checks, from
 * its own verified view, that it is in the policy's scope; that the job id is
 * fresh and new; that the code matches its CID; decrypts the input with its
 * enclave key, runs the worker in the sandbox, and answers with the output
 * sealed to the client's ephemeral key and a receipt signed by its enclave
 * signing key.
 */
export class RunnerService {
  /**
   * Byzantine behaviour, for the simulator and tests: a runner that corrupts
   * its output or its receipt. Off on every real node.
   */
  readonly faults: { corruptOutput: boolean, corruptReceipt: boolean } = { corruptOutput: false, corruptReceipt: false }
  readonly seen: SeenJobs
  readonly code: CodeCache
  private readonly log: Logger
  private readonly now: () => number
  private readonly jobLog: RunnerJobRecord[] = []
  private inFlight = 0
  private accepting = false

  private readonly rateLimits: RateLimits

  constructor (private readonly components: RunnerComponents, private readonly init: { capacity?: number } = {}) {
    this.log = components.logger.child('runner')
    this.rateLimits = components.rateLimits ?? DEFAULT_RATE_LIMITS
    this.now = components.now ?? Date.now
    this.seen = new SeenJobs(components.datastore, this.now)
    this.code = new CodeCache(components.datastore)
    this.handle = this.handle.bind(this)
  }

  get capacity (): number {
    return this.init.capacity ?? DEFAULT_RUNNER_CAPACITY
  }

  /** Registers the protocol; called before the host listens. */
  async register (): Promise<void> {
    // outbound streams are this node's own jobs as a client: bounded by its callers, not by us
    await this.components.host.handle(JOB_PROTOCOL, limitStreams(JOB_PROTOCOL, this.rateLimits.jobs, this.handle, this.components), { maxInboundStreams: this.capacity * 4, maxOutboundStreams: 256 })
  }

  /** workerd starts with the first job, not with the node: most nodes of a devnet never run one. */
  private sandboxReady?: Promise<void>

  async start (): Promise<void> {
    await this.seen.start()
    this.accepting = true
  }

  private async ensureSandbox (): Promise<void> {
    this.sandboxReady ??= this.components.sandbox.start().catch(err => {
      this.sandboxReady = undefined // the next job tries again
      throw err
    })
    await this.sandboxReady
  }

  /** Stops taking jobs; jobs already running finish or fail with the sandbox. */
  async stop (): Promise<void> {
    this.accepting = false
    await this.components.host.unhandle(JOB_PROTOCOL).catch(() => {})
    this.seen.stop()
    if (this.sandboxReady != null) await this.components.sandbox.stop()
  }

  /** Jobs this runner handled, oldest first (bounded). */
  jobs (): RunnerJobRecord[] {
    return [...this.jobLog]
  }

  stats (): { inFlight: number, capacity: number, executed: number, byPolicy: Record<string, number> } {
    const byPolicy: Record<string, number> = {}
    let executed = 0
    for (const job of this.jobLog) {
      if (job.result !== 'ok') continue
      executed++
      byPolicy[job.policyId] = (byPolicy[job.policyId] ?? 0) + 1
    }
    return { inFlight: this.inFlight, capacity: this.capacity, executed, byPolicy }
  }

  /** The sandbox's settings (workerd processes, each job's limits) and its processes now. */
  sandbox (): ReturnType<WorkerSandbox['settings']> & { live: ReturnType<WorkerSandbox['stats']> } {
    return { ...this.components.sandbox.settings(), live: this.components.sandbox.stats() }
  }

  private async handle (stream: Stream, connection: Connection): Promise<void> {
    const client = connection.remotePeer
    const lp = lengthPrefixed(stream, { maxDataLength: MAX_JOB_REQUEST_BYTES })
    let bytes: Uint8Array
    try {
      bytes = (await lp.read({ signal: AbortSignal.timeout(REQUEST_READ_TIMEOUT_MS) })).subarray()
    } catch (err) {
      // a frame over the bound is refused from its length prefix, before anything is buffered;
      // the stream cannot carry an answer after a framing error, so it is reset
      stream.abort(err as Error)
      if (isOversizeFrame(err)) {
        this.components.penalise(client, PeerAction.MalformedMessage, `job request over ${MAX_JOB_REQUEST_BYTES} bytes`)
      }
      return
    }
    let jobId = '?'
    let policyId = '?'
    const penalties: Array<[PeerAction, string]> = []
    const outcome = await this.execute(bytes, client, ids => { jobId = ids.jobId; policyId = ids.policyId }, (action, reason) => { penalties.push([action, reason]) })
    const result = outcome instanceof JobError ? outcome.code : 'ok'
    this.record({ jobId, policyId, client: client.toString(), result, at: this.now() })
    this.components.metrics?.jobs.inc({ role: 'runner', result: result.toLowerCase() })
    await this.reply(lp, stream, outcome)
    // after the answer: a penalty may hang up, and the client should still learn why it was refused
    for (const [action, reason] of penalties) this.components.penalise(client, action, reason)
  }

  private async reply (lp: LengthPrefixed, stream: Stream, outcome: Uint8Array | JobError): Promise<void> {
    try {
      const response = outcome instanceof JobError ? encodeJobResponse({ failure: failureFromJobError(outcome) }) : outcome
      await lp.write(response, { signal: AbortSignal.timeout(REQUEST_READ_TIMEOUT_MS) })
      await stream.close({ signal: AbortSignal.timeout(REQUEST_READ_TIMEOUT_MS) })
    } catch (err) {
      stream.abort(err as Error)
    }
  }

  /** Runs one request; returns the encoded response, or the JobError to answer with. */
  private async execute (bytes: Uint8Array, client: PeerId, identify: (ids: { jobId: string, policyId: string }) => void, penalise: (action: PeerAction, reason: string) => void): Promise<Uint8Array | JobError> {
    if (!this.accepting) return new JobError('RUNNER_SHUTTING_DOWN', 'this runner is stopping')
    let request
    try {
      request = decodeJobRequest(bytes)
    } catch (err) {
      penalise(PeerAction.MalformedMessage, `job request: ${(err as Error).message}`)
      if (err instanceof WireError && err.code === 'TOO_LARGE') return new JobError(/inline_code/.test(err.message) ? 'CODE_TOO_LARGE' : 'INPUT_TOO_LARGE', err.message)
      return new JobError('MALFORMED_REQUEST', (err as Error).message)
    }
    const { jobId, policyId } = request
    identify({ jobId: jobIdHex(jobId), policyId })
    this.components.inbound?.emitInbound({ kind: 'job', from: client.toString(), policyId })

    // in scope, by this runner's own verified view (the client's view is not evidence)
    const self = this.components.host.peerId.toString()
    if (!this.components.attestations.scopes.hasPolicy(policyId)) await this.components.policies.find(policyId)
    if (!this.components.attestations.scopes.hasPolicy(policyId)) return new JobError('OUT_OF_SCOPE', `this runner does not know policy ${policyId}`)
    if (!this.components.attestations.scopes.inScope(policyId, self)) {
      const why = this.components.attestations.scopes.explain(policyId).find(e => e.peerId === self)
      return new JobError('OUT_OF_SCOPE', `this runner is not in the scope of ${policyId}${why != null ? `: ${why.reason}` : ''}`)
    }

    const problem = jobIdProblem(jobId, this.now())
    if (problem != null) return new JobError('CLOCK_SKEW', problem)
    if (this.inFlight >= this.capacity) return new JobError('RUNNER_BUSY', `this runner is running ${this.inFlight} jobs, its capacity`)

    const cid = CID.decode(request.workerCid).toString()
    let code: Uint8Array | undefined
    if (request.inlineCode != null && request.inlineCode.length > 0) {
      if (!checkCodeMatchesCid(request.inlineCode, request.workerCid)) {
        penalise(PeerAction.ProtocolViolation, 'job code does not match its CID')
        return new JobError('CODE_MISMATCH', `the inline code does not hash to ${cid}`)
      }
      code = request.inlineCode
    } else {
      code = await this.code.get(cid)
      // what was stored is checked again: a damaged store must not run other code
      if (code != null && !checkCodeMatchesCid(code, request.workerCid)) code = undefined
      code ??= await this.fetchCode(cid, policyId, request.workerCid)
      if (code == null) return new JobError('WORKER_NOT_FOUND', `this runner does not have worker ${cid} and could not fetch it from the policy's storage; put it with \`blob put --plain\` or send the code inline`)
    }

    let input: Uint8Array
    try {
      input = openSealedBox(this.components.keys.x25519Secret, request.input, jobInputAad(jobId, policyId, request.workerCid))
    } catch {
      return new JobError('DECRYPT_FAILED', 'the input does not decrypt with this runner\'s enclave key (tampered, or sealed to another key)')
    }

    // claimed only now: a request refused above may be retried with the same id
    const claim = await this.seen.claim(jobId)
    if (claim === 'seen') {
      penalise(PeerAction.ProtocolViolation, 'replayed job id')
      return new JobError('DUPLICATE_JOB', `job ${jobIdHex(jobId)} was already run by this runner`)
    }
    if (claim === 'full') return new JobError('RUNNER_BUSY', 'this runner remembers too many recent jobs; try later')
    await this.code.put(cid, code)

    this.inFlight++
    try {
      const timeoutMs = Math.min(request.timeoutMs > 0 ? request.timeoutMs : DEFAULT_JOB_TIMEOUT_MS, MAX_JOB_TIMEOUT_MS)
      const record = this.components.attestations.recordOf(self)
      await this.ensureSandbox()
      const result = await this.components.sandbox.run({
        jobId: jobIdHex(jobId),
        codeId: cid,
        code,
        input,
        appId: this.components.policies.store.get(policyId)?.policy.owner ?? '',
        onGetKey: this.keyReleaseFor(policyId),
        policyId,
        // the runner's signed attestation record (the same bytes peers verify), so a worker can hand it on
        attestation: record != null
          ? { peerId: self, operator: record.operator, evidenceKind: record.evidence.kind, expiresAtMs: record.expiresAtMs, signedRecord: Buffer.from(this.components.attestations.ownRecord ?? []).toString('base64') }
          : null,
        limits: { wallTimeMs: timeoutMs }
      })
      const aad = jobOutputAad(jobId, policyId, request.workerCid)
      const { box } = sealToKey(request.input.ephemeralPublic, result.output, aad)
      const receipt = signReceipt({
        jobId,
        policyId,
        workerCid: request.workerCid,
        inputHash: sha256(input),
        outputHash: sha256(result.output),
        status: result.status
      }, this.components.keys.signingSecret)
      if (this.faults.corruptOutput) box.ciphertext[0] ^= 0xff
      if (this.faults.corruptReceipt) receipt.signature[0] ^= 0xff
      return encodeJobResponse({ ok: { output: box, receipt } })
    } catch (err) {
      if (err instanceof SandboxError) return new JobError(SANDBOX_TO_JOB[err.code] ?? 'INTERNAL', err.message)
      this.log.error('job failed', { jobId: jobIdHex(jobId), err })
      return new JobError('INTERNAL', 'the runner failed to run the job')
    } finally {
      this.inFlight--
    }
  }

  /** Worker code from the blobs of the job's policy; checked against the CID like inline code. */
  private async fetchCode (cid: string, policyId: string, cidBytes: Uint8Array): Promise<Uint8Array | undefined> {
    if (this.components.fetchCode == null) return undefined
    try {
      const code = await this.components.fetchCode(cid, policyId)
      return checkCodeMatchesCid(code, cidBytes) ? code : undefined
    } catch (err) {
      this.log.debug('worker code fetch failed', { cid, err: (err as Error).message })
      return undefined
    }
  }

  /** getKey(name) for a job of this policy: the app key is (policy owner, policy name). */
  private keyReleaseFor (policyId: string): ((name: string) => Promise<Uint8Array>) | undefined {
    const release = this.components.keyRelease
    const policy = this.components.policies.store.get(policyId)?.policy
    if (release == null || policy == null) return undefined
    return async name => await release.deriveKey(policy.owner, policy.name, name)
  }

  private record (entry: RunnerJobRecord): void {
    this.jobLog.push(entry)
    if (this.jobLog.length > JOB_LOG_MAX) this.jobLog.shift()
  }
}

const SANDBOX_TO_JOB: Record<string, JobErrorCode> = {
  TIMEOUT: 'WORKER_TIMEOUT',
  CPU_EXCEEDED: 'WORKER_CPU_EXCEEDED',
  MEMORY_EXCEEDED: 'WORKER_MEMORY_EXCEEDED',
  OUTPUT_TOO_LARGE: 'OUTPUT_TOO_LARGE',
  CODE_TOO_LARGE: 'CODE_TOO_LARGE',
  WORKER_THREW: 'WORKER_THREW',
  BAD_WORKER: 'WORKER_THREW',
  BUSY: 'RUNNER_BUSY',
  ABORTED: 'RUNNER_SHUTTING_DOWN',
  UNAVAILABLE: 'RUNNER_SHUTTING_DOWN'
}

function sha256 (bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest())
}
