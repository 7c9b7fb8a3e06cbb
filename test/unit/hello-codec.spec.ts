import assert from 'node:assert/strict'
import { decodeHello, encodeHello, type HelloInfo } from '../../protocol/hello/index.js'
import { WireError } from '../../protocol/wire/index.js'

const hello: HelloInfo = { network: 'escrin-devnet', version: '0.1.0', roles: ['runner', 'storage'], timestampMs: 1_700_000_000_000 }

function wireError (code: string) {
  return (err: unknown) => err instanceof WireError && err.code === code
}

describe('hello codec', () => {
  it('round-trips', () => {
    assert.deepEqual(decodeHello(encodeHello(hello), 1024), hello)
  })

  it('rejects unknown enum values, oversize fields and oversize messages', () => {
    assert.throws(() => decodeHello(Uint8Array.from([0x18, 99]), 1024), wireError('INVALID_FIELD'))
    assert.throws(() => decodeHello(encodeHello({ ...hello, network: 'x'.repeat(65) }), 1024), wireError('INVALID_FIELD'))
    assert.throws(() => decodeHello(encodeHello(hello), 8), wireError('TOO_LARGE'))
    // a timestamp past 2^53 (field 4, varint 2^63): no exact time for the receiver to compare with its clock
    assert.throws(() => decodeHello(Uint8Array.from([0x20, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]), 1024), wireError('INVALID_FIELD'))
    assert.deepEqual(decodeHello(encodeHello({ ...hello, timestampMs: Number.MAX_SAFE_INTEGER }), 1024).timestampMs, Number.MAX_SAFE_INTEGER)
  })

  it('rejects malformed bytes without throwing anything but WireError', () => {
    for (const bytes of [[0x00], [0x0a, 0x05, 0x61], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], [0x1a, 0x80]]) {
      assert.throws(() => decodeHello(Uint8Array.from(bytes), 1024), (err: unknown) => err instanceof WireError)
    }
  })

  it('fuzz: random bytes decode or fail with WireError, never crash', () => {
    let seed = 42
    const rand = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed }
    for (let i = 0; i < 5000; i++) {
      const bytes = Uint8Array.from({ length: rand() % 40 }, () => rand() & 0xff)
      try {
        decodeHello(bytes, 1024)
      } catch (err) {
        assert.ok(err instanceof WireError, `unexpected ${String(err)} for ${Buffer.from(bytes).toString('hex')}`)
      }
    }
  })
})
