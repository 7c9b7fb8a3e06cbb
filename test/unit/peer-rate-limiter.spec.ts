import assert from 'node:assert/strict'
import fc from 'fast-check'
import { peerIdFromString } from '@libp2p/peer-id'
import { limitStreams, PeerAction, PeerRateLimiter, RateLimitedError } from '../../node/peer-score/index.js'
import type { NodeMetrics } from '../../node/metrics/index.js'
import type { Connection, Stream } from '@libp2p/interface'

describe('PeerRateLimiter (per-peer token buckets)', () => {
  it('serves a burst, then one request per 1/perSecond, each peer on its own', () => {
    let clock = 0
    const limiter = new PeerRateLimiter({ perSecond: 10, burst: 5, now: () => clock })
    for (let i = 0; i < 5; i++) assert.equal(limiter.take('a'), 'ok')
    assert.equal(limiter.take('a'), 'refused')
    assert.equal(limiter.take('b'), 'ok', 'another peer has its own bucket')
    clock += 99
    assert.equal(limiter.take('a'), 'refused', 'not a whole token yet')
    clock += 1
    assert.equal(limiter.take('a'), 'ok')
    assert.equal(limiter.take('a'), 'refused')
    clock += 60_000
    for (let i = 0; i < 5; i++) assert.equal(limiter.take('a'), 'ok', 'a quiet spell refills up to the burst, no more')
    assert.equal(limiter.take('a'), 'refused')
  })

  it('never serves a peer more than burst + perSecond x elapsed, whatever the pattern', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 20 }),
      fc.array(fc.record({ advance: fc.integer({ min: 0, max: 300 }), peer: fc.integer({ min: 0, max: 3 }) }), { maxLength: 300 }),
      (perSecond, burst, steps) => {
        let clock = 1_000
        const limiter = new PeerRateLimiter({ perSecond, burst, now: () => clock })
        const served = new Map<number, { first: number, count: number }>()
        for (const { advance, peer } of steps) {
          clock += advance
          if (limiter.take(String(peer)) !== 'ok') continue
          const s = served.get(peer) ?? { first: clock, count: 0 }
          s.count++
          served.set(peer, s)
          assert.ok(s.count <= burst + perSecond * (clock - s.first) / 1000 + 1e-9, `${s.count} served in ${clock - s.first} ms at ${perSecond}/s burst ${burst}`)
        }
      }))
  })

  it('penalises a peer refused penaliseAfter times within an interval, once for it; an overshoot costs nothing', () => {
    let clock = 0
    // a token per 1,000 s: nothing refills within the test
    const limiter = new PeerRateLimiter({ perSecond: 0.001, burst: 1, penaliseAfter: 3, penaltyIntervalMs: 1_000, now: () => clock })
    assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a')], ['ok', 'refused', 'refused'])
    clock += 1_000 // a new interval: the two refusals before it do not count
    assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')], ['refused', 'refused', 'penalise', 'refused'])
    clock += 999
    assert.deepEqual([limiter.take('a'), limiter.take('a')], ['refused', 'refused'], 'still the same interval: no second penalty')
    clock += 1
    assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a')], ['refused', 'refused', 'penalise'])
    assert.equal(limiter.take('b'), 'ok', 'another peer is not touched')
  })

  it('tracks at most maxPeers, forgetting the least recently seen', () => {
    const limiter = new PeerRateLimiter({ perSecond: 1, burst: 1, maxPeers: 3, now: () => 0 })
    for (const peer of ['a', 'b', 'c']) limiter.take(peer)
    limiter.take('a') // seen again: 'b' is now the least recent
    limiter.take('d')
    assert.equal(limiter.size, 3)
    assert.equal(limiter.take('a'), 'refused', 'a is remembered (its bucket is empty)')
    assert.equal(limiter.take('b'), 'ok', 'b was forgotten: a full bucket again')
  })

  it('refuses a limit that would serve nothing', () => {
    assert.throws(() => new PeerRateLimiter({ perSecond: 0, burst: 1 }), RangeError)
    assert.throws(() => new PeerRateLimiter({ perSecond: 1, burst: 0 }), RangeError)
  })
})

describe('limitStreams', () => {
  it('passes streams to the handler within the rate, resets the rest unread, counts them, and penalises a flood', async () => {
    const remotePeer = peerIdFromString('12D3KooWGRUVh2eV3bd9PkqgTqUMMdoUGp3fJYW7vZ3ntvB8uQGj')
    const handled: Stream[] = []
    const aborted: Error[] = []
    const penalties: Array<{ action: PeerAction, at: number }> = []
    const counted: Array<Record<string, string>> = []
    const metrics = { rateLimited: { inc: (labels: Record<string, string>) => { counted.push(labels) } } } as unknown as NodeMetrics
    const handler = limitStreams('/test/1', { perSecond: 0.001, burst: 2 }, stream => { handled.push(stream) }, {
      penalise: (peer, action) => {
        assert.ok(peer.equals(remotePeer))
        penalties.push({ action, at: aborted.length })
      },
      metrics
    })
    const stream = (): Stream => ({ abort: (err: Error) => { aborted.push(err) } }) as unknown as Stream
    for (let i = 0; i < 25; i++) await handler(stream(), { remotePeer } as unknown as Connection)
    assert.equal(handled.length, 2)
    assert.equal(aborted.length, 23)
    assert.ok(aborted.every(err => err instanceof RateLimitedError && /more than/.test(err.message)))
    assert.deepEqual(counted, Array(23).fill({ protocol: '/test/1' }))
    // the 20th refusal within the interval earns the penalty, once
    assert.deepEqual(penalties, [{ action: PeerAction.RateLimited, at: 20 }])
  })
})
