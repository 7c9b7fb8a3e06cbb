import { once } from 'node:events'
import { Socket } from 'node:net'
import { TCP_CLOSE_LINGER_MS } from '../constants.js'
import type { AbortOptions, MultiaddrConnection } from '@libp2p/interface'

/** What this module needs of @libp2p/tcp's connection: its socket, and the method its close ends with. */
interface ClosingConnection {
  socket?: unknown
  sendClose?: (options?: AbortOptions) => Promise<void>
}

/**
 * Makes a graceful close of a TCP connection wait for the peer's side to
 * close too, so that the last bytes this node sent reach the peer.
 *
 * @libp2p/tcp closed by writing its FIN and destroying the socket as soon as
 * that was written. Bytes the peer was still sending (gossip, pings, window
 * updates, a stream it had not finished) then met a closed socket; the
 * kernel answered with a reset, and the peer's next write failed and tore
 * its connection down before it had read what was sent last: a node that
 * answered a hostile request with a typed refusal and then hung up (the
 * penalty crossed the disconnect threshold) was seen as an "Unexpected EOF"
 * instead, about once in 30 hang-ups. Here the socket sends its FIN, keeps
 * reading (dropping what arrives: every layer above has closed) until the
 * peer's FIN, which Node answers by closing the socket, or until the
 * deadline, after which it is destroyed as before.
 *
 * Returns false if the connection is not one this applies to (another
 * transport, or @libp2p/tcp's internals changed).
 */
export function lingerOnClose (maConn: MultiaddrConnection): boolean {
  const conn = maConn as unknown as ClosingConnection
  const socket = conn.socket
  if (!(socket instanceof Socket) || typeof conn.sendClose !== 'function') return false
  conn.sendClose = async (options?: AbortOptions) => {
    if (socket.destroyed) return
    const deadline = AbortSignal.timeout(TCP_CLOSE_LINGER_MS)
    const signal = options?.signal != null ? AbortSignal.any([options.signal, deadline]) : deadline
    socket.removeAllListeners('data')
    socket.on('data', () => {})
    socket.resume()
    const closed = once(socket, 'close', { signal })
    socket.end()
    try {
      await closed
    } catch {
      // no FIN from the peer in time, or the socket failed: nothing more to wait for
      socket.destroy()
    }
  }
  return true
}
