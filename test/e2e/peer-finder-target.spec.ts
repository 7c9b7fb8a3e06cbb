import assert from 'node:assert/strict'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { recordWalks } from '../helpers/walks.js'
import { waitFor } from '../helpers/wait.js'
import type { EscrinNode, EscrinNodeOptions } from '../../node/escrin-node.js'

/**
 * minConnections 2: the dial target is 4 connected peers. Walks every 20 ms
 * while they find someone, at most every 300 ms above minConnections, and
 * every 60 s at the target.
 */
const DISCOVERY: EscrinNodeOptions = { discovery: { fastIntervalMs: 20, shortIntervalMs: 300, slowIntervalMs: 300, idleIntervalMs: 60_000 } }
const TARGET = 4

/**
 * Every walk is a DHT query that dials the peers it asks; a node with its
 * dial target of connections used to keep walking on a doubling backoff
 * (nine walks in its first eight minutes with the defaults). At the target
 * it now waits the idle interval, and walks again soon when it loses peers.
 */
describe('peer finder at its dial target', function () {
  this.timeout(60_000)
  let net: TestNetwork
  const walks = new Map<EscrinNode, number[]>()

  const walksSince = (node: EscrinNode, t: number): number => (walks.get(node) ?? []).filter(s => s > t).length

  before(async () => {
    net = await startNetwork(6, { minConnections: 2 }, () => DISCOVERY)
    for (const node of net.nodes) walks.set(node, recordWalks(node))
  })

  after(async () => {
    await net?.close()
  })

  it('stops walking once it has its dial target', async () => {
    await waitFor(() => net.nodes.every(n => n.host.getPeers().length >= TARGET), { timeoutMs: 20_000, describe: () => net.nodes.map(n => n.host.getPeers().length).join(', ') })
    const atTarget = performance.now()
    // a walk that was already due may still start; the doubling backoff (from
    // 20 ms, capped at 300 ms) would have made about eight in these 2.5 s
    await new Promise(resolve => setTimeout(resolve, 2_500))
    for (const node of net.nodes) {
      assert.ok(walksSince(node, atTarget) <= 1, `${walksSince(node, atTarget)} walks at the target`)
    }
  })

  it('walks again soon after losing peers below the target', async () => {
    const node = net.nodes[0]
    const before = performance.now()
    // every other node goes: node 0 is left alone, far below its target
    await Promise.all(net.nodes.slice(1).map(async n => { await n.stop() }))
    await waitFor(() => walksSince(node, before) >= 1, { timeoutMs: 10_000, describe: () => `peers ${node.host.getPeers().length}` })
  })
})
