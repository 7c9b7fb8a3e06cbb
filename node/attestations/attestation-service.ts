import {
  ATTESTATION_TOPIC, ignore, reject
} from '../../protocol/gossip/index.js'
import {
  AttestationError, bindingOf, createDevEvidence, defaultVerifiers, openAttestation, sealAttestation, signOperatorStatement,
  type AttestationRecord, type EvidenceVerifier, type TeeFacts
} from '../../protocol/attestation/index.js'
import { normalizeFacts, type PeerFacts } from '../../protocol/policy/index.js'
import { ScopeIndex } from '../../protocol/scope/index.js'
import { ApiError, type Route } from '../api/index.js'
import type { Role } from '../constants.js'
import type { GossipService } from '../gossip/index.js'
import type { Host } from '../host/index.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { PolicyService } from '../policies/index.js'
import type { EnclaveKeys } from './enclave-keys.js'
import type { BondLedger } from '../bonds/index.js'
import { createHash } from 'node:crypto'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'
import { sha256 } from 'multiformats/hashes/sha2'
import { pullRecords, RecordSyncError, serveRecords, type RecordSyncLimits } from '../sync/index.js'
import { ATTESTATION_MAX_BYTES } from '../../protocol/attestation/index.js'
import { PeerAction } from '../peer-score/index.js'
import { peerIdFromString } from '@libp2p/peer-id'
import type { PeerId, PrivateKey, Stream } from '@libp2p/interface'

/** How long a record is valid; the node re-publishes at half of it. */
export const ATTESTATION_TTL_MS = 10 * 60_000
/** Verified peers kept at most; more records are ignored until some expire. */
export const MAX_ATTESTED_PEERS = 10_000
/** How often expired records are swept from the peer table. */
const SWEEP_INTERVAL_MS = 1_000
/** New subscribers are greeted with our record at most this often. */
const REPUBLISH_DEBOUNCE_MS = 500

/** How long a DHT announcement or look-up may take. */
const DHT_TIMEOUT_MS = 10_000

/** The CID under which a scope's members announce themselves: the policy id as a sha256 multihash. */
export function scopeCid (policyId: string): CID {
  return CID.createV1(RAW_CODEC, Digest.create(sha256.code, Buffer.from(policyId, 'hex')))
}
const RAW_CODEC = 0x55

/** Makes the evidence for our own record, committing to `binding`. */
export type EvidenceProducer = (binding: Uint8Array, keys: EnclaveKeys) => { kind: string, data: Uint8Array }

export const devEvidence: EvidenceProducer = (binding, keys) => ({ kind: 'dev', data: createDevEvidence(keys.signingSecret, binding) })

export interface AttestationInit {
  roles: Role[]
  ttlMs?: number
  capacity?: number
  price?: bigint
  maxPeers?: number
  /** Verifiers by evidence kind; default dev and nitro. Tests add their own kinds. */
  verifiers?: Map<string, EvidenceVerifier>
  evidence?: EvidenceProducer
}

export interface AttestationComponents {
  host: Host
  penalise: (peer: PeerId, action: PeerAction, reason: string) => void
  privateKey: PrivateKey
  keys: EnclaveKeys
  gossip: GossipService
  policies: PolicyService
  /** Where `bond` facts come from; default: nobody has a bond. */
  bonds?: BondLedger
  logger: Logger
  metrics?: NodeMetrics
  now?: () => number
}

interface PeerEntry { record: AttestationRecord, tee: TeeFacts, facts: PeerFacts, sealed: Uint8Array, digest: string }

/** Identifies a sealed record's exact bytes: the same bytes verified once need no second verification. */
function digestOf (sealed: Uint8Array): string {
  return createHash('sha256').update(sealed).digest('base64')
}

/** Pull sync of attestation records on connect (see node/sync): late joiners get every verified record. */
export const ATTESTATION_SYNC_PROTOCOL = '/escrin/attestation-sync/1'
const SYNC_LIMITS: RecordSyncLimits = { maxRecordBytes: ATTESTATION_MAX_BYTES, maxRecords: 2_000, timeoutMs: 15_000 }

/**
 * Flow 1 and 3: publishes this node's attestation record, verifies the ones
 * peers gossip (the peer table), and keeps the scope index (which verified
 * peers each known policy admits) up to date as records and policies come,
 * change and expire.
 */
