import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { chacha20poly1305 } from '@noble/ciphers/chacha.js'
import { ed25519, x25519 } from '@noble/curves/ed25519.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'
import fc from 'fast-check'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { identity } from 'multiformats/hashes/identity'
import { sha256 as mfSha256, sha512 as mfSha512 } from 'multiformats/hashes/sha2'
import {
  checkCodeMatchesCid, generateX25519Secret, JobCryptoError, JobError, jobInputAad, jobOutputAad, openSealedBox, parseWorkerCid,
  receiptSigningBytes, sealToKey, signReceipt, verifyReceipt, workerCid, x25519PublicKey, type JobReceipt, type ReceiptFields, type SealedBox
} from '../../protocol/job/index.js'
import { concatBytes } from '../../protocol/wire/index.js'

const bytes = (n: number): Uint8Array => new Uint8Array(randomBytes(n))
const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'))
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const flip = (b: Uint8Array, i: number, mask = 1): Uint8Array => { const c = b.slice(); c[i] ^= mask; return c }

const POLICY = 'ab'.repeat(32)
const CODE = utf8('export default {}')
const CID_BYTES = workerCid(CODE).bytes

function throwsCrypto (fn: () => unknown, code: 'DECRYPT_FAILED' | 'BAD_RECEIPT', what?: string): void {
  assert.throws(fn, (err: unknown) => err instanceof JobCryptoError && err instanceof JobError && err.code === code, what)
}

/** The construction as specified, written independently with @noble: the reference the node:crypto code must match. */
const INFO = utf8('escrin-job/1 seal')
function nobleSeal (recipientPublic: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, ephemeralSecret: Uint8Array, nonce: Uint8Array): SealedBox {
  const ephemeralPublic = x25519.getPublicKey(ephemeralSecret)
  const key = hkdf(sha256, x25519.getSharedSecret(ephemeralSecret, recipientPublic), concatBytes([ephemeralPublic, recipientPublic]), INFO, 32)
  return { ephemeralPublic, nonce, ciphertext: chacha20poly1305(key, nonce, aad).encrypt(plaintext) }
}
function nobleOpen (recipientSecret: Uint8Array, box: SealedBox, aad: Uint8Array): Uint8Array {
  const key = hkdf(sha256, x25519.getSharedSecret(recipientSecret, box.ephemeralPublic), concatBytes([box.ephemeralPublic, x25519.getPublicKey(recipientSecret)]), INFO, 32)
  return chacha20poly1305(key, box.nonce, aad).decrypt(box.ciphertext)
}

// Points of small order on Curve25519 and non-canonical encodings of them (libsodium's list,
// plus two with the ignored top bit set):
// every one must be refused, as an agreement with them yields the all-zero secret.
const LOW_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0000000000000000000000000000000000000000000000000000000000000080',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880'
]

