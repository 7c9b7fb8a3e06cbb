import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { ed25519 } from '@noble/curves/ed25519.js'
import { ed25519Sign, ed25519Verify, ed25519VerifyAsync } from '../../protocol/crypto/index.js'

describe('ed25519 through node:crypto', () => {
  it('agrees with @noble/curves both ways, on raw 32-byte keys', () => {
    for (let i = 0; i < 20; i++) {
      const secret = new Uint8Array(randomBytes(32))
      const pub = ed25519.getPublicKey(secret)
      const msg = new Uint8Array(randomBytes(i * 7))
      const ours = ed25519Sign(msg, secret)
      assert.deepEqual(ours, ed25519.sign(msg, secret), 'Ed25519 signatures are deterministic: both must be equal')
      assert.equal(ed25519.verify(ours, msg, pub), true)
      assert.equal(ed25519Verify(ed25519.sign(msg, secret), msg, pub), true)
    }
  })

  it('rejects a changed message, signature or key, and malformed inputs, without throwing', () => {
    const secret = new Uint8Array(randomBytes(32))
    const pub = ed25519.getPublicKey(secret)
    const msg = Uint8Array.of(1, 2, 3)
    const sig = ed25519Sign(msg, secret)
    assert.equal(ed25519Verify(sig, Uint8Array.of(1, 2, 4), pub), false)
    const badSig = sig.slice(); badSig[5] ^= 1
    assert.equal(ed25519Verify(badSig, msg, pub), false)
    assert.equal(ed25519Verify(sig, msg, ed25519.getPublicKey(new Uint8Array(randomBytes(32)))), false)
    assert.equal(ed25519Verify(sig.subarray(1), msg, pub), false)
    assert.equal(ed25519Verify(sig, msg, pub.subarray(1)), false)
    assert.equal(ed25519Verify(sig, msg, new Uint8Array(32).fill(0xff)), false)
    assert.throws(() => ed25519Sign(msg, new Uint8Array(31)), RangeError)
  })

  it('verifies the same in the thread pool: the same answer for every case, never a rejection', async () => {
    const secret = new Uint8Array(randomBytes(32))
    const pub = ed25519.getPublicKey(secret)
    const msg = new Uint8Array(randomBytes(200))
    const sig = ed25519Sign(msg, secret)
    const badSig = sig.slice(); badSig[9] ^= 1
    const cases: Array<[Uint8Array, Uint8Array, Uint8Array]> = [
      [sig, msg, pub],
      [sig, msg.subarray(1), pub],
      [badSig, msg, pub],
      [sig, msg, ed25519.getPublicKey(new Uint8Array(randomBytes(32)))],
      [sig.subarray(1), msg, pub],
      [sig, msg, pub.subarray(1)],
      [sig, msg, new Uint8Array(32).fill(0xff)]
    ]
    const sync = cases.map(([s, m, p]) => ed25519Verify(s, m, p))
    assert.deepEqual(sync, [true, false, false, false, false, false, false])
    assert.deepEqual(await Promise.all(cases.map(async ([s, m, p]) => await ed25519VerifyAsync(s, m, p))), sync)
  })
})
