import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { x25519 } from '@noble/curves/ed25519.js'
import { ed25519 } from '@noble/curves/ed25519.js'
import fc from 'fast-check'
import {
  checkCodeMatchesCid, decodeJobRequest, decodeJobResponse, encodeJobRequest, encodeJobResponse, failureFromJobError, JobError,
  jobErrorFromFailure, jobInputAad, jobOutputAad, openSealedBox, sealToKey, signReceipt, verifyReceipt, workerCid, x25519PublicKey
} from '../../protocol/job/index.js'
import { WireError } from '../../protocol/wire/index.js'

const bytes = (n: number): Uint8Array => new Uint8Array(randomBytes(n))
const POLICY = 'ab'.repeat(32)
const CODE = new TextEncoder().encode('export default {}')
const CID_BYTES = workerCid(CODE).bytes

function assertJobError (fn: () => unknown, code: string): void {
  assert.throws(fn, (err: unknown) => err instanceof JobError && err.code === code)
}

describe('job sealed boxes', () => {
  const secret = bytes(32)
  const pub = x25519PublicKey(secret)
  const jobId = bytes(16)
  const aad = jobInputAad(jobId, POLICY, CID_BYTES)

  it('derive the same public key as @noble, and round-trip', () => {
    assert.deepEqual(pub, x25519.getPublicKey(secret))
    const plaintext = bytes(1000)
    const { box } = sealToKey(pub, plaintext, aad)
    assert.deepEqual(openSealedBox(secret, box, aad), plaintext)
    assert.deepEqual(openSealedBox(secret, sealToKey(pub, new Uint8Array(), aad).box, aad), new Uint8Array())
  })

  it('any tampering fails with DECRYPT_FAILED', () => {
    const { box } = sealToKey(pub, bytes(64), aad)
    const flip = (b: Uint8Array, i = 0): Uint8Array => { const c = b.slice(); c[i] ^= 1; return c }
    assertJobError(() => openSealedBox(secret, { ...box, ciphertext: flip(box.ciphertext, 5) }, aad), 'DECRYPT_FAILED')
    assertJobError(() => openSealedBox(secret, { ...box, ciphertext: flip(box.ciphertext, box.ciphertext.length - 1) }, aad), 'DECRYPT_FAILED')
    assertJobError(() => openSealedBox(secret, { ...box, nonce: flip(box.nonce) }, aad), 'DECRYPT_FAILED')
    assertJobError(() => openSealedBox(secret, { ...box, ephemeralPublic: flip(box.ephemeralPublic, 3) }, aad), 'DECRYPT_FAILED')
    assertJobError(() => openSealedBox(secret, box, jobInputAad(bytes(16), POLICY, CID_BYTES)), 'DECRYPT_FAILED')
    assertJobError(() => openSealedBox(bytes(32), box, aad), 'DECRYPT_FAILED')
    assertJobError(() => openSealedBox(secret, { ...box, ciphertext: box.ciphertext.subarray(0, 10) }, aad), 'DECRYPT_FAILED')
  })

  it('an input box never opens as an output (directional AAD)', () => {
    const { box } = sealToKey(pub, bytes(10), jobInputAad(jobId, POLICY, CID_BYTES))
    assertJobError(() => openSealedBox(secret, box, jobOutputAad(jobId, POLICY, CID_BYTES)), 'DECRYPT_FAILED')
  })

  it('refuses low-order public keys', () => {
    assertJobError(() => sealToKey(new Uint8Array(32), bytes(4), aad), 'DECRYPT_FAILED')
    const lowOrder = Uint8Array.from(Buffer.from('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800', 'hex'))
    assertJobError(() => sealToKey(lowOrder, bytes(4), aad), 'DECRYPT_FAILED')
  })

  it('the output is sealed to the client\'s ephemeral key, which the client can open', () => {
    const { box: input, ephemeralSecret } = sealToKey(pub, bytes(8), aad)
    const outAad = jobOutputAad(jobId, POLICY, CID_BYTES)
    const { box: output } = sealToKey(input.ephemeralPublic, new TextEncoder().encode('result'), outAad)
    assert.equal(new TextDecoder().decode(openSealedBox(ephemeralSecret, output, outAad)), 'result')
  })
})

describe('job receipts', () => {
  const signingSecret = bytes(32)
  const signingPublic = ed25519.getPublicKey(signingSecret)
  const fields = { jobId: bytes(16), policyId: POLICY, workerCid: CID_BYTES, inputHash: bytes(32), outputHash: bytes(32), status: 200 }

  it('verify against the attested key and the expected fields, with @noble agreeing', () => {
    const receipt = signReceipt(fields, signingSecret)
    verifyReceipt(receipt, signingPublic, fields)
    assert.equal(receipt.signature.length, 64)
  })

  it('any changed field, a changed status or another key: BAD_RECEIPT', () => {
    const receipt = signReceipt(fields, signingSecret)
    for (const key of ['jobId', 'inputHash', 'outputHash'] as const) {
      assertJobError(() => { verifyReceipt(receipt, signingPublic, { ...fields, [key]: bytes(fields[key].length) }) }, 'BAD_RECEIPT')
    }
    assertJobError(() => { verifyReceipt(receipt, signingPublic, { ...fields, policyId: 'cd'.repeat(32) }) }, 'BAD_RECEIPT')
    assertJobError(() => { verifyReceipt(receipt, signingPublic, { ...fields, workerCid: workerCid(bytes(3)).bytes }) }, 'BAD_RECEIPT')
    assertJobError(() => { verifyReceipt({ ...receipt, status: 500 }, signingPublic, fields) }, 'BAD_RECEIPT')
    assertJobError(() => { verifyReceipt(receipt, ed25519.getPublicKey(bytes(32)), fields) }, 'BAD_RECEIPT')
    const sig = receipt.signature.slice(); sig[0] ^= 1
    assertJobError(() => { verifyReceipt({ ...receipt, signature: sig }, signingPublic, fields) }, 'BAD_RECEIPT')
  })
})

