import assert from 'node:assert/strict'
import fc from 'fast-check'
import { deal, defaultThreshold, ORDER, randomScalar, reconstruct, verifyShare, VssError, type Share } from '../../protocol/ssss/index.js'

/** Picks `k` distinct shares, by a seed, in a shuffled order. */
function pick (shares: Share[], k: number, seed: number): Share[] {
  const rest = [...shares]
  const out: Share[] = []
  let s = seed
  while (out.length < k) {
    s = (s * 1103515245 + 12345) >>> 0
    out.push(rest.splice(s % rest.length, 1)[0])
  }
  return out
}

const params = fc.integer({ min: 2, max: 7 }).chain(n => fc.record({ n: fc.constant(n), t: fc.integer({ min: 2, max: n }), seed: fc.nat() }))

describe('Pedersen VSS over secp256k1 (properties)', function () {
  this.timeout(60_000)

  it('any t shares reconstruct the secret, in any order', () => {
    fc.assert(fc.property(params, ({ n, t, seed }) => {
      const secret = randomScalar()
      const { shares, commitments } = deal(secret, t, n)
      assert.ok(shares.every(s => verifyShare(s, commitments)))
      assert.equal(reconstruct(pick(shares, t, seed), t), secret)
    }), { numRuns: 25 })
  })

  it('t-1 shares do not: interpolating them gives another value', () => {
    fc.assert(fc.property(params.filter(p => p.t > 2), ({ n, t, seed }) => {
      const secret = randomScalar()
      const { shares } = deal(secret, t, n)
      assert.notEqual(reconstruct(pick(shares, t - 1, seed), t - 1), secret)
    }), { numRuns: 25 })
  })

  it('a changed share (value, blinding or index) fails its commitment check', () => {
    fc.assert(fc.property(params, fc.bigInt({ min: 1n, max: ORDER - 1n }), fc.integer({ min: 0, max: 2 }), ({ n, t, seed }, delta, field) => {
      const { shares, commitments } = deal(randomScalar(), t, n)
      const share = pick(shares, 1, seed)[0]
      const changed = field === 0
        ? { ...share, value: (share.value + delta) % ORDER || 1n }
        : field === 1 ? { ...share, blinding: (share.blinding + delta) % ORDER || 1n } : { ...share, index: share.index === n ? 1 : share.index + 1 }
      fc.pre(changed.value !== share.value || changed.blinding !== share.blinding || changed.index !== share.index)
      assert.equal(verifyShare(changed, commitments), false)
    }), { numRuns: 25 })
  })

  it('shares of one dealing do not verify against another dealing\'s commitments', () => {
    const a = deal(randomScalar(), 3, 5)
    const b = deal(randomScalar(), 3, 5)
    assert.equal(verifyShare(a.shares[0], b.commitments), false)
  })

  it('refuses bad parameters and duplicate indexes with typed errors', () => {
    assert.throws(() => deal(0n, 2, 3), VssError)
    assert.throws(() => deal(1n, 1, 3), VssError)
    assert.throws(() => deal(1n, 4, 3), VssError)
    const { shares } = deal(5n, 2, 3)
    assert.throws(() => reconstruct([shares[0], shares[0]], 2), (e: unknown) => e instanceof VssError && e.code === 'DUPLICATE_INDEX')
    assert.throws(() => reconstruct([shares[0]], 2), (e: unknown) => e instanceof VssError && e.code === 'NOT_ENOUGH_SHARES')
    assert.equal(verifyShare({ index: 0, value: 1n, blinding: 1n }, []), false)
  })

  it('default threshold: ceil(2n/3), at least 2', () => {
    assert.deepEqual([2, 3, 5, 7, 10].map(defaultThreshold), [2, 2, 4, 5, 7])
  })
})
