import { hkdfSync, randomBytes } from 'node:crypto'
import { peerIdFromMultihash, peerIdFromString } from '@libp2p/peer-id'
import * as Digest from 'multiformats/hashes/digest'
import {
  openShare, Point, reconstruct, replyAad, scalarToBytes, signShareRequest, SsssError, ssssErrorFromFailure, verifySecretSpec, verifyShare,
  type SecretSpec, type Share
} from '../../protocol/ssss/index.js'
import { PeerAction } from '../peer-score/index.js'
import { ssssCall, type LocalHolder } from './transport.js'
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
    const { host, keys, attestations } = this.components
    const self = host.peerId.toString()
    const known = this.holders.get(`${owner}/${app}`)
    const candidates = (known ?? attestations.peersWithRole('ssss')).filter(p => p !== self || this.components.local != null).slice(0, MAX_FANOUT)
    if (candidates.length === 0) throw new SsssError('NO_HOLDERS', 'no SSSS node is known to this runner')
    const myPeerId = host.peerId.toMultihash().bytes
    const results = await Promise.all(candidates.map(async holder => {
      const nonce = new Uint8Array(randomBytes(16))
      const request = signShareRequest(myPeerId, { owner: owner as `0x${string}`, app, version: 0, replyX25519: keys.x25519Public, timestampMs: Date.now(), nonce }, keys.signingSecret)
      try {
        const response = await ssssCall(host, peerIdFromString(holder), { get: request }, REQUEST_TIMEOUT_MS, this.components.local)
        if ('failure' in response) return { holder, error: ssssErrorFromFailure(response.failure) }
        if (!('share' in response)) return { holder, error: new SsssError('MALFORMED', 'unexpected response') }
        return { holder, spec: response.share.spec, box: response.share.share, nonce }
      } catch (err) {
        return { holder, error: err as Error }
      }
    }))

    // group the answers by dealing (one spec signature); the newest dealing with t valid shares wins
    const groups = new Map<string, { spec: SecretSpec, shares: Share[] }>()
    const problems: string[] = []
    for (const r of results) {
      if (r.error != null || r.spec == null || r.box == null) {
        problems.push(`${r.holder.slice(-8)}: ${r.error instanceof SsssError ? r.error.code : ''} ${r.error?.message ?? ''}`.trim())
        continue
      }
      if (r.spec.owner !== owner || r.spec.app !== app) {
        this.components.penalise(peerIdFromString(r.holder), PeerAction.ProtocolViolation, 'ssss: share of another secret')
        continue
      }
      let group = groups.get(r.spec.signature)
      if (group == null) {
        try {
          await verifySecretSpec(r.spec)
        } catch {
          this.components.penalise(peerIdFromString(r.holder), PeerAction.ProtocolViolation, 'ssss: forged secret spec')
          continue
        }
        group = { spec: r.spec, shares: [] }
        groups.set(r.spec.signature, group)
      }
      const index = indexOf(group.spec, r.holder)
      try {
        if (index === 0) throw new SsssError('BAD_SHARE', 'the holder is not listed in the spec')
        const share = openShare(r.box, keys.x25519Secret, replyAad(owner, app, group.spec.version, index, r.nonce), index)
        if (!verifyShare(share, group.spec.commitments.map(c => Point.fromBytes(c)))) throw new SsssError('BAD_SHARE', 'the share does not match the commitments')
        group.shares.push(share)
      } catch (err) {
        problems.push(`${r.holder.slice(-8)}: BAD_SHARE`)
        this.components.penalise(peerIdFromString(r.holder), PeerAction.ProtocolViolation, `ssss: ${(err as Error).message}`)
      }
    }
    const best = [...groups.values()].filter(g => g.shares.length >= g.spec.threshold).sort((a, b) => b.spec.version - a.spec.version)[0]
    const newest = [...groups.values()].sort((a, b) => b.spec.version - a.spec.version)[0]
    if (newest != null) this.holders.set(`${owner}/${app}`, newest.spec.holders.map(h => peerIdFromMultihash(Digest.decode(h)).toString()))
    if (best == null) {
      const need = newest?.spec.threshold
      const have = newest?.shares.length ?? 0
      throw new SsssError('THRESHOLD_NOT_MET', `${have} valid share${have === 1 ? '' : 's'} of ${need ?? 't'} needed for ${app}${problems.length > 0 ? ` (${problems.join('; ')})` : ''}`)
    }
    this.log.debug('app key reconstructed', { owner, app, version: best.spec.version, shares: best.shares.length })
    return scalarToBytes(reconstruct(best.shares, best.spec.threshold))
  }
}

function indexOf (spec: SecretSpec, holder: string): number {
  const bytes = peerIdFromString(holder).toMultihash().bytes
  return spec.holders.findIndex(h => h.length === bytes.length && h.every((b, i) => b === bytes[i])) + 1
}
