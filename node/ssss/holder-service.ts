import {
  decodeSsssCall, decodeSsssRequest, dealAad, encodeSsssReply, encodeSsssResponse, failureFromSsssError, openShare, Point, replyAad, sealShare,
  SSSS_GET_PROTOCOL, SSSS_PROTOCOL, SsssError, verifySecretControl, verifySecretSpec, verifyShare, verifyShareRequest, verifyShareRequestAsync, type SecretControl, type SecretSpec, type ShareRequest, type SsssRequest, type SsssResponse
} from '../../protocol/ssss/index.js'
import { offloadCpuWork, underDeadline } from '../runtime/index.js'
import { SealingKeys } from '../../protocol/job/index.js'
import { lineageKey } from '../../protocol/policy/index.js'
import { WireError } from '../../protocol/wire/index.js'
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../constants.js'
import { limitStreams, PeerAction, PeerRateLimiter, reportRefusal, type RateVerdict } from '../peer-score/index.js'
import { RecentNonces } from './recent-nonces.js'
import { ShareStore, type StoredShare } from './share-store.js'
import { ssssFrames, ssssMessages } from './transport.js'
import type { InboundObserver } from '../observe/index.js'
import type { AttestationService, EnclaveKeys } from '../attestations/index.js'
import { isOversizeFrame, type Host } from '../host/index.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { PolicyService } from '../policies/index.js'
import type { Connection, PeerId, Stream } from '@libp2p/interface'
import type { Datastore } from 'interface-datastore'

/** A share request older or newer than this (against the holder's clock) is refused. */
export const REQUEST_WINDOW_MS = 60_000
/** Control messages (commit, delete) are accepted within this window of their issue time. */
const CONTROL_WINDOW_MS = 10 * 60_000
const STREAM_TIMEOUT_MS = 10_000
/** ~60 bytes a nonce: 30 MB at most, reached only past ~2,000 accepted requests a second sustained. */
const MAX_NONCES = 500_000
/**
 * Of which one requester may hold this many: a runner signs one request per
 * release for all its holders, so this is ~200 releases a second sustained
 * over the replay window, far beyond a runner's need, and it takes 10
 * requesters, each in the scope of an app with a share here, to fill the table.
 */
const MAX_NONCES_PER_REQUESTER = 50_000
/**
 * A share request channel with no call for this long is closed by the holder
 * (requesters close theirs sooner, CHANNEL_IDLE_MS in transport.ts: the side
 * that sends closes first, so a call rarely meets a closing channel).
 */
const CHANNEL_IDLE_MS = 60_000
/** Calls of one channel served at once; the channel is not read further until one finishes. */
const CHANNEL_IN_FLIGHT = 16

export interface HolderComponents {
  host: Host
  keys: EnclaveKeys
  attestations: AttestationService
  policies: PolicyService
  datastore: Datastore
  penalise: (peer: PeerId, action: PeerAction, reason: string) => void
  metrics?: NodeMetrics
  /** What one peer may ask of this node (default DEFAULT_RATE_LIMITS; --rate-limit). */
  rateLimits?: RateLimits
  logger: Logger
  /** Where arrivals are reported (the simulator's scope invariant). */
  inbound?: InboundObserver
  now?: () => number
}

/** What a holder did with one request: kept (bounded) so tests and operators can see who got shares. */
export interface HolderEvent { kind: 'deal' | 'commit' | 'delete' | 'get', peer: string, owner: string, app: string, version: number, result: string }

/**
 * The SSSS role: holds shares of app keys, dealt by their owners, and
 * releases a share only to a requester that this holder itself verifies:
 * in the app's scope, asking with its attested enclave keys, in a fresh,
 * signed, never-replayed request. Shares go out sealed to the requester's
 * attested key, never in plaintext. Only the owner deals, commits or deletes.
 */
