import assert from 'node:assert/strict'
import fc from 'fast-check'
import { streamPair } from '@libp2p/utils'
import { Uint8ArrayList } from 'uint8arraylist'
import { waitFor } from '../helpers/wait.js'
import { bufferBoundFor, isOversizeFrame, lengthPrefixed, varintLength } from '../../node/host/length-prefixed.js'

/** An unsigned varint, as the spec of multiformats/unsigned-varint writes it. */
function encodeVarint (value: number): Uint8Array {
  const out: number[] = []
  while (value >= 0x80) {
    out.push((value % 0x80) | 0x80)
    value = Math.floor(value / 0x80)
  }
  out.push(value)
  return Uint8Array.from(out)
}

describe('length-prefixed streams (varintLength)', () => {
  it('decodes every length, whole or in any split; a prefix not all there asks for more with one RangeError', () => {
    let needMore: unknown
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 8 }), (length, pieceSize) => {
      const prefix = encodeVarint(length)
      assert.equal(varintLength(prefix), length)
      const list = new Uint8ArrayList()
      for (let i = 0; i < prefix.length; i += pieceSize) list.append(prefix.subarray(i, i + pieceSize))
      assert.equal(varintLength(list), length)
      // as lpStream reads it: a byte at a time, asking again after each
      const partial = new Uint8ArrayList()
      for (let i = 0; i < prefix.length - 1; i++) {
        partial.append(prefix.subarray(i, i + 1))
        assert.throws(() => varintLength(partial), (err: unknown) => {
          assert.ok(err instanceof RangeError)
          needMore ??= err
          return err === needMore
        })
      }
    }), { numRuns: 500 })
  })

  it('a prefix that never ends is malformed after 8 bytes, not a reason to read on', () => {
    for (const n of [8, 9, 20]) {
      assert.throws(() => varintLength(new Uint8Array(n).fill(0xff)), (err: unknown) => err instanceof Error && !(err instanceof RangeError) && err.name === 'InvalidMessageLengthError')
    }
  })

  it('frames messages over a real stream pair, and ends a read on an endless prefix at once', async () => {
    const [outbound, inbound] = await streamPair()
    const writer = lengthPrefixed(outbound)
    const reader = lengthPrefixed(inbound, { maxDataLength: 1 << 20 })
    const messages = [new Uint8Array(0), new Uint8Array(1).fill(1), new Uint8Array(127).fill(2), new Uint8Array(128).fill(3), new Uint8Array(70_000).fill(4)]
    for (const m of messages) await writer.write(m)
    for (const m of messages) assert.deepEqual((await reader.read()).subarray(), m)
    // lpStream's own decoder would wait for more bytes until the caller's deadline
    outbound.send(new Uint8Array(12).fill(0x80))
    await assert.rejects(reader.read({ signal: AbortSignal.timeout(5_000) }), (err: Error) => err.name === 'InvalidMessageLengthError')
  })

  it('buffers at most bufferBoundFor(maxDataLength) unread: a peer that sends far past it ends the stream', async () => {
    assert.equal(bufferBoundFor(1_024), 64 * 1024, 'at least 64 KiB')
    assert.equal(bufferBoundFor(64 * 1024), 4 * (64 * 1024 + 10), 'four messages')
    assert.equal(bufferBoundFor(16 * 1024 * 1024), 4 * 1024 * 1024, 'at most the library\'s 4 MiB')
    const [outbound, inbound] = await streamPair()
    const writer = lengthPrefixed(outbound)
    const reader = lengthPrefixed(inbound, { maxDataLength: 1_024 })
    await writer.write(new Uint8Array(10))
    assert.equal((await reader.read()).byteLength, 10)
    // 200 messages of 1,000 bytes, each within the bound, none read: 200 KB against a 64 KiB bound
    for (let i = 0; i < 200; i++) outbound.send(Uint8ArrayList.fromUint8Arrays([encodeVarint(1_000), new Uint8Array(1_000)]).subarray())
    await waitFor(() => inbound.status !== 'open', { timeoutMs: 5_000, describe: () => `the reading end is ${inbound.status}` })
    await assert.rejects(reader.read({ signal: AbortSignal.timeout(5_000) }), (err: Error) => isOversizeFrame(err) && err.name === 'StreamBufferError')
  })
})
