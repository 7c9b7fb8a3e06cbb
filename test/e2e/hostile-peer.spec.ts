import { openStream } from '../../node/host/index.js'
import assert from 'node:assert/strict'
import { lengthPrefixed } from '../../node/host/index.js'
import { resolveConfig } from '../../node/config/index.js'
import { DEFAULT_RATE_LIMITS } from '../../node/constants.js'
import { decodeHello, encodeHello, HELLO_PROTOCOL } from '../../protocol/hello/index.js'
import { getJson } from '../helpers/http.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { createBareHost } from '../../bench/lib/raw-host.js'
import { waitFor } from '../helpers/wait.js'
import type { Libp2p } from 'libp2p'

/** Opens the hello protocol on `target` and writes `bytes` as they are. */
async function sendRaw (attacker: Libp2p, net: TestNetwork, bytes: Uint8Array): Promise<void> {
  const target = net.nodes[0]
  const stream = await openStream(attacker, target.host.getMultiaddrs()[0], HELLO_PROTOCOL, { signal: AbortSignal.timeout(5_000) })
  stream.send(bytes)
  await stream.close().catch(() => {})
}

describe('a peer that speaks garbage on an escrin protocol', function () {
  this.timeout(60_000)
  let net: TestNetwork
  let attacker: Libp2p

  beforeEach(async () => {
    net = await startNetwork(2)
    attacker = await createBareHost()
  })

  afterEach(async () => {
    await attacker?.stop()
    await net?.close()
  })

  const cases: Array<[string, Uint8Array]> = [
    // a length prefix of 3 then bytes that are not a protobuf (field 0 is invalid)
    ['an undecodable message', Uint8Array.from([3, 0x00, 0xff, 0xff])],
    // a length prefix announcing 1 GiB: refused from the prefix, nothing buffered
    ['an oversize length prefix', Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x04, 1, 2, 3])],
    // a Hello whose roles field holds an undeclared enum value (99)
    ['an unknown enum value', Uint8Array.from([4, 0x18, 99, 0x18, 1])]
  ]

  for (const [name, bytes] of cases) {
    it(`is penalised and disconnected for ${name}; the node stays healthy`, async () => {
      const target = net.nodes[0]
      await sendRaw(attacker, net, bytes)
      await waitFor(() => target.scores.score(attacker.peerId.toString()) < 0, { timeoutMs: 10_000 })
      await waitFor(() => attacker.getConnections(target.peerId).length === 0, {
        timeoutMs: 10_000,
        describe: () => `attacker still has ${attacker.getConnections(target.peerId).length} connection(s)`
      })
      assert.equal(target.isRunning, true)
      const status = await getJson(net.api(target), '/v1/status')
      assert.equal(status.peerId, target.peerId.toString())
      // the honest peer is still connected and scored neutral
      assert.ok(target.host.getPeers().some(p => p.equals(net.nodes[1].peerId)))
      assert.equal(target.scores.score(net.nodes[1].peerId.toString()), 0)
      const metrics = await (await fetch(`${net.api(target)}/metrics`)).text()
      assert.match(metrics, /escrin_peer_score_actions_total\{action="malformed_message"\} 1/)
    })
  }

  it('is banned after repeating it, and cannot connect again', async () => {
    const target = net.nodes[0]
    await sendRaw(attacker, net, cases[0][1])
    await waitFor(() => attacker.getConnections(target.peerId).length === 0, { timeoutMs: 10_000 })
    await sendRaw(attacker, net, cases[0][1])
    await waitFor(() => target.scores.isBanned(attacker.peerId.toString()), { timeoutMs: 10_000 })
    await waitFor(() => attacker.getConnections(target.peerId).length === 0, { timeoutMs: 10_000 })
    await assert.rejects(
      attacker.dial(target.host.getMultiaddrs()[0], { signal: AbortSignal.timeout(5_000) }).then(async conn => {
        // the gater may refuse during or right after the upgrade; a connection that survives is a failure
        await waitFor(() => conn.status !== 'open', { timeoutMs: 3_000 })
        throw new Error('closed after upgrade')
      })
    )
    assert.equal(target.host.getPeers().some(p => p.equals(attacker.peerId)), false)
  })

  it('opening streams faster than its rate: the excess is reset unread, and a flood is penalised as such', async () => {
    const target = net.nodes[0]
    const attempts = DEFAULT_RATE_LIMITS.hello.burst + 30
    let answered = 0
    let reset = 0
    for (let i = 0; i < attempts; i++) {
      // one at a time, as the handler allows two at once: each a valid Hello, answered or refused whole
      const stream = await openStream(attacker, target.host.getMultiaddrs()[0], HELLO_PROTOCOL, { signal: AbortSignal.timeout(5_000) })
      const lp = lengthPrefixed(stream)
      try {
        await lp.write(encodeHello({ ...target.hello.ownHello(), roles: [] }), { signal: AbortSignal.timeout(5_000) })
        decodeHello((await lp.read({ signal: AbortSignal.timeout(5_000) })).subarray(), 1_024)
        answered++
        await stream.close().catch(() => {})
      } catch {
        reset++
        stream.abort(new Error('refused'))
      }
    }
    assert.ok(answered >= DEFAULT_RATE_LIMITS.hello.burst, `${answered} answered`)
    assert.ok(reset >= 20, `${reset} reset of ${attempts}`)
    await waitFor(() => target.scores.score(attacker.peerId.toString()) < 0, { timeoutMs: 5_000 })
    const metrics = await (await fetch(`${net.api(target)}/metrics`)).text()
    assert.match(metrics, /escrin_peer_score_actions_total\{action="rate_limited"\} [1-9]/)
    const refused = Number(/escrin_rate_limited_total\{protocol="\/escrin\/hello\/1"\} (\d+)/.exec(metrics)?.[1])
    assert.equal(refused, reset, 'every refused stream counted')
    assert.doesNotMatch(metrics, /action="malformed_message"/)
    // the honest peer's Hellos are its own to spend
    assert.equal((await net.nodes[1].hello.exchange(target.peerId)).network, target.hello.ownHello().network)
  })
})

describe('an operator\'s rate limits', function () {
  this.timeout(60_000)

  it('--rate-limit reaches the protocol it names: a node allowing 3 Hellos at once refuses the fourth', async () => {
    const { rateLimits } = resolveConfig({ flags: { 'rate-limit': ['hello=0.1/3'] } })
    const net = await startNetwork(1, { rateLimits })
    const attacker = await createBareHost()
    try {
      const target = net.nodes[0]
      const outcomes: string[] = []
      // below the default burst (10): only the configured limit can refuse any of these
      for (let i = 0; i < 6; i++) {
        const stream = await openStream(attacker, target.host.getMultiaddrs()[0], HELLO_PROTOCOL, { signal: AbortSignal.timeout(5_000) })
        const lp = lengthPrefixed(stream)
        try {
          await lp.write(encodeHello({ ...target.hello.ownHello(), roles: [] }), { signal: AbortSignal.timeout(5_000) })
          decodeHello((await lp.read({ signal: AbortSignal.timeout(5_000) })).subarray(), 1_024)
          outcomes.push('answered')
          await stream.close().catch(() => {})
        } catch {
          outcomes.push('reset')
          stream.abort(new Error('refused'))
        }
      }
      // the bare host's connection opened no Hello of the node's own; 0.1/s adds nothing within the test
      assert.deepEqual(outcomes, ['answered', 'answered', 'answered', 'reset', 'reset', 'reset'])
    } finally {
      await attacker.stop()
      await net.close()
    }
  })
})