export class HolderService {
  /** Byzantine behaviour for the simulator and tests: answer with a corrupted share. Off on every real node. */
  readonly faults = { corruptShare: false }
  readonly store: ShareStore
  private readonly log: Logger
  private readonly now: () => number
  /** When this run began serving: requests signed earlier could be replays its replay memory has lost. */
  private servingSince = 0
  /** Nonces of accepted requests: a request is refused as stale after REQUEST_WINDOW_MS either way, so twice that covers a replay. */
  private readonly nonces: RecentNonces
  private readonly events: HolderEvent[] = []
  /** Writes to one secret (deal, commit, delete) run one at a time, so a check and the write it guards cannot interleave with another. */
  private readonly writing = new Map<string, Promise<unknown>>()
  /** A runner asks again and again: its shares are sealed under one ephemeral key per runner for a while. */
  private readonly sealing = new SealingKeys()
  /** Share requests per peer over its channels (new channels and one-shot streams are limited where they are handled). */
  private readonly calls: PeerRateLimiter

  private readonly rateLimits: RateLimits

  constructor (private readonly components: HolderComponents) {
    this.store = new ShareStore(components.datastore, components.keys.x25519Secret)
    this.log = components.logger.child('ssss')
    this.rateLimits = components.rateLimits ?? DEFAULT_RATE_LIMITS
    this.calls = new PeerRateLimiter(this.rateLimits.ssssRequests)
    this.now = components.now ?? Date.now
    this.nonces = new RecentNonces({ keepMs: 2 * REQUEST_WINDOW_MS, max: MAX_NONCES, maxPerRequester: MAX_NONCES_PER_REQUESTER, now: this.now })
    this.handle = this.handle.bind(this)
    this.handleChannel = this.handleChannel.bind(this)
  }

  async register (): Promise<void> {
    this.servingSince = this.now()
    await this.components.host.handle(SSSS_PROTOCOL, limitStreams(SSSS_PROTOCOL, this.rateLimits.ssss, this.handle, this.components), { maxInboundStreams: 64, maxOutboundStreams: 256 })
    // a requester keeps one channel to a holder (one more while a broken one closes)
    await this.components.host.handle(SSSS_GET_PROTOCOL, limitStreams(SSSS_GET_PROTOCOL, this.rateLimits.ssssChannel, this.handleChannel, this.components), { maxInboundStreams: 4, maxOutboundStreams: 4 })
  }

  async unregister (): Promise<void> {
    await this.components.host.unhandle(SSSS_PROTOCOL).catch(() => {})
    await this.components.host.unhandle(SSSS_GET_PROTOCOL).catch(() => {})
  }

  /** Recent requests and what this holder answered (bounded). */
  history (): HolderEvent[] {
    return [...this.events]
  }

  private async handle (stream: Stream, connection: Connection): Promise<void> {
    const peer = connection.remotePeer
    const lp = ssssMessages(stream)
    const answer = await underDeadline(STREAM_TIMEOUT_MS, async signal => {
      let answer: Answer
      try {
        answer = await this.answer((await lp.read({ signal })).subarray(), peer)
      } catch (err) {
        this.streamFailed(stream, peer, err as Error)
        return undefined
      }
      try {
        await lp.write(encodeSsssResponse(answer.response), { signal })
        await stream.close({ signal })
      } catch (err) {
        stream.abort(err as Error)
      }
      return answer
    })
    if (answer?.penalty != null) this.components.penalise(peer, PeerAction.ProtocolViolation, `ssss: ${answer.penalty}`)
  }