describe('job sealed boxes', () => {
  const secret = bytes(32)
  const pub = x25519.getPublicKey(secret)
  const jobId = bytes(16)
  const aad = jobInputAad(jobId, POLICY, CID_BYTES)

  it('derive the same X25519 public keys as @noble, from raw secrets and from KeyObjects', () => {
    for (let i = 0; i < 20; i++) {
      const s = bytes(32)
      assert.deepEqual(x25519PublicKey(s), x25519.getPublicKey(s))
    }
    const key = generateX25519Secret()
    const d = new Uint8Array(Buffer.from(key.export({ format: 'jwk' }).d as string, 'base64url'))
    assert.deepEqual(x25519PublicKey(key), x25519.getPublicKey(d))
  })

  it('round-trip, including the empty plaintext', () => {
    for (const plaintext of [new Uint8Array(), bytes(1), bytes(1000), bytes(70_000)]) {
      const { box } = sealToKey(pub, plaintext, aad)
      assert.equal(box.ciphertext.length, plaintext.length + 16)
      assert.equal(box.nonce.length, 12)
      assert.deepEqual(openSealedBox(secret, box, aad), plaintext)
    }
  })

  it('round-trip for any plaintext and aad (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), fc.uint8Array({ maxLength: 200 }), (plaintext, anyAad) => {
      assert.deepEqual(openSealedBox(secret, sealToKey(pub, plaintext, anyAad).box, anyAad), plaintext)
    }), { numRuns: 100 })
  })

  it('match the specified construction, written with @noble, in both directions', () => {
    const plaintext = bytes(300)
    const eph = bytes(32)
    const byNoble = nobleSeal(pub, plaintext, aad, eph, bytes(12))
    assert.deepEqual(openSealedBox(secret, byNoble, aad), plaintext)
    const { box } = sealToKey(pub, plaintext, aad, eph)
    assert.deepEqual(box.ephemeralPublic, x25519.getPublicKey(eph))
    assert.deepEqual(nobleOpen(secret, box, aad), plaintext)
    // same key and nonce: same ciphertext, byte for byte
    assert.deepEqual(box.ciphertext, nobleSeal(pub, plaintext, aad, eph, box.nonce).ciphertext)
  })

  it('use a fresh ephemeral key and nonce per box unless the caller gives the ephemeral secret', () => {
    const a = sealToKey(pub, bytes(8), aad)
    const b = sealToKey(pub, bytes(8), aad)
    assert.notDeepEqual(a.box.ephemeralPublic, b.box.ephemeralPublic)
    assert.notDeepEqual(a.box.nonce, b.box.nonce)
    const mine = generateX25519Secret()
    const c = sealToKey(pub, bytes(8), aad, mine)
    assert.equal(c.ephemeralSecret, mine)
    assert.deepEqual(c.box.ephemeralPublic, x25519PublicKey(mine))
    const d = sealToKey(pub, bytes(8), aad, mine)
    assert.notDeepEqual(c.box.nonce, d.box.nonce, 'the nonce is random even when the ephemeral key is reused')
  })

  it('any change to the ciphertext, nonce or ephemeral key: DECRYPT_FAILED', () => {
    const { box } = sealToKey(pub, bytes(8), aad)
    for (let i = 0; i < box.ciphertext.length; i++) throwsCrypto(() => openSealedBox(secret, { ...box, ciphertext: flip(box.ciphertext, i) }, aad), 'DECRYPT_FAILED', `ciphertext[${i}]`)
    for (let i = 0; i < box.nonce.length; i++) throwsCrypto(() => openSealedBox(secret, { ...box, nonce: flip(box.nonce, i) }, aad), 'DECRYPT_FAILED', `nonce[${i}]`)
    for (let i = 0; i < box.ephemeralPublic.length; i++) throwsCrypto(() => openSealedBox(secret, { ...box, ephemeralPublic: flip(box.ephemeralPublic, i) }, aad), 'DECRYPT_FAILED', `ephemeral[${i}]`)
    // X25519 ignores the top bit of a public key: the agreement is the same, but the HKDF salt binds the exact bytes
    throwsCrypto(() => openSealedBox(secret, { ...box, ephemeralPublic: flip(box.ephemeralPublic, 31, 0x80) }, aad), 'DECRYPT_FAILED', 'ephemeral high bit')
    throwsCrypto(() => openSealedBox(secret, { ...box, ciphertext: box.ciphertext.subarray(0, box.ciphertext.length - 1) }, aad), 'DECRYPT_FAILED', 'truncated')
    throwsCrypto(() => openSealedBox(secret, { ...box, ciphertext: concatBytes([box.ciphertext, Uint8Array.of(0)]) }, aad), 'DECRYPT_FAILED', 'extended')
    throwsCrypto(() => openSealedBox(secret, { ...box, ciphertext: box.ciphertext.subarray(0, 15) }, aad), 'DECRYPT_FAILED', 'shorter than a tag')
    throwsCrypto(() => openSealedBox(secret, { ...box, nonce: box.nonce.subarray(0, 11) }, aad), 'DECRYPT_FAILED', 'short nonce')
    throwsCrypto(() => openSealedBox(secret, { ...box, ephemeralPublic: box.ephemeralPublic.subarray(0, 31) }, aad), 'DECRYPT_FAILED', 'short ephemeral key')
    assert.deepEqual(openSealedBox(secret, box, aad).length, 8, 'the untouched box still opens')
  })

  it('another aad or another recipient: DECRYPT_FAILED', () => {
    const { box } = sealToKey(pub, bytes(8), aad)
    for (let i = 0; i < aad.length; i++) throwsCrypto(() => openSealedBox(secret, box, flip(aad, i)), 'DECRYPT_FAILED', `aad[${i}]`)
    throwsCrypto(() => openSealedBox(secret, box, aad.subarray(1)), 'DECRYPT_FAILED', 'shorter aad')
    throwsCrypto(() => openSealedBox(secret, box, jobInputAad(bytes(16), POLICY, CID_BYTES)), 'DECRYPT_FAILED', 'another job')
    throwsCrypto(() => openSealedBox(secret, box, jobInputAad(jobId, 'cd'.repeat(32), CID_BYTES)), 'DECRYPT_FAILED', 'another policy')
    throwsCrypto(() => openSealedBox(secret, box, jobInputAad(jobId, POLICY, workerCid(bytes(4)).bytes)), 'DECRYPT_FAILED', 'another worker')
    throwsCrypto(() => openSealedBox(bytes(32), box, aad), 'DECRYPT_FAILED', 'another recipient')
    throwsCrypto(() => openSealedBox(generateX25519Secret(), box, aad), 'DECRYPT_FAILED', 'another recipient (KeyObject)')
  })

  it('an input box never opens as an output, nor an output as an input', () => {
    const input = sealToKey(pub, bytes(10), jobInputAad(jobId, POLICY, CID_BYTES)).box
    throwsCrypto(() => openSealedBox(secret, input, jobOutputAad(jobId, POLICY, CID_BYTES)), 'DECRYPT_FAILED')
    const output = sealToKey(pub, bytes(10), jobOutputAad(jobId, POLICY, CID_BYTES)).box
    throwsCrypto(() => openSealedBox(secret, output, jobInputAad(jobId, POLICY, CID_BYTES)), 'DECRYPT_FAILED')
    assert.equal(openSealedBox(secret, output, jobOutputAad(jobId, POLICY, CID_BYTES)).length, 10)
  })

  it('aad is length-prefixed: fields cannot be shifted into one another', () => {
    const id = bytes(16)
    // plain concatenation of (id, "", cid) and (id[0..8], "", id[8..] || cid) would be equal
    assert.notDeepEqual(jobInputAad(id, '', CID_BYTES), jobInputAad(id.subarray(0, 8), '', concatBytes([id.subarray(8), CID_BYTES])))
    assert.notDeepEqual(jobInputAad(id, POLICY, CID_BYTES), jobOutputAad(id, POLICY, CID_BYTES))
    assert.deepEqual(jobInputAad(id, POLICY, CID_BYTES), jobInputAad(id.slice(), POLICY, CID_BYTES.slice()), 'deterministic')
  })

  it('the output, sealed by the runner to the input\'s ephemeral key, opens with the client\'s ephemeral secret only', () => {
    const { box: input, ephemeralSecret } = sealToKey(pub, bytes(8), aad)
    const outAad = jobOutputAad(jobId, POLICY, CID_BYTES)
    const { box: output } = sealToKey(input.ephemeralPublic, utf8('result'), outAad)
    assert.equal(new TextDecoder().decode(openSealedBox(ephemeralSecret, output, outAad)), 'result')
    throwsCrypto(() => openSealedBox(secret, output, outAad), 'DECRYPT_FAILED', 'the runner cannot open it')
    // a client that chose a raw ephemeral secret opens it the same way
    const raw32 = bytes(32)
    const sealed = sealToKey(pub, bytes(8), aad, raw32).box
    assert.deepEqual(openSealedBox(raw32, sealToKey(sealed.ephemeralPublic, utf8('x'), outAad).box, outAad), utf8('x'))
  })

  it('refuse low-order public keys, when sealing and when opening', () => {
    for (const h of LOW_ORDER) {
      throwsCrypto(() => sealToKey(hex(h), bytes(4), aad), 'DECRYPT_FAILED', `seal to ${h}`)
      const { box } = sealToKey(pub, bytes(4), aad)
      throwsCrypto(() => openSealedBox(secret, { ...box, ephemeralPublic: hex(h) }, aad), 'DECRYPT_FAILED', `open from ${h}`)
    }
    throwsCrypto(() => sealToKey(bytes(31), bytes(4), aad), 'DECRYPT_FAILED', 'short recipient key')
    throwsCrypto(() => sealToKey(bytes(33), bytes(4), aad), 'DECRYPT_FAILED', 'long recipient key')
  })

  it('a secret of the wrong size is a programming error (RangeError), not a crypto failure', () => {
    assert.throws(() => x25519PublicKey(bytes(31)), RangeError)
  })
})

