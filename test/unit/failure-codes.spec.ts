import assert from 'node:assert/strict'
import { escrin } from '../../proto/gen/escrin.js'
import { BLOB_FAILURE_CODES, blobErrorFromFailure, decodeBlobResponse, encodeBlobResponse } from '../../protocol/blob/index.js'
import { decodeSsssReply, decodeSsssResponse, encodeSsssReply, encodeSsssResponse, SSSS_FAILURE_CODES, ssssErrorFromFailure } from '../../protocol/ssss/index.js'
import { WireError } from '../../protocol/wire/index.js'

/** Every number an enum names, but its zero. */
function namedCodes (e: Record<string, number | string>): number[] {
  return Object.values(e).filter((v): v is number => typeof v === 'number' && v !== 0)
}

// DESIGN.md: decoders reject unknown enum values. A failure code is how a peer says why it refused,
// and what a client does next depends on it, so a code this version does not know is a malformed
// answer (a penalty, the next peer), never guessed at.
describe('failure codes on the wire: every named one decodes, no other does', () => {
  const unknown = [0, 99, 2 ** 31 - 1]

  it('SSSS, on a one-shot stream and on a channel', () => {
    assert.deepEqual([...SSSS_FAILURE_CODES].sort((a, b) => a - b), namedCodes(escrin.SsssErrorCode as never))
    for (const code of SSSS_FAILURE_CODES) {
      assert.deepEqual(decodeSsssResponse(encodeSsssResponse({ failure: { code, message: 'm' } })), { failure: { code, message: 'm' } })
      assert.deepEqual(decodeSsssReply(encodeSsssReply(3, { failure: { code, message: 'm' } })).response, { failure: { code, message: 'm' } })
      assert.equal(ssssErrorFromFailure({ code, message: 'm' }).code === 'INTERNAL', code === escrin.SsssErrorCode.SSSS_INTERNAL, `code ${code} has its own name`)
    }
    for (const code of unknown) {
      assert.throws(() => decodeSsssResponse(encodeSsssResponse({ failure: { code, message: 'm' } })), (err: unknown) => err instanceof WireError && /failure\.code/.test(err.message))
      assert.throws(() => decodeSsssReply(encodeSsssReply(3, { failure: { code, message: 'm' } })), WireError)
    }
  })

  it('blobs', () => {
    assert.deepEqual([...BLOB_FAILURE_CODES].sort((a, b) => a - b), namedCodes(escrin.BlobErrorCode as never))
    for (const code of BLOB_FAILURE_CODES) {
      assert.deepEqual(decodeBlobResponse(encodeBlobResponse({ failure: { code, message: 'm' } })), { failure: { code, message: 'm' } })
      assert.equal(blobErrorFromFailure({ code, message: 'm' }).code === 'INTERNAL', code === escrin.BlobErrorCode.BLOB_INTERNAL, `code ${code} has its own name`)
    }
    for (const code of unknown) {
      assert.throws(() => decodeBlobResponse(encodeBlobResponse({ failure: { code, message: 'm' } })), (err: unknown) => err instanceof WireError && /failure\.code/.test(err.message))
    }
  })
})