  /**
   * A requester's long-lived channel of share requests (SSSS_GET_PROTOCOL):
   * each call is served as a one-shot request would be, with the same checks
   * and penalties, and answered under its id. At most CHANNEL_IN_FLIGHT calls
   * are served at once (the next frame is read when one finishes); a channel
   * with no frame for CHANNEL_IDLE_MS is closed; a frame that does not decode
   * or is oversize ends it.
   */
  private async handleChannel (stream: Stream, connection: Connection): Promise<void> {
    const peer = connection.remotePeer
    const requester = peer.toString()
    const lp = ssssFrames(stream)
    const slots = new Set<Promise<void>>()
    let failed = false
    const reply = async (id: number, answer: Answer, knownSpec?: `0x${string}`): Promise<void> => {
      try {
        // a frame goes to the muxer in one piece, so replies written concurrently do not interleave
        if (!failed) await underDeadline(STREAM_TIMEOUT_MS, async signal => { await lp.write(encodeSsssReply(id, answer.response, knownSpec), { signal }) })
      } finally {
        // after the reply (a penalty may hang up on the peer), and whether or not it got through: a requester
        // that stops reading must not escape it
        if (answer.penalty != null) this.components.penalise(peer, PeerAction.ProtocolViolation, `ssss: ${answer.penalty}`)
      }
    }
    // one idle deadline, pushed back by every frame (rather than a timer per frame)
    let idle = new AbortController()
    let idleTimer: ReturnType<typeof setTimeout> | undefined
    const rearm = (): void => {
      clearTimeout(idleTimer)
      if (idle.signal.aborted) idle = new AbortController()
      const mine = idle
      idleTimer = setTimeout(() => { mine.abort(new Error('idle')) }, CHANNEL_IDLE_MS)
    }
    try {
      while (true) {
        while (slots.size >= CHANNEL_IN_FLIGHT) await Promise.race(slots)
        rearm()
        let bytes: Uint8Array
        try {
          bytes = (await lp.read({ signal: idle.signal })).subarray()
        } catch (err) {
          // the requester closed its end, or the channel stayed idle: done, once the calls in flight are answered
          if (idle.signal.aborted || /UnexpectedEOF/.test(`${(err as Error).name}`)) break
          throw err
        }
        const { id, body, knownSpec } = decodeSsssCall(bytes)
        // over its rate a call is answered at once, before its signature is checked
        const verdict = this.calls.take(requester)
        const answering = verdict === 'ok' ? this.answerCall(body, peer) : Promise.resolve(this.rateLimited(peer, verdict))
        const slot: Promise<void> = answering
          .then(async answer => { await reply(id, answer, knownSpec) })
          .catch(err => { failed = true; stream.abort(err as Error) })
          .finally(() => { slots.delete(slot) })
        slots.add(slot)
      }
      await Promise.allSettled(slots)
      if (!failed) await stream.close({ signal: AbortSignal.timeout(STREAM_TIMEOUT_MS) })
    } catch (err) {
      failed = true
      this.streamFailed(stream, peer, err as Error)
    } finally {
      clearTimeout(idleTimer)
    }
  }

  /** The response to one encoded request, and the reason to penalise its sender if it broke the protocol. Throws only what ends the stream. */
  private async answer (bytes: Uint8Array, peer: PeerId, channel = false): Promise<Answer> {
    let request: SsssRequest
    try {
      request = decodeSsssRequest(bytes)
    } catch (err) {
      if (!(err instanceof WireError)) throw err
      return this.refused('malformed', new SsssError('MALFORMED', err.message), err.message)
    }
    const kind = 'get' in request ? 'get' : 'deal' in request ? 'deal' : 'control'
    if (channel && kind !== 'get') {
      return this.refused(kind, new SsssError('MALFORMED', 'only share requests go over a channel'), 'a deal or control message on a share request channel')
    }
    try {
      const response = await this.serve(request, peer)
      this.components.metrics?.ssssRequests.inc({ kind, result: 'share' in response ? 'share' : 'ok' })
      return { response }
    } catch (err) {
      if (!(err instanceof SsssError)) throw err
      const penalised = err.code === 'BAD_SIGNATURE' || err.code === 'REPLAYED' || err.code === 'BAD_SHARE'
      return this.refused(kind, err, penalised ? err.message : undefined)
    }
  }

  /** A refusal as an answer (with the reason to penalise its sender, if any), counted on /metrics by what was asked and why it was refused. */
  private refused (kind: 'get' | 'deal' | 'control' | 'malformed', err: SsssError, penalty?: string): Answer {
    this.components.metrics?.ssssRequests.inc({ kind, result: err.code.toLowerCase() })
    return { response: { failure: failureFromSsssError(err) }, ...(penalty != null ? { penalty } : {}) }
  }

