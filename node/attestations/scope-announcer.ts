import { createHash } from 'node:crypto'
import type { Logger } from '../log/index.js'
import type { KadDHT } from '@libp2p/kad-dht'
import type { CID } from 'multiformats/cid'

export interface ScopeAnnouncerInit {
  dht: Pick<KadDHT, 'provide' | 'cancelReprovide'>
  logger: Logger
  /** This node's peer id. */
  self: string
  /** The DHT key of a policy's scope. */
  keyOf: (policyId: string) => CID
  /** How many members of a scope announce it (see below). */
  announcers: number
  /** Announcements start at a random time within this window after a node becomes an announcer (spread). */
  spreadMs: number
  /** Deadline of one announcement. */
  timeoutMs: number
  random?: () => number
}

/**
 * Announces this node as a DHT provider of the scopes it is in, for nodes
 * with a partial view of the network: a node that finds a few providers
 * connects to them, and sync on connect then brings it every member's record.
 *
 * So a scope needs a few announcers, not all its members: each announcement
 * is a DHT walk plus a write to the k closest peers, and a policy published
 * to a network of n runners would otherwise start n walks at once that all
 * end at the same k peers (measured: kad-dht traffic x2.7 on every node of a
 * 40-node simulation for 30 s after each policy event, delaying the gossip
 * that scope convergence waits for). The announcers are the `announcers`
 * members with the smallest sha256(policy id, peer id): every member ranks
 * itself against the members it knows, so members with the same view agree
 * on the same few, a member with a partial view errs towards announcing, and
 * when an announcer leaves the next one in rank takes over. Announcements
 * start at a random time within `spreadMs` and run one at a time.
 */
export class ScopeAnnouncer {
  /** Announcements waiting for their start time. */
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>()
  /** Scopes this node announced (or is announcing). */
  private readonly announced = new Set<string>()
  private readonly random: () => number
  private queue: Promise<void> = Promise.resolve()
  private running = true

  constructor (private readonly init: ScopeAnnouncerInit) {
    this.random = init.random ?? Math.random
  }

  /** Whether `self` ranks among the scope's announcers, given the members this node knows (self included). */
  static isAnnouncer (policyId: string, self: string, members: Iterable<string>, announcers: number): boolean {
    const own = rank(policyId, self)
    let ahead = 0
    for (const member of members) {
      if (member !== self && rank(policyId, member) < own && ++ahead >= announcers) return false
    }
    return true
  }

  /** The scope's members (by this node's view) changed: announce or stop announcing. */
  update (policyId: string, members: string[]): void {
    if (!this.running) return
    const inScope = members.includes(this.init.self)
    const should = inScope && ScopeAnnouncer.isAnnouncer(policyId, this.init.self, members, this.init.announcers)
    if (should) this.start(policyId)
    else this.withdraw(policyId)
  }

  stop (): void {
    this.running = false
    for (const timer of this.pending.values()) clearTimeout(timer)
    this.pending.clear()
  }

  private start (policyId: string): void {
    if (this.pending.has(policyId) || this.announced.has(policyId)) return
    const timer = setTimeout(() => {
      this.pending.delete(policyId)
      this.announced.add(policyId)
      this.queue = this.queue.then(async () => { await this.announce(policyId) })
    }, Math.floor(this.random() * this.init.spreadMs))
    timer.unref?.()
    this.pending.set(policyId, timer)
  }

  private withdraw (policyId: string): void {
    const timer = this.pending.get(policyId)
    if (timer != null) {
      clearTimeout(timer)
      this.pending.delete(policyId)
    }
    if (this.announced.delete(policyId)) {
      void this.init.dht.cancelReprovide(this.init.keyOf(policyId)).catch(() => {})
    }
  }

  private async announce (policyId: string): Promise<void> {
    if (!this.running || !this.announced.has(policyId)) return
    try {
      for await (const event of this.init.dht.provide(this.init.keyOf(policyId), { signal: AbortSignal.timeout(this.init.timeoutMs) })) void event
    } catch (err) {
      this.init.logger.debug('announcing scope membership failed', { policyId, err })
    }
    // withdrawn while the walk ran: withdraw's cancel came before provide registered the key for re-providing
    if (!this.announced.has(policyId)) void this.init.dht.cancelReprovide(this.init.keyOf(policyId)).catch(() => {})
  }
}

const ranks = new Map<string, string>()
const RANKS_MAX = 50_000

/** A member's place in the announcer order of a scope: hex, so strings compare as numbers. */
function rank (policyId: string, peerId: string): string {
  const key = `${policyId}|${peerId}`
  let value = ranks.get(key)
  if (value == null) {
    value = createHash('sha256').update(key).digest('hex').slice(0, 16)
    if (ranks.size >= RANKS_MAX) ranks.clear()
    ranks.set(key, value)
  }
  return value
}
