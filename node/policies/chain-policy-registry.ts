import { POLICY_REGISTRY_ABI } from '../../protocol/chain/index.js'
import { BoundedMap } from '../../protocol/util/index.js'
import { FollowedContract, type ChainContractInit } from '../chain/index.js'
import { PeerRateLimiter, type RateLimit } from '../peer-score/index.js'

/**
 * Where a node learns which policy versions their owners registered on chain
 * (`--policy-registry`). A node that has one honours a policy only once its
 * exact version is registered: an app cannot then show one trust boundary to
 * some nodes and another to others, or change it, without a public record.
 */
export interface PolicyRegistry {
  /**
   * Whether the policy with this EIP-712 digest (0x-hex) is registered, as of
   * the block followed. False while the chain cannot answer: the read is
   * retried, and registration listeners hear of it when it succeeds.
   */
  registered(digest: `0x${string}`): Promise<boolean>
  /** Called with digests newly known to be registered; returns an unsubscribe function. */
  onRegistered(listener: (digests: Array<`0x${string}`>) => void): () => void
  /** Called after a reorganisation below the block followed: registrations known may be gone. */
  onReorganised(listener: () => void): () => void
  start(): Promise<void>
  stop(): Promise<void>
  describe(): PolicyRegistrySource
}

export interface PolicyRegistrySource {
  source: 'chain'
  chain: string
  contract: string
  /** The block followed (null before the first). */
  block: string | null
  /** Registered versions this node knows of (each read or seen registered). */
  registered: number
}

export class PolicyRegistryError extends Error {
  override readonly name = 'PolicyRegistryError'
}

/** The chain and the EscrinPolicies contract (--chain, --policy-registry), and how to follow them. */
export interface ChainPolicyRegistryInit extends ChainContractInit {
  /** Reads of the chain for policies as they arrive, a second on average and at once (default 50 and 200). */
  reads?: RateLimit
}

/**
 * Anyone can sign policies, and every one that arrives costs a read of the
 * chain: past this rate an arriving policy waits unread, and is read later,
 * a bounded number after each poll, so a flood of unregistered policies
 * cannot turn into a flood of requests to the node's JSON-RPC provider.
 */
const DEFAULT_READS: RateLimit = { perSecond: 50, burst: 200 }
/** Digests whose read was put off (or failed) that are read after one poll, at most. */
const MAX_RETRIES_PER_POLL = 256

/** Registered digests this node remembers: as many as it keeps policies and pending ones, with room. */
const MAX_KNOWN = 100_000

/**
 * Registrations from the EscrinPolicies contract, through viem. As with
 * bonds, no history is scanned: a digest is read (`registered`, as of the
 * block followed) when a policy with it arrives, and every
 * `PolicyRegistered` event from the block the node started at marks its
 * digest registered. A registration is never undone on chain, so a digest
 * known to be registered stays so, except across a reorganisation, after
 * which all are forgotten and listeners re-check what they admitted.
 */
export class ChainPolicyRegistry extends FollowedContract implements PolicyRegistry {
  private readonly known = new BoundedMap<string, true>(MAX_KNOWN)
  private readonly reading = new Map<string, Promise<boolean>>()
  /** Digests whose read failed (or came before start): read again after the next good poll. */
  private readonly unread = new BoundedMap<`0x${string}`, true>(MAX_KNOWN)
  private readonly registeredListeners = new Set<(digests: Array<`0x${string}`>) => void>()
  private readonly reorganisedListeners = new Set<() => void>()
  private seen: Array<`0x${string}`> = []
  /** One bucket for all of this node's reads of arriving policies (keyed by nothing but the registry). */
  private readonly readBudget: PeerRateLimiter

  constructor (private readonly init: ChainPolicyRegistryInit) {
    super({ ...init, contractRole: 'the EscrinPolicies contract (--policy-registry)', errorOf: message => new PolicyRegistryError(message) })
    this.readBudget = new PeerRateLimiter({ ...(init.reads ?? DEFAULT_READS), maxPeers: 1 })
  }