  /** The answer to a call over the peer's rate: RATE_LIMITED, counted, and a penalty if it keeps on. */
  private rateLimited (peer: PeerId, verdict: Exclude<RateVerdict, 'ok'>): Answer {
    const reason = `more than ${this.rateLimits.ssssRequests.perSecond} share requests a second (burst ${this.rateLimits.ssssRequests.burst})`
    reportRefusal(this.components, `${SSSS_GET_PROTOCOL} calls`, peer, verdict, `ssss: ${reason}`)
    return this.refused('get', new SsssError('RATE_LIMITED', reason))
  }

  /** A call on a channel: a share request, answered as the one-shot protocol would; a failure of this node fails the call, not the channel. */
  private async answerCall (body: Uint8Array, peer: PeerId): Promise<Answer> {
    try {
      return await this.answer(body, peer, true)
    } catch (err) {
      this.log.debug('ssss call failed', { peer, err })
      return { response: { failure: failureFromSsssError(new SsssError('INTERNAL', 'the holder failed to serve the request')) } }
    }
  }

  /** A stream that cannot go on: oversize or undecodable frames cost the sender; anything else is logged. */
  private streamFailed (stream: Stream, peer: PeerId, err: Error): void {
    stream.abort(err)
    if (err instanceof WireError || isOversizeFrame(err)) {
      this.components.penalise(peer, PeerAction.MalformedMessage, `ssss: ${err.message}`)
    } else {
      this.log.debug('ssss stream failed', { peer, err })
    }
  }

  /** A request from this node itself (a node may deal to, or run jobs beside, its own holder role). */
  async serveLocal (request: ReturnType<typeof decodeSsssRequest>): Promise<SsssResponse> {
    try {
      return await this.serve(request, this.components.host.peerId)
    } catch (err) {
      if (err instanceof SsssError) return { failure: failureFromSsssError(err) }
      throw err
    }
  }

  private async serve (request: ReturnType<typeof decodeSsssRequest>, peer: PeerId): Promise<SsssResponse> {
    if ('deal' in request) return await this.deal(request.deal.spec, request.deal.share, peer)
    if ('control' in request) return await this.control(request.control, peer)
    return await this.release(request.get, peer)
  }

  /** The policy of (owner, name), latest version, and whether `peerId` is in its scope by this node's view. */
  private inScope (owner: string, name: string, peerId: string): boolean {
    const policy = this.components.policies.store.latest(owner, name)
    return policy != null && this.components.attestations.scopes.inScope(policy.id, peerId)
  }

  private myIndex (spec: SecretSpec): number {
    const me = this.components.host.peerId.toMultihash().bytes
    const i = spec.holders.findIndex(h => h.length === me.length && h.every((b, k) => b === me[k]))
    return i + 1
  }

  /** Runs `write` after every earlier write to (owner, app) finished. */
  private async exclusive<T> (owner: string, app: string, write: () => Promise<T>): Promise<T> {
    const id = lineageKey(owner, app)
    const before = this.writing.get(id) ?? Promise.resolve()
    const mine = before.catch(() => {}).then(write)
    const tail = mine.catch(() => {})
    this.writing.set(id, tail)
    try {
      return await mine
    } finally {
      // the map holds only secrets with a write in flight
      if (this.writing.get(id) === tail) this.writing.delete(id)
    }
  }

  private async deal (spec: SecretSpec, box: { ephemeralPublic: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array }, peer: PeerId): Promise<SsssResponse> {
    await verifySecretSpec(spec)
    return await this.exclusive(spec.owner, spec.app, async () => await this.dealVerified(spec, box, peer))
  }

