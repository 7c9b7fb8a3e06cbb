import assert from 'node:assert/strict'
import fc from 'fast-check'
import protobuf from 'protobufjs/minimal.js'
import { wireInteger } from '../../protocol/wire/index.js'

/** long.js, as protobufjs carries it (its type there leaves out the statics). */
interface LongStatics {
  fromNumber(n: number, unsigned: boolean): unknown
  fromString(s: string, unsigned: boolean): unknown
  fromBits(low: number, high: number, unsigned: boolean): unknown
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
