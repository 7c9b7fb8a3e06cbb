import { Key, type Datastore } from 'interface-datastore'
import { decodeSignedPolicy, encodeSignedPolicy, ignore, policyDhtKey, POLICY_MESSAGE_MAX_BYTES, POLICY_TOPIC, reject } from '../../protocol/gossip/index.js'
import { lineageKey, PolicyError, policyDigest, policyId, supersedes, signedPolicyFromJson, signedPolicyToJson, verifySignedPolicy, type Policy, type SignedPolicy } from '../../protocol/policy/index.js'
import { BoundedMap } from '../../protocol/util/index.js'
import { WireError } from '../../protocol/wire/index.js'
import { ApiError, type Route } from '../api/index.js'
import { MAX_POLICIES, PolicyStore, type OfferResult, type StoredPolicy } from './policy-store.js'
import type { PolicyRegistry } from './chain-policy-registry.js'
import type { GossipService } from '../gossip/index.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../constants.js'
import { limitStreams, PeerAction } from '../peer-score/index.js'
import { AntiEntropy, type AntiEntropyInit, pullRecords, recordId, RecordSyncError, serveRecords, type PullDialer, type RecordSyncLimits, type SyncRecord } from '../sync/index.js'
import type { Connection, PeerId, Stream, StreamHandler } from '@libp2p/interface'

/** How long a DHT store or look-up of a policy may take. */
const DHT_TIMEOUT_MS = 10_000

/** The DHT operations the policy service uses (kad-dht's, narrowed). */
export interface PolicyDht {
  put(key: Uint8Array, value: Uint8Array, options?: { signal?: AbortSignal }): AsyncIterable<unknown>
  get(key: Uint8Array, options?: { signal?: AbortSignal }): AsyncIterable<{ name: string, value?: Uint8Array }>
}

/** The host operations policy sync uses. */
export interface PolicySyncHost extends PullDialer {
  handle(protocol: string, handler: StreamHandler, options?: { maxInboundStreams?: number, maxOutboundStreams?: number }): Promise<void>
  unhandle(protocol: string): Promise<void>
  addEventListener(type: 'peer:connect', listener: (event: CustomEvent<PeerId>) => void): void
  removeEventListener(type: 'peer:connect', listener: (event: CustomEvent<PeerId>) => void): void
  getPeers(): PeerId[]
}

export interface PolicyServiceComponents {
  gossip: GossipService
  dht?: PolicyDht
  /** For pull sync on connect; without it, policies arrive by gossip and the DHT only. */
  host?: PolicySyncHost
  /** Where accepted policies persist, so that a restarted node still knows them. */
  datastore?: Datastore
  penalise?: (peer: PeerId, action: PeerAction, reason: string) => void
  logger: Logger
  /** Anti-entropy rounds (see node/sync/anti-entropy). */
  antiEntropy?: AntiEntropyInit
  metrics?: NodeMetrics
  /** What one peer may ask of this node (default DEFAULT_RATE_LIMITS; --rate-limit). */
  rateLimits?: RateLimits
  /**
   * The chain's policy registry (--policy-registry): with one, a policy is
   * honoured only once its exact version is registered there; until then it
   * waits, unapplied, and is still relayed (other nodes may not ask for it).
   */
  registry?: PolicyRegistry
}

/**
 * Pull sync of policies on connect: gossip reaches only the nodes that are in
 * the mesh when a policy is published, and a node that joins later would
 * otherwise learn a policy only when asked about it (through the DHT).
 */
export const POLICY_SYNC_PROTOCOL = '/escrin/policy-sync/2'
const SYNC_LIMITS: RecordSyncLimits = { maxRecordBytes: POLICY_MESSAGE_MAX_BYTES, maxRecords: 4_096, timeoutMs: 15_000 }
const DATASTORE_PREFIX = '/escrin/policies'
/** Registry reads in flight at once when many policies are checked together (at start, after a reorganisation). */
const REGISTRY_READ_CONCURRENCY = 32

/** A verified policy that waits for its version to be registered on chain. */
interface UnregisteredPolicy {
  id: string
  policy: Policy
  signed: SignedPolicy
}