describe('job receipts', () => {
  const signingSecret = bytes(32)
  const signingPublic = ed25519.getPublicKey(signingSecret)
  const fields: ReceiptFields = { jobId: bytes(16), policyId: POLICY, workerCid: CID_BYTES, inputHash: bytes(32), outputHash: bytes(32), status: 200 }
  const expected = { jobId: fields.jobId, policyId: fields.policyId, workerCid: fields.workerCid, inputHash: fields.inputHash, outputHash: fields.outputHash }

  it('sign and verify against the attested key and the expected fields', () => {
    const receipt = signReceipt(fields, signingSecret)
    assert.equal(receipt.signature.length, 64)
    assert.deepEqual({ ...receipt, signature: undefined }, { ...fields, signature: undefined })
    verifyReceipt(receipt, signingPublic, expected)
    verifyReceipt({ ...receipt, jobId: receipt.jobId.slice() }, signingPublic, { ...expected, jobId: expected.jobId.slice() })
  })

  it('sign only the receipt fields, never extra properties of the argument', () => {
    const receipt = signReceipt({ ...fields, extra: 'x' } as ReceiptFields, signingSecret)
    assert.deepEqual(Object.keys(receipt).sort(), ['inputHash', 'jobId', 'outputHash', 'policyId', 'signature', 'status', 'workerCid'])
  })

  it('are byte-compatible with @noble: node:crypto signs what @noble verifies, and the reverse', () => {
    const receipt = signReceipt(fields, signingSecret)
    const message = receiptSigningBytes(fields)
    assert.equal(ed25519.verify(receipt.signature, message, signingPublic), true)
    // Ed25519 is deterministic: both implementations give the same signature
    assert.deepEqual(ed25519.sign(message, signingSecret), receipt.signature)
    const byNoble: JobReceipt = { ...fields, status: 404, signature: ed25519.sign(receiptSigningBytes({ ...fields, status: 404 }), signingSecret) }
    verifyReceipt(byNoble, signingPublic, expected)
    throwsCrypto(() => { verifyReceipt({ ...byNoble, status: 200 }, signingPublic, expected) }, 'BAD_RECEIPT')
  })

  it('sign a domain-separated, length-prefixed encoding', () => {
    const message = receiptSigningBytes(fields)
    assert.deepEqual(message.subarray(0, 21), concatBytes([Uint8Array.of(20), utf8('escrin-job-receipt/1')]))
    // moving bytes from the job id to the worker CID changes the signed bytes
    const shifted = { ...fields, jobId: fields.jobId.subarray(0, 15), workerCid: concatBytes([fields.jobId.subarray(15), fields.workerCid]) }
    assert.notDeepEqual(receiptSigningBytes(shifted), message)
  })

  it('any field differing from what the client expects: BAD_RECEIPT', () => {
    const receipt = signReceipt(fields, signingSecret)
    throwsCrypto(() => { verifyReceipt(receipt, signingPublic, { ...expected, jobId: flip(fields.jobId, 0) }) }, 'BAD_RECEIPT', 'job id')
    throwsCrypto(() => { verifyReceipt(receipt, signingPublic, { ...expected, policyId: 'cd'.repeat(32) }) }, 'BAD_RECEIPT', 'policy')
    throwsCrypto(() => { verifyReceipt(receipt, signingPublic, { ...expected, workerCid: workerCid(bytes(3)).bytes }) }, 'BAD_RECEIPT', 'worker')
    throwsCrypto(() => { verifyReceipt(receipt, signingPublic, { ...expected, inputHash: flip(fields.inputHash, 31) }) }, 'BAD_RECEIPT', 'input hash')
    throwsCrypto(() => { verifyReceipt(receipt, signingPublic, { ...expected, outputHash: flip(fields.outputHash, 7) }) }, 'BAD_RECEIPT', 'output hash')
    throwsCrypto(() => { verifyReceipt(receipt, signingPublic, { ...expected, jobId: fields.jobId.subarray(0, 15) }) }, 'BAD_RECEIPT', 'short job id')
  })

  it('any field of the receipt changed after signing: BAD_RECEIPT (even when the client expects the change)', () => {
    const receipt = signReceipt(fields, signingSecret)
    const changes: Array<[string, Partial<JobReceipt>]> = [
      ['job id', { jobId: flip(fields.jobId, 3) }],
      ['policy', { policyId: 'cd'.repeat(32) }],
      ['worker', { workerCid: workerCid(bytes(3)).bytes }],
      ['input hash', { inputHash: flip(fields.inputHash, 0) }],
      ['output hash', { outputHash: flip(fields.outputHash, 0) }]
    ]
    for (const [what, change] of changes) {
      const forged = { ...receipt, ...change }
      throwsCrypto(() => { verifyReceipt(forged, signingPublic, forged) }, 'BAD_RECEIPT', what)
    }
    throwsCrypto(() => { verifyReceipt({ ...receipt, status: 500 }, signingPublic, expected) }, 'BAD_RECEIPT', 'status')
    throwsCrypto(() => { verifyReceipt({ ...receipt, status: -1 }, signingPublic, expected) }, 'BAD_RECEIPT', 'status out of range')
    for (const i of [0, 31, 32, 63]) throwsCrypto(() => { verifyReceipt({ ...receipt, signature: flip(receipt.signature, i) }, signingPublic, expected) }, 'BAD_RECEIPT', `signature[${i}]`)
    throwsCrypto(() => { verifyReceipt({ ...receipt, signature: receipt.signature.subarray(0, 63) }, signingPublic, expected) }, 'BAD_RECEIPT', 'short signature')
  })

  it('another key: BAD_RECEIPT', () => {
    const receipt = signReceipt(fields, signingSecret)
    throwsCrypto(() => { verifyReceipt(receipt, ed25519.getPublicKey(bytes(32)), expected) }, 'BAD_RECEIPT', 'another key')
    throwsCrypto(() => { verifyReceipt(signReceipt(fields, bytes(32)), signingPublic, expected) }, 'BAD_RECEIPT', 'signed by another key')
    throwsCrypto(() => { verifyReceipt(receipt, signingPublic.subarray(0, 31), expected) }, 'BAD_RECEIPT', 'malformed key')
    throwsCrypto(() => { verifyReceipt(receipt, new Uint8Array(32), expected) }, 'BAD_RECEIPT', 'zero key')
  })

  it('refuse to sign a status that is not a uint32', () => {
    for (const status of [-1, 2 ** 32, 1.5, Number.NaN]) assert.throws(() => signReceipt({ ...fields, status }, signingSecret), RangeError, String(status))
  })
})

