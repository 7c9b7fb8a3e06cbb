import {
  ATTESTATION_TOPIC, ignore, reject, stringifyTopic
} from '../../protocol/gossip/index.js'
import {
  AttestationError, bindingOf, createDevEvidence, defaultVerifiers, openAttestation, sealAttestation, signOperatorStatement,
  type AttestationRecord, type EvidenceVerifier, type TeeFacts
} from '../../protocol/attestation/index.js'
import { normalizeFacts, type PeerFacts } from '../../protocol/policy/index.js'
import { ScopeIndex } from '../../protocol/scope/index.js'
import { ApiError, type Route } from '../api/index.js'
import { DEFAULT_RATE_LIMITS, type RateLimits, type Role } from '../constants.js'
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
import { AntiEntropy, type AntiEntropyInit, pullRecords, recordId, RecordSyncError, serveRecords, type RecordSyncLimits } from '../sync/index.js'
import { ATTESTATION_MAX_BYTES } from '../../protocol/attestation/index.js'
import { limitStreams, PeerAction } from '../peer-score/index.js'
import { peerIdFromString } from '@libp2p/peer-id'
import { ScopeAnnouncer } from './scope-announcer.js'
import type { Connection, PeerId, PrivateKey, Stream } from '@libp2p/interface'

/** How long a record is valid; the node re-publishes at half of it. */
export const ATTESTATION_TTL_MS = 10 * 60_000
/** Verified peers kept at most; more records are ignored until some expire. */
export const MAX_ATTESTED_PEERS = 10_000
/** How often expired records are swept from the peer table. */
const SWEEP_INTERVAL_MS = 1_000
/**
 * When making our evidence fails at a renewal (the enclave's helper hung, say),
 * it is tried again this soon, or at a tenth of the record's lifetime if that
 * is sooner: the record out there stays valid for half its lifetime more, so
 * that is ten tries at the default and five at least.
 */
const EVIDENCE_RETRY_MS = 30_000
/** Subscription changes within this window are answered with one publication of our record. */
const REPUBLISH_DEBOUNCE_MS = 50
/**
 * Our record is published again on subscription changes until it has gone
 * out to this many subscribers at once (gossipsub's mesh degree): from there
 * gossip carries it through the network, and later newcomers get it by sync.
 */
const GREET_UNTIL_SUBSCRIBERS = 6

/** How long a DHT announcement or look-up may take. */
const DHT_TIMEOUT_MS = 10_000
/** Scope announcements in the DHT start within this long of a node becoming an announcer (see ScopeAnnouncer). */
export const SCOPE_ANNOUNCE_SPREAD_MS = 10_000
/** Members of a scope that announce it in the DHT (see ScopeAnnouncer). */
export const SCOPE_ANNOUNCERS = 8
/** Scope changes within this window are considered for announcements together. */
const SCOPE_ANNOUNCE_DEBOUNCE_MS = 250

/** The CID under which a scope's members announce themselves: the policy id as a sha256 multihash. */
export function scopeCid (policyId: string): CID {
  return CID.createV1(RAW_CODEC, Digest.create(sha256.code, Buffer.from(policyId, 'hex')))
}
const RAW_CODEC = 0x55

/** Makes the evidence for our own record, committing to `binding` (a Nitro node asks its enclave: asynchronous). */
export type EvidenceProducer = (binding: Uint8Array, keys: EnclaveKeys) => Evidence | Promise<Evidence>

export interface Evidence { kind: string, data: Uint8Array }

/** What /v1/status says of the node's own attestation (see AttestationService.ownStatus). */
export interface OwnAttestationStatus {
  /** The evidence kind of the record (dev, nitro, ...). */
  evidence: string
  /** The TEE facts the evidence proves, as peers verify them. */
  tee?: unknown
  seq: number
  expiresAt: string
  /** Set while renewals fail: when the last one failed, and why. */
  renewalFailure?: { at: string, message: string }
}

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
  /** See SCOPE_ANNOUNCE_SPREAD_MS. */
  announceSpreadMs?: number
  /** See SCOPE_ANNOUNCERS. */
  announcers?: number
  /** Anti-entropy rounds (see node/sync/anti-entropy). */
  antiEntropy?: AntiEntropyInit
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
  /** What one peer may ask of this node (default DEFAULT_RATE_LIMITS; --rate-limit). */
  rateLimits?: RateLimits
  now?: () => number
}

