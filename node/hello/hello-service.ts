import { isOversizeFrame, lengthPrefixed } from '../host/length-prefixed.js'
import { decodeHello, encodeHello, HELLO_PROTOCOL, type HelloInfo } from '../../protocol/hello/index.js'
import { WireError } from '../../protocol/wire/index.js'
import { HELLO_MAX_BYTES, HELLO_TIMEOUT_MS, DEFAULT_RATE_LIMITS, type RateLimits, VERSION, type Role } from '../constants.js'
import { limitStreams, PeerAction } from '../peer-score/index.js'
import { BoundedMap } from '../../protocol/util/index.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { Host } from '../host/index.js'
import type { Connection, PeerId, Stream } from '@libp2p/interface'

/** Peers whose Hello is remembered; past this the least recently heard from is forgotten. */
export const HELLO_MAX_PEERS = 10_000

/**
 * Clocks further apart than this are worth an operator's attention: share
 * requests are accepted within 60 s of a holder's clock, Nitro documents
 * within 5 minutes, job ids within a runner's window.
 */
export const CLOCK_SKEW_WARN_MS = 30_000
/** The node's own clock is judged against the median of at least this many peers'. */
const CLOCK_SKEW_MIN_PEERS = 3
/** A warning about this node's clock is repeated at most this often. */
const CLOCK_SKEW_WARN_INTERVAL_MS = 10 * 60_000
/** The node's own clock is judged at most this often (a median over every remembered peer), whatever the rate of Hellos. */
const CLOCK_SKEW_CHECK_INTERVAL_MS = 10_000

/** A peer's last Hello, and how far its clock was ahead of ours when it arrived (ms; negative: behind). */
export interface HeardHello extends HelloInfo {
  skewMs: number
}

export interface HelloInit {
  network: string
  roles: Role[]
  timeoutMs?: number
  maxBytes?: number
}

export interface HelloComponents {
  host: Host
  logger: Logger
  /** Reports misbehaviour; the node decides whether to disconnect or ban. */
  penalise: (peer: PeerId, action: PeerAction, reason: string) => void
  metrics?: NodeMetrics
  /** What one peer may ask of this node (default DEFAULT_RATE_LIMITS; --rate-limit). */
  rateLimits?: RateLimits
  now?: () => number
}

/**
 * /escrin/hello/1: when a connection to a new peer opens, each side sends its
 * Hello (network, version, roles) and reads the other's. The peer's Hello is
 * stored in the peer store, so /v1/peers can show roles. A peer on another
 * network is disconnected; one that sends bytes that are not a Hello is
 * penalised, which disconnects it.
 */
export class HelloService {
  private readonly components: HelloComponents
  private readonly init: Required<HelloInit>
  private readonly log: Logger
  /** The last Hello of each peer, least recently heard first (Map insertion order). */
  private readonly hellos = new BoundedMap<string, HeardHello>(HELLO_MAX_PEERS)
  private started = false
  private lastSkewWarning = -Infinity
  private lastSkewCheck = -Infinity

  private readonly rateLimits: RateLimits

  constructor (components: HelloComponents, init: HelloInit) {
    this.components = components
    this.init = { timeoutMs: HELLO_TIMEOUT_MS, maxBytes: HELLO_MAX_BYTES, ...init }
    this.log = components.logger.child('hello')
    this.rateLimits = components.rateLimits ?? DEFAULT_RATE_LIMITS
    this.onPeerConnect = this.onPeerConnect.bind(this)
    this.handle = this.handle.bind(this)
  }

  async start (): Promise<void> {
    if (this.started) return
    await this.components.host.handle(HELLO_PROTOCOL, limitStreams(HELLO_PROTOCOL, this.rateLimits.hello, this.handle, this.components), {
      // one exchange per direction is all an honest peer opens
      maxInboundStreams: 2,
      maxOutboundStreams: 2
    })
    this.components.host.addEventListener('peer:connect', this.onPeerConnect)
    this.started = true
  }

  async stop (): Promise<void> {
    if (!this.started) return
    this.components.host.removeEventListener('peer:connect', this.onPeerConnect)
    await this.components.host.unhandle(HELLO_PROTOCOL)
    this.started = false
  }

  /** Our own Hello, as sent now. */
  ownHello (): HelloInfo {
    return { network: this.init.network, version: VERSION, roles: this.init.roles, timestampMs: this.now() }
  }

  /** Opens a Hello exchange with `peer` and returns what it said. */
  async exchange (peer: PeerId): Promise<HelloInfo> {
    const signal = AbortSignal.timeout(this.init.timeoutMs)
    const stream = await this.components.host.dialProtocol(peer, HELLO_PROTOCOL, { signal })
    try {
      const lp = lengthPrefixed(stream, { maxDataLength: this.init.maxBytes })
      await lp.write(encodeHello(this.ownHello()), { signal })
      const reply = decodeHello((await lp.read({ signal })).subarray(), this.init.maxBytes)
      await stream.close({ signal })
      await this.accept(peer, reply)
      return reply
    } catch (err) {
      stream.abort(err as Error)
      throw err
    }
  }