/**
 * Trust-boundary policies: accepts signed policies from the API and from
 * gossip (`/escrin/policy/1`), verifies the owner's EIP-712 signature, keeps
 * the latest version of each, and relays what it accepts.
 */
export class PolicyService {
  readonly store = new PolicyStore()
  private readonly log: Logger
  private readonly listeners: Array<(entry: StoredPolicy, replaced?: StoredPolicy) => void> = []
  private readonly removalListeners: Array<(entry: StoredPolicy) => void> = []
  /** Verified policies whose version is not registered yet, by EIP-712 digest (registry mode only). */
  private readonly unregistered = new BoundedMap<`0x${string}`, UnregisteredPolicy>(MAX_POLICIES)
  /**
   * Registry mode: the version each lineage's current one replaced. If a
   * reorganisation takes the current version's registration away, the one
   * before it, still registered, is in force again rather than none.
   */
  private readonly previous = new BoundedMap<string, StoredPolicy>(MAX_POLICIES)
  private readonly syncRecords = new WeakMap<StoredPolicy, SyncRecord>()

  private started = false
  private readonly antiEntropy: AntiEntropy

  private readonly rateLimits: RateLimits

  constructor (private readonly components: PolicyServiceComponents) {
    this.log = components.logger.child('policies')
    this.rateLimits = components.rateLimits ?? DEFAULT_RATE_LIMITS
    this.onPeerConnect = this.onPeerConnect.bind(this)
    this.antiEntropy = new AntiEntropy(() => this.components.host?.getPeers() ?? [], async peer => { await this.syncFrom(peer) }, components.antiEntropy)
    this.handleSync = this.handleSync.bind(this)
    components.gossip.handle(POLICY_TOPIC, async data => { await this.onGossip(data) })
    components.registry?.onRegistered(digests => { void this.releaseRegistered(digests) })
    components.registry?.onReorganised(() => { void this.recheckRegistrations() })
  }

  /** Registers the sync handler; called before the host listens, like every escrin protocol. */
  async register (): Promise<void> {
    await this.components.host?.handle(POLICY_SYNC_PROTOCOL, limitStreams(POLICY_SYNC_PROTOCOL, this.rateLimits.sync, this.handleSync, { penalise: (peer, action, reason) => { this.components.penalise?.(peer, action, reason) }, metrics: this.components.metrics }), { maxInboundStreams: 2, maxOutboundStreams: 2 })
  }

  async unregister (): Promise<void> {
    await this.components.host?.unhandle(POLICY_SYNC_PROTOCOL)
  }

  /** Loads the persisted policies (each verified again) and starts syncing with new peers. */
  async start (): Promise<void> {
    if (this.started) return
    this.started = true
    await this.load()
    this.components.host?.addEventListener('peer:connect', this.onPeerConnect)
    if (this.components.host != null) this.antiEntropy.start()
  }

  stop (): void {
    if (!this.started) return
    this.started = false
    this.antiEntropy.stop()
    this.components.host?.removeEventListener('peer:connect', this.onPeerConnect)
  }

  private async load (): Promise<void> {
    const { datastore } = this.components
    if (datastore == null) return
    const records: Array<{ key: Key, value: Uint8Array }> = []
    for await (const record of datastore.query({ prefix: DATASTORE_PREFIX })) records.push(record)
    let loaded = 0
    // in parallel: with a registry each is a read of the chain
    await inBatches(records, REGISTRY_READ_CONCURRENCY, async ({ key, value }) => {
      try {
        await this.accept(decodeSignedPolicy(value), false)
        loaded++
      } catch (err) {
        // a record written by an older version or damaged on disk: drop it, the network has the policy
        this.log.warn('dropping an unreadable stored policy', { key: key.toString(), err })
        await Promise.resolve(datastore.delete(key)).catch(() => {})
      }
    })
    if (loaded > 0) this.log.info('policies loaded', { count: loaded })
  }

  private onPeerConnect (event: CustomEvent<PeerId>): void {
    void this.syncFrom(event.detail)
  }