  async registered (digest: `0x${string}`): Promise<boolean> {
    const key = digest.toLowerCase() as `0x${string}`
    if (this.known.has(key)) return true
    const reading = this.reading.get(key)
    if (reading == null && this.readBudget.take('reads') !== 'ok') {
      this.unread.set(key, true)
      return false
    }
    if (await (reading ?? this.read(key))) return true
    // not as of the block followed: the blocks since may register it (an owner registers, then publishes at once)
    await this.chain.catchUp()
    return this.known.has(key)
  }

  onRegistered (listener: (digests: Array<`0x${string}`>) => void): () => void {
    this.registeredListeners.add(listener)
    return () => { this.registeredListeners.delete(listener) }
  }

  onReorganised (listener: () => void): () => void {
    this.reorganisedListeners.add(listener)
    return () => { this.reorganisedListeners.delete(listener) }
  }

  describe (): PolicyRegistrySource {
    return { source: 'chain', ...this.chain.describe(), registered: this.known.size }
  }

  protected async probe (): Promise<void> {
    await this.chain.client.readContract({ address: this.chain.contract, abi: POLICY_REGISTRY_ABI, functionName: 'registered', args: [`0x${'00'.repeat(32)}`] })
  }

  protected async applyRange (from: bigint, to: bigint): Promise<void> {
    const logs = await this.chain.client.getContractEvents({ address: this.chain.contract, abi: POLICY_REGISTRY_ABI, eventName: 'PolicyRegistered', fromBlock: from, toBlock: to, strict: true })
    for (const log of logs) {
      const digest = log.args.digest.toLowerCase() as `0x${string}`
      if (this.known.has(digest)) continue
      this.known.set(digest, true)
      this.seen.push(digest)
    }
  }

  protected followed (): void {
    const seen = this.seen
    this.seen = []
    this.notify(seen)
    let retries = 0
    for (const digest of [...this.unread.keys()]) {
      if (retries++ >= MAX_RETRIES_PER_POLL) break
      this.unread.delete(digest)
      if (!this.known.has(digest)) void this.read(digest)
    }
  }

  protected reorganised (): void {
    this.known.clear()
    this.seen = []
    for (const listener of this.reorganisedListeners) {
      try {
        listener()
      } catch (err) {
        this.init.logger?.error('policy registry listener failed', { err })
      }
    }
  }

  /** Reads one digest as of the followed block; listeners hear of it if it is registered. */
  private async read (digest: `0x${string}`): Promise<boolean> {
    const asOf = this.chain.head
    if (asOf < 0n || this.chain.isStopped) {
      this.unread.set(digest, true)
      return false
    }
    const epoch = this.chain.epoch
    const reading = this.chain.track(this.chain.client.readContract({ address: this.chain.contract, abi: POLICY_REGISTRY_ABI, functionName: 'registered', args: [digest], blockNumber: asOf }))
      .then(registered => {
        // a reorganisation voids the read; an event of a later block may have said yes meanwhile
        if (epoch !== this.chain.epoch) {
          this.unread.set(digest, true)
          return false
        }
        if (this.known.has(digest)) return true
        if (!registered) return false
        this.known.set(digest, true)
        this.notify([digest])
        return true
      })
      .catch(err => {
        this.unread.set(digest, true)
        this.chain.failed('cannot read a policy registration; the policy waits until a read succeeds', err, { digest })
        return false
      })
      .finally(() => { this.reading.delete(digest) })
    this.reading.set(digest, reading)
    return await reading
  }

  private notify (digests: Array<`0x${string}`>): void {
    if (digests.length === 0) return
    for (const listener of this.registeredListeners) {
      try {
        listener(digests)
      } catch (err) {
        this.init.logger?.error('policy registry listener failed', { err })
      }
    }
  }
}
