import type { InboundObserver } from '../observe/index.js'
import { hkdfSync, randomBytes } from 'node:crypto'
import { peerIdFromMultihash, peerIdFromString } from '@libp2p/peer-id'
import * as Digest from 'multiformats/hashes/digest'
import {
  openShare, Point, reconstruct, replyAad, scalarToBytes, signShareRequest, SsssError, ssssErrorFromFailure, verifySecretSpec, verifyShare, verifySharesBatch,
  type SecretSpec, type Share
} from '../../protocol/ssss/index.js'
import type { SealedBox } from '../../protocol/job/index.js'
import { PeerAction } from '../peer-score/index.js'
import { isLostStream, ssssCall, type LocalHolder } from './transport.js'
import type { AttestationService, EnclaveKeys } from '../attestations/index.js'
import type { Host } from '../host/index.js'
import type { Logger } from '../log/index.js'
import type { PeerId } from '@libp2p/interface'

const REQUEST_TIMEOUT_MS = 5_000
/** Holders asked at most when the holder list is not known yet. */
const MAX_FANOUT = 32

export interface KeyReleaseComponents {
  host: Host
  keys: EnclaveKeys
  attestations: AttestationService
  penalise: (peer: PeerId, action: PeerAction, reason: string) => void
  logger: Logger
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
  /** The holders of each (owner, app) as the last valid spec listed them. */
  private readonly holders = new Map<string, string[]>()
  private readonly log: Logger

  constructor (private readonly components: KeyReleaseComponents) {
    this.log = components.logger.child('key-release')
  }

  /** HKDF-SHA256 of the app key, with the key name as info: a distinct 32-byte key per name. */
  async deriveKey (owner: string, app: string, name: string): Promise<Uint8Array> {
    const appKey = await this.appKey(owner, app)
    return new Uint8Array(hkdfSync('sha256', appKey, new TextEncoder().encode('escrin-ssss/1 app key'), new TextEncoder().encode(name), 32))
  }

  async appKey (owner: string, app: string): Promise<Uint8Array> {
    owner = owner.toLowerCase()
    const { host, attestations } = this.components
    const self = host.peerId.toString()
    const known = this.holders.get(`${owner}/${app}`)
    const candidates = (known ?? attestations.peersWithRole('ssss')).filter(p => p !== self || this.components.local != null).slice(0, MAX_FANOUT)
    if (candidates.length === 0) throw new SsssError('NO_HOLDERS', 'no SSSS node is known to this runner')
    const state: Release = { owner, app, myPeerId: host.peerId.toMultihash().bytes, groups: new Map(), problems: [], answered: new Map() }
    let result = await this.round(state, candidates, 0)
    if (result == null) {
      // A rotation that fewer than t holders committed: they serve the new
      // version, the others the previous one, which the new ones keep until
      // the owner's prune. Ask the holders that answered with a newer version
      // for the older one, newest first.
      for (const group of [...state.groups.values()].sort((a, b) => b.spec.version - a.spec.version)) {
        const newer = group.spec.holders.map(h => peerIdFromMultihash(Digest.decode(h)).toString()).filter(h => (state.answered.get(h) ?? 0) > group.spec.version)
        if (newer.length === 0) continue
        this.log.debug('falling back to an older version', { owner, app, version: group.spec.version, asking: newer.length })
        result = await this.round(state, newer, group.spec.version)
        if (result != null) break
      }
    }

    const newest = [...state.groups.values()].sort((a, b) => b.spec.version - a.spec.version)[0]
    if (newest != null) this.holders.set(`${owner}/${app}`, newest.spec.holders.map(h => peerIdFromMultihash(Digest.decode(h)).toString()))
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
  private async round (state: Release, holders: string[], version: number): Promise<Uint8Array | undefined> {
    const { owner, app, groups, problems } = state
    const { keys } = this.components
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
        group = { spec, commitments: spec.commitments.map(c => Point.fromBytes(c)), candidates: [], valid: [] }
        groups.set(spec.signature, group)
      }
      if (version === 0) state.answered.set(holder, spec.version)
      const index = indexOf(spec, holder)
      try {
        if (index === 0) throw new SsssError('BAD_SHARE', 'the holder is not listed in the spec')
        group.candidates.push({ holder, share: openShare(answer.box, keys.x25519Secret, replyAad(owner, app, spec.version, index, answer.nonce), index) })
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

    await new Promise<void>(resolve => {
      let pending = holders.length
      for (const holder of holders) {
        void this.ask(holder, owner, app, version, state.myPeerId).then(answer => {
          queue = queue.then(async () => { await handle(holder, answer) })
          void queue.then(() => {
            if (--pending === 0 || settled) resolve()
          })
        })
      }
    })
    return result
  }

  /** One holder's answer to a fresh, signed request; asked once more, with a new request, if the stream is lost under the first. */
  private async ask (holder: string, owner: string, app: string, version: number, myPeerId: Uint8Array): Promise<Answer> {
    const first = await this.askOnce(holder, owner, app, version, myPeerId)
    return 'error' in first && isLostStream(first.error) ? await this.askOnce(holder, owner, app, version, myPeerId) : first
  }

  private async askOnce (holder: string, owner: string, app: string, version: number, myPeerId: Uint8Array): Promise<Answer> {
    const { host, keys } = this.components
    const nonce = new Uint8Array(randomBytes(16))
    const request = signShareRequest(myPeerId, { owner: owner as `0x${string}`, app, version, replyX25519: keys.x25519Public, timestampMs: Date.now(), nonce }, keys.signingSecret)
    try {
      const response = await ssssCall(host, peerIdFromString(holder), { get: request }, REQUEST_TIMEOUT_MS, this.components.local)
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
    if (verifySharesBatch(batch.map(c => c.share), group.commitments)) {
      group.valid.push(...batch.map(c => c.share))
      return
    }
    for (const c of batch) {
      if (verifyShare(c.share, group.commitments)) group.valid.push(c.share)
      else this.bad(c.holder, problems, new SsssError('BAD_SHARE', 'the share does not match the commitments'))
    }
  }

  private bad (holder: string, problems: string[], err: Error): void {
    problems.push(`${holder.slice(-8)}: BAD_SHARE`)
    this.components.penalise(peerIdFromString(holder), PeerAction.ProtocolViolation, `ssss: ${err.message}`)
  }
}

type Answer = { error: Error } | { spec: SecretSpec, box: SealedBox, nonce: Uint8Array }

/** One key release: what the rounds of requests have gathered so far. */
interface Release {
  owner: string
  app: string
  myPeerId: Uint8Array
  /** Answers by dealing (the spec's signature). */
  groups: Map<string, Group>
  problems: string[]
  /** The version each holder served when asked for the latest. */
  answered: Map<string, number>
}

interface Group {
  spec: SecretSpec
  commitments: Point[]
  /** Decrypted, not yet checked against the commitments. */
  candidates: Array<{ holder: string, share: Share }>
  valid: Share[]
}

function indexOf (spec: SecretSpec, holder: string): number {
  const bytes = peerIdFromString(holder).toMultihash().bytes
  return spec.holders.findIndex(h => h.length === bytes.length && h.every((b, i) => b === bytes[i])) + 1
}
