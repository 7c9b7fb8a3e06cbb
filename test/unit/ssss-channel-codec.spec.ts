import assert from 'node:assert/strict'
import {
  decodeSsssCall, decodeSsssReply, decodeSsssRequest, encodeSsssCall, encodeSsssReply, MAX_SSSS_FRAME_BYTES, signShareRequest
} from '../../protocol/ssss/index.js'
import { WireError } from '../../protocol/wire/index.js'

describe('SSSS channel frames (SsssCall, SsssReply)', () => {
  const get = signShareRequest(new Uint8Array(38).fill(7), {
    owner: `0x${'ab'.repeat(20)}`, app: 'app', version: 3, replyX25519: new Uint8Array(32).fill(1), timestampMs: 1_700_000_000_000, nonce: new Uint8Array(16).fill(2)
  }, new Uint8Array(32).fill(9))

  it('a call round-trips: its id, and a body that decodes to the request', () => {
    for (const id of [1, 2 ** 32 - 1]) {
      const frame = decodeSsssCall(encodeSsssCall(id, { get }))
      assert.equal(frame.id, id)
      assert.deepEqual(decodeSsssRequest(frame.body), { get })
    }
  })

  it('a reply round-trips', () => {
    assert.deepEqual(decodeSsssReply(encodeSsssReply(42, { ok: true })), { id: 42, response: { ok: true } })
    assert.deepEqual(decodeSsssReply(encodeSsssReply(7, { failure: { code: 4, message: 'no' } })), { id: 7, response: { failure: { code: 4, message: 'no' } } })
  })

  it('truncated, malformed and oversize frames are WireErrors, never a crash', () => {
    const call = encodeSsssCall(5, { get })
    for (const bytes of [call.subarray(0, call.length - 3), Uint8Array.of(0x12, 0x05, 0x01), Uint8Array.of(0xff, 0xff, 0xff), new Uint8Array(MAX_SSSS_FRAME_BYTES + 1)]) {
      assert.throws(() => decodeSsssCall(bytes), WireError)
      assert.throws(() => decodeSsssReply(bytes), WireError)
    }
    // a reply whose response is not an SsssResponse
    assert.throws(() => decodeSsssReply(encodeSsssReply(1, { ok: true }).subarray(0, 3)), WireError)
  })
})