export class AttestationService {
  readonly scopes = new ScopeIndex()
  private readonly peers = new Map<string, PeerEntry>()
  /** Digests of the records in `peers`: every connection syncs every record, and most are already known. */
  private readonly digests = new Set<string>()
  private readonly init: Required<AttestationInit>
  private readonly log: Logger
  private readonly now: () => number
  private own?: { record: AttestationRecord, sealed: Uint8Array }
  private ownStatement?: { operator: `0x${string}`, signature: `0x${string}` }
  private sweepTimer?: ReturnType<typeof setInterval>
  private republishTimer?: ReturnType<typeof setTimeout>
  private greetTimer?: ReturnType<typeof setTimeout>
  private started = false
  private unsubscribeScopes?: () => void
  private unsubscribeBonds?: () => void

  constructor (private readonly components: AttestationComponents, init: AttestationInit) {
    this.init = {
      ttlMs: ATTESTATION_TTL_MS,
      capacity: 16,
      price: 0n,
      maxPeers: MAX_ATTESTED_PEERS,
      verifiers: defaultVerifiers(),
      evidence: devEvidence,
      ...init
    }
    this.log = components.logger.child('attestation')
    this.now = components.now ?? Date.now
    this.onSubscriptionChange = this.onSubscriptionChange.bind(this)
    this.onPeerConnect = this.onPeerConnect.bind(this)
    this.handleSync = this.handleSync.bind(this)
    components.gossip.handle(ATTESTATION_TOPIC, async data => { await this.onGossip(data) })
    components.policies.onChange((entry, replaced) => {
      if (replaced != null) this.scopes.removePolicy(replaced.id)
      this.scopes.upsertPolicy(entry.id, entry.policy)
    })
  }

  async start (): Promise<void> {
    if (this.started) return
    this.started = true
    this.unsubscribeScopes = this.scopes.onChange(change => { this.onScopeChange(change.policyId, change.peerId, change.change) })
    this.unsubscribeBonds = this.components.bonds?.onChange(operators => { this.onBondsChange(operators) })
    this.sweepTimer = setInterval(() => { this.sweep() }, SWEEP_INTERVAL_MS)
    this.sweepTimer.unref?.()
    this.components.host.services.pubsub.addEventListener('subscription-change', this.onSubscriptionChange)
    this.components.host.addEventListener('peer:connect', this.onPeerConnect)
    await this.publishOwn()
  }

  stop (): void {
    if (!this.started) return
    this.started = false
    this.unsubscribeScopes?.()
    this.unsubscribeBonds?.()
    clearInterval(this.sweepTimer)
    clearTimeout(this.republishTimer)
    clearTimeout(this.greetTimer)
    this.components.host.services.pubsub.removeEventListener('subscription-change', this.onSubscriptionChange)
    this.components.host.removeEventListener('peer:connect', this.onPeerConnect)
  }

  /** Registers the sync handler; called before the host listens, like every escrin protocol. */
  async register (): Promise<void> {
    await this.components.host.handle(ATTESTATION_SYNC_PROTOCOL, this.handleSync, { maxInboundStreams: 2, maxOutboundStreams: 2 })
  }

  async unregister (): Promise<void> {
    await this.components.host.unhandle(ATTESTATION_SYNC_PROTOCOL)
  }

  private onPeerConnect (event: CustomEvent<PeerId>): void {
    void this.syncFrom(event.detail)
  }

  private async handleSync (stream: Stream): Promise<void> {
    await serveRecords(stream, [...this.peers.values()].map(e => e.sealed), SYNC_LIMITS)
  }

  /** Fetches a peer's records and applies each like a gossiped one. */
  private async syncFrom (peer: PeerId): Promise<void> {
    try {
      await pullRecords(this.components.host, peer, ATTESTATION_SYNC_PROTOCOL, SYNC_LIMITS, async sealed => {
        if (this.digests.has(digestOf(sealed))) return // verified before: skip the signature checks
        try {
          await this.apply(sealed)
        } catch (err) {
          // a peer relays only what it verified: a record no honest node accepts is its fault
          if (err instanceof AttestationError && err.verdict === 'REJECT') throw err
        }
      })
    } catch (err) {
      if (!this.started) return
      if (err instanceof AttestationError || err instanceof RecordSyncError) {
        this.components.penalise(peer, PeerAction.InvalidGossip, `attestation sync: ${(err as Error).message}`)
      } else {
        this.log.debug('attestation sync failed', { peer, err })
      }
    }
  }

  /** The verified facts of a peer, if it has a valid record. */
  factsOf (peerId: string): PeerFacts | undefined {
    return this.peers.get(peerId)?.facts
  }

  /** Peers with a valid record that claims `role`. */
  peersWithRole (role: Role): string[] {
    return [...this.peers.values()].filter(e => e.record.roles.includes(role)).map(e => e.record.peerId)
  }