/** `id` is the record's id in a sync request (see node/sync). */
interface PeerEntry { record: AttestationRecord, tee: TeeFacts, facts: PeerFacts, sealed: Uint8Array, digest: string, id: Uint8Array }

/** Identifies a sealed record's exact bytes: the same bytes verified once need no second verification. */
function digestOf (sealed: Uint8Array): string {
  return createHash('sha256').update(sealed).digest('base64')
}

/** Pull sync of attestation records on connect (see node/sync): late joiners get the verified records they lack. */
export const ATTESTATION_SYNC_PROTOCOL = '/escrin/attestation-sync/2'
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
  /** See tableVersion. */
  private version = 0
  /** Digests of the records in `peers`: every connection syncs every record, and most are already known. */
  private readonly digests = new Set<string>()
  /**
   * Verifications in flight, by record digest. A joining node syncs with
   * every peer it connects to at once, and each answers with every record the
   * node lacks: without this, the same record was verified (a secp256k1
   * recovery of its operator statement among the rest) once per connection.
   */
  private readonly verifying = new Map<string, Promise<void>>()
  private readonly antiEntropy: AntiEntropy
  /** Digests of records in `peers` that arrived by sync and have not been relayed by gossip yet (see onGossip). */
  private readonly pulled = new Set<string>()
  private readonly init: Required<AttestationInit>
  private readonly log: Logger
  private readonly now: () => number
  private own?: { record: AttestationRecord, sealed: Uint8Array }
  private ownStatement?: { operator: `0x${string}`, signature: `0x${string}` }
  private sweepTimer?: ReturnType<typeof setInterval>
  private republishTimer?: ReturnType<typeof setTimeout>
  /** Evidence made by prepareEvidence, for the first record. */
  private preparedEvidence?: Evidence
  /** Why the last renewal of our record failed, until one succeeds. */
  private renewalFailure?: { atMs: number, message: string }
  private greetTimer?: ReturnType<typeof setTimeout>
  /** The most subscribers our current record has been published to at once (see onSubscriptionChange). */
  private ownReach = 0
  private started = false
  private unsubscribeScopes?: () => void
  private unsubscribeBonds?: () => void
  private readonly announcer: ScopeAnnouncer
  /** Policies whose scope changed since the announcer last looked (see onScopeChange). */
  private readonly changedScopes = new Set<string>()
  private announceTimer?: ReturnType<typeof setTimeout>

  private readonly rateLimits: RateLimits

  constructor (private readonly components: AttestationComponents, init: AttestationInit) {
    this.rateLimits = components.rateLimits ?? DEFAULT_RATE_LIMITS
    this.init = {
      ttlMs: ATTESTATION_TTL_MS,
      capacity: 16,
      price: 0n,
      maxPeers: MAX_ATTESTED_PEERS,
      verifiers: defaultVerifiers(),
      evidence: devEvidence,
      announceSpreadMs: SCOPE_ANNOUNCE_SPREAD_MS,
      announcers: SCOPE_ANNOUNCERS,
      antiEntropy: {},
      ...init
    }
    this.log = components.logger.child('attestation')
    this.announcer = new ScopeAnnouncer({
      dht: components.host.services.dht,
      logger: this.log,
      self: components.host.peerId.toString(),
      keyOf: scopeCid,
      announcers: this.init.announcers,
      spreadMs: this.init.announceSpreadMs,
      timeoutMs: DHT_TIMEOUT_MS
    })
    this.now = components.now ?? Date.now
    this.onSubscriptionChange = this.onSubscriptionChange.bind(this)
    this.onPeerConnect = this.onPeerConnect.bind(this)
    this.antiEntropy = new AntiEntropy(() => this.components.host.getPeers(), async peer => { await this.syncFrom(peer) }, this.init.antiEntropy)
    this.handleSync = this.handleSync.bind(this)
    components.gossip.handle(ATTESTATION_TOPIC, async data => { await this.onGossip(data) })
    components.policies.onChange((entry, replaced) => {
      if (replaced != null) this.scopes.removePolicy(replaced.id)
      this.scopes.upsertPolicy(entry.id, entry.policy)
    })
    components.policies.onRemove(entry => { this.scopes.removePolicy(entry.id) })
  }

  async start (): Promise<void> {
    if (this.started) return
    this.started = true
    this.unsubscribeScopes = this.scopes.onChange(change => { this.onScopeChange(change.policyId) })
    this.unsubscribeBonds = this.components.bonds?.onChange(operators => { this.onBondsChange(operators) })
    this.sweepTimer = setInterval(() => { this.sweep() }, SWEEP_INTERVAL_MS)
    this.sweepTimer.unref?.()
    this.components.host.services.pubsub.addEventListener('subscription-change', this.onSubscriptionChange)
    this.components.host.addEventListener('peer:connect', this.onPeerConnect)
    this.antiEntropy.start()
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
    this.announcer.stop()
    this.antiEntropy.stop()
    clearTimeout(this.announceTimer)
    this.changedScopes.clear()
    this.components.host.services.pubsub.removeEventListener('subscription-change', this.onSubscriptionChange)
    this.components.host.removeEventListener('peer:connect', this.onPeerConnect)
  }

  /** Registers the sync handler; called before the host listens, like every escrin protocol. */
  async register (): Promise<void> {
    await this.components.host.handle(ATTESTATION_SYNC_PROTOCOL, limitStreams(ATTESTATION_SYNC_PROTOCOL, this.rateLimits.sync, this.handleSync, this.components), { maxInboundStreams: 2, maxOutboundStreams: 2 })
  }

  async unregister (): Promise<void> {
    await this.components.host.unhandle(ATTESTATION_SYNC_PROTOCOL)
  }

  private onPeerConnect (event: CustomEvent<PeerId>): void {
    void this.syncFrom(event.detail)
  }

  private async handleSync (stream: Stream, connection: Connection): Promise<void> {
    try {
      await serveRecords(stream, [...this.peers.values()].map(e => ({ bytes: e.sealed, id: e.id })), SYNC_LIMITS)
    } catch (err) {
      if (err instanceof RecordSyncError) this.components.penalise(connection.remotePeer, PeerAction.InvalidGossip, `attestation sync request: ${err.message}`)
    }
  }

  /** Fetches a peer's records and applies each like a gossiped one. */
  private async syncFrom (peer: PeerId): Promise<void> {
    try {
      const held = [...this.peers.values()].map(e => e.id)
      await pullRecords(this.components.host, peer, ATTESTATION_SYNC_PROTOCOL, SYNC_LIMITS, held, async sealed => {
        const digest = digestOf(sealed)
        if (this.digests.has(digest)) return // verified before: skip the signature checks
        try {
          await this.apply(sealed, digest, true)
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

  /** Every peer with a valid record, this node included. */
  attestedPeers (): string[] {
    return [...this.peers.keys()]
  }

  recordOf (peerId: string): AttestationRecord | undefined {
    return this.peers.get(peerId)?.record
  }

  /** Grows whenever a record is stored, replaced or dropped, or a peer's facts change: a cheap test of whether the peer table changed. */
  get tableVersion (): number {
    return this.version
  }

  get size (): number {
    return this.peers.size
  }

  /**
   * This node's own attestation as its peers see it: the TEE facts its
   * evidence proves, the record's sequence and expiry, and, while renewals
   * fail (a Nitro node's enclave helper, say), why the last one did.
   */
  ownStatus (): OwnAttestationStatus | undefined {
    if (this.own == null) return undefined
    const facts = this.factsOf(this.components.host.peerId.toString())
    return {
      evidence: this.own.record.evidence.kind,
      ...(facts != null ? { tee: facts.tee } : {}),
      seq: this.own.record.seq,
      expiresAt: new Date(this.own.record.expiresAtMs).toISOString(),
      ...(this.renewalFailure != null ? { renewalFailure: { at: new Date(this.renewalFailure.atMs).toISOString(), message: this.renewalFailure.message } } : {})
    }
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

  /**
   * Makes this node's first evidence before it joins the network, so a node
   * that cannot attest itself (a Nitro node whose enclave helper fails) stops
   * at start with the reason instead of running outside every scope.
   */
  async prepareEvidence (): Promise<void> {
    this.preparedEvidence = await this.makeEvidence()
  }

  private async makeEvidence (): Promise<Evidence> {
    const { host, keys } = this.components
    return await this.init.evidence(bindingOf({ peerId: host.peerId.toString(), enclaveX25519: keys.x25519Public, enclaveSigningKey: keys.signingPublic }), keys)
  }

  /** A renewal of our record; one that fails is tried again soon, while the record out there is still valid. */
  private async renewOwn (): Promise<void> {
    try {
      await this.publishOwn()
      this.renewalFailure = undefined
    } catch (err) {
      if (!this.started) return
      this.renewalFailure = { atMs: this.now(), message: (err as Error).message }
      const retryInMs = Math.min(EVIDENCE_RETRY_MS, this.init.ttlMs / 10)
      this.log.error('could not renew this node\'s attestation; trying again', { err, retryInMs })
      this.scheduleRenewal(retryInMs)
    }
  }

  private scheduleRenewal (delayMs: number): void {
    clearTimeout(this.republishTimer)
    this.republishTimer = setTimeout(() => { void this.renewOwn() }, delayMs)
    this.republishTimer.unref?.()
  }

  /** Builds, signs and gossips a fresh record of this node (seq = now, so restarts never go back). */
  async publishOwn (): Promise<void> {
    const { host, keys, privateKey } = this.components
    const peerId = host.peerId.toString()
    const statement = { peerId, enclaveX25519: keys.x25519Public, enclaveSigningKey: keys.signingPublic }
    // the statement never changes for this node: sign it once
    this.ownStatement ??= await signOperatorStatement(statement, keys.operatorKey)
    const { operator, signature } = this.ownStatement
    // evidence made at start is used once; every renewal makes fresh evidence
    const evidence = this.preparedEvidence ?? await this.makeEvidence()
    this.preparedEvidence = undefined
    const now = this.now()
    const base = { peerId, enclaveX25519: keys.x25519Public, enclaveSigningKey: keys.signingPublic }
    const record: AttestationRecord = {
      ...base,
      roles: this.init.roles,
      evidence,
      operator,
      operatorSignature: signature,
      capacity: this.init.capacity,
      price: this.init.price,
      seq: Math.max(now, (this.own?.record.seq ?? 0) + 1),
      expiresAtMs: now + this.init.ttlMs
    }
    const sealed = await sealAttestation(privateKey, record)
    this.own = { record, sealed }
    this.ownReach = 0
    await this.apply(sealed) // we are a peer in our own scopes too
    await this.publishSealed(sealed)
    this.scheduleRenewal(this.init.ttlMs / 2)
  }

  /**
   * A few peers in a scope announce it as DHT providers of the policy id, so
   * that a node with a partial view of the network can still find them. Who
   * announces depends on the whole membership (see ScopeAnnouncer), and a
   * policy's publication changes it one peer at a time: changes are looked
   * at together.
   */
  private onScopeChange (policyId: string): void {
    this.changedScopes.add(policyId)
    if (this.announceTimer != null || !this.started) return
    this.announceTimer = setTimeout(() => {
      this.announceTimer = undefined
      for (const id of this.changedScopes) this.announcer.update(id, this.scopes.members(id))
      this.changedScopes.clear()
    }, SCOPE_ANNOUNCE_DEBOUNCE_MS)
    this.announceTimer.unref?.()
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

  /**
   * A node publishes its record at start, before it has peers, so that first
   * publication reaches nobody; peers that connect pull it by sync but do not
   * relay what they pull. So while the record has not yet gone out to a
   * mesh's worth of subscribers, each new subscriber is a reason to publish
   * it again (its gossip then floods the network within a few hops). After
   * that, newcomers get it by sync and re-publishing would only cost every
   * node a duplicate on every join.
   */
  private onSubscriptionChange (): void {
    if (this.greetTimer != null || this.own == null || this.ownReach >= GREET_UNTIL_SUBSCRIBERS) return
    this.greetTimer = setTimeout(() => {
      this.greetTimer = undefined
      if (this.started && this.own != null) void this.publishSealed(this.own.sealed)
    }, REPUBLISH_DEBOUNCE_MS)
    this.greetTimer.unref?.()
  }

  /** Gossips our sealed record and notes how many subscribers it went out to. */
  private async publishSealed (sealed: Uint8Array): Promise<void> {
    this.ownReach = Math.max(this.ownReach, this.components.host.services.pubsub.getSubscribers(stringifyTopic(ATTESTATION_TOPIC)).length)
    await this.components.gossip.publish(ATTESTATION_TOPIC, sealed).catch(err => { this.log.debug('publish failed', { err }) })
  }

  private async onGossip (data: Uint8Array): Promise<void> {
    // A record this node pulled by sync has not been relayed by it. When the
    // same record then arrives by gossip (typically a joining node's own
    // record: its neighbours pull it on connect, then receive its
    // publication) the first copy is accepted so gossipsub relays it; treating
    // it as a duplicate would stop the flood at the first hop, leaving the rest
    // of the network to learn of the join only as its connections form. Later
    // copies are duplicates as before, so a replayed record floods at most once.
    const digest = digestOf(data)
    // a sync may be verifying this very copy: its outcome decides (a pulled record is relayed)
    await this.verifying.get(digest)?.catch(() => {})
    if (this.pulled.delete(digest)) return
    try {
      await this.apply(data, digest)
    } catch (err) {
      if (err instanceof AttestationError) {
        throw err.verdict === 'REJECT' ? reject(err.code, err.message) : ignore(err.code, err.message)
      }
      throw err
    }
  }

  /** Verifies a sealed record and, if it is new, puts it in the peer table and the scope index. */
  private async apply (sealed: Uint8Array, digest = digestOf(sealed), bySync = false): Promise<void> {
    if (this.digests.has(digest)) throw new AttestationError('STALE', 'record already known')
    const inFlight = this.verifying.get(digest)
    if (inFlight != null) {
      // the same bytes get the same verdict: a forgery is rejected from every sender, a good copy is a duplicate
      await inFlight
      throw new AttestationError('STALE', 'record already known')
    }
    const verification = this.verifyAndStore(sealed, digest, bySync)
    this.verifying.set(digest, verification)
    try {
      await verification
    } finally {
      this.verifying.delete(digest)
    }
  }

  /** `bySync`: the record was pulled, not gossiped; its first gossip copy is then relayed (see onGossip). */
  private async verifyAndStore (sealed: Uint8Array, digest: string, bySync: boolean): Promise<void> {
    let opened
    try {
      opened = await openAttestation(sealed, { now: this.now(), verifiers: this.init.verifiers })
      this.components.metrics?.attestationVerifications.inc({ result: 'ok' })
    } catch (err) {
      this.components.metrics?.attestationVerifications.inc({ result: 'error' })
      throw err
    }
    const { record, tee } = opened
    const known = this.peers.get(record.peerId)
    if (known != null && known.record.seq >= record.seq) {
      throw new AttestationError('STALE', `seq ${record.seq} is not newer than ${known.record.seq}`)
    }
    if (known == null && this.peers.size >= this.init.maxPeers) {
      throw new AttestationError('STALE', 'peer table full')
    }
    const facts = this.factsFrom(record, tee)
    if (known != null) {
      this.digests.delete(known.digest)
      this.pulled.delete(known.digest)
    }
    this.peers.set(record.peerId, { record, tee, facts, sealed, digest, id: recordId(sealed) })
    this.version++
    this.digests.add(digest)
    if (bySync) this.pulled.add(digest)
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
      this.version++
      this.scopes.upsertPeer(entry.facts)
    }
  }

  private sweep (): void {
    const now = this.now()
    for (const [peerId, entry] of this.peers) {
      if (entry.record.expiresAtMs <= now) {
        this.peers.delete(peerId)
        this.version++
        this.digests.delete(entry.digest)
        this.pulled.delete(entry.digest)
        this.scopes.removePeer(peerId)
        this.log.debug('attestation expired', { peer: peerId })
      }
    }
    this.components.metrics?.attestedPeers.set(this.peers.size)
  }
}
