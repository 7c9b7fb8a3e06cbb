import assert from 'node:assert/strict'
import { coalesceSends } from '../../node/host/coalesced-writes.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { Connection } from '@libp2p/interface'

/** The raw socket under a libp2p connection (libp2p keeps the transport's connection as maConn). */
interface SocketWrites {
  _write: (...args: unknown[]) => unknown
  _writev: (...args: unknown[]) => unknown
}

function socketOf (connection: Connection): SocketWrites {
  const socket = (connection as unknown as { maConn?: { socket?: SocketWrites } }).maConn?.socket
  assert.ok(socket != null, 'a TCP connection has a socket')
  return socket
}

/** Counts the writes (system calls, one each) the socket makes from now on. */
function countWrites (socket: SocketWrites): { writes: number, vectored: number } {
  const counts = { writes: 0, vectored: 0 }
  const write = socket._write
  const writev = socket._writev
  socket._write = function (...args: unknown[]) { counts.writes++; return write.apply(this, args) }
  socket._writev = function (...args: unknown[]) { counts.writes++; counts.vectored++; return writev.apply(this, args) }
  return counts
}

/**
 * Noise sends every message as two buffers (length, ciphertext); @libp2p/tcp
 * wrote each on its own, two system calls and two segments per message. The
 * node's TCP connections now write each message with one writev.
 */
describe('TCP sends', function () {
  this.timeout(60_000)
  let net: TestNetwork

  before(async () => {
    net = await startNetwork(2)
  })

  after(async () => {
    await net?.close()
  })

  it('go out in one socket write per message', async () => {
    const [a, b] = net.nodes
    // the second node dials the first as it starts (its bootstrap peer)
    const connection = await waitFor(() => a.host.getConnections(b.host.peerId)[0], { timeoutMs: 20_000 })
    const counts = countWrites(socketOf(connection))
    const pings = 20
    for (let i = 0; i < pings; i++) await a.host.services.ping.ping(b.host.peerId)
    // each ping is one message; other traffic (gossip, syncs) may add a few
    assert.ok(counts.writes >= pings, `the count sees the writes: ${counts.writes}`)
    assert.ok(counts.writes <= pings * 1.5, `${counts.writes} writes for ${pings} messages`)
    assert.ok(counts.vectored >= pings, `${counts.vectored} of ${counts.writes} writes carried length and ciphertext together`)
  })

  it('leave connections of other transports as they are', () => {
    assert.equal(coalesceSends({} as never), false)
  })
})
