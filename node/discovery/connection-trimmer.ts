import { KEEP_ALIVE } from '@libp2p/interface'
import {
  CONNECTION_GRACE_MS, CONNECTION_TRIM_INTERVAL_MS, CONNECTION_WANTED_MS, TRIMMED_PEERS_REMEMBERED
} from '../constants.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { Connection, PeerId, Tag } from '@libp2p/interface'

export interface ConnectionTrimmerInit {
  /** Trimming stops at this many connected peers. */
  lowWater: number
  /** Trimming starts above this many connected peers. */
  highWater: number
  /** A connection younger than this is never trimmed: the dial that made it is still using it. */
  gracePeriodMs?: number
  /** How often the count is checked (besides after every new connection). */
  checkIntervalMs?: number
  /** How long a peer that dialled back right after a trim is kept. */
  wantedForMs?: number
  /** Trimmed peers, and peers kept for dialling back, remembered at most (each, oldest dropped first). */
  remembered?: number
}

/** What the trimmer needs of a libp2p host; a narrow view so it can be tested without one. */
export interface TrimmerHost {
  getConnections(): Connection[]
  peerStore: { get(peerId: PeerId): Promise<{ tags: Map<string, Tag> }> }
  addEventListener(type: 'connection:open', listener: (event: CustomEvent<Connection>) => void): void
  removeEventListener(type: 'connection:open', listener: (event: CustomEvent<Connection>) => void): void
}

export interface ConnectionTrimmerComponents {
  host: TrimmerHost
  logger: Logger
  metrics?: NodeMetrics
  /** The clock (tests set it). */
  now?: () => number
}

/**
 * Streams that do not make a connection busy: gossipsub keeps one open each
 * way on every connection for as long as it lasts, and identify and ping are
 * libp2p's own housekeeping. Any other stream (a job, a share request, a blob,
 * a DHT query, a sync) means the connection is in use.
 */
const IDLE_PROTOCOL_PREFIXES = ['/meshsub/', '/floodsub/', '/ipfs/id/', '/ipfs/ping/']

function isIdleStream (protocol: string | undefined): boolean {
  // a stream still negotiating its protocol is about to be used
  return protocol != null && IDLE_PROTOCOL_PREFIXES.some(prefix => protocol.startsWith(prefix))
}

/** Past the grace period by this much, so the connections that scheduled a check are old enough for it. */
const GRACE_SLACK_MS = 100

interface Candidate {
  peer: string
  connections: Connection[]
  /** Sum of the peer's tag values (gossipsub mesh 100 per topic, kad-dht routing table 1). */
  value: number
  /** Tie-break, so that nodes with the same view do not all drop the same peers. */
  order: number
}

/**
 * Bounds a node's degree the way go-libp2p's connection manager does: above
 * highWater connected peers, it closes idle connections of the least valued
 * peers until lowWater remain. libp2p's own limit (maxConnections) only
 * refuses and prunes at the ceiling, and a node at its ceiling turns away
 * newcomers; nothing else ever closes a connection, and kad-dht dials every
 * peer it queries, so a network of a hundred nodes drifts towards a full
 * mesh in which every idle connection costs pings, DHT traffic and gossip
 * bookkeeping on both ends.
 *
 * Never trimmed: connections younger than the grace period; connections with
 * a stream in use; peers tagged keep-alive (libp2p would redial them at
 * once: kad-dht keeps its closest peers so); and, for a while, a peer that
 * dialled back right after being trimmed (it keeps us alive on its side, and
 * trimming it again would only repeat the handshake). Among the rest the
 * lowest tag value goes first, so gossipsub mesh peers stay.
 */
export class ConnectionTrimmer {
  private readonly components: ConnectionTrimmerComponents
  private readonly init: Required<ConnectionTrimmerInit>
  private readonly log: Logger
  /** Peers trimmed lately, by id, with when (insertion order is age order). */
  private readonly trimmed = new Map<string, number>()
  /** Peers that dialled back after a trim, with until when they are kept. */
  private readonly wanted = new Map<string, number>()
  private timer?: ReturnType<typeof setInterval>
  private pending?: ReturnType<typeof setTimeout>
  private running = false
  private trimming = false

  constructor (components: ConnectionTrimmerComponents, init: ConnectionTrimmerInit) {
    if (!(init.lowWater >= 0 && init.highWater >= init.lowWater)) {
      throw new RangeError(`connection watermarks: low ${init.lowWater} must be at least 0 and at most high ${init.highWater}`)
    }
    this.components = components
    this.init = {
      gracePeriodMs: CONNECTION_GRACE_MS,
      checkIntervalMs: CONNECTION_TRIM_INTERVAL_MS,
      wantedForMs: CONNECTION_WANTED_MS,
      remembered: TRIMMED_PEERS_REMEMBERED,
      ...init
    }
    this.log = components.logger.child('trimmer')
    this.onConnectionOpen = this.onConnectionOpen.bind(this)
  }