describe('worker CIDs', () => {
  it('are CIDv1, raw, sha256 and stable for known code', () => {
    const cid = workerCid(CODE)
    assert.equal(cid.toString(), 'bafkreie25ogvtnguqpfgfghjuripx4357uvuyy4zae22whiebv3dcqeh5q')
    assert.equal(cid.version, 1)
    assert.equal(cid.code, raw.code)
    assert.equal(cid.multihash.code, mfSha256.code)
    assert.deepEqual(cid.multihash.digest, new Uint8Array(createHash('sha256').update(CODE).digest()))
    assert.equal(workerCid(new Uint8Array()).toString(), 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku')
  })

  it('equal what multiformats computes itself (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), async code => {
      assert.ok(workerCid(code).equals(CID.create(1, raw.code, await mfSha256.digest(code))))
    }), { numRuns: 50 })
  })

  it('checkCodeMatchesCid accepts the code and rejects anything else', async () => {
    assert.equal(checkCodeMatchesCid(CODE, CID_BYTES), true)
    assert.equal(checkCodeMatchesCid(utf8('export default {} '), CID_BYTES), false, 'other code')
    assert.equal(checkCodeMatchesCid(new Uint8Array(), CID_BYTES), false, 'empty code')
    assert.equal(checkCodeMatchesCid(CODE, Uint8Array.of(1, 2, 3)), false, 'not a CID')
    assert.equal(checkCodeMatchesCid(CODE, new Uint8Array()), false, 'no CID')
    assert.equal(checkCodeMatchesCid(CODE, concatBytes([CID_BYTES, Uint8Array.of(0)])), false, 'trailing byte')
    assert.equal(checkCodeMatchesCid(CODE, flip(CID_BYTES, CID_BYTES.length - 1)), false, 'digest changed')
    // the same sha256 digest under another version or codec is not a worker CID
    const digest = await mfSha256.digest(CODE)
    assert.equal(checkCodeMatchesCid(CODE, CID.createV0(digest).bytes), false, 'CIDv0')
    assert.equal(checkCodeMatchesCid(CODE, CID.createV1(0x70, digest).bytes), false, 'dag-pb')
    assert.equal(checkCodeMatchesCid(CODE, CID.createV1(raw.code, await mfSha512.digest(CODE)).bytes), false, 'sha512')
    assert.equal(checkCodeMatchesCid(CODE, CID.createV1(raw.code, identity.digest(CODE)).bytes), false, 'identity hash')
  })

  it('parseWorkerCid accepts worker CIDs only', async () => {
    assert.equal(parseWorkerCid(CID_BYTES)?.toString(), workerCid(CODE).toString())
    assert.equal(parseWorkerCid(CID.createV0(await mfSha256.digest(CODE)).bytes), undefined)
    assert.equal(parseWorkerCid(bytes(36)), undefined)
  })
})
