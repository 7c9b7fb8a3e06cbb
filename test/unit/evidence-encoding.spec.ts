import assert from 'node:assert/strict'
import { Buffer } from 'node:buffer'
import fc from 'fast-check'
import { decodeEvidence } from '../../node/attestations/evidence-encoding.js'

/** What a COSE_Sign1 starts with: an array of four, or tag 18 and then one. */
const documentLike = fc.tuple(fc.constantFrom(Uint8Array.of(0x84), Uint8Array.of(0xd2, 0x84)), fc.uint8Array({ minLength: 1, maxLength: 300 }))
  .map(([head, rest]) => Uint8Array.from([...head, ...rest]))

describe('attestation evidence files', () => {
  it('takes a document as it is, and the same bytes back from hex or base64 text however it is wrapped', () => {
    fc.assert(fc.property(documentLike, fc.integer({ min: 8, max: 80 }), (bytes, width) => {
      const wrap = (text: string): string => text.replace(new RegExp(`.{${width}}`, 'g'), '$&\n')
      assert.deepEqual(decodeEvidence(bytes), { bytes, encoding: 'binary' })
      const encodings = [
        ['hex', Buffer.from(bytes).toString('hex')],
        ['hex', `0x${Buffer.from(bytes).toString('hex').toUpperCase()}\r\n`],
        ['base64', wrap(Buffer.from(bytes).toString('base64'))],
        ['base64', Buffer.from(bytes).toString('base64url')]
      ] as const
      for (const [encoding, text] of encodings) {
        const decoded = decodeEvidence(new TextEncoder().encode(text))
        assert.equal(decoded.encoding, encoding, text.slice(0, 20))
        assert.deepEqual(decoded.bytes, bytes)
      }
    }))
  })

  it('leaves anything else as it is, for the verifier to reject', () => {
    for (const text of ['', 'not a document!', '{"document": 1}', 'ab=cd']) {
      const bytes = new TextEncoder().encode(text)
      assert.deepEqual(decodeEvidence(bytes), { bytes, encoding: 'binary' }, text)
    }
  })
})