  start (): void {
    if (this.running) return
    this.running = true
    this.components.host.addEventListener('connection:open', this.onConnectionOpen)
    this.timer = setInterval(() => { void this.trim() }, this.init.checkIntervalMs)
    this.timer.unref?.()
  }

  stop (): void {
    if (!this.running) return
    this.running = false
    this.components.host.removeEventListener('connection:open', this.onConnectionOpen)
    clearInterval(this.timer)
    clearTimeout(this.pending)
    this.timer = undefined
    this.pending = undefined
  }

  /**
   * Closes idle connections of the least valued peers while more than
   * highWater peers are connected, down to lowWater; resolves with the peers
   * whose connections it closed.
   */
  async trim (now = this.now()): Promise<string[]> {
    if (!this.running || this.trimming) return []
    this.trimming = true
    try {
      const byPeer = new Map<string, Connection[]>()
      for (const connection of this.components.host.getConnections()) {
        if (connection.status !== 'open') continue
        const peer = connection.remotePeer.toString()
        const list = byPeer.get(peer)
        if (list == null) byPeer.set(peer, [connection])
        else list.push(connection)
      }
      if (byPeer.size <= this.init.highWater) return []
      const candidates = await this.candidates(byPeer, now)
      candidates.sort((a, b) => a.value - b.value || a.order - b.order)
      const victims = candidates.slice(0, byPeer.size - this.init.lowWater)
      for (const victim of victims) this.remember(victim.peer, now)
      await Promise.all(victims.flatMap(victim => victim.connections.map(async connection => { await this.close(connection) })))
      if (victims.length > 0) {
        this.components.metrics?.connectionsTrimmed.inc(victims.length)
        this.log.debug('trimmed idle connections', { peers: victims.length, connected: byPeer.size - victims.length, protected: byPeer.size - candidates.length })
      }
      return victims.map(victim => victim.peer)
    } finally {
      this.trimming = false
    }
  }

  private async candidates (byPeer: Map<string, Connection[]>, now: number): Promise<Candidate[]> {
    const out: Candidate[] = []
    for (const [peer, connections] of byPeer) {
      if ((this.wanted.get(peer) ?? 0) > now) continue
      if (connections.some(c => now - c.timeline.open < this.init.gracePeriodMs)) continue
      if (connections.some(c => c.streams.some(s => !isIdleStream(s.protocol)))) continue
      let tags: Map<string, Tag>
      try {
        tags = (await this.components.host.peerStore.get(connections[0].remotePeer)).tags
      } catch {
        tags = new Map()
      }
      if ([...tags.keys()].some(name => name.startsWith(KEEP_ALIVE))) continue
      let value = 0
      for (const tag of tags.values()) value += tag.value
      out.push({ peer, connections, value, order: Math.random() })
    }
    return out
  }

  private async close (connection: Connection): Promise<void> {
    try {
      await connection.close({ signal: AbortSignal.timeout(1_000) })
    } catch (err) {
      connection.abort(err as Error)
    }
  }

  private now (): number {
    return (this.components.now ?? Date.now)()
  }

  private remember (peer: string, now: number): void {
    this.trimmed.delete(peer)
    this.trimmed.set(peer, now)
    dropOldest(this.trimmed, this.init.remembered)
  }

  private onConnectionOpen (event: CustomEvent<Connection>): void {
    const connection = event.detail
    const peer = connection.remotePeer.toString()
    const trimmedAt = this.trimmed.get(peer)
    const now = this.now()
    if (trimmedAt != null && connection.direction === 'inbound' && now - trimmedAt < this.init.wantedForMs) {
      // the peer wants this link (kad-dht keeps its closest peers alive): keep it a while
      this.trimmed.delete(peer)
      this.wanted.delete(peer)
      this.wanted.set(peer, now + this.init.wantedForMs)
      if (this.wanted.size > this.init.remembered) {
        for (const [id, until] of this.wanted) if (until <= now) this.wanted.delete(id)
        // still over: many peers (sybils, say) trimmed and dialling back; the longest kept lose the protection first
        dropOldest(this.wanted, this.init.remembered)
      }
    }
    // new connections arrive in bursts (a DHT query, a join): one check per
    // burst, once the burst's first connections are past their grace period
    this.pending ??= setTimeout(() => {
      this.pending = undefined
      void this.trim()
    }, this.init.gracePeriodMs + GRACE_SLACK_MS)
    this.pending.unref?.()
  }
}

/** Deletes a map's oldest entries (insertion order) until it holds at most `max`. */
function dropOldest (map: Map<string, number>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return
    map.delete(key)
  }
}
