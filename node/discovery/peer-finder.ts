import { randomBytes } from 'node:crypto'
import {
  DISCOVERY_DIAL_CONCURRENCY, DISCOVERY_FAST_INTERVAL_MS, DISCOVERY_IDLE_INTERVAL_MS, DISCOVERY_SHORT_INTERVAL_MS, DISCOVERY_QUERY_TIMEOUT_MS, DISCOVERY_SLOW_INTERVAL_MS
} from '../constants.js'
import { DialBackoff } from './dial-backoff.js'

const DIAL_PASS_DELAY_MS = 50
import type { Host } from '../host/index.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { Peer, PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

export interface PeerFinderInit {
  bootstrap: Multiaddr[]
  minConnections: number
  maxConnections: number
  fastIntervalMs?: number
  slowIntervalMs?: number
  /** The longest interval between walks of a node short of minConnections that has no one left to find or dial. */
  shortIntervalMs?: number
  /** The longest interval between walks once the node has its dial target of connections. */
  idleIntervalMs?: number
  queryTimeoutMs?: number
  dialConcurrency?: number
}

export interface PeerFinderComponents {
  host: Host
  logger: Logger
  metrics?: NodeMetrics
}

/**
 * Keeps the node connected to the network through the DHT:
 *
 * - dials the bootstrap peers at start, and again whenever the node has no
 *   connection at all (so it recovers from a total partition);
 * - runs Kademlia random walks (closest-peers queries for random keys), which
 *   fill the routing table and the peer store with peers across the key space;
 * - dials known peers it is not connected to, up to twice minConnections
 *   (a random graph of that degree is connected and keeps gossip within a
 *   few hops; a full mesh costs a handshake, an identify and two syncs per
 *   pair, which at 30 nodes on one machine kept every core busy for
 *   minutes), with a per-peer exponential backoff for peers that fail. Other
 *   peers stay known (peer store, DHT) and are dialled when a job needs them.
 *
 * Walks run every fastIntervalMs while the node has fewer than minConnections
 * and walks turn up someone new or leave someone to dial; otherwise each walk
 * doubles the interval, up to shortIntervalMs while short of minConnections,
 * slowIntervalMs above it. One empty walk proves little (a random key's
 * closest peers are a small part of a larger network), so that backoff is
 * gradual. A node with its dial target of connections walks only every
 * idleIntervalMs, and again soon if it loses peers below the target: a
 * settled network costs little and churn is noticed quickly.
 */
export class PeerFinder {
  private readonly components: PeerFinderComponents
  private readonly init: Required<PeerFinderInit>
  private readonly log: Logger
  private readonly backoff = new DialBackoff()
  private readonly dialing = new Set<string>()
  private timer?: ReturnType<typeof setTimeout>
  /** When the scheduled walk runs (performance.now()). */
  private nextWalkAt = 0
  private dialPassTimer?: ReturnType<typeof setTimeout>
  private controller?: AbortController
  private walking = false
  /** Walks in a row that found no new peer; drives the interval backoff. */
  private emptyWalks = 0

  constructor (components: PeerFinderComponents, init: PeerFinderInit) {
    this.components = components
    this.init = {
      fastIntervalMs: DISCOVERY_FAST_INTERVAL_MS,
      slowIntervalMs: DISCOVERY_SLOW_INTERVAL_MS,
      shortIntervalMs: DISCOVERY_SHORT_INTERVAL_MS,
      idleIntervalMs: DISCOVERY_IDLE_INTERVAL_MS,
      queryTimeoutMs: DISCOVERY_QUERY_TIMEOUT_MS,
      dialConcurrency: DISCOVERY_DIAL_CONCURRENCY,
      ...init
    }
    this.log = components.logger.child('discovery')
    this.onDiscovery = this.onDiscovery.bind(this)
    this.onPeerDisconnect = this.onPeerDisconnect.bind(this)
  }

  start (): void {
    if (this.controller != null) return
    this.controller = new AbortController()
    this.components.host.addEventListener('peer:discovery', this.onDiscovery)
    this.components.host.addEventListener('peer:disconnect', this.onPeerDisconnect)
    void this.dialBootstrap()
    this.schedule(0)
  }

