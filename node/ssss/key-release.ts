import type { InboundObserver } from '../observe/index.js'
import { createHash, hkdfSync, randomBytes } from 'node:crypto'
import { peerIdFromMultihash, peerIdFromString } from '@libp2p/peer-id'
import * as Digest from 'multiformats/hashes/digest'
import {
  openShare, Point, reconstruct, replyAad, scalarToBytes, signShareRequest, SsssError, ssssErrorFromFailure, type ShareRequest, verifySecretSpec, verifyShare, verifySharesBatch,
  type SecretSpec, type Share
} from '../../protocol/ssss/index.js'
import { OpeningKeys, type SealedBox } from '../../protocol/job/index.js'
import { PeerAction } from '../peer-score/index.js'
import { isLostStream, SsssChannels, type LocalHolder } from './transport.js'
import type { AttestationService, EnclaveKeys } from '../attestations/index.js'
import type { Host } from '../host/index.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { PeerId } from '@libp2p/interface'
import { BoundedMap } from '../../protocol/util/index.js'

const REQUEST_TIMEOUT_MS = 5_000
/**
 * A release asks t holders (when it knows t from an earlier release), and one
 * more for each that fails; if t valid shares have not arrived after this
 * long, it asks every holder left, so that a holder that hangs costs this
 * much rather than REQUEST_TIMEOUT_MS.
 */
export const HEDGE_MS = 1_000
/** A holder that failed a request within this window is asked after the others. */
const FAILURE_MEMORY_MS = 60_000
/** Secrets (owner, app) and holders this runner remembers between releases; least recently used go first. */
const REMEMBERED_MAX = 4096
/**
 * Dealings whose commitments this runner keeps decoded, with the digests of
 * the shares it already checked against them: a holder's share of a dealing
 * never changes, so a release of a key released before checks no point, and
 * decoding a commitment costs a square root. Least recently used go first.
 */
const DEALING_CACHE_MAX = 256
/** Holders asked at most when the holder list is not known yet. */
const MAX_FANOUT = 32

export interface KeyReleaseComponents {
  host: Host
  keys: EnclaveKeys
  attestations: AttestationService
  penalise: (peer: PeerId, action: PeerAction, reason: string) => void
  logger: Logger
  metrics?: NodeMetrics
  /** This node's own holder role, if any: a runner that also holds asks itself without the network. */
  local?: LocalHolder
  /** Where arrivals are reported (the simulator's scope invariant). */
  inbound?: InboundObserver
}

/**
 * The runner's side of key release: asks the holders of an app's key for
 * their shares in parallel, checks each against the owner-signed
 * commitments (a byzantine holder's share is detected and skipped),
 * reconstructs the key from t valid shares and derives the named key with
 * HKDF. The app key exists only here, in the runner, for the call.
 */
export class KeyRelease {
  /** The last valid spec of each (owner, app), and its holders as peer ids. */
  private readonly known = new BoundedMap<string, { holders: string[], spec: SecretSpec }>(REMEMBERED_MAX)
  /** When each holder last failed a request (cleared by an answer). */
  private readonly failures = new BoundedMap<string, number>(REMEMBERED_MAX)
  private readonly dealings = new BoundedMap<string, DealingCache>(DEALING_CACHE_MAX)
  private readonly peers = new BoundedMap<string, PeerId>(REMEMBERED_MAX)
  private readonly log: Logger
  /** One long-lived request stream per holder: a release costs a frame each way per holder, not a new stream. */
  private readonly channels: SsssChannels
  /** Holders reuse an ephemeral key for a runner a while (SealingKeys): the key agreed with each is kept too. */
  private readonly opening: OpeningKeys

  constructor (private readonly components: KeyReleaseComponents) {
    this.log = components.logger.child('key-release')
    this.channels = new SsssChannels(components.host, components.penalise)
    this.opening = new OpeningKeys(components.keys.x25519Secret)
  }

  /** Closes the share request channels (on the node's stop); later releases use one-shot streams. Safe to call twice. */
  close (): void {
    this.channels.close()
  }

  /** HKDF-SHA256 of the app key, with the key name as info: a distinct 32-byte key per name. */
  async deriveKey (owner: string, app: string, name: string): Promise<Uint8Array> {
    const appKey = await this.appKey(owner, app)
    return new Uint8Array(hkdfSync('sha256', appKey, new TextEncoder().encode('escrin-ssss/1 app key'), new TextEncoder().encode(name), 32))
  }

