import assert from 'node:assert/strict'
import fc from 'fast-check'
import protobuf from 'protobufjs/minimal.js'
import { uint64Bits, UINT64_MAX, wireInteger, wireUint64 } from '../../protocol/wire/index.js'

/** long.js, as protobufjs carries it (its type there leaves out the statics). */
interface LongStatics {
  fromNumber(n: number, unsigned: boolean): unknown
  fromString(s: string, unsigned: boolean): unknown
  fromBits(low: number, high: number, unsigned: boolean): { toString(): string }
}
const Long = protobuf.util.Long as unknown as LongStatics

describe('wireInteger (decoded integer fields)', () => {
  it('is exact for every safe integer, as a number or as a Long of either signedness', () => {
    fc.assert(fc.property(fc.maxSafeNat(), fc.boolean(), (n, negative) => {
      assert.equal(wireInteger(n), n)
      assert.equal(wireInteger(Long.fromNumber(n, true)), n)
      const signed = negative && n > 0 ? -n : n
      assert.equal(wireInteger(Long.fromNumber(signed, false)), signed)
    }))
    assert.equal(wireInteger(undefined), 0)
    assert.equal(wireInteger(null), 0)
  })

  it('anything beyond 2^53 - 1 is not a safe integer, so the decoders refuse it', () => {
    for (const bits of [Long.fromString('9007199254740992', true), Long.fromString('18446744073709551615', true), Long.fromString('9223372036854775807', false), Long.fromString('-9007199254740993', false)]) {
      assert.equal(Number.isSafeInteger(wireInteger(bits)), false, String(bits))
    }
    // an unsigned Long whose top bit is set is large, not negative
    assert.ok(wireInteger(Long.fromBits(0, 0x80000000, true)) > 0)
  })
})

describe('uint64 fields as bigints (amounts in wei)', () => {
  it('round-trip exactly through the bits protobufjs writes and the Long it decodes', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: UINT64_MAX }), v => {
      const bits = uint64Bits(v)
      assert.equal(Long.fromBits(bits.low, bits.high, true).toString(), v.toString())
      assert.equal(wireUint64(Long.fromString(v.toString(), true)), v)
    }))
    assert.equal(wireUint64(12345), 12345n)
    assert.equal(wireUint64(undefined), 0n)
  })

  it('refuse what is not a uint64', () => {
    assert.throws(() => uint64Bits(-1n), RangeError)
    assert.throws(() => uint64Bits(UINT64_MAX + 1n), RangeError)
    assert.throws(() => wireUint64(-1), RangeError)
    assert.throws(() => wireUint64(2 ** 53), RangeError)
  })
})