  stop (): void {
    if (this.controller == null) return
    this.components.host.removeEventListener('peer:discovery', this.onDiscovery)
    this.components.host.removeEventListener('peer:disconnect', this.onPeerDisconnect)
    clearTimeout(this.timer)
    clearTimeout(this.dialPassTimer)
    this.timer = undefined
    this.dialPassTimer = undefined
    this.controller.abort()
    this.controller = undefined
  }

  /**
   * Runs one random walk now; resolves with the number of peers it found that
   * were new, and the peer store as the walk left it (for the dial pass that
   * follows, so the store is not scanned again).
   */
  async walk (): Promise<{ found: number, peers?: Peer[] }> {
    const signal = this.controller?.signal
    if (signal == null || this.walking) return { found: 0 }
    this.walking = true
    // peers reach the peer store from every response along the query's path,
    // not only the final closest ones, so count the store's growth
    const before = (await this.components.host.peerStore.all()).length
    let found = 0
    let peers: Peer[] | undefined
    try {
      const querySignal = AbortSignal.any([signal, AbortSignal.timeout(this.init.queryTimeoutMs)])
      for await (const event of this.components.host.services.dht.getClosestPeers(randomBytes(32), { signal: querySignal })) {
        void event // the query's side effects (routing table, peer store) are what a walk is for
      }
      peers = await this.components.host.peerStore.all()
      found = Math.max(0, peers.length - before)
      this.components.metrics?.discoveryWalks.inc({ result: 'ok' })
    } catch (err) {
      if (!signal.aborted) {
        this.components.metrics?.discoveryWalks.inc({ result: 'error' })
        this.log.debug('random walk failed', { err })
      }
    } finally {
      this.walking = false
    }
    return { found, peers }
  }