  /** The app key of (owner, app), reconstructed from t holders' verified shares; an SsssError when it cannot be. */
  async appKey (owner: string, app: string): Promise<Uint8Array> {
    const started = performance.now()
    try {
      const key = await this.release(owner, app)
      this.components.metrics?.keyReleases.inc({ result: 'ok' })
      this.components.metrics?.keyReleaseLatency.observe((performance.now() - started) / 1000)
      return key
    } catch (err) {
      this.components.metrics?.keyReleases.inc({ result: err instanceof SsssError ? err.code.toLowerCase() : 'error' })
      throw err
    }
  }

  private async release (owner: string, app: string): Promise<Uint8Array> {
    owner = owner.toLowerCase()
    const { host, attestations } = this.components
    const self = host.peerId.toString()
    const known = remember(this.known, `${owner}/${app}`)
    const candidates = this.order((known?.holders ?? attestations.peersWithRole('ssss')).filter(p => p !== self || this.components.local != null)).slice(0, MAX_FANOUT)
    if (candidates.length === 0) throw new SsssError('NO_HOLDERS', 'no SSSS node is known to this runner')
    const state: Release = { owner, app, myPeerId: host.peerId.toMultihash().bytes, knownSpec: known?.spec, groups: new Map(), problems: [], answered: new Map() }
    // t of the holders when t is known, more as needed; all of them the first time
    let result = await this.round(state, candidates, 0, known?.spec.threshold ?? candidates.length)
    if (result == null) {
      // A rotation that fewer than t holders committed: they serve the new
      // version, the others the previous one, which the new ones keep until
      // the owner's prune. Ask the holders that answered with a newer version
      // for the older one, newest first.
      for (const group of [...state.groups.values()].sort((a, b) => b.spec.version - a.spec.version)) {
        const newer = group.holderIds.filter(h => (state.answered.get(h) ?? 0) > group.spec.version)
        if (newer.length === 0) continue
        this.log.debug('falling back to an older version', { owner, app, version: group.spec.version, asking: newer.length })
        result = await this.round(state, newer, group.spec.version, newer.length)
        if (result != null) break
      }
    }
    if (result == null && known != null) {
      // the remembered holders may be out of date (a dealing to another custody scope): ask every other SSSS node known
      const others = this.order(attestations.peersWithRole('ssss').filter(p => !candidates.includes(p) && (p !== self || this.components.local != null))).slice(0, MAX_FANOUT)
      if (others.length > 0) result = await this.round(state, others, 0, others.length)
    }

    const newest = [...state.groups.values()].sort((a, b) => b.spec.version - a.spec.version)[0]
    if (newest != null) {
      bounded(this.known, `${owner}/${app}`, { holders: newest.holderIds.filter(h => h !== ''), spec: newest.spec })
    }
    if (result != null) return result
    // not enough for the threshold: check what did arrive, so the error counts valid shares
    for (const group of state.groups.values()) {
      for (const c of group.candidates.splice(0)) {
        if (verifyShare(c.share, group.commitments)) group.valid.push(c.share)
        else this.bad(c.holder, state.problems, new SsssError('BAD_SHARE', 'the share does not match the commitments'))
      }
    }
    const need = newest?.spec.threshold
    const have = newest?.valid.length ?? 0
    throw new SsssError('THRESHOLD_NOT_MET', `${have} valid share${have === 1 ? '' : 's'} of ${need ?? 't'} needed for ${app}${state.problems.length > 0 ? ` (${state.problems.join('; ')})` : ''}`)
  }

