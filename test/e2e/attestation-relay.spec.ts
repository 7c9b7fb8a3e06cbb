import assert from 'node:assert/strict'
import { NO_ANTI_ENTROPY, startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'

/**
 * A joining node's record must flood the network by gossip, not only reach
 * the peers it connects to. Its neighbours pull it by sync on connect and
 * then receive its publication; if they treated that copy as a duplicate the
 * flood would stop at the first hop.
 */
describe('a joining node\'s record reaches nodes it is not connected to', function () {
  this.timeout(60_000)
  let net: TestNetwork

  afterEach(async () => { await net?.close() })

  it('A - B - C in a line (C refuses A): A learns C\'s record through B\'s relay', async () => {
    // anti-entropy would deliver the record too, within seconds: pushed out, so only the relay can
    net = await startNetwork(2, {}, () => NO_ANTI_ENTROPY)
    const [a, b] = net.nodes
    await waitFor(() => a.attestations.size === 2 && b.attestations.size === 2, { timeoutMs: 20_000 })
    const aId = a.peerId.toString()
    const c = await net.add(b, {}, { ...NO_ANTI_ENTROPY, denyPeer: peer => peer.toString() === aId })
    const cId = c.peerId.toString()
    await waitFor(() => b.attestations.factsOf(cId) != null, { timeoutMs: 20_000 })
    await waitFor(() => a.attestations.factsOf(cId) != null, { timeoutMs: 10_000, describe: () => 'A never got C\'s record' })
    assert.deepEqual(a.host.getConnections(c.peerId), [], 'A and C were never connected: the record came by relay')
    assert.equal(c.attestations.factsOf(aId) != null, true, 'C has A\'s record by sync from B')
  })
})