  private async dealVerified (spec: SecretSpec, box: { ephemeralPublic: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array }, peer: PeerId): Promise<SsssResponse> {
    this.components.inbound?.emitInbound({ kind: 'share-deal', from: peer.toString(), owner: spec.owner, name: spec.custody })
    const self = this.components.host.peerId.toString()
    const index = this.myIndex(spec)
    if (index === 0) throw new SsssError('NOT_IN_CUSTODY', 'this node is not among the holders of this secret')
    if (!this.inScope(spec.owner, spec.custody, self)) throw new SsssError('NOT_IN_CUSTODY', `this node is not in the scope of custody policy "${spec.custody}"`)
    const share = openShare(box, this.components.keys.x25519Secret, dealAad(spec.owner, spec.app, spec.version, index), index)
    const commitments = spec.commitments.map(c => Point.fromBytes(c))
    if (!verifyShare(share, commitments)) throw new SsssError('BAD_SHARE', 'the dealt share does not match the commitments')
    if (spec.version <= await this.store.deletedUpTo(spec.owner, spec.app)) throw new SsssError('VERSION_CONFLICT', `version ${spec.version} was deleted by the owner; deal a newer one`)
    const versions = await this.store.versions(spec.owner, spec.app)
    const committed = versions.filter(v => v.committed).at(-1)
    if (committed != null && spec.version <= committed.spec.version) throw new SsssError('VERSION_CONFLICT', `version ${spec.version} is not newer than the committed ${committed.spec.version}`)
    const same = versions.find(v => v.spec.version === spec.version)
    if (same != null) {
      // a retried deal of the same dealing is fine; another dealing under the same version is not
      if (same.spec.signature !== spec.signature) throw new SsssError('VERSION_CONFLICT', `version ${spec.version} was dealt already`)
      return { ok: true }
    }
    await this.store.put({ spec, share, committed: false })
    this.log.debug('share stored', { owner: spec.owner, app: spec.app, version: spec.version, from: peer })
    this.record({ kind: 'deal', peer: peer.toString(), owner: spec.owner, app: spec.app, version: spec.version, result: 'ok' })
    return { ok: true }
  }

  private async control (control: SecretControl, peer: PeerId): Promise<SsssResponse> {
    await verifySecretControl(control)
    if (Math.abs(this.now() - control.issuedAtMs) > CONTROL_WINDOW_MS) throw new SsssError('STALE_REQUEST', 'the control message is too old or from the future')
    const kind = control.action === 'DELETE' ? 'delete' : 'commit'
    const result = await this.exclusive(control.owner, control.app, async () => control.action === 'DELETE' ? await this.deleteUpTo(control) : await this.commit(control))
    this.record({ kind, peer: peer.toString(), owner: control.owner, app: control.app, version: control.version, result })
    return { ok: true }
  }

  /**
   * The owner's COMMIT: the version is served from now on. The previous
   * committed version stays, because this holder cannot know whether t
   * holders committed the new one: until the owner's prune (a DELETE of the
   * older versions, relayed only once t holders committed) it is the
   * runners' fallback. Anything older than that goes now.
   */
  private async commit (control: SecretControl): Promise<string> {
    const stored = await this.store.get(control.owner, control.app, control.version)
    if (stored == null) throw new SsssError('UNKNOWN_SECRET', `version ${control.version} was not dealt to this holder`)
    if (!stored.committed) await this.store.put({ ...stored, committed: true })
    this.log.debug('version committed', { owner: control.owner, app: control.app, version: control.version })
    const older = (await this.store.versions(control.owner, control.app)).filter(v => v.spec.version < control.version)
    const previous = older.filter(v => v.committed).at(-1)
    for (const old of older) {
      if (old !== previous) await this.store.delete(control.owner, control.app, old.spec.version)
    }
    return 'ok'
  }

  /**
   * The owner's DELETE of a version removes it and every older one, and
   * leaves a tombstone so that a replayed dealing of those versions is
   * refused. A holder that holds none of them answers UNKNOWN_SECRET.
   */
  private async deleteUpTo (control: SecretControl): Promise<string> {
    const removed = await this.store.deleteUpTo(control.owner, control.app, control.version)
    if (removed.length > 0) {
      this.log.debug('versions deleted', { owner: control.owner, app: control.app, versions: removed })
      return 'ok'
    }
    if (await this.store.deletedUpTo(control.owner, control.app) >= control.version) return 'already'
    throw new SsssError('UNKNOWN_SECRET', `this holder holds no version up to ${control.version} of that secret`)
  }

