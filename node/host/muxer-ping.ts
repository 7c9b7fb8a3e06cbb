import { isPeerId, type Connection } from '@libp2p/interface'
import { CONNECTION_PING_MIN_TIMEOUT_MS } from '../constants.js'
import type { Ping } from '@libp2p/ping'

type MuxerPing = (options: { signal: AbortSignal }) => Promise<number>

/** A ping on the connection's muxer (yamux: a frame on the open session, no stream), if its muxer has one; not in libp2p's public Connection type. */
export function muxerPing (connection: Connection): MuxerPing | undefined {
  const muxer = (connection as unknown as { muxer?: { ping?: unknown } }).muxer
  return typeof muxer?.ping === 'function' ? (muxer.ping as MuxerPing).bind(muxer) : undefined
}

/**
 * kad-dht pings every new routing-table contact before it adds it (and old
 * contacts when a bucket is full) through the ping service: a new
 * /ipfs/ping stream each, one per connection and side in a formation (a
 * stream open, multistream-select and a peer-store write at both ends), to
 * learn what the open connection already shows. A ping of a peer this node
 * is connected to now goes over that connection's muxer; other targets
 * (addresses, unconnected peers) keep the ping protocol.
 */
export function pingConnectedPeersOnMuxer (ping: Pick<Ping, 'ping'>, connectionsTo: (peer: Parameters<Ping['ping']>[0]) => Connection[]): void {
  const viaProtocol = ping.ping.bind(ping)
  ping.ping = async (peer, options) => {
    if (isPeerId(peer)) {
      for (const connection of connectionsTo(peer)) {
        const onMuxer = connection.status === 'open' ? muxerPing(connection) : undefined
        if (onMuxer == null) continue
        // a muxer ping has no deadline of its own
        const deadline = AbortSignal.timeout(CONNECTION_PING_MIN_TIMEOUT_MS)
        return await onMuxer({ signal: options?.signal != null ? AbortSignal.any([options.signal, deadline]) : deadline })
      }
    }
    return await viaProtocol(peer, options)
  }
}
