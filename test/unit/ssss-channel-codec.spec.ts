import assert from 'node:assert/strict'
import {
  decodeSsssCall, decodeSsssReply, decodeSsssRequest, decodeSsssResponse, encodeSsssCall, encodeSsssReply, encodeSsssResponse, MAX_SSSS_FRAME_BYTES, signShareRequest,
  type SecretSpec, type SsssResponse
} from '../../protocol/ssss/index.js'
import { escrin } from '../../proto/gen/escrin.js'
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

  // the codec checks shapes, not signatures: any bytes of the right lengths make a spec here
  const spec = (signatureByte: number): SecretSpec => ({
    owner: `0x${'ab'.repeat(20)}`, app: 'app', custody: 'custody', version: 3, threshold: 7,
    holders: Array.from({ length: 10 }, (_, i) => new Uint8Array(38).fill(i + 1)),
    commitments: Array.from({ length: 7 }, (_, i) => new Uint8Array(33).fill(i + 2)),
    signature: `0x${signatureByte.toString(16).padStart(2, '0').repeat(65)}`
  })
  const share = { ephemeralPublic: new Uint8Array(32).fill(3), nonce: new Uint8Array(12).fill(4), ciphertext: new Uint8Array(80).fill(5) }

  it('a call names the spec its requester holds; a call without one names none', () => {
    const known = spec(0xcd)
    const frame = decodeSsssCall(encodeSsssCall(9, { get }, known.signature))
    assert.equal(frame.knownSpec, known.signature)
    assert.deepEqual(decodeSsssRequest(frame.body), { get })
    assert.equal(decodeSsssCall(encodeSsssCall(9, { get })).knownSpec, undefined)
    // anything but an owner signature's 65 bytes is a malformed call
    const odd = escrin.SsssCall.encode({ id: 9, request: new Uint8Array(), knownSpec: new Uint8Array(64) }).finish()
    assert.throws(() => decodeSsssCall(odd), WireError)
  })

  it('a share of the spec the call named goes without it; a share of any other spec, with it', () => {
    const served: SsssResponse = { share: { spec: spec(0xcd), share } }
    const lean = encodeSsssReply(1, served, spec(0xcd).signature)
    const full = encodeSsssReply(1, served, spec(0xee).signature)
    assert.deepEqual(decodeSsssReply(lean), { id: 1, response: { knownSpecShare: share } })
    assert.deepEqual(decodeSsssReply(full), { id: 1, response: served })
    assert.deepEqual(decodeSsssReply(encodeSsssReply(1, served)), { id: 1, response: served })
    // 10 holders and 7 commitments: the spec is most of a full reply
    assert.ok(lean.length < 200 && full.length > 800, `${lean.length} and ${full.length} bytes`)
  })

  it('a one-shot response must carry its spec', () => {
    const served: SsssResponse = { share: { spec: spec(0xcd), share } }
    assert.deepEqual(decodeSsssResponse(encodeSsssResponse(served)), served)
    assert.throws(() => decodeSsssResponse(encodeSsssResponse(served, spec(0xcd).signature)), WireError)
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