  private async handleSync (stream: Stream, connection: Connection): Promise<void> {
    try {
      await serveRecords(stream, this.store.all().map(e => this.syncRecordOf(e)), SYNC_LIMITS)
    } catch (err) {
      if (err instanceof RecordSyncError) this.components.penalise?.(connection.remotePeer, PeerAction.InvalidGossip, `policy sync request: ${err.message}`)
    }
  }

  /** A stored policy's bytes and sync id, encoded once per stored version (a new version is a new entry). */
  private syncRecordOf (entry: StoredPolicy): SyncRecord {
    let record = this.syncRecords.get(entry)
    if (record == null) {
      const bytes = encodeSignedPolicy(entry.signed)
      record = { bytes, id: recordId(bytes) }
      this.syncRecords.set(entry, record)
    }
    return record
  }

  /** Fetches a peer's policies; one that fails verification is the peer's fault (it relays only what it verified). */
  private async syncFrom (peer: PeerId): Promise<void> {
    const host = this.components.host
    if (host == null) return
    try {
      const held = this.store.all().map(e => this.syncRecordOf(e).id)
      await pullRecords(host, peer, POLICY_SYNC_PROTOCOL, SYNC_LIMITS, held, async bytes => {
        try {
          await this.accept(decodeSignedPolicy(bytes))
        } catch (err) {
          if (err instanceof RangeError) return // our store is full: not the peer's fault
          throw err
        }
      })
    } catch (err) {
      if (!this.started) return
      if (err instanceof PolicyError || err instanceof WireError || err instanceof RecordSyncError) {
        this.components.penalise?.(peer, PeerAction.InvalidGossip, `policy sync: ${(err as Error).message}`)
      } else {
        this.log.debug('policy sync failed', { peer, err })
      }
    }
  }

  /** Called with every policy that is new or replaces an older version. */
  onChange (listener: (entry: StoredPolicy, replaced?: StoredPolicy) => void): void {
    this.listeners.push(listener)
  }

  /** Called with every policy the node stops honouring with no newer version (its registration was reorganised away). */
  onRemove (listener: (entry: StoredPolicy) => void): void {
    this.removalListeners.push(listener)
  }

  /** Policies verified but waiting for their version to be registered on chain (registry mode). */
  waiting (): UnregisteredPolicy[] {
    return [...this.unregistered.values()]
  }

  /** Verifies, stores and gossips a policy published through this node. */
  async publish (signed: SignedPolicy): Promise<{ id: string, result: OfferResult }> {
    // an owner publishes right after registering: ask the registry even if the version waits here already
    const { result, entry } = await this.accept(signed, true, true)
    // a version waiting for its registration is spread too: each node honours it once the registry has it
    if (result === 'added' || result === 'replaced' || result === 'unregistered') {
      const bytes = encodeSignedPolicy(signed)
      await this.components.gossip.publish(POLICY_TOPIC, bytes)
      // in the DHT too, for nodes that join later; not awaited: the API answers now
      void this.storeInDht(entry.id, bytes)
    }
    return { id: entry.id, result }
  }

  /**
   * The policy with this id: known locally, or fetched from the DHT and
   * verified (a node that joined after it was gossiped learns it this way).
   */
  async find (id: string): Promise<StoredPolicy | undefined> {
    const known = this.store.get(id)
    if (known != null || this.components.dht == null || !/^[0-9a-f]{64}$/.test(id)) return known
    try {
      for await (const event of this.components.dht.get(policyDhtKey(id), { signal: AbortSignal.timeout(DHT_TIMEOUT_MS) })) {
        if (event.name !== 'VALUE' || event.value == null) continue
        try {
          const { result, entry } = await this.accept(decodeSignedPolicy(event.value))
          if (entry.id === id && result !== 'unregistered') return entry
        } catch (err) {
          this.log.debug('invalid policy record from the DHT', { id, err })
        }
      }
    } catch (err) {
      this.log.debug('policy look-up failed', { id, err })
    }
    return this.store.get(id)
  }