  /**
   * Asks `holders` in parallel for their share of `version` (0: the latest
   * each serves). Answers are handled one at a time as they arrive; the first
   * dealing with t valid shares wins, and its key is returned at once.
   */
  private async round (state: Release, holders: string[], version: number, initial: number): Promise<Uint8Array | undefined> {
    const { owner, app, groups, problems } = state
    let settled = false
    let result: Uint8Array | undefined
    let queue = Promise.resolve()
    const handle = async (holder: string, answer: Answer): Promise<void> => {
      if (settled) return
      if ('error' in answer) {
        problems.push(`${holder.slice(-8)}: ${answer.error instanceof SsssError ? answer.error.code : ''} ${answer.error.message}`.trim())
        return
      }
      const { spec } = answer
      if (spec.owner !== owner || spec.app !== app || (version !== 0 && spec.version !== version)) {
        this.components.penalise(peerIdFromString(holder), PeerAction.ProtocolViolation, 'ssss: share of another secret')
        return
      }
      let group = groups.get(spec.signature)
      if (group == null) {
        try {
          await verifySecretSpec(spec)
        } catch {
          this.components.penalise(peerIdFromString(holder), PeerAction.ProtocolViolation, 'ssss: forged secret spec')
          return
        }
        // the spec's owner signature is verified: its fields are the signed ones, so a cache by signature is sound
        group = { spec, ...this.dealing(spec), candidates: [], valid: [] }
        groups.set(spec.signature, group)
      }
      if (version === 0) state.answered.set(holder, spec.version)
      const index = group.holderIds.indexOf(holder) + 1
      try {
        if (index === 0) throw new SsssError('BAD_SHARE', 'the holder is not listed in the spec')
        group.candidates.push({ holder, share: openShare(answer.box, this.opening, replyAad(owner, app, spec.version, index, answer.nonce), index) })
      } catch (err) {
        this.bad(holder, problems, err as Error)
        return
      }
      this.settle(group, problems)
      if (group.valid.length >= spec.threshold) {
        settled = true
        result = scalarToBytes(reconstruct(group.valid, spec.threshold))
        this.log.debug('app key reconstructed', { owner, app, version: spec.version })
      }
    }

    // one signed request for every holder of the round: each holder checks the signature against the
    // peer that sends it (a holder that forwards it fails that check) and remembers the nonce itself
    let request: ShareRequest | undefined
    const sharedRequest = (): ShareRequest => (request ??= this.signRequest(owner, app, version, state.myPeerId))
    let hedge: ReturnType<typeof setTimeout> | undefined
    await new Promise<void>(resolve => {
      let next = 0
      let inFlight = 0
      const launch = (count: number): void => {
        for (; count > 0 && next < holders.length; count--) {
          const holder = holders[next++]
          inFlight++
          void this.ask(holder, sharedRequest(), () => this.signRequest(owner, app, version, state.myPeerId), state.knownSpec).then(answer => {
            queue = queue.then(async () => {
              try {
                await handle(holder, answer)
              } catch (err) {
                // (an owner-signed spec with commitments off the curve, say): that answer counts for nothing, the round goes on
                problems.push(`${holder.slice(-8)}: ${(err as Error).message}`)
              }
              inFlight--
              if (!settled) launch(this.missing(state, version, initial) - inFlight)
              if (settled || (inFlight === 0 && next >= holders.length)) resolve()
            })
          })
        }
      }
      if (holders.length === 0) resolve()
      launch(initial)
      hedge = setTimeout(() => { if (!settled) launch(holders.length) }, HEDGE_MS)
    })
    clearTimeout(hedge)
    return result
  }

  /** How many more shares the closest dealing needs (before any answer: `initial`, the t expected). */
  private missing (state: Release, version: number, initial: number): number {
    const groups = [...state.groups.values()].filter(g => version === 0 || g.spec.version === version)
    if (groups.length === 0) return initial
    return Math.min(...groups.map(g => g.spec.threshold - g.valid.length - g.candidates.length))
  }

