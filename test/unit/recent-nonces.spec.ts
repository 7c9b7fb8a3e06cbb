import assert from 'node:assert/strict'
import fc from 'fast-check'
import { RecentNonces } from '../../node/ssss/recent-nonces.js'

const KEEP = 1_000

function nonce (n: number): Uint8Array {
  const bytes = new Uint8Array(16)
  new DataView(bytes.buffer).setUint32(12, n)
  return bytes
}

describe('RecentNonces', () => {
  it('sees a nonce again before keepMs has passed, whatever else was claimed, and never after 2 * keepMs', () => {
    // a model of every accepted claim's time, against random steps of the clock and claims of a few nonces
    const step = fc.record({ advance: fc.integer({ min: 0, max: 700 }), which: fc.integer({ min: 0, max: 5 }) })
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.array(step, { maxLength: 80 }), (start, steps) => {
      let clock = start
      const nonces = new RecentNonces({ keepMs: KEEP, max: 1_000, now: () => clock })
      const acceptedAt = new Map<number, number>()
      for (const { advance, which } of steps) {
        clock += advance
        const result = nonces.claim(nonce(which))
        const last = acceptedAt.get(which)
        if (last != null && clock - last < KEEP) assert.equal(result, 'seen', `claimed at ${last}, again at ${clock}`)
        if (last == null || clock - last >= 2 * KEEP) assert.equal(result, 'new', `claimed at ${last ?? 'never'}, again at ${clock}`)
        if (result === 'new') acceptedAt.set(which, clock)
      }
    }))
  })

  it('tells nonces apart by every byte', () => {
    const nonces = new RecentNonces({ keepMs: KEEP, max: 1_000, now: () => 0 })
    const a = new Uint8Array(16)
    assert.equal(nonces.claim(a), 'new')
    for (let i = 0; i < 16; i++) {
      const b = new Uint8Array(16)
      b[i] = 1
      assert.equal(nonces.claim(b), 'new', `byte ${i}`)
    }
    // a view into a larger buffer is its own bytes, not the buffer's
    const big = new Uint8Array(32)
    big[20] = 1
    assert.equal(nonces.claim(big.subarray(16)), 'seen')
  })

  it('refuses a claim when full, remembering nothing, and has room again once the old epoch is gone', () => {
    let clock = 0
    const nonces = new RecentNonces({ keepMs: KEEP, max: 3, now: () => clock })
    for (let i = 0; i < 3; i++) assert.equal(nonces.claim(nonce(i)), 'new')
    assert.equal(nonces.claim(nonce(9)), 'full')
    assert.equal(nonces.claim(nonce(0)), 'seen')
    assert.equal(nonces.size, 3)
    clock = KEEP
    // the full epoch is now the previous one: still remembered, still no room
    assert.equal(nonces.claim(nonce(1)), 'seen')
    assert.equal(nonces.claim(nonce(9)), 'full')
    clock = 2 * KEEP
    assert.equal(nonces.claim(nonce(9)), 'new')
    assert.equal(nonces.claim(nonce(0)), 'new')
    assert.equal(nonces.size, 2)
  })

  it('forgets nothing early when the clock is set back', () => {
    let clock = 5 * KEEP
    const nonces = new RecentNonces({ keepMs: KEEP, max: 10, now: () => clock })
    assert.equal(nonces.claim(nonce(1)), 'new')
    clock = 0
    assert.equal(nonces.claim(nonce(2)), 'new')
    clock = 5 * KEEP + 10
    assert.equal(nonces.claim(nonce(1)), 'seen')
    assert.equal(nonces.claim(nonce(2)), 'seen')
  })

  it('remembers nonces per requester: the same nonce from another requester is new', () => {
    const nonces = new RecentNonces({ keepMs: KEEP, max: 100, now: () => 0 })
    assert.equal(nonces.claim(nonce(1), 'alice'), 'new')
    assert.equal(nonces.claim(nonce(1), 'bob'), 'new')
    assert.equal(nonces.claim(nonce(1), 'alice'), 'seen')
    assert.equal(nonces.size, 2)
  })

  it('refuses a requester past its share, counting both generations, and no one else', () => {
    let clock = 0
    const nonces = new RecentNonces({ keepMs: KEEP, max: 100, maxPerRequester: 3, now: () => clock })
    for (let i = 0; i < 2; i++) assert.equal(nonces.claim(nonce(i), 'flood'), 'new')
    clock = KEEP // the two move to the previous generation, and still count
    assert.equal(nonces.claim(nonce(2), 'flood'), 'new')
    assert.equal(nonces.claim(nonce(3), 'flood'), 'requester-full')
    assert.equal(nonces.claim(nonce(0), 'flood'), 'seen') // a replay is still a replay
    assert.equal(nonces.claim(nonce(3), 'runner'), 'new')
    assert.equal(nonces.size, 4) // the refused claim left nothing
    clock = 2 * KEEP // the first two are forgotten: room for two more
    assert.equal(nonces.claim(nonce(3), 'flood'), 'new')
    assert.equal(nonces.claim(nonce(4), 'flood'), 'new')
    assert.equal(nonces.claim(nonce(5), 'flood'), 'requester-full')
  })
})
