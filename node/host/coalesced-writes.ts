import type { MultiaddrConnection } from '@libp2p/interface'
import type { Uint8ArrayList } from 'uint8arraylist'

/** What this module needs of @libp2p/tcp's connection: its socket, and the method its stream sends through. */
interface SocketConnection {
  socket?: { cork?: () => void, uncork?: () => void }
  sendData?: (data: Uint8ArrayList) => unknown
}

/**
 * Makes each send of a TCP connection one socket write.
 *
 * Noise frames every message as a 2-byte length and the ciphertext, two
 * buffers, and @libp2p/tcp writes each buffer with its own socket.write: with
 * TCP_NODELAY (libp2p's default) that is two write system calls and two
 * segments per message, a 2-byte one first, and the receiver often wakes for
 * each. Corking the socket for the duration of one send hands Node both
 * buffers at once, which it writes with a single writev. Nothing else changes:
 * the same bytes, in the same order, with the same back-pressure (a write that
 * fills the socket's buffer still stops the send).
 *
 * Returns false if the connection is not one this applies to (another
 * transport, or @libp2p/tcp's internals changed); test/e2e/coalesced-writes
 * checks that real TCP connections are covered.
 */
export function coalesceSends (maConn: MultiaddrConnection): boolean {
  const conn = maConn as unknown as SocketConnection
  const socket = conn.socket
  const send = conn.sendData
  if (typeof socket?.cork !== 'function' || typeof socket.uncork !== 'function' || typeof send !== 'function') return false
  conn.sendData = (data: Uint8ArrayList) => {
    socket.cork?.()
    try {
      return send.call(conn, data)
    } finally {
      socket.uncork?.()
    }
  }
  return true
}