describe('worker CIDs', () => {
  it('are CIDv1 raw sha256, stable, and checked', () => {
    // computed independently with multiformats' own sha256 hasher and raw codec
    assert.equal(workerCid(CODE).toString(), 'bafkreie25ogvtnguqpfgfghjuripx4357uvuyy4zae22whiebv3dcqeh5q')
    assert.equal(checkCodeMatchesCid(CODE, CID_BYTES), true)
    assert.equal(checkCodeMatchesCid(new TextEncoder().encode('export default {} '), CID_BYTES), false)
    assert.equal(checkCodeMatchesCid(CODE, Uint8Array.of(1, 2, 3)), false)
  })
})

describe('job wire codec', () => {
  const box = fc.record({ ephemeralPublic: fc.uint8Array({ minLength: 32, maxLength: 32 }), nonce: fc.uint8Array({ minLength: 12, maxLength: 12 }), ciphertext: fc.uint8Array({ minLength: 16, maxLength: 300 }) })
  const request = fc.record({
    jobId: fc.uint8Array({ minLength: 16, maxLength: 16 }),
    policyId: fc.constant(POLICY),
    workerCid: fc.constant(CID_BYTES),
    inlineCode: fc.uint8Array({ minLength: 1, maxLength: 200 }),
    input: box,
    timeoutMs: fc.integer({ min: 0, max: 120_000 })
  })

  it('requests round-trip (property)', () => {
    fc.assert(fc.property(request, r => { assert.deepEqual(decodeJobRequest(encodeJobRequest(r)), { ...r, input: { ...r.input } }) }))
  })

  it('responses round-trip, ok and failure', () => {
    const receipt = signReceipt({ jobId: bytes(16), policyId: POLICY, workerCid: CID_BYTES, inputHash: bytes(32), outputHash: bytes(32), status: 201 }, bytes(32))
    const ok = { ok: { output: { ephemeralPublic: bytes(32), nonce: bytes(12), ciphertext: bytes(40) }, receipt } }
    assert.deepEqual(decodeJobResponse(encodeJobResponse(ok)), ok)
    const failure = failureFromJobError(new JobError('WORKER_THREW', 'boom'))
    const back = decodeJobResponse(encodeJobResponse({ failure }))
    const err = jobErrorFromFailure(back.failure as { code: number, message: string })
    assert.equal(err.code, 'WORKER_THREW')
    assert.equal(err.message, 'boom')
    assert.equal(err.retryable, false)
    assert.equal(new JobError('RUNNER_BUSY', '').retryable, true)
  })

  it('invalid fields are INVALID_FIELD or TOO_LARGE, never another error', () => {
    const good = { jobId: bytes(16), policyId: POLICY, workerCid: CID_BYTES, input: { ephemeralPublic: bytes(32), nonce: bytes(12), ciphertext: bytes(20) }, timeoutMs: 1000 }
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['short job id', { jobId: bytes(15) }, 'INVALID_FIELD'],
      ['bad policy id', { policyId: 'AB'.repeat(32) }, 'INVALID_FIELD'],
      ['not a CID', { workerCid: Uint8Array.of(9, 9, 9) }, 'INVALID_FIELD'],
      ['short key', { input: { ...good.input, ephemeralPublic: bytes(31) } }, 'INVALID_FIELD'],
      ['short nonce', { input: { ...good.input, nonce: bytes(11) } }, 'INVALID_FIELD'],
      ['no tag', { input: { ...good.input, ciphertext: bytes(15) } }, 'INVALID_FIELD'],
      ['long timeout', { timeoutMs: 1_000_000 }, 'INVALID_FIELD'],
      ['huge input', { input: { ...good.input, ciphertext: new Uint8Array(1024 * 1024 + 17) } }, 'TOO_LARGE']
    ]
    for (const [name, change, code] of cases) {
      assert.throws(() => decodeJobRequest(encodeJobRequest({ ...good, ...change } as any)), (err: unknown) => err instanceof WireError && err.code === code, name)
    }
    assert.throws(() => decodeJobResponse(encodeJobResponse({})), (err: unknown) => err instanceof WireError && err.code === 'INVALID_FIELD')
  })

  it('random bytes raise WireError only (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), data => {
      for (const decode of [decodeJobRequest, decodeJobResponse]) {
        try {
          decode(data)
        } catch (err) {
          assert.ok(err instanceof WireError, String(err))
        }
      }
    }), { numRuns: 2000 })
  })
})