  private schedule (delayMs: number): void {
    if (this.controller == null) return
    clearTimeout(this.timer)
    this.nextWalkAt = performance.now() + delayMs
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.tick().then(delay => { this.schedule(delay) })
    }, delayMs)
    // a pending walk must not keep a process alive that is otherwise done
    this.timer.unref?.()
  }

  private async tick (): Promise<number> {
    try {
      if (this.components.host.getConnections().length === 0) await this.dialBootstrap()
      const { found, peers } = await this.walk()
      const dialled = await this.dialKnownPeers(peers)
      const connected = this.components.host.getPeers().length
      const short = connected < this.init.minConnections
      // Walks are for a node short of minConnections. Above it, walking
      // faster because walks find someone gains little: in a network that
      // grows one join at a time every walk does, each walk is a score of
      // DHT queries (three quarters of a 20-node formation's kad-dht
      // streams), and newcomers dial in anyway; the dial target fills from
      // what the node learns meanwhile. Every node walking each second was
      // what kept a 100-node network from ever settling. Short of
      // minConnections, a walk that found no one new with no one left to
      // dial says the network (or this node's side of a partition) is
      // smaller than minConnections: walking every second then repeats the
      // same queries for good (each node of a 5-node devnet did). Such walks
      // back off too, to a shorter cap, so a heal or a newcomer is still seen soon.
      const wantsPeers = short && (found > 0 || dialled > 0)
      this.emptyWalks = wantsPeers ? 0 : this.emptyWalks + 1
      // At its dial target the node has nothing to walk for: kad-dht
      // refreshes the routing table on its own schedule, and newcomers dial
      // in. Each walk is a DHT query, and a query dials the peers it asks
      // that the node is not connected to (most of them, in a network larger
      // than its degree), each a handshake, identify, Hello and syncs at both
      // ends, soon closed again by the trimmer. Backing off by doubling from
      // 1 s still meant nine walks in a node's first eight minutes: in a
      // 100-node simulation about nine in ten of the connections nodes opened
      // carried a DHT query first. So at the target the next walk is an idle
      // interval away, jittered by +-25%: nodes that joined together would
      // otherwise walk together, in waves, for good.
      if (connected >= this.dialTarget()) return this.init.idleIntervalMs * (0.75 + Math.random() * 0.5)
      const cap = short ? this.init.shortIntervalMs : this.init.slowIntervalMs
      return Math.min(cap, this.init.fastIntervalMs * 2 ** this.emptyWalks)
    } catch (err) {
      this.log.debug('discovery tick failed', { err })
      return this.init.fastIntervalMs
    }
  }

  /**
   * A node at its dial target walks only every idleIntervalMs; one that loses
   * peers below the target (a partition, an exodus) walks again within
   * slowIntervalMs instead of waiting out the idle interval.
   */
  private onPeerDisconnect (): void {
    if (this.timer == null || this.walking) return
    // the cheap test first: disconnects come in bursts when the trimmer runs, and getPeers() parses every connection's peer id
    if (this.nextWalkAt - performance.now() <= this.init.slowIntervalMs) return
    if (this.components.host.getPeers().length < this.dialTarget()) this.schedule(this.init.fastIntervalMs)
  }

  /**
   * A walk reports peers in bursts; one dial pass per burst is enough, and
   * each pass scans the (possibly LevelDB-backed) peer store, so passes are
   * coalesced to at most one per DIAL_PASS_DELAY_MS.
   */
  private onDiscovery (): void {
    if (this.dialPassTimer != null || this.controller == null) return
    this.dialPassTimer = setTimeout(() => {
      this.dialPassTimer = undefined
      void this.dialKnownPeers()
    }, DIAL_PASS_DELAY_MS)
    this.dialPassTimer.unref?.()
  }

  private async dialBootstrap (): Promise<void> {
    await Promise.all(this.init.bootstrap.map(async ma => {
      try {
        await this.components.host.dial(ma, { signal: this.dialSignal() })
      } catch (err) {
        if (this.controller != null) this.log.warn('bootstrap peer unreachable', { addr: ma, err })
      }
    }))
  }

  /** Dials known, unconnected peers while there is room, a few at a time; `known` saves a scan of the peer store. Returns how many it dialled. */
  private async dialKnownPeers (known?: Peer[]): Promise<number> {
    if (this.controller == null) return 0
    const host = this.components.host
    const room = this.dialTarget() - host.getPeers().length - this.dialing.size
    if (room <= 0) return 0
    const connected = new Set(host.getPeers().map(p => p.toString()))
    const now = Date.now()
    const self = host.peerId.toString()
    const candidates: PeerId[] = []
    for (const peer of known ?? await host.peerStore.all()) {
      const id = peer.id.toString()
      if (id === self || connected.has(id) || this.dialing.has(id) || peer.addresses.length === 0 || !this.backoff.canDial(id, now)) continue
      candidates.push(peer.id)
      if (candidates.length >= Math.min(room, this.init.dialConcurrency - this.dialing.size)) break
    }
    await Promise.all(candidates.map(async peer => { await this.dialOne(peer) }))
    return candidates.length
  }

  /** Connections the finder dials up to; the rest of the budget is for peers that dial us and for on-demand dials. */
  private dialTarget (): number {
    return Math.min(this.init.minConnections * 2, Math.floor(this.init.maxConnections * 0.75))
  }

  private async dialOne (peer: PeerId): Promise<void> {
    const id = peer.toString()
    this.dialing.add(id)
    try {
      await this.components.host.dial(peer, { signal: this.dialSignal() })
      this.backoff.succeeded(id)
      this.components.metrics?.discoveryDials.inc({ result: 'ok' })
    } catch (err) {
      this.backoff.failed(id, Date.now())
      this.components.metrics?.discoveryDials.inc({ result: 'error' })
      this.log.trace('dial failed', { peer: id, err })
    } finally {
      this.dialing.delete(id)
    }
  }

  private dialSignal (): AbortSignal {
    const timeout = AbortSignal.timeout(this.init.queryTimeoutMs)
    return this.controller == null ? timeout : AbortSignal.any([this.controller.signal, timeout])
  }
}