  private async release (request: ShareRequest, peer: PeerId): Promise<SsssResponse> {
    const requester = peer.toString()
    const event = (result: string): void => { this.record({ kind: 'get', peer: requester, owner: request.owner, app: request.app, version: request.version, result }) }
    try {
      const record = this.components.attestations.recordOf(requester)
      if (record == null) throw new SsssError('NOT_IN_SCOPE', 'this holder has no valid attestation of the requester')
      const requesterId = peer.toMultihash().bytes
      // the signature check is the largest part of serving a request: off the event loop when that is the bottleneck
      const signed = offloadCpuWork() ? await verifyShareRequestAsync(requesterId, request, record.enclaveSigningKey) : verifyShareRequest(requesterId, request, record.enclaveSigningKey)
      if (!signed) throw new SsssError('BAD_SIGNATURE', 'the request is not signed by the requester\'s attested enclave key')
      if (!equal(request.replyX25519, record.enclaveX25519)) throw new SsssError('NOT_IN_SCOPE', 'the reply key is not the requester\'s attested enclave key')
      if (Math.abs(this.now() - request.timestampMs) > REQUEST_WINDOW_MS) throw new SsssError('STALE_REQUEST', `the request is more than ${REQUEST_WINDOW_MS / 1000} s off this holder's clock`)
      // the nonces of requests signed before this holder started were in the memory of its previous run
      if (request.timestampMs < this.servingSince) throw new SsssError('STALE_REQUEST', 'the request was signed before this holder started; sign a fresh one')
      if (!this.inScope(request.owner, request.app, requester)) throw new SsssError('NOT_IN_SCOPE', `the requester is not in the scope of app "${request.app}"`)
      const stored = request.version === 0 ? await this.store.latestCommitted(request.owner, request.app) : await this.committedVersion(request.owner, request.app, request.version)
      if (stored == null) throw new SsssError('UNKNOWN_SECRET', 'this holder has no committed share of that secret')
      // leaving the custody scope stops service at once
      if (!this.inScope(stored.spec.owner, stored.spec.custody, this.components.host.peerId.toString())) throw new SsssError('NOT_IN_CUSTODY', 'this holder is no longer in the custody scope')
      // every other check first: any attested peer can sign fresh requests, and only one this holder
      // serves may spend its (bounded) replay memory
      this.claimNonce(request.nonce, requester)
      const served = this.faults.corruptShare ? { ...stored.share, value: (stored.share.value % 1000n) + 1n } : stored.share
      const share = sealShare(served, record.enclaveX25519, replyAad(stored.spec.owner, stored.spec.app, stored.spec.version, stored.share.index, request.nonce), this.sealing)
      event('released')
      return { share: { spec: stored.spec, share } }
    } catch (err) {
      event(err instanceof SsssError ? err.code : 'error')
      throw err
    }
  }

  private async committedVersion (owner: string, app: string, version: number): Promise<StoredShare | undefined> {
    const stored = await this.store.get(owner, app, version)
    return stored?.committed === true ? stored : undefined
  }

  private claimNonce (nonce: Uint8Array, requester: string): void {
    const claimed = this.nonces.claim(nonce, requester)
    if (claimed === 'seen') throw new SsssError('REPLAYED', 'this request nonce was used before')
    if (claimed === 'full') throw new SsssError('INTERNAL', 'too many recent requests to remember another; retry')
    if (claimed === 'requester-full') throw new SsssError('RATE_LIMITED', `more than ${MAX_NONCES_PER_REQUESTER} requests from this requester within the replay window (${2 * REQUEST_WINDOW_MS / 1000}-${4 * REQUEST_WINDOW_MS / 1000} s)`)
  }

  private record (event: HolderEvent): void {
    this.events.push(event)
    if (this.events.length > 10_000) this.events.shift()
  }
}

interface Answer { response: SsssResponse, penalty?: string }

function equal (a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
