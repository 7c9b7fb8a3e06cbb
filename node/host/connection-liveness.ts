import { CONNECTION_PING_INTERVAL_MS, CONNECTION_PING_MIN_TIMEOUT_MS } from '../constants.js'
import { muxerPing } from './muxer-ping.js'
import type { Host } from './create-host.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { Connection } from '@libp2p/interface'

export interface ConnectionLivenessInit {
  /** How often every connection is checked. */
  intervalMs?: number
  /** The shortest wait for an answer; the timeout is this or 10 round trips, whichever is longer. */
  minTimeoutMs?: number
}

export interface ConnectionLivenessComponents {
  host: Pick<Host, 'getConnections' | 'services'>
  logger: Logger
  metrics?: NodeMetrics
}

/**
 * Aborts connections whose peer stopped answering, as libp2p's connection
 * monitor does, but with a ping frame on the connection's yamux session
 * rather than a new /ipfs/ping stream: each of those cost a stream open,
 * multistream-select and a peer-store write at both ends, per connection and
 * interval, the largest share of the streams a settled node opens (go-libp2p
 * likewise watches a connection through its muxer's keep-alive). Yamux
 * answers a ping from its frame handler, so a late answer means a stalled
 * peer or link. Connections whose muxer cannot ping fall back to the ping
 * protocol.
 */
export class ConnectionLiveness {
  private readonly init: Required<ConnectionLivenessInit>
  private readonly log: Logger
  private timer?: ReturnType<typeof setInterval>
  private controller?: AbortController
  private readonly checking = new WeakSet<Connection>()

  constructor (private readonly components: ConnectionLivenessComponents, init: ConnectionLivenessInit = {}) {
    this.init = { intervalMs: CONNECTION_PING_INTERVAL_MS, minTimeoutMs: CONNECTION_PING_MIN_TIMEOUT_MS, ...init }
    this.log = components.logger.child('liveness')
  }

  start (): void {
    if (this.timer != null) return
    this.controller = new AbortController()
    this.timer = setInterval(() => { this.checkAll() }, this.init.intervalMs)
    this.timer.unref?.()
  }

  stop (): void {
    clearInterval(this.timer)
    this.timer = undefined
    this.controller?.abort()
    this.controller = undefined
  }

  /** The last measured round trip of a connection, if one was measured (kept on the connection, as libp2p's monitor kept it). */
  rttOf (connection: Connection): number | undefined {
    return connection.rtt
  }

  private checkAll (): void {
    for (const connection of this.components.host.getConnections()) {
      if (connection.status !== 'open' || this.checking.has(connection)) continue
      void this.check(connection)
    }
  }

  /** Pings one connection; aborts it when no answer comes in time. Never throws. */
  async check (connection: Connection): Promise<void> {
    const stopping = this.controller?.signal
    if (stopping == null) return
    this.checking.add(connection)
    const timeoutMs = Math.max(this.init.minTimeoutMs, 10 * (connection.rtt ?? 0))
    const signal = AbortSignal.any([stopping, AbortSignal.timeout(timeoutMs)])
    try {
      const onMuxer = muxerPing(connection)
      connection.rtt = onMuxer != null ? await onMuxer({ signal }) : await this.components.host.services.ping.ping(connection.remoteAddr, { signal })
    } catch (err) {
      // stopping, or the connection closed meanwhile: nothing to judge
      if (stopping.aborted || connection.status !== 'open') return
      this.log.debug('a connection stopped answering pings; closing it', { peer: connection.remotePeer.toString(), timeoutMs, err: (err as Error).message })
      this.components.metrics?.connectionsDead.inc()
      connection.abort(new Error(`no answer to a ping within ${timeoutMs} ms`))
    } finally {
      this.checking.delete(connection)
    }
  }
}