  private onPeerConnect (event: CustomEvent<PeerId>): void {
    const peer = event.detail
    this.exchange(peer).catch(err => { this.onFailure(peer, err as Error, 'outbound') })
  }

  private async handle (stream: Stream, connection: Connection): Promise<void> {
    const peer = connection.remotePeer
    const signal = AbortSignal.timeout(this.init.timeoutMs)
    try {
      const lp = lengthPrefixed(stream, { maxDataLength: this.init.maxBytes })
      const hello = decodeHello((await lp.read({ signal })).subarray(), this.init.maxBytes)
      await lp.write(encodeHello(this.ownHello()), { signal })
      await stream.close({ signal })
      await this.accept(peer, hello)
    } catch (err) {
      stream.abort(err as Error)
      this.onFailure(peer, err as Error, 'inbound')
    }
  }

  private async accept (peer: PeerId, hello: HelloInfo): Promise<void> {
    if (hello.network !== this.init.network) {
      this.components.metrics?.hello.inc({ result: 'wrong_network' })
      this.log.info('peer is on another network, disconnecting', { peer, network: hello.network })
      await this.components.host.hangUp(peer).catch(() => {})
      return
    }
    this.components.metrics?.hello.inc({ result: 'ok' })
    const id = peer.toString()
    // the one-way delay of the Hello is in the figure too: milliseconds, against the tens of seconds that matter
    const skewMs = hello.timestampMs - this.now()
    this.hellos.delete(id)
    this.hellos.set(id, { ...hello, skewMs })
    if (Math.abs(skewMs) > CLOCK_SKEW_WARN_MS) this.log.debug('peer clock differs from ours', { peer, skewMs })
    this.checkOwnClock()
  }

  /** What `peer` said in its last Hello, if it has said one, and how far its clock was from ours. */
  helloOf (peer: string): HeardHello | undefined {
    return this.hellos.get(peer)
  }

  /**
   * How far the peers' clocks are ahead of this node's (ms; negative:
   * behind), the median over the last Hello of every peer remembered: one
   * peer with a wrong clock moves it little, and when most peers agree with
   * each other and not with us, it is our clock that is wrong. Undefined
   * until CLOCK_SKEW_MIN_PEERS peers have said Hello.
   */
  clockSkew (): { medianMs: number, peers: number } | undefined {
    if (this.hellos.size < CLOCK_SKEW_MIN_PEERS) return undefined
    const skews = [...this.hellos.values()].map(h => h.skewMs).sort((a, b) => a - b)
    const mid = skews.length >> 1
    const medianMs = skews.length % 2 === 1 ? skews[mid] : Math.round((skews[mid - 1] + skews[mid]) / 2)
    return { medianMs, peers: skews.length }
  }

  private checkOwnClock (): void {
    const now = this.now()
    if (now - this.lastSkewCheck < CLOCK_SKEW_CHECK_INTERVAL_MS) return
    const skew = this.clockSkew()
    if (skew == null) return
    this.lastSkewCheck = now
    if (Math.abs(skew.medianMs) <= CLOCK_SKEW_WARN_MS) return
    if (now - this.lastSkewWarning < CLOCK_SKEW_WARN_INTERVAL_MS) return
    this.lastSkewWarning = now
    this.log.warn(`this node's clock is ${Math.round(Math.abs(skew.medianMs) / 1000)} s ${skew.medianMs > 0 ? 'behind' : 'ahead of'} its peers' (median of ${skew.peers}): share requests, attestation records and Nitro documents are judged by it; check NTP`, { medianSkewMs: skew.medianMs, peers: skew.peers })
  }

  private now (): number {
    return (this.components.now ?? Date.now)()
  }

  private onFailure (peer: PeerId, err: Error, direction: string): void {
    if (!this.started) return
    // Length-prefix errors from lpStream (oversize, bad varint) are as hostile as a bad protobuf.
    const malformed = err instanceof WireError || isOversizeFrame(err)
    if (malformed) {
      this.components.metrics?.hello.inc({ result: 'malformed' })
      this.components.penalise(peer, PeerAction.MalformedMessage, `hello ${direction}: ${err.message}`)
    } else if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      this.components.metrics?.hello.inc({ result: 'timeout' })
      this.components.penalise(peer, PeerAction.Timeout, `hello ${direction}: timed out`)
    } else {
      // the connection went away mid-exchange, or the peer does not speak hello: not its fault
      this.components.metrics?.hello.inc({ result: 'error' })
      this.log.debug('hello failed', { peer, direction, err })
    }
  }
}