  private async storeInDht (id: string, bytes: Uint8Array): Promise<void> {
    if (this.components.dht == null) return
    try {
      for await (const event of this.components.dht.put(policyDhtKey(id), bytes, { signal: AbortSignal.timeout(DHT_TIMEOUT_MS) })) void event
    } catch (err) {
      this.log.debug('storing the policy in the DHT failed', { id, err })
    }
  }

  routes (): Route[] {
    return [
      {
        method: 'GET',
        path: '/v1/policies',
        handler: () => ({
          policies: this.store.all().map(toView),
          ...(this.components.registry != null ? { registry: this.components.registry.describe(), unregistered: this.waiting().map(toView) } : {})
        })
      },
      {
        method: 'GET',
        path: '/v1/policies/:id',
        handler: async ({ params }) => {
          const entry = await this.find(params.id)
          if (entry == null) {
            if (this.waiting().some(w => w.id === params.id)) throw new ApiError(404, 'UNREGISTERED_POLICY', `policy ${params.id} is known but not honoured: its version is not registered on chain (escrin-node policy publish ... --policy-registry)`)
            throw new ApiError(404, 'UNKNOWN_POLICY', `no policy ${params.id} is known to this node`)
          }
          return toView(entry)
        }
      },
      {
        method: 'POST',
        path: '/v1/policies',
        handler: async ({ body }) => {
          let signed: SignedPolicy
          try {
            signed = signedPolicyFromJson(body)
            // the size bound the wire imposes applies to the API too
            decodeSignedPolicy(encodeSignedPolicy(signed))
          } catch (err) {
            throw new ApiError(400, err instanceof PolicyError ? err.code : 'MALFORMED', (err as Error).message)
          }
          try {
            return await this.publish(signed)
          } catch (err) {
            if (err instanceof PolicyError) throw new ApiError(400, err.code, err.message)
            if (err instanceof RangeError) throw new ApiError(507, 'TOO_MANY_POLICIES', err.message)
            throw err
          }
        }
      }
    ]
  }

  private async onGossip (data: Uint8Array): Promise<void> {
    let signed: SignedPolicy
    try {
      signed = decodeSignedPolicy(data)
    } catch (err) {
      throw reject('MALFORMED', (err as WireError).message)
    }
    let outcome: { result: OfferResult }
    try {
      outcome = await this.accept(signed)
    } catch (err) {
      // a bad signature or an invalid predicate cannot come from an honest owner
      if (err instanceof PolicyError) throw reject(err.code, err.message)
      if (err instanceof RangeError) throw ignore('FULL', err.message)
      throw err
    }
    if (outcome.result === 'duplicate') throw ignore('DUPLICATE', 'policy already known')
    if (outcome.result === 'stale') throw ignore('STALE', 'a newer version is known')
  }

  private async accept (signed: SignedPolicy, persist = true, askRegistry = false): Promise<{ result: OfferResult, entry: StoredPolicy }> {
    const policy = await verifySignedPolicy(signed)
    const registry = this.components.registry
    if (registry != null) {
      const id = policyId(policy)
      const refused = this.store.refusal(policy, id)
      if (refused != null) return refused
      const digest = policyDigest(policy)
      // one read per version from the network: a waiting one is released by the registry's event, not by being offered again
      if ((this.unregistered.has(digest) && !askRegistry) || !await registry.registered(digest)) {
        if (!this.unregistered.has(digest)) this.log.info('policy waits for its registration on chain', { id, owner: policy.owner, name: policy.name, version: policy.version, digest })
        this.unregistered.set(digest, { id, policy, signed })
        return { result: 'unregistered', entry: { id, policy, signed } }
      }
      this.unregistered.delete(digest)
    }
    return await this.admit(signed, policy, persist)
  }

  /** Stores a verified (and, in registry mode, registered) policy, and tells the listeners. */
  private async admit (signed: SignedPolicy, policy: Policy, persist: boolean): Promise<{ result: OfferResult, entry: StoredPolicy }> {
    const { result, entry, replaced } = this.store.offer(signed, policy)
    this.components.metrics?.policies.set(this.store.size)
    if (result === 'added' || result === 'replaced') {
      this.forgetSuperseded(entry)
      if (replaced != null && this.components.registry != null) this.previous.set(lineageKey(policy.owner, policy.name), replaced)
      if (persist) await this.persist(entry, replaced)
      this.log.info(result === 'added' ? 'policy added' : 'policy updated', { id: entry.id, owner: policy.owner, name: policy.name, version: policy.version })
      for (const listener of this.listeners) listener(entry, replaced)
    }
    return { result, entry }
  }

