import assert from 'node:assert/strict'
import { lpStream } from '@libp2p/utils'
import { createBareHost } from '../../bench/lib/raw-host.js'
import { ChannelClosedError, dealSecret, SsssChannels } from '../../node/ssss/index.js'
import { PeerAction } from '../../node/peer-score/index.js'
import {
  decodeSsssCall, decodeSsssReply, decodeSsssRequest, encodeSsssCall, encodeSsssReply, encodeSsssResponse, MAX_SSSS_FRAME_BYTES, signShareRequest, SSSS_GET_PROTOCOL, SSSS_PROTOCOL,
  type ShareRequest
} from '../../protocol/ssss/index.js'
import { escrin } from '../../proto/gen/escrin.js'
import type { TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import { OWNER, OWNER_KEY, responseCode, startCustodyNetwork } from '../helpers/custody-network.js'
import type { EscrinNode } from '../../node/escrin-node.js'
import { openStream, type Host } from '../../node/host/index.js'
import type { PeerId } from '@libp2p/interface'


const code = responseCode

/** Open share request channels of `host` to `peer`, as the muxer sees them. */
const channelStreams = (host: Host, peer: PeerId): number =>
  host.getConnections(peer).flatMap(c => c.streams).filter(s => s.protocol === SSSS_GET_PROTOCOL && s.status === 'open').length

/** A call frame whose body is whatever bytes the test gives. */
const encodeSsssCallRaw = (id: number, request: Uint8Array): Uint8Array => escrin.SsssCall.encode({ id, request }).finish()

describe('SSSS share request channels (/escrin/ssss-get/1)', function () {
  this.timeout(120_000)
  let net: TestNetwork
  let runner: EscrinNode
  let holder: EscrinNode

  before(async () => {
    net = (await startCustodyNetwork({ custodyMeasurement: 'c2'.repeat(48), runnerMeasurement: 'd2'.repeat(48) })).net
    await dealSecret(net.nodes[3], { ownerKey: OWNER_KEY, app: 'app', custody: 'custody' })
    runner = net.nodes[3]
    holder = net.nodes[0]
  })

  after(async () => { await net?.close() })

  const request = (change: { replyX25519?: Uint8Array, timestampMs?: number } = {}): ShareRequest => {
    const k = (runner.keyRelease as unknown as { components: { keys: { x25519Public: Uint8Array, signingSecret: Uint8Array } } }).components.keys
    return signShareRequest(runner.peerId.toMultihash().bytes, { owner: OWNER, app: 'app', version: 0, replyX25519: change.replyX25519 ?? k.x25519Public, timestampMs: change.timestampMs ?? Date.now(), nonce: crypto.getRandomValues(new Uint8Array(16)) }, k.signingSecret)
  }
  const released = (): number => net.nodes.slice(0, 3).flatMap(n => n.holder?.history() ?? []).filter(e => e.kind === 'get' && e.result === 'released' && e.peer === runner.peerId.toString()).length

  it('releases reuse one channel per holder, and every release still asks t holders', async () => {
    const first = await runner.keyRelease.appKey(OWNER, 'app')
    const before = released()
    for (let i = 0; i < 5; i++) assert.deepEqual(await runner.keyRelease.appKey(OWNER, 'app'), first)
    // t = 2 of 3: two shares per release at least, each one a fresh request the holder checked
    assert.ok(released() - before >= 10, `${released() - before} shares released for 5 releases`)
    for (const h of net.nodes.slice(0, 3)) assert.ok(channelStreams(runner.host, h.peerId) <= 1, 'at most one channel per holder')
    assert.ok(net.nodes.slice(0, 3).some(h => channelStreams(runner.host, h.peerId) === 1), 'a channel stays open between releases')
  })

  it('the holder checks each call as strictly as a one-shot request; concurrent calls are matched by id', async () => {
    const channels = new SsssChannels(runner.host, () => {})
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, async () => await channels.get(holder.peerId, request(), 5_000)))
      assert.deepEqual(answers.map(code), Array(8).fill('SHARE'))
      const once = request()
      assert.equal(code(await channels.get(holder.peerId, once, 5_000)), 'SHARE')
      assert.equal(code(await channels.get(holder.peerId, once, 5_000)), 'REPLAYED')
      assert.equal(code(await channels.get(holder.peerId, { ...request(), replyX25519: crypto.getRandomValues(new Uint8Array(32)) }, 5_000)), 'BAD_SIGNATURE')
      assert.equal(code(await channels.get(holder.peerId, request({ timestampMs: Date.now() - 5 * 60_000 }), 5_000)), 'STALE_REQUEST')
      assert.equal(channels.size, 1, 'one channel carried every call')
    } finally {
      channels.close()
    }
  })

  it('a call that names the spec the holder serves gets the share without it, checked against the requester\'s copy', async () => {
    const channels = new SsssChannels(runner.host, () => {})
    try {
      const first = await channels.get(holder.peerId, request(), 5_000)
      assert.ok('share' in first, code(first))
      const known = first.share.spec
      const lean = await channels.get(holder.peerId, request(), 5_000, undefined, known)
      assert.ok('share' in lean, code(lean))
      // the very object named: the reply had no spec, the channel put this one back
      assert.equal(lean.share.spec, known)
      // a spec the holder does not serve (another dealing's signature): the reply spells its own out
      const other = { ...known, signature: `0x${'11'.repeat(65)}` as const }
      const full = await channels.get(holder.peerId, request(), 5_000, undefined, other)
      assert.ok('share' in full, code(full))
      assert.notEqual(full.share.spec, other)
      assert.equal(full.share.spec.signature, known.signature)
      // the runner names the spec of its last release: each release after the first gets lean replies
      await runner.keyRelease.appKey(OWNER, 'app')
      assert.equal((runner.keyRelease as unknown as { known: Map<string, { spec: { signature: string } }> }).known.get(`${OWNER.toLowerCase()}/app`)?.spec.signature, known.signature)
    } finally {
      channels.close()
    }
  })

  it('a broken channel is replaced: the next release opens a fresh one', async () => {
    await runner.keyRelease.appKey(OWNER, 'app')
    for (const s of runner.host.getConnections().flatMap(c => c.streams).filter(s => s.protocol === SSSS_GET_PROTOCOL)) s.abort(new Error('broken for the test'))
    await runner.keyRelease.appKey(OWNER, 'app')
    assert.ok(net.nodes.slice(0, 3).some(h => channelStreams(runner.host, h.peerId) === 1))
  })

  it('idle channels close', async () => {
    const channels = new SsssChannels(runner.host, () => {}, { idleMs: 300 })
    try {
      const before = channelStreams(runner.host, net.nodes[1].peerId)
      assert.equal(code(await channels.get(net.nodes[1].peerId, request(), 5_000)), 'SHARE')
      assert.equal(channels.size, 1)
      await waitFor(() => channels.size === 0 && channelStreams(runner.host, net.nodes[1].peerId) <= before, { timeoutMs: 5_000 })
    } finally {
      channels.close()
    }
  })

  it('hostile frames to a holder: a typed error or a closed channel and a penalty, and the holder keeps serving', async () => {
    const cases: Array<{ what: string, frame: Uint8Array, replied: boolean }> = [
      // a well-formed call carrying a deal: refused under its id
      { what: 'a deal on the channel', frame: encodeSsssCall(7, { control: { owner: OWNER, app: 'app', version: 1, action: 'DELETE', issuedAtMs: Date.now(), signature: `0x${'00'.repeat(65)}` } }), replied: true },
      // a call whose request does not decode: refused under its id
      { what: 'an undecodable request', frame: encodeSsssCallRaw(9, Uint8Array.of(1, 2, 3)), replied: true },
      // a frame that is no SsssCall at all: the channel ends
      { what: 'an undecodable frame', frame: Uint8Array.of(0x12, 0x05, 0x01), replied: false },
      // more than a frame may hold: the channel ends before the bytes are read
      { what: 'an oversize frame', frame: new Uint8Array(MAX_SSSS_FRAME_BYTES + 1), replied: false }
    ]
    for (const { what, frame, replied } of cases) {
      const attacker = await createBareHost()
      try {
        const stream = await openStream(attacker, holder.host.getMultiaddrs()[0], SSSS_GET_PROTOCOL, { signal: AbortSignal.timeout(10_000) })
        const lp = lpStream(stream, { maxDataLength: MAX_SSSS_FRAME_BYTES + 1 })
        await lp.write(frame)
        if (replied) {
          const reply = decodeSsssReply((await lp.read({ signal: AbortSignal.timeout(5_000) })).subarray())
          assert.equal(code(reply.response), 'MALFORMED', what)
          assert.equal(reply.id, decodeSsssCall(frame).id, what)
        } else {
          await assert.rejects(lp.read({ signal: AbortSignal.timeout(5_000) }), what)
        }
        await waitFor(() => holder.scores.score(attacker.peerId.toString()) < 0, { timeoutMs: 5_000 })
      } finally {
        await attacker.stop()
      }
    }
    const channels = new SsssChannels(runner.host, () => {})
    assert.equal(code(await channels.get(holder.peerId, request(), 5_000)), 'SHARE')
    channels.close()
  })

  describe('against a hostile or old holder', () => {
    const penalties: Array<{ action: PeerAction, reason: string }> = []
    const penalise = (_peer: PeerId, action: PeerAction, reason: string): void => { penalties.push({ action, reason }) }
    let client: Awaited<ReturnType<typeof createBareHost>>
    let fake: Awaited<ReturnType<typeof createBareHost>>
    let reply: (id: number, body: Uint8Array) => Uint8Array | undefined

    before(async () => {
      client = await createBareHost()
      fake = await createBareHost()
      await fake.handle(SSSS_GET_PROTOCOL, async stream => {
        const lp = lpStream(stream, { maxDataLength: MAX_SSSS_FRAME_BYTES })
        try {
          while (true) {
            const { id, body } = decodeSsssCall((await lp.read()).subarray())
            const out = reply(id, body)
            if (out != null) await lp.write(out)
          }
        } catch {}
      })
      await client.dial(fake.getMultiaddrs()[0])
    })

    after(async () => { await Promise.allSettled([client?.stop(), fake?.stop()]) })

    const fresh = (): ShareRequest => request()

    it('a reply to no call in flight ends the channel with a typed error and a penalty; the next call opens a new channel', async () => {
      const channels = new SsssChannels(client as unknown as Host, penalise)
      try {
        penalties.length = 0
        reply = (id) => encodeSsssReply(id + 1000, { failure: { code: escrin.SsssErrorCode.SSSS_INTERNAL, message: 'x' } })
        await assert.rejects(channels.get(fake.peerId, fresh(), 5_000), (err: Error) => err instanceof ChannelClosedError)
        assert.equal(penalties[0]?.action, PeerAction.ProtocolViolation)
        reply = () => Uint8Array.of(0x12, 0x05, 0x01)
        await assert.rejects(channels.get(fake.peerId, fresh(), 5_000), (err: Error) => err instanceof ChannelClosedError)
        assert.equal(penalties[1]?.action, PeerAction.MalformedMessage)
        reply = (id) => encodeSsssReply(id, { ok: true })
        assert.equal(code(await channels.get(fake.peerId, fresh(), 5_000)), 'OK')
      } finally {
        channels.close()
      }
    })

    it('a share without its spec to a call that named none ends the channel with a typed error and a penalty', async () => {
      const channels = new SsssChannels(client as unknown as Host, penalise)
      try {
        penalties.length = 0
        const box = { ephemeralPublic: new Uint8Array(32), nonce: new Uint8Array(12), ciphertext: new Uint8Array(80) }
        reply = (id) => escrin.SsssReply.encode({ id, response: escrin.SsssResponse.encode({ share: { share: box } }).finish() }).finish()
        await assert.rejects(channels.get(fake.peerId, fresh(), 5_000), (err: Error) => err instanceof ChannelClosedError && /named none/.test(err.message))
        assert.equal(penalties[0]?.action, PeerAction.ProtocolViolation)
        assert.equal(channels.size, 0)
      } finally {
        channels.close()
      }
    })

    it('a holder that never answers: the call meets its deadline and the channel closes', async () => {
      const channels = new SsssChannels(client as unknown as Host, penalise)
      try {
        reply = () => undefined
        const start = Date.now()
        await assert.rejects(channels.get(fake.peerId, fresh(), 300))
        assert.ok(Date.now() - start < 2_000)
        assert.equal(channels.size, 0)
      } finally {
        channels.close()
      }
    })

    it('a holder that does not close its end once the channel idles: the stream is reset, not kept', async () => {
      const channels = new SsssChannels(client as unknown as Host, penalise, { idleMs: 200, closeMs: 500 })
      try {
        reply = (id) => encodeSsssReply(id, { ok: true })
        assert.equal(code(await channels.get(fake.peerId, fresh(), 5_000)), 'OK')
        // the fake handler returns on our end's close without closing its own: this stream would stay
        const streams = client.getConnections(fake.peerId).flatMap(c => c.streams).filter(s => s.protocol === SSSS_GET_PROTOCOL && s.status === 'open' && s.writeStatus === 'writable')
        assert.equal(streams.length, 1)
        await waitFor(() => streams[0].status !== 'open' && streams[0].status !== 'closing', { timeoutMs: 5_000, describe: () => `the channel's stream is ${streams[0].status}` })
        assert.equal(channels.size, 0)
      } finally {
        channels.close()
      }
    })

    it('a holder without channels whose response does not decode: the request fails and the holder is penalised', async () => {
      const old = await createBareHost()
      try {
        await old.handle(SSSS_PROTOCOL, async stream => {
          const lp = lpStream(stream)
          await lp.read()
          await lp.write(Uint8Array.of(0xff, 0xff, 0xff))
          await stream.close()
        })
        await client.dial(old.getMultiaddrs()[0])
        const channels = new SsssChannels(client as unknown as Host, penalise)
        penalties.length = 0
        await assert.rejects(channels.get(old.peerId, fresh(), 5_000))
        assert.deepEqual(penalties.map(p => p.action), [PeerAction.MalformedMessage])
        channels.close()
      } finally {
        await old.stop()
      }
    })

    it('a holder without channels is asked on one-shot streams', async () => {
      const old = await createBareHost()
      try {
        await old.handle(SSSS_PROTOCOL, async stream => {
          const lp = lpStream(stream)
          decodeSsssRequest((await lp.read()).subarray())
          await lp.write(encodeSsssResponse({ ok: true }))
          await stream.close()
        })
        await client.dial(old.getMultiaddrs()[0])
        const channels = new SsssChannels(client as unknown as Host, penalise)
        assert.equal(code(await channels.get(old.peerId, fresh(), 5_000)), 'OK')
        assert.equal(code(await channels.get(old.peerId, fresh(), 5_000)), 'OK')
        assert.equal(channels.size, 0)
        channels.close()
      } finally {
        await old.stop()
      }
    })
  })
})