  /** This node's own holder first (no network), then the others shuffled (spreading the load), those that failed lately last. */
  private order (holders: string[]): string[] {
    const self = this.components.host.peerId.toString()
    const now = Date.now()
    const shuffled = [...holders]
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1))
      ;[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]
    }
    const rank = (h: string): number => h === self ? 0 : now - (this.failures.get(h) ?? -Infinity) < FAILURE_MEMORY_MS ? 2 : 1
    return shuffled.sort((a, b) => rank(a) - rank(b))
  }

  /**
   * One holder's answer to `request`; asked once more, with a new request
   * (`fresh`), if the stream is lost under the first. A share of `knownSpec`
   * comes without the spec (see SsssChannels.get).
   */
  private async ask (holder: string, request: ShareRequest, fresh: () => ShareRequest, knownSpec?: SecretSpec): Promise<Answer> {
    const first = await this.askOnce(holder, request, knownSpec)
    // the holder may have taken the first request's nonce before the stream was lost: a new one
    const answer = 'error' in first && isLostStream(first.error) ? await this.askOnce(holder, fresh(), knownSpec) : first
    if ('error' in answer) bounded(this.failures, holder, Date.now())
    else this.failures.delete(holder)
    return answer
  }

  /** A share request signed by this runner's enclave key, with a fresh nonce and the current time. */
  private signRequest (owner: string, app: string, version: number, myPeerId: Uint8Array): ShareRequest {
    const { keys } = this.components
    return signShareRequest(myPeerId, { owner: owner as `0x${string}`, app, version, replyX25519: keys.x25519Public, timestampMs: Date.now(), nonce: new Uint8Array(randomBytes(16)) }, keys.signingSecret)
  }

  private async askOnce (holder: string, request: ShareRequest, knownSpec?: SecretSpec): Promise<Answer> {
    const { owner, app, nonce } = request
    try {
      const response = await this.channels.get(this.peerOf(holder), request, REQUEST_TIMEOUT_MS, this.components.local, knownSpec)
      if ('failure' in response) return { error: ssssErrorFromFailure(response.failure) }
      if (!('share' in response)) return { error: new SsssError('MALFORMED', 'unexpected response') }
      this.components.inbound?.emitInbound({ kind: 'share-release', from: holder, owner, name: app })
      return { spec: response.share.spec, box: response.share.share, nonce }
    } catch (err) {
      return { error: err as Error }
    }
  }

  /**
   * Moves candidates that verify against the commitments into `valid`: all at
   * once when they are enough for the threshold (one batch check), one by one
   * when the batch fails, to find and penalise the holders of bad shares.
   */
  private settle (group: Group, problems: string[]): void {
    if (group.valid.length + group.candidates.length < group.spec.threshold) return
    const batch = group.candidates.splice(0)
    // shares identical to ones checked before against these commitments need no point arithmetic
    const unknown = batch.filter(c => {
      if (group.verified.get(c.share.index) !== shareDigest(c.share)) return true
      group.valid.push(c.share)
      return false
    })
    if (unknown.length === 0) return
    if (verifySharesBatch(unknown.map(c => c.share), group.commitments)) {
      for (const c of unknown) this.checked(group, c.share)
      return
    }
    for (const c of unknown) {
      if (verifyShare(c.share, group.commitments)) this.checked(group, c.share)
      else this.bad(c.holder, problems, new SsssError('BAD_SHARE', 'the share does not match the commitments'))
    }
  }

  private checked (group: Group, share: Share): void {
    group.valid.push(share)
    group.verified.set(share.index, shareDigest(share))
  }

  /** A holder's PeerId, decoded once: a PeerId keeps its string form, and both are needed every release. */
  private peerOf (holder: string): PeerId {
    let peer = this.peers.get(holder)
    if (peer == null) {
      peer = peerIdFromString(holder)
      bounded(this.peers, holder, peer)
    }
    return peer
  }

  /** The cached view of a dealing whose spec was verified: decoded commitments, digests of checked shares. */
  private dealing (spec: SecretSpec): DealingCache {
    let cached = this.dealings.get(spec.signature)
    if (cached == null) {
      cached = { commitments: spec.commitments.map(c => Point.fromBytes(c)), holderIds: spec.holders.map(holderIdOf), verified: new Map() }
    } else {
      this.dealings.delete(spec.signature)
    }
    this.dealings.set(spec.signature, cached)
    return cached
  }

  private bad (holder: string, problems: string[], err: Error): void {
    problems.push(`${holder.slice(-8)}: BAD_SHARE`)
    this.components.penalise(peerIdFromString(holder), PeerAction.ProtocolViolation, `ssss: ${err.message}`)
  }
}

type Answer = { error: Error } | { spec: SecretSpec, box: SealedBox, nonce: Uint8Array }

/** Sets a key in a bounded map as its most recently used: the least recently used goes first. */
function bounded<V> (map: BoundedMap<string, V>, key: string, value: V): void {
  map.delete(key)
  map.set(key, value)
}

/** Gets a key and marks it recently used. */
function remember<V> (map: BoundedMap<string, V>, key: string): V | undefined {
  const value = map.get(key)
  if (value !== undefined) bounded(map, key, value)
  return value
}

/** One key release: what the rounds of requests have gathered so far. */
interface Release {
  owner: string
  app: string
  myPeerId: Uint8Array
  /** The spec this runner last released the key with, verified: named in every call, so holders serving it leave it out. */
  knownSpec?: SecretSpec
  /** Answers by dealing (the spec's signature). */
  groups: Map<string, Group>
  problems: string[]
  /** The version each holder served when asked for the latest. */
  answered: Map<string, number>
}

interface DealingCache {
  commitments: Point[]
  /** The spec's holders as peer id strings, in index order ('' for an entry that is not a peer id). */
  holderIds: string[]
  /** Share index -> digest of the (value, blinding) that verified against the commitments (one per index: at most the holder count). */
  verified: Map<number, string>
}

/** A digest of a share's secret values, so that the cache of checked shares holds no share material. */
function shareDigest (share: Share): string {
  return createHash('sha256').update(scalarToBytes(share.value)).update(scalarToBytes(share.blinding)).digest('base64')
}

interface Group extends DealingCache {
  spec: SecretSpec
  /** Decrypted, not yet checked against the commitments. */
  candidates: Array<{ holder: string, share: Share }>
  valid: Share[]
}

function holderIdOf (multihash: Uint8Array): string {
  try {
    return peerIdFromMultihash(Digest.decode(multihash)).toString()
  } catch {
    return ''
  }
}
