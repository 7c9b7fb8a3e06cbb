import assert from 'node:assert/strict'
import fc from 'fast-check'
import { LengthPrefixedDecoder } from '@libp2p/utils'
import { Uint8ArrayList } from 'uint8arraylist'
import { uint16Length, useCheapLengthDecoding } from '../../node/host/noise-length-decoding.js'
import { startNetwork } from '../helpers/network.js'

/** Noise's framing: a 2-byte big-endian length, then that many bytes. */
function frame (body: Uint8Array): Uint8Array {
  const out = new Uint8Array(2 + body.length)
  out[0] = body.length >> 8
  out[1] = body.length & 0xff
  out.set(body, 2)
  return out
}

/** Every frame a decoder yields for `pieces`, fed one after the other. */
function decodeAll (lengthDecoder: (data: Uint8Array | Uint8ArrayList) => number, pieces: Uint8Array[]): string[] {
  const decoder = new LengthPrefixedDecoder({ lengthDecoder, encodingLength: () => 2, maxDataLength: 65535 })
  const out: string[] = []
  for (const piece of pieces) for (const body of decoder.decode(piece)) out.push(Buffer.from(body.subarray()).toString('hex'))
  return out
}

describe('noise message lengths', () => {
  it('frame a message stream back into its messages, however the bytes are split', () => {
    fc.assert(fc.property(
      fc.array(fc.uint8Array({ minLength: 1, maxLength: 600 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 12 }),
      (bodies, cuts) => {
        const stream = Buffer.concat(bodies.map(frame))
        const pieces: Uint8Array[] = []
        let at = 0
        for (let i = 0; at < stream.length; i++) {
          const size = cuts[i % cuts.length]
          pieces.push(new Uint8Array(stream.subarray(at, at + size)))
          at += size
        }
        assert.deepEqual(decodeAll(uint16Length, pieces), bodies.map(b => Buffer.from(b).toString('hex')))
      }
    ))
  })

  it('ask for more bytes with one RangeError, made once', () => {
    const thrown = new Set<unknown>()
    for (const data of [new Uint8Array(0), new Uint8Array(1), new Uint8ArrayList(), new Uint8ArrayList(new Uint8Array([1]))]) {
      assert.throws(() => uint16Length(data), (err: unknown) => { thrown.add(err); return err instanceof RangeError })
    }
    assert.equal(thrown.size, 1)
    assert.equal(uint16Length(new Uint8ArrayList(new Uint8Array([1]), new Uint8Array([2, 9]))), 0x0102)
  })

  it('leave a stream that is not noise\'s as it is', () => {
    assert.equal(useCheapLengthDecoding({}), false)
    assert.equal(useCheapLengthDecoding(undefined), false)
  })

  it('are read with uint16Length on the node\'s connections', async function () {
    this.timeout(60_000)
    const net = await startNetwork(2)
    try {
      const [a, b] = net.nodes
      // by address: b's bootstrap dial to a may not have landed yet, and a knows b by nothing else
      await a.host.services.ping.ping(b.host.getMultiaddrs()[0])
      const connections = [...a.host.getConnections(b.peerId), ...b.host.getConnections(a.peerId)]
      assert.ok(connections.length >= 2)
      for (const connection of connections) {
        const encrypted = (connection as unknown as { muxer?: { maConn?: { decoder?: { lengthDecoder?: unknown } } } }).muxer?.maConn
        assert.equal(encrypted?.decoder?.lengthDecoder, uint16Length)
      }
    } finally {
      await net.close()
    }
  })
})
