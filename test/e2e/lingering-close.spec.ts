import assert from 'node:assert/strict'
import { lpStream } from '@libp2p/utils'
import { once } from 'node:events'
import { createServer, connect, type Server, type Socket } from 'node:net'
import { openStream } from '../../node/host/index.js'
import { lingerOnClose } from '../../node/host/lingering-close.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { Stream } from '@libp2p/interface'

const REQUEST = '/escrin-test/refuse-and-hang-up/1'
const CHATTER = '/escrin-test/chatter/1'
const ROUNDS = 30

/**
 * A node that refuses a request and then hangs up on the peer (a penalty
 * past the disconnect threshold) must still get its refusal to the peer.
 * @libp2p/tcp closed the socket as soon as its own FIN was written: bytes
 * the peer sent after that (here, a stream it keeps writing on; in a node,
 * gossip, pings, window updates) met a closed socket, the kernel answered
 * with a reset, and the peer's next write failed and tore its connection
 * down before it had read the refusal: "Unexpected EOF" in place of a
 * typed error, about once in 30 hang-ups in a storage test.
 */
describe('a hang-up right after a reply', function () {
  this.timeout(120_000)
  let net: TestNetwork

  before(async () => {
    net = await startNetwork(2)
    const [server] = net.nodes
    await server.host.handle(REQUEST, async (stream: Stream, connection) => {
      const lp = lpStream(stream)
      await lp.read()
      await lp.write(new TextEncoder().encode('refused'))
      await stream.close()
      await server.host.hangUp(connection.remotePeer)
    })
    // reads and drops whatever the client sends, the way a node drops what a closed stream still receives
    await server.host.handle(CHATTER, async (stream: Stream) => {
      for await (const _ of stream) { /* dropped */ }
    })
  })
  after(async () => { await net?.close() })

  it('delivers the reply in every round while the peer keeps sending', async () => {
    const [server, client] = net.nodes
    let delivered = 0
    const failures: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const chatter = await openStream(client.host, server.peerId, CHATTER, { signal: AbortSignal.timeout(5_000) })
      let chatting = true
      const chat = (async () => {
        const filler = new Uint8Array(512)
        while (chatting && chatter.status === 'open' && chatter.writeStatus === 'writable') {
          if (!chatter.send(filler)) await new Promise(resolve => chatter.addEventListener('drain', resolve, { once: true }))
          await new Promise(resolve => setImmediate(resolve))
        }
      })().catch(() => {})
      const before = new Set(client.host.getConnections(server.peerId).map(c => c.id))
      const stream = await openStream(client.host, server.peerId, REQUEST, { signal: AbortSignal.timeout(5_000) })
      const lp = lpStream(stream)
      await lp.write(new Uint8Array([1]))
      try {
        const reply = await lp.read({ signal: AbortSignal.timeout(5_000) })
        if (new TextDecoder().decode(reply.subarray()) === 'refused') delivered++
        else failures.push(`round ${round}: an unexpected reply`)
      } catch (err) {
        failures.push(`round ${round}: ${(err as Error).name}: ${(err as Error).message}`)
      }
      chatting = false
      await chat
      // the hang-up reaches the client before the next round opens a connection
      await waitFor(() => client.host.getConnections(server.peerId).every(c => !before.has(c.id)), { timeoutMs: 10_000 })
    }
    assert.equal(delivered, ROUNDS, failures.join('\n'))
  })
})

/** A connected pair of loopback sockets; `peerHalfOpen` keeps the peer's side open after our FIN. */
async function socketPair (peerHalfOpen: boolean): Promise<{ ours: Socket, peer: Socket, server: Server }> {
  const server = createServer({ allowHalfOpen: peerHalfOpen })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address() as { port: number }
  const accepted = once(server, 'connection') as Promise<[Socket]>
  const ours = connect(address.port, '127.0.0.1')
  await once(ours, 'connect')
  const [peer] = await accepted
  return { ours, peer, server }
}

/** A raw connection as lingerOnClose sees @libp2p/tcp's: a socket, and the close it replaces. */
function rawConnection (socket: Socket): { socket: Socket, sendClose: (options?: { signal?: AbortSignal }) => Promise<void> } {
  return { socket, sendClose: async () => { socket.destroySoon() } }
}

describe('lingering close of a TCP socket', function () {
  this.timeout(30_000)

  it('sends its FIN, drops what the peer still sends, and ends when the peer closes: no reset', async () => {
    const { ours, peer, server } = await socketPair(true)
    const conn = rawConnection(ours)
    assert.equal(lingerOnClose(conn as never), true)
    const peerErrors: Error[] = []
    peer.on('error', err => { peerErrors.push(err) })
    peer.resume()
    const peerClosed = once(peer, 'close')
    const closing = conn.sendClose()
    await once(peer, 'end')
    // the peer keeps writing after our FIN; those bytes are read and dropped, not answered with a reset
    for (let i = 0; i < 20; i++) peer.write(new Uint8Array(4096))
    assert.equal(ours.destroyed, false, 'still open for the peer\'s bytes')
    peer.end()
    await closing
    await peerClosed
    assert.deepEqual(peerErrors, [])
    assert.equal(ours.destroyed, true)
    server.close()
  })

  it('destroys the socket at the deadline when the peer never closes its side', async () => {
    const { ours, peer, server } = await socketPair(true)
    const conn = rawConnection(ours)
    lingerOnClose(conn as never)
    await conn.sendClose({ signal: AbortSignal.timeout(200) })
    assert.equal(ours.destroyed, true)
    peer.destroy()
    server.close()
  })

  it('leaves connections of other transports as they are', () => {
    assert.equal(lingerOnClose({ sendClose: async () => {} } as never), false)
  })
})
