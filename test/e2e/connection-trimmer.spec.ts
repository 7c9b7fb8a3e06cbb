import assert from 'node:assert/strict'
import { createRawGossipHost } from '../../bench/lib/raw-host.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { Libp2p } from 'libp2p'

/**
 * A real escrin node with small watermarks (high 3, low 2) and a short grace
 * period, dialled by six plain libp2p peers over TCP loopback: the node closes
 * idle connections down to its low water mark, and keeps the ones that dial
 * back (they want the link).
 */
describe('connection trimmer on a real node', function () {
  this.timeout(60_000)
  let net: TestNetwork
  let spokes: Libp2p[] = []

  before(async () => {
    net = await startNetwork(1, { highWater: 3, lowWater: 2 }, () => ({ connectionGraceMs: 500 }))
    spokes = await Promise.all(Array.from({ length: 6 }, async () => await createRawGossipHost()))
  })

  after(async () => {
    await Promise.allSettled(spokes.map(async s => { await s.stop() }))
    await net?.close()
  })

  const hub = (): TestNetwork['nodes'][number] => net.nodes[0]
  const connectedSpokes = (): Libp2p[] => spokes.filter(s => s.getConnections(hub().peerId).length > 0)

  it('closes idle connections down to the low water mark once they are past the grace period', async () => {
    await Promise.all(spokes.map(async s => await s.dial(hub().host.getMultiaddrs()[0])))
    assert.equal(connectedSpokes().length, 6)
    await waitFor(() => hub().host.getPeers().length === 2 && connectedSpokes().length === 2, {
      timeoutMs: 20_000,
      describe: () => `hub has ${hub().host.getPeers().length} peers; ${connectedSpokes().length} spokes still connected`
    })
    assert.equal(hub().isRunning, true)
  })

  it('keeps peers that dial back after a trim, and trims others instead', async () => {
    const [a, b] = spokes.filter(s => s.getConnections(hub().peerId).length === 0)
    await a.dial(hub().host.getMultiaddrs()[0])
    await b.dial(hub().host.getMultiaddrs()[0])
    // four peers, above high water 3: the trim after the grace period must leave the two that came back
    await waitFor(() => hub().host.getPeers().length === 2, {
      timeoutMs: 20_000,
      describe: () => `hub has ${hub().host.getPeers().length} peers`
    })
    const kept = new Set(hub().host.getPeers().map(String))
    assert.ok(kept.has(a.peerId.toString()) && kept.has(b.peerId.toString()), 'the peers that dialled back are the ones kept')
  })
})
