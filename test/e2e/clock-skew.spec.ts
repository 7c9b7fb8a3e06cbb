import assert from 'node:assert/strict'
import { lengthPrefixed } from '../../node/host/index.js'
import { decodeHello, encodeHello, HELLO_PROTOCOL } from '../../protocol/hello/index.js'
import { getJson } from '../helpers/http.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { EscrinNode } from '../../node/escrin-node.js'

const TWO_MINUTES = 120_000
/** The Hello's one-way delay and the test's own steps, far below the skews that matter. */
const SLACK_MS = 5_000

/** `from` says Hello to `to` with its clock `offsetMs` off, as a node with a wrong clock does. */
async function helloWithClock (from: EscrinNode, to: EscrinNode, offsetMs: number): Promise<void> {
  const signal = AbortSignal.timeout(5_000)
  const stream = await from.host.dialProtocol(to.peerId, HELLO_PROTOCOL, { signal })
  const lp = lengthPrefixed(stream)
  await lp.write(encodeHello({ ...from.hello.ownHello(), timestampMs: Date.now() + offsetMs }), { signal })
  decodeHello((await lp.read({ signal })).subarray(), 1_024)
  await stream.close({ signal })
}

const near = (actual: number | null | undefined, expected: number): boolean => actual != null && Math.abs(actual - expected) < SLACK_MS

describe('clock skew from Hello (4 real nodes)', function () {
  this.timeout(60_000)
  let net: TestNetwork
  const target = (): EscrinNode => net.nodes[0]

  before(async () => {
    net = await startNetwork(4)
    await waitFor(() => net.nodes.slice(1).every(n => target().hello.helloOf(n.peerId.toString()) != null), { timeoutMs: 20_000 })
  })

  after(async () => { await net?.close() })

  it('reports each peer\'s clock, and judges its own by the median: one wrong peer moves nothing', async () => {
    await helloWithClock(net.nodes[1], target(), TWO_MINUTES)
    const peers = (await getJson(net.api(target()), '/v1/peers')).peers as Array<{ peerId: string, clockSkewMs?: number }>
    const skewOf = (node: EscrinNode): number | undefined => peers.find(p => p.peerId === node.peerId.toString())?.clockSkewMs
    assert.ok(near(skewOf(net.nodes[1]), TWO_MINUTES), `node 1: ${skewOf(net.nodes[1])}`)
    assert.ok(near(skewOf(net.nodes[2]), 0), `node 2: ${skewOf(net.nodes[2])}`)
    const status = await getJson(net.api(target()), '/v1/status')
    assert.ok(near(status.clockSkewMs, 0), `median ${status.clockSkewMs}`)
  })

  it('when every peer\'s clock is two minutes ahead, its own is the one two minutes behind', async () => {
    for (const peer of net.nodes.slice(1)) await helloWithClock(peer, target(), TWO_MINUTES)
    const status = await getJson(net.api(target()), '/v1/status')
    assert.ok(near(status.clockSkewMs, TWO_MINUTES), `median ${status.clockSkewMs}`)
    // and for an operator's alerts
    const metrics = await (await fetch(`${net.api(target())}/metrics`)).text()
    const gauge = Number(/^escrin_clock_skew_seconds (\S+)$/m.exec(metrics)?.[1])
    assert.ok(near(gauge * 1000, TWO_MINUTES), `escrin_clock_skew_seconds ${gauge}`)
    // a peer, hearing the target's own clock in its answer, sees it as it is
    assert.ok(near(net.nodes[1].hello.helloOf(target().peerId.toString())?.skewMs, 0))
  })
})