  /** Versions the registry now knows registered: those waiting here are honoured from now on. */
  private async releaseRegistered (digests: Array<`0x${string}`>): Promise<void> {
    for (const digest of digests) {
      const waiting = this.unregistered.get(digest)
      if (waiting == null) continue
      this.unregistered.delete(digest)
      try {
        await this.admit(waiting.signed, waiting.policy, true)
      } catch (err) {
        this.log.warn('a registered policy could not be stored', { id: waiting.id, err })
      }
    }
  }

  /** Waiting versions that the one now in force supersedes can never be honoured: they wait no longer. */
  private forgetSuperseded (entry: StoredPolicy): void {
    if (this.unregistered.size === 0) return
    for (const [digest, waiting] of this.unregistered) {
      if (waiting.policy.owner === entry.policy.owner && waiting.policy.name === entry.policy.name && !supersedes(waiting.policy, entry.policy)) this.unregistered.delete(digest)
    }
  }

  /**
   * The chain reorganised: a registration this node saw may be gone. Every
   * policy honoured is read again, and one no longer registered goes back to
   * waiting (it is re-registered, most often, as the chain moves on).
   */
  private async recheckRegistrations (): Promise<void> {
    const registry = this.components.registry
    if (registry == null) return
    await inBatches(this.store.all(), REGISTRY_READ_CONCURRENCY, async entry => {
      const digest = policyDigest(entry.policy)
      if (await registry.registered(digest)) return
      if (this.store.remove(entry.id) == null) return
      this.unregistered.set(digest, entry)
      this.components.metrics?.policies.set(this.store.size)
      this.log.warn('a policy\'s registration is gone from the chain (reorganised); it is not honoured until registered again', { id: entry.id, owner: entry.policy.owner, name: entry.policy.name, version: entry.policy.version })
      await this.unpersist(entry)
      for (const listener of this.removalListeners) listener(entry)
      await this.restorePrevious(entry.policy)
    })
  }

  /** After a lineage's version lost its registration: the version it replaced is in force again, if still registered. */
  private async restorePrevious (policy: Policy): Promise<void> {
    const key = lineageKey(policy.owner, policy.name)
    const before = this.previous.get(key)
    if (before == null || this.store.latest(policy.owner, policy.name) != null) return
    if (!await this.components.registry?.registered(policyDigest(before.policy))) return
    this.previous.delete(key)
    this.log.info('the version before it is in force again', { id: before.id, name: before.policy.name, version: before.policy.version })
    await this.admit(before.signed, before.policy, true)
  }

  private async unpersist (entry: StoredPolicy): Promise<void> {
    try {
      await this.components.datastore?.delete(new Key(`${DATASTORE_PREFIX}/${entry.id}`))
    } catch (err) {
      this.log.error('removing a stored policy failed', { id: entry.id, err })
    }
  }

  /** Writes the new version before dropping the old, so a crash in between loses nothing. */
  private async persist (entry: StoredPolicy, replaced?: StoredPolicy): Promise<void> {
    const { datastore } = this.components
    if (datastore == null) return
    try {
      await datastore.put(new Key(`${DATASTORE_PREFIX}/${entry.id}`), encodeSignedPolicy(entry.signed))
      if (replaced != null) await datastore.delete(new Key(`${DATASTORE_PREFIX}/${replaced.id}`))
    } catch (err) {
      // the policy is live in memory and the network has it; only a restart would forget it
      this.log.error('storing a policy failed', { id: entry.id, err })
    }
  }
}

function toView (entry: { id: string, signed: SignedPolicy }): Record<string, unknown> {
  return { id: entry.id, ...signedPolicyToJson(entry.signed) }
}

/** Runs `fn` over `items`, at most `concurrency` at once. */
async function inBatches<T> (items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
}
