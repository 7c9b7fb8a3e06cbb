import assert from 'node:assert/strict'
import fc from 'fast-check'
import { concatBytes, lengthPrefixed, uvarint } from '../../protocol/wire/index.js'

/** The definitions, spelled the slow and obvious way: signed and authenticated bytes must never change. */
function referenceUvarint (value: number): number[] {
  const out: number[] = []
  while (value >= 128) {
    out.push((value % 128) + 128)
    value = Math.floor(value / 128)
  }
  out.push(value)
  return out
}

function referenceLengthPrefixed (parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap(p => [...referenceUvarint(p.byteLength), ...p]))
}

describe('wire bytes (uvarint, concatBytes, lengthPrefixed)', () => {
  it('uvarint writes LEB128 for every safe integer', () => {
    for (const v of [0, 1, 127, 128, 255, 16_383, 16_384, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER]) {
      assert.deepEqual([...uvarint(v)], referenceUvarint(v), `${v}`)
    }
    fc.assert(fc.property(fc.maxSafeNat(), v => { assert.deepEqual([...uvarint(v)], referenceUvarint(v)) }))
  })

  it('lengthPrefixed and concatBytes are their definitions, on parts of any length and offset', () => {
    // parts that are views into larger buffers, as decoded fields are
    const part = fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.nat(8)).map(([bytes, skip]) => {
      const backing = new Uint8Array(skip + bytes.length + 3)
      backing.set(bytes, skip)
      return backing.subarray(skip, skip + bytes.length)
    })
    fc.assert(fc.property(fc.array(part, { maxLength: 10 }), parts => {
      assert.deepEqual(lengthPrefixed(parts), referenceLengthPrefixed(parts))
      assert.deepEqual(concatBytes(parts), Uint8Array.from(parts.flatMap(p => [...p])))
    }))
    // a part of 2^14 bytes has a three-byte prefix
    assert.deepEqual([...lengthPrefixed([new Uint8Array(16_384)]).subarray(0, 3)], [0x80, 0x80, 0x01])
  })
})
