import assert from 'node:assert/strict'
import { getJson } from '../helpers/http.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { EscrinNode } from '../../node/escrin-node.js'

interface PeersResponse { peers: Array<{ peerId: string, connected: boolean, roles: string[], addrs: string[] }> }

/**
 * Waits until, for each node in `group`, GET /v1/peers lists every other node
 * of the group with an address, connected, and with the roles its Hello gave.
 */
async function waitForFullView (net: TestNetwork, group: EscrinNode[], timeoutMs: number): Promise<void> {
  const missing = async (): Promise<string[]> => {
    const gaps: string[] = []
    for (const node of group) {
      const { peers } = await getJson<PeersResponse>(net.api(node), '/v1/peers')
      const seen = new Map(peers.map(p => [p.peerId, p]))
      for (const other of group) {
        if (other === node) continue
        const view = seen.get(other.peerId.toString())
        if (view == null || view.addrs.length === 0 || !view.connected || view.roles.length === 0) {
          const why = view == null ? 'unknown' : view.addrs.length === 0 ? 'no address' : !view.connected ? 'not connected' : 'no hello'
          gaps.push(`${node.peerId.toString().slice(-6)} lacks ${other.peerId.toString().slice(-6)} (${why})`)
        }
      }
    }
    return gaps
  }
  await waitFor(async () => (await missing()).length === 0, {
    timeoutMs,
    intervalMs: 250,
    describe: async () => (await missing()).slice(0, 10).join(', ')
  })
}

describe('peer discovery over the DHT (8 real nodes on TCP loopback)', function () {
  this.timeout(120_000)
  let net: TestNetwork

  before(async () => {
    net = await startNetwork(8)
  })

  after(async () => {
    await net?.close()
  })

  it('every node, knowing only node 0, learns of and connects to every other', async () => {
    await waitForFullView(net, net.nodes, 30_000)
    for (const node of net.nodes) {
      const { peers } = await getJson<PeersResponse>(net.api(node), '/v1/peers')
      // the hello exchange tells each node what the others serve
      for (const peer of peers) assert.deepEqual([...peer.roles].sort(), ['runner', 'ssss', 'storage'])
    }
  })

  it('reports the network through /v1/status', async () => {
    const status = await getJson(net.api(net.nodes[5]), '/v1/status')
    assert.equal(status.peerId, net.nodes[5].peerId.toString())
    assert.equal(status.dhtMode, 'server')
    assert.ok(status.connectedPeers >= 7, `connected to ${status.connectedPeers}`)
    assert.ok(status.addrs.every((a: string) => a.includes('/p2p/')))
  })

  // libp2p's own series are asserted in the CLI test (one node per process):
  // @libp2p/prometheus-metrics caches metrics module-wide, so nodes started
  // concurrently in one process may register them in each other's registries.
  it('exports escrin metrics at /metrics', async () => {
    const res = await fetch(`${net.api(net.nodes[2])}/metrics`)
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/)
    const text = await res.text()
    const connected = /^escrin_connected_peers (\d+)$/m.exec(text)
    assert.ok(connected != null && Number(connected[1]) >= 7, `escrin_connected_peers: ${connected?.[1]}`)
    assert.match(text, /^escrin_hello_total\{result="ok"\} \d+$/m)
  })

  it('after node 0 stops, a node joining through node 3 finds all the others', async () => {
    const [first, ...rest] = net.nodes
    await first.stop()
    const late = await net.add(rest[2])
    await waitForFullView(net, [...rest, late], 30_000)
  })
})
