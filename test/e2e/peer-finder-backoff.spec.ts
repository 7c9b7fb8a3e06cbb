import assert from 'node:assert/strict'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { recordWalks } from '../helpers/walks.js'
import { waitFor } from '../helpers/wait.js'
import type { EscrinNode, EscrinNodeOptions } from '../../node/escrin-node.js'

/** Walks every 20 ms while they find someone; at most every 400 ms once there is no one left. */
const DISCOVERY: EscrinNodeOptions = { discovery: { fastIntervalMs: 20, shortIntervalMs: 400 } }

/**
 * Three real nodes on TCP loopback, below the default minConnections (8): a
 * network smaller than the target. Once each is connected to the others,
 * walks find no one and leave no one to dial, so they back off (before, each
 * node walked every fastIntervalMs for good); a newcomer is still found.
 */
describe('peer finder in a network smaller than minConnections', function () {
  this.timeout(60_000)
  let net: TestNetwork
  const walks = new Map<EscrinNode, number[]>()

  const fullyConnected = (): boolean => net.nodes.every(n => n.host.getPeers().length === net.nodes.length - 1)

  before(async () => {
    net = await startNetwork(3, {}, () => DISCOVERY)
    for (const node of net.nodes) walks.set(node, recordWalks(node))
  })

  after(async () => {
    await net?.close()
  })

  it('backs its walks off once it is connected to every peer it can find', async () => {
    await waitFor(fullyConnected, { timeoutMs: 20_000, describe: () => net.nodes.map(n => n.host.getPeers().length).join(', ') })
    const connectedAt = performance.now()
    // doubling from 20 ms, the gaps reach the 400 ms cap within six walks
    await waitFor(() => net.nodes.every(n => (walks.get(n) ?? []).filter(t => t > connectedAt).length >= 7), {
      timeoutMs: 20_000,
      describe: () => net.nodes.map(n => (walks.get(n) ?? []).filter(t => t > connectedAt).length).join(', ')
    })
    for (const node of net.nodes) {
      const starts = (walks.get(node) ?? []).filter(t => t > connectedAt)
      const lastGap = starts[starts.length - 1] - starts[starts.length - 2]
      assert.ok(lastGap >= 300, `walks ${lastGap.toFixed(0)} ms apart after ${starts.length} empty walks (20 ms when they do not back off)`)
    }
  })

  it('still connects a newcomer, and every node to it', async () => {
    const newcomer = await net.add(net.nodes[0], {}, DISCOVERY)
    await waitFor(fullyConnected, {
      timeoutMs: 20_000,
      describe: () => net.nodes.map(n => `${n.peerId.toString().slice(-6)}: ${n.host.getPeers().length}`).join(', ')
    })
    assert.equal(newcomer.host.getPeers().length, 3)
  })
})