  /** Peers in the scope of `policyId`, by this node's verified view, whose record claims `role`. */
  scopeMembersWithRole (policyId: string, role: Role): string[] {
    return this.scopes.members(policyId).filter(peerId => this.peers.get(peerId)?.record.roles.includes(role) === true)
  }

  /**
   * For a node with a partial view: the DHT names peers announcing the scope.
   * Their word is not evidence; connecting pulls their attestation records
   * (sync on connect), and only peers this node then verifies as in scope,
   * with `role`, are returned. Waits up to `waitMs` for the first of them.
   */
  async discoverScopeMembers (policyId: string, role: Role, waitMs = 3_000): Promise<string[]> {
    const self = this.components.host.peerId.toString()
    const providers = (await this.findScopeProviders(policyId)).filter(p => p !== self)
    if (providers.length === 0) return this.scopeMembersWithRole(policyId, role)
    await Promise.allSettled(providers.map(async id => {
      await this.components.host.dial(peerIdFromString(id), { signal: AbortSignal.timeout(waitMs) })
    }))
    const deadline = Date.now() + waitMs
    while (Date.now() < deadline) {
      const found = this.scopeMembersWithRole(policyId, role)
      if (found.length > 0) return found
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    return this.scopeMembersWithRole(policyId, role)
  }

  recordOf (peerId: string): AttestationRecord | undefined {
    return this.peers.get(peerId)?.record
  }

  get size (): number {
    return this.peers.size
  }

  /** This node's current sealed record (signed by its libp2p key, with its evidence), as gossiped. */
  get ownRecord (): Uint8Array | undefined {
    return this.own?.sealed
  }

  /** Bytes of this node's current sealed record, as gossiped. */
  get ownRecordBytes (): number {
    return this.own?.sealed.byteLength ?? 0
  }

  routes (): Route[] {
    return [{
      method: 'GET',
      path: '/v1/scopes/:policyId',
      handler: async ({ params, query }) => {
        // a policy gossiped before this node joined is fetched from the DHT
        if (!this.scopes.hasPolicy(params.policyId)) await this.components.policies.find(params.policyId)
        if (!this.scopes.hasPolicy(params.policyId)) throw new ApiError(404, 'UNKNOWN_POLICY', `no policy ${params.policyId} is known to this node`)
        const members = this.scopes.members(params.policyId)
        const explain = query.get('explain') === '1' ? this.scopes.explain(params.policyId) : undefined
        const providers = query.get('providers') === '1' ? await this.findScopeProviders(params.policyId) : undefined
        // what an owner needs to deal keys to the scope: each member's roles and attested encryption key
        const records = query.get('records') === '1'
          ? members.flatMap(peerId => {
            const record = this.peers.get(peerId)?.record
            return record != null ? [{ peerId, roles: record.roles, enclaveX25519: Buffer.from(record.enclaveX25519).toString('hex'), operator: record.operator }] : []
          })
          : undefined
        return { policyId: params.policyId, members, ...(explain != null ? { explain } : {}), ...(providers != null ? { providers } : {}), ...(records != null ? { records } : {}) }
      }
    }]
  }

  /** Builds, signs and gossips a fresh record of this node (seq = now, so restarts never go back). */
  async publishOwn (): Promise<void> {
    const { host, keys, privateKey } = this.components
    const peerId = host.peerId.toString()
    const statement = { peerId, enclaveX25519: keys.x25519Public, enclaveSigningKey: keys.signingPublic }
    // the statement never changes for this node: sign it once
    this.ownStatement ??= await signOperatorStatement(statement, keys.operatorKey)
    const { operator, signature } = this.ownStatement
    const now = this.now()
    const base = { peerId, enclaveX25519: keys.x25519Public, enclaveSigningKey: keys.signingPublic }
    const record: AttestationRecord = {
      ...base,
      roles: this.init.roles,
      evidence: this.init.evidence(bindingOf(base), keys),
      operator,
      operatorSignature: signature,
      capacity: this.init.capacity,
      price: this.init.price,
      seq: Math.max(now, (this.own?.record.seq ?? 0) + 1),
      expiresAtMs: now + this.init.ttlMs
    }
    const sealed = await sealAttestation(privateKey, record)
    this.own = { record, sealed }
    await this.apply(sealed) // we are a peer in our own scopes too
    await this.components.gossip.publish(ATTESTATION_TOPIC, sealed).catch(err => { this.log.debug('publish failed', { err }) })
    clearTimeout(this.republishTimer)
    this.republishTimer = setTimeout(() => { void this.publishOwn() }, this.init.ttlMs / 2)
    this.republishTimer.unref?.()
  }

  /**
   * Peers in a scope announce it as DHT providers of the policy id, so that a
   * node with a partial view of the network can still find them.
   */
  private onScopeChange (policyId: string, peerId: string, change: 'joined' | 'left'): void {
    if (peerId !== this.components.host.peerId.toString()) return
    const dht = this.components.host.services.dht
    const cid = scopeCid(policyId)
    if (change === 'joined') {
      void (async () => {
        try {
          for await (const event of dht.provide(cid, { signal: AbortSignal.timeout(DHT_TIMEOUT_MS) })) void event
        } catch (err) {
          this.log.debug('announcing scope membership failed', { policyId, err })
        }
      })()
    } else {
      void dht.cancelReprovide(cid).catch(() => {})
    }
  }

  /** Peers that announce membership of a scope in the DHT (unverified: members are what this node verified). */
  async findScopeProviders (policyId: string): Promise<string[]> {
    const found = new Set<string>()
    try {
      for await (const event of this.components.host.services.dht.findProviders(scopeCid(policyId), { signal: AbortSignal.timeout(DHT_TIMEOUT_MS) })) {
        if (event.name === 'PROVIDER') for (const p of event.providers) found.add(p.id.toString())
      }
    } catch (err) {
      this.log.debug('scope provider look-up failed', { policyId, err })
    }
    return [...found].sort()
  }

  /** A peer joined the attestation topic: send it our record (batched), since it missed the last one. */
  private onSubscriptionChange (): void {
    if (this.greetTimer != null || this.own == null) return
    this.greetTimer = setTimeout(() => {
      this.greetTimer = undefined
      if (this.started && this.own != null) void this.components.gossip.publish(ATTESTATION_TOPIC, this.own.sealed).catch(() => {})
    }, REPUBLISH_DEBOUNCE_MS)
    this.greetTimer.unref?.()
  }

  private async onGossip (data: Uint8Array): Promise<void> {
    try {
      await this.apply(data)
    } catch (err) {
      if (err instanceof AttestationError) {
        throw err.verdict === 'REJECT' ? reject(err.code, err.message) : ignore(err.code, err.message)
      }
      throw err
    }
  }

  /** Verifies a sealed record and, if it is new, puts it in the peer table and the scope index. */
  private async apply (sealed: Uint8Array): Promise<void> {
    const digest = digestOf(sealed)
    if (this.digests.has(digest)) throw new AttestationError('STALE', 'record already known')
    const { record, tee } = await openAttestation(sealed, { now: this.now(), verifiers: this.init.verifiers })
    const known = this.peers.get(record.peerId)
    if (known != null && known.record.seq >= record.seq) {
      throw new AttestationError('STALE', `seq ${record.seq} is not newer than ${known.record.seq}`)
    }
    if (known == null && this.peers.size >= this.init.maxPeers) {
      throw new AttestationError('STALE', 'peer table full')
    }
    const facts = this.factsFrom(record, tee)
    if (known != null) this.digests.delete(known.digest)
    this.peers.set(record.peerId, { record, tee, facts, sealed, digest })
    this.digests.add(digest)
    this.scopes.upsertPeer(facts)
    this.components.metrics?.attestedPeers.set(this.peers.size)
  }

  private factsFrom (record: AttestationRecord, tee: TeeFacts): PeerFacts {
    return normalizeFacts({
      peerId: record.peerId,
      roles: record.roles,
      tee: { kind: tee.kind, measurement: tee.measurement, ...(tee.pcrs != null ? { pcrs: tee.pcrs } : {}) },
      operator: record.operator,
      bond: this.components.bonds?.bondOf(record.operator) ?? 0n,
      reliability: 1
    })
  }

  /** Bonds changed in the ledger: the peers of those operators are re-evaluated against every policy. */
  private onBondsChange (operators: string[]): void {
    const changed = new Set(operators.map(o => o.toLowerCase()))
    for (const entry of this.peers.values()) {
      if (!changed.has(entry.record.operator.toLowerCase())) continue
      entry.facts = this.factsFrom(entry.record, entry.tee)
      this.scopes.upsertPeer(entry.facts)
    }
  }

  private sweep (): void {
    const now = this.now()
    for (const [peerId, entry] of this.peers) {
      if (entry.record.expiresAtMs <= now) {
        this.peers.delete(peerId)
        this.digests.delete(entry.digest)
        this.scopes.removePeer(peerId)
        this.log.debug('attestation expired', { peer: peerId })
      }
    }
    this.components.metrics?.attestedPeers.set(this.peers.size)
  }
}
