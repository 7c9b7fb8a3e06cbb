import assert from 'node:assert/strict'
import { Buffer } from 'node:buffer'
import { createHash, generateKeyPairSync, sign, X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { decode, encode } from 'cborg'
import fc from 'fast-check'
import {
  AWS_NITRO_ROOT_SHA256,
  awsNitroRootCertificate,
  MAX_DOCUMENT_BYTES,
  MAX_FUTURE_SKEW_MS,
  NitroVerificationError,
  verifyNitroAttestation
} from '../../protocol/attestation/nitro/index.js'
import type { NitroErrorCode, NitroFacts, NitroVerifyOptions } from '../../protocol/attestation/nitro/index.js'
import { forgetVerifiedLinks } from '../../protocol/attestation/nitro/x509-chain.js'
import type { KeyObject } from 'node:crypto'
import { certificate, KU_CRL_SIGN, KU_DIGITAL_SIGNATURE, KU_KEY_CERT_SIGN, signNitroDocument, type CertSpec } from '../helpers/nitro-pki.js'

// Real AWS data, kept beside the repository (see shared/vectors/README.md);
// from dist/test/unit/ four levels up is the directory that holds both.
function vector (name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../../shared/vectors/nitro/${name}`, import.meta.url)))
}

const SAMPLE = vector('att_doc_sample.bin')
const ROOT_FILE = vector('aws_nitro_root.der')
/** the README's verification time, given in seconds */
const SAMPLE_NOW = 1703101376 * 1000
/** the document's own timestamp, 33.281 s before SAMPLE_NOW */
const SAMPLE_TIMESTAMP = 1703101342719
/** the leaf certificate's validity, 2023-12-20 19:42:19 to 22:42:22 UTC */
const LEAF_NOT_BEFORE = Date.UTC(2023, 11, 20, 19, 42, 19)
const LEAF_NOT_AFTER = Date.UTC(2023, 11, 20, 22, 42, 22)
const PCR4 = '3715b03963cff48fbf7ba3eb3eebf527033d1009224b8988f17d66aab0cdc94c9215921d50b3c000969e070d8fffb6df'
const USER_DATA = 'd50decc78c72f38badf2f053e54bf0b79d1e9975d4f205b06b18b984b5b9204b'
const NONCE = '856493693d787d7134e61cdb374ed3ccaeef709f542adda0e59aeefc09206309'
const ZERO_PCR = '00'.repeat(48)
const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

const ALL_CODES: NitroErrorCode[] = [
  'MALFORMED', 'UNSUPPORTED_ALGORITHM', 'BAD_SIGNATURE', 'CHAIN_INVALID', 'UNTRUSTED_ROOT', 'CERT_NOT_YET_VALID',
  'CERT_EXPIRED', 'TOO_OLD', 'FROM_FUTURE', 'BINDING_MISMATCH', 'PCR_MISMATCH'
]

/** Runs the verifier and returns the error, failing unless it is a NitroVerificationError. */
function failure (document: unknown, options: NitroVerifyOptions): NitroVerificationError {
  try {
    verifyNitroAttestation(document as Uint8Array, options)
  } catch (err) {
    if (!(err instanceof NitroVerificationError)) {
      assert.fail(`expected NitroVerificationError, got ${String(err)}`)
    }
    assert.equal(err.name, 'NitroVerificationError')
    assert.ok(ALL_CODES.includes(err.code), `unknown code ${err.code}`)
    return err
  }
  assert.fail('the document was accepted')
}

/** Asserts the verifier refuses with exactly `code`, and, if given, a message matching `message`. */
function rejects (document: unknown, options: NitroVerifyOptions, code: NitroErrorCode, message?: RegExp): void {
  const err = failure(document, options)
  assert.equal(err.code, code, `expected ${code}, got ${err.code}: ${err.message}`)
  if (message != null) {
    assert.match(err.message, message)
  }
}

function hex (bytes: Uint8Array | undefined): string | undefined {
  return bytes == null ? undefined : Buffer.from(bytes).toString('hex')
}

function sha256 (bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A copy of `bytes` with the byte at `index` xor-ed with `mask`. */
function flip (bytes: Uint8Array, index: number, mask = 0x01): Uint8Array {
  const copy = bytes.slice()
  copy[index] ^= mask
  return copy
}

/** Offset of `needle` in `haystack`, which must contain it. */
function offsetOf (haystack: Uint8Array, needle: Uint8Array): number {
  const at = Buffer.from(haystack).indexOf(Buffer.from(needle))
  assert.ok(at >= 0, 'needle not found')
  return at
}


/** The synthetic verification time, and a key set made once. */
const NOW = Date.UTC(2030, 0, 1)
const keys = {
  root: generateKeyPairSync('ec', { namedCurve: 'secp384r1' }),
  intermediate: generateKeyPairSync('ec', { namedCurve: 'secp384r1' }),
  leaf: generateKeyPairSync('ec', { namedCurve: 'secp384r1' }),
  other: generateKeyPairSync('ec', { namedCurve: 'secp384r1' }),
  p256: generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
}
const VALID = { notBefore: NOW - DAY, notAfter: NOW + DAY }

const ROOT = certificate({
  subject: 'Test Root', issuer: 'Test Root', publicKey: keys.root.publicKey, signingKey: keys.root.privateKey,
  ...VALID, ca: true, keyUsage: KU_KEY_CERT_SIGN | KU_CRL_SIGN
})
const INTERMEDIATE_SPEC: CertSpec = {
  subject: 'Test Intermediate', issuer: 'Test Root', publicKey: keys.intermediate.publicKey, signingKey: keys.root.privateKey,
  ...VALID, ca: true, pathLength: 0, keyUsage: KU_KEY_CERT_SIGN
}
const LEAF_SPEC: CertSpec = {
  subject: 'Test Leaf', issuer: 'Test Intermediate', publicKey: keys.leaf.publicKey, signingKey: keys.intermediate.privateKey,
  ...VALID, ca: false, keyUsage: KU_DIGITAL_SIGNATURE
}
const INTERMEDIATE = certificate(INTERMEDIATE_SPEC)
const LEAF = certificate(LEAF_SPEC)
const ENCLAVE_KEY = Uint8Array.from({ length: 32 }, (_, i) => i + 1)

/** Payload fields of a valid synthetic document; `undefined` in `changes` removes a field. */
function payloadFields (changes: Record<string, unknown> = {}): Map<string, unknown> {
  const fields = new Map<string, unknown>([
    ['module_id', 'i-0123456789abcdef0-enc0123456789abcdef'],
    ['digest', 'SHA384'],
    ['timestamp', NOW - 1000],
    ['pcrs', new Map([0, 1, 2, 3, 4].map(i => [i, new Uint8Array(48).fill(i)]))],
    ['certificate', LEAF],
    ['cabundle', [ROOT, INTERMEDIATE]],
    ['public_key', ENCLAVE_KEY],
    ['user_data', null],
    ['nonce', null]
  ])
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) fields.delete(key)
    else fields.set(key, value)
  }
  return fields
}

interface SignOptions {
  signingKey?: KeyObject
  protectedHeader?: Uint8Array
  signature?: Uint8Array
}

/** A COSE_Sign1 over `payload`, signed ES384 by the synthetic leaf key unless told otherwise. */
function signDocument (payload: Uint8Array | Map<string, unknown>, options: SignOptions = {}): Uint8Array {
  const payloadBytes = payload instanceof Uint8Array ? payload : encode(payload)
  const protectedHeader = options.protectedHeader ?? encode(new Map([[1, -35]]))
  if (options.signature != null) return encode([protectedHeader, new Map(), payloadBytes, options.signature])
  return signNitroDocument(payloadBytes, options.signingKey ?? keys.leaf.privateKey, protectedHeader)
}

const synthetic = (changes?: Record<string, unknown>): Uint8Array => signDocument(payloadFields(changes))
const atNow: NitroVerifyOptions = { now: NOW, rootCertificate: ROOT }

describe('nitro attestation verifier', () => {
  describe('pinned root', () => {
    it('is the AWS Nitro root, fingerprint 641a0321…bb5b', () => {
      assert.equal(sha256(awsNitroRootCertificate()), '641a0321a3e244efe456463195d606317ed7cdcc3c1756e09893f3c68f79bb5b')
      assert.equal(AWS_NITRO_ROOT_SHA256, '641a0321a3e244efe456463195d606317ed7cdcc3c1756e09893f3c68f79bb5b')
      assert.deepEqual(awsNitroRootCertificate(), ROOT_FILE)
    })

    it('hands out copies, so a caller cannot change what is trusted', () => {
      awsNitroRootCertificate().fill(0)
      assert.equal(sha256(awsNitroRootCertificate()), AWS_NITRO_ROOT_SHA256)
      assert.equal(verifyNitroAttestation(SAMPLE, { now: SAMPLE_NOW }).kind, 'nitro')
    })
  })

  describe('the real AWS sample', () => {
    let facts: NitroFacts

    before(() => {
      facts = verifyNitroAttestation(SAMPLE, { now: SAMPLE_NOW })
    })

    it('is accepted at unix time 1703101376 with the facts it carries', () => {
      assert.equal(facts.kind, 'nitro')
      assert.equal(facts.moduleId, 'i-04e250099155f9e9f-enc018c88bffa961e5d')
      assert.equal(facts.digest, 'SHA384')
      assert.equal(facts.timestamp, SAMPLE_TIMESTAMP)
    })

    it('reports every PCR: 0-15, PCR4 set, the rest zero, PCR0 as the measurement', () => {
      assert.deepEqual(Object.keys(facts.pcrs).map(Number), Array.from({ length: 16 }, (_, i) => i))
      assert.equal(facts.pcrs[4], PCR4)
      for (const i of [0, 1, 2, 3, 5, 15]) {
        assert.equal(facts.pcrs[i], ZERO_PCR, `PCR${i}`)
      }
      assert.equal(facts.measurement, ZERO_PCR)
    })

    it('reports 32-byte user_data and nonce, and no public_key (the document holds an empty one)', () => {
      assert.equal(hex(facts.userData), USER_DATA)
      assert.equal(hex(facts.nonce), NONCE)
      assert.equal(facts.publicKey, undefined)
      assert.equal('publicKey' in facts, false)
    })

    it('reports certificate fingerprints from leaf to root', () => {
      assert.equal(facts.certificateFingerprints.length, 5)
      assert.equal(facts.certificateFingerprints[4], AWS_NITRO_ROOT_SHA256)
      assert.equal(facts.certificateFingerprints[0], '36bab1b104aec83afa9534e6e4a2095c9d7ad70b181f75ced15ce341e06f6d1e')
      assert.equal(new Set(facts.certificateFingerprints).size, 5)
    })

    it('returns byte fields the caller may modify freely', () => {
      facts.userData?.fill(0)
      const again = verifyNitroAttestation(SAMPLE, { now: SAMPLE_NOW })
      assert.equal(hex(again.userData), USER_DATA)
      facts = again
    })

    it('returns copies, plain Uint8Arrays, when given a Buffer (whose slice() is a view)', () => {
      const buffer = Buffer.from(SAMPLE)
      const fromBuffer = verifyNitroAttestation(buffer, { now: SAMPLE_NOW })
      assert.equal(Object.getPrototypeOf(fromBuffer.userData), Uint8Array.prototype)
      fromBuffer.userData?.fill(0)
      fromBuffer.nonce?.fill(0)
      assert.equal(Buffer.compare(buffer, SAMPLE), 0)
    })

    it('is accepted behind COSE tag 18, with the root given explicitly, and with matching expectations', () => {
      assert.equal(verifyNitroAttestation(Uint8Array.of(0xd2, ...SAMPLE), { now: SAMPLE_NOW }).timestamp, SAMPLE_TIMESTAMP)
      const matched = verifyNitroAttestation(SAMPLE, {
        now: SAMPLE_NOW,
        rootCertificate: ROOT_FILE,
        maxAgeMs: HOUR,
        expectedPcrs: { 0: ZERO_PCR, 4: PCR4.toUpperCase() },
        expectedBinding: Buffer.from(USER_DATA, 'hex')
      })
      assert.equal(matched.pcrs[4], PCR4)
    })

    it('is accepted at the edges of the leaf validity and rejected one millisecond outside', () => {
      const wide = { maxAgeMs: DAY }
      verifyNitroAttestation(SAMPLE, { now: LEAF_NOT_BEFORE, ...wide })
      verifyNitroAttestation(SAMPLE, { now: LEAF_NOT_AFTER, ...wide })
      rejects(SAMPLE, { now: LEAF_NOT_BEFORE - 1, ...wide }, 'CERT_NOT_YET_VALID', /leaf certificate/)
      rejects(SAMPLE, { now: LEAF_NOT_AFTER + 1, ...wide }, 'CERT_EXPIRED', /leaf certificate/)
    })

    it('is accepted when exactly maxAgeMs old and TOO_OLD a millisecond later', () => {
      const age = SAMPLE_NOW - SAMPLE_TIMESTAMP
      verifyNitroAttestation(SAMPLE, { now: SAMPLE_NOW, maxAgeMs: age })
      rejects(SAMPLE, { now: SAMPLE_NOW, maxAgeMs: age - 1 }, 'TOO_OLD')
    })
  })

  describe('rejects the real sample with the specific reason', () => {
    const options = { now: SAMPLE_NOW }
    const signatureStart = SAMPLE.length - 96

    it('BAD_SIGNATURE when a byte of the signature changes', () => {
      for (const index of [signatureStart, signatureStart + 47, signatureStart + 48, SAMPLE.length - 1]) {
        rejects(flip(SAMPLE, index), options, 'BAD_SIGNATURE')
      }
    })

    it('BAD_SIGNATURE when a signed byte changes: PCR4, PCR0, user_data, nonce, module_id, timestamp', () => {
      const pcr4 = offsetOf(SAMPLE, Buffer.from(PCR4, 'hex'))
      const pcr0 = offsetOf(SAMPLE, Buffer.concat([Buffer.of(0x00, 0x58, 0x30), Buffer.alloc(48)])) + 3
      const timestamp = offsetOf(SAMPLE, Buffer.from('timestamp')) + 'timestamp'.length
      const positions = [
        pcr4, pcr4 + 47, pcr0, pcr0 + 20,
        offsetOf(SAMPLE, Buffer.from(USER_DATA, 'hex')) + 5,
        offsetOf(SAMPLE, Buffer.from(NONCE, 'hex')) + 31,
        offsetOf(SAMPLE, Buffer.from('i-04e25')) + 3,
        timestamp + 8 // the low byte of the uint64 after its 0x1b header
      ]
      for (const index of positions) {
        rejects(flip(SAMPLE, index), options, 'BAD_SIGNATURE')
      }
    })

    it('BAD_SIGNATURE when a byte inside a CA certificate of the bundle changes', () => {
      // the signature covers the bundle, so this never gets as far as the chain
      const index = offsetOf(SAMPLE, ROOT_FILE) + 200
      rejects(flip(SAMPLE, index), options, 'BAD_SIGNATURE')
    })

    it('UNSUPPORTED_ALGORITHM when the protected header names another algorithm', () => {
      // 84 44 a1 01 38 22: array(4), bstr(4), map(1), 1: -35; -35 becomes -39
      assert.equal(SAMPLE[5], 0x22)
      rejects(flip(SAMPLE, 5, 0x04), options, 'UNSUPPORTED_ALGORITHM', /ES384/)
    })

    it('MALFORMED when a byte of the CBOR structure changes', () => {
      rejects(flip(SAMPLE, 0), options, 'MALFORMED', /CBOR/) // array(4) -> array(5)
      const [protectedHeader, unprotected, payload] = decode(SAMPLE, { useMaps: true }) as unknown[]
      rejects(encode([protectedHeader, unprotected, payload]), options, 'MALFORMED', /array of 4/)
      rejects(flip(SAMPLE, 1), options, 'MALFORMED') // protected header length
      rejects(flip(SAMPLE, 6), options, 'MALFORMED') // unprotected map(0) -> map(1)
      const digest = offsetOf(SAMPLE, Buffer.from('SHA384'))
      rejects(flip(SAMPLE, digest - 1, 0x20), options, 'MALFORMED', /digest/) // text -> byte string
    })

    it('never accepts a flipped byte anywhere, and names it a forgery', function () {
      this.timeout(120_000)
      const forgery: NitroErrorCode[] = ['MALFORMED', 'BAD_SIGNATURE', 'UNSUPPORTED_ALGORITHM']
      for (let index = 0; index < SAMPLE.length; index++) {
        const err = failure(flip(SAMPLE, index), options)
        assert.ok(forgery.includes(err.code), `byte ${index}: ${err.code} ${err.message}`)
      }
    })

    it('UNTRUSTED_ROOT when another root is trusted', () => {
      const leaf = readCertificateFromSample()
      assert.equal(new X509Certificate(leaf).subject.includes('enc018c88bffa961e5d'), true)
      rejects(SAMPLE, { ...options, rootCertificate: leaf }, 'UNTRUSTED_ROOT')
      rejects(SAMPLE, { ...options, rootCertificate: ROOT }, 'UNTRUSTED_ROOT')
      rejects(SAMPLE, { ...options, rootCertificate: new Uint8Array(0) }, 'UNTRUSTED_ROOT')
    })

    it('CERT_EXPIRED a year later', () => {
      rejects(SAMPLE, { now: SAMPLE_NOW + 365 * DAY }, 'CERT_EXPIRED')
    })

    it('CERT_NOT_YET_VALID before the certificates were issued', () => {
      rejects(SAMPLE, { now: SAMPLE_NOW - 4 * HOUR }, 'CERT_NOT_YET_VALID')
      rejects(SAMPLE, { now: Date.UTC(2019, 0, 1) }, 'CERT_NOT_YET_VALID', /cabundle\[0\]/)
    })

    it('TOO_OLD when maxAgeMs is less than the document age', () => {
      rejects(SAMPLE, { now: SAMPLE_NOW, maxAgeMs: 10_000 }, 'TOO_OLD')
      rejects(SAMPLE, { now: SAMPLE_NOW, maxAgeMs: 0 }, 'TOO_OLD')
      // the default is one hour: the leaf is still valid two hours later
      rejects(SAMPLE, { now: SAMPLE_TIMESTAMP + 2 * HOUR }, 'TOO_OLD')
    })

    it('BINDING_MISMATCH when neither public_key nor user_data is the expected binding', () => {
      rejects(SAMPLE, { ...options, expectedBinding: Buffer.from(NONCE, 'hex') }, 'BINDING_MISMATCH')
      rejects(SAMPLE, { ...options, expectedBinding: flip(Buffer.from(USER_DATA, 'hex'), 31) }, 'BINDING_MISMATCH')
      rejects(SAMPLE, { ...options, expectedBinding: new Uint8Array(0) }, 'BINDING_MISMATCH')
    })

    it('PCR_MISMATCH when a PCR differs or is absent', () => {
      rejects(SAMPLE, { ...options, expectedPcrs: { 4: ZERO_PCR } }, 'PCR_MISMATCH', /PCR4/)
      rejects(SAMPLE, { ...options, expectedPcrs: { 0: ZERO_PCR, 1: PCR4 } }, 'PCR_MISMATCH', /PCR1/)
      rejects(SAMPLE, { ...options, expectedPcrs: { 16: ZERO_PCR } }, 'PCR_MISMATCH', /absent/)
      rejects(SAMPLE, { ...options, expectedPcrs: { 0: ZERO_PCR.slice(2) } }, 'PCR_MISMATCH')
    })
  })

  describe('rejects bytes that are not a document', () => {
    const options = { now: SAMPLE_NOW }

    it('MALFORMED for empty input', () => {
      rejects(new Uint8Array(0), options, 'MALFORMED', /empty/)
    })

    it('MALFORMED for every truncation of the sample', () => {
      for (let length = 1; length < SAMPLE.length; length++) {
        rejects(SAMPLE.subarray(0, length), options, 'MALFORMED')
      }
    })

    it('MALFORMED for trailing bytes after the sample', () => {
      rejects(Uint8Array.of(...SAMPLE, 0x00), options, 'MALFORMED', /CBOR/)
    })

    it('MALFORMED beyond 16 KiB, before decoding', () => {
      rejects(new Uint8Array(MAX_DOCUMENT_BYTES + 1), options, 'MALFORMED', /16384/)
    })

    it('MALFORMED for deep nesting instead of a stack overflow', () => {
      rejects(new Uint8Array(MAX_DOCUMENT_BYTES).fill(0x81), options, 'MALFORMED', /nesting/)
    })

    it('MALFORMED for values that are not bytes at all', () => {
      for (const value of [undefined, null, 'abc', 42, [1, 2], {}]) {
        rejects(value, options, 'MALFORMED')
      }
    })

    it('MALFORMED for random garbage', () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 20_000 }), bytes => {
        assert.equal(failure(bytes, options).code, 'MALFORMED')
      }), { numRuns: 300, seed: 42 })
    })

    it('only NitroVerificationError for arbitrary CBOR, COSE-shaped or not', () => {
      const value = fc.oneof(fc.anything(), fc.uint8Array({ maxLength: 64 }), fc.constant(new Map()))
      fc.assert(fc.property(fc.oneof(value, fc.tuple(value, value, value, value)), shape => {
        let bytes: Uint8Array
        try {
          bytes = encode(shape)
        } catch {
          return // something cborg cannot encode is no test of the decoder
        }
        failure(bytes, options)
      }), { numRuns: 500, seed: 7 })
    })

    it('only NitroVerificationError for signed documents with arbitrary fields', () => {
      const field = fc.oneof(fc.anything(), fc.uint8Array({ maxLength: 1100 }), fc.string(), fc.nat(), fc.constant(null))
      const names = ['module_id', 'digest', 'timestamp', 'pcrs', 'certificate', 'cabundle', 'public_key', 'user_data', 'nonce']
      fc.assert(fc.property(fc.dictionary(fc.constantFrom(...names), field), changes => {
        let document: Uint8Array
        try {
          document = synthetic(changes)
        } catch {
          return
        }
        // some changes leave a valid document (an empty set of changes, say)
        try {
          verifyNitroAttestation(document, atNow)
        } catch (err) {
          assert.ok(err instanceof NitroVerificationError, `not a NitroVerificationError: ${String(err)}`)
        }
      }), { numRuns: 300, seed: 11 })
    })

    it('MALFORMED, not a crash, for invalid options', () => {
      rejects(SAMPLE, { now: Number.NaN }, 'MALFORMED', /now/)
      rejects(SAMPLE, undefined as unknown as NitroVerifyOptions, 'MALFORMED', /options/)
      rejects(SAMPLE, { now: SAMPLE_NOW, maxAgeMs: -1 }, 'MALFORMED', /maxAgeMs/)
    })
  })

  describe('a synthetic PKI (what the real sample cannot reach)', () => {
    it('accepts a well-formed chain and reports its public_key', () => {
      const facts = verifyNitroAttestation(synthetic(), { ...atNow, expectedBinding: ENCLAVE_KEY })
      assert.equal(hex(facts.publicKey), hex(ENCLAVE_KEY))
      assert.equal(facts.userData, undefined)
      assert.equal(facts.nonce, undefined)
      assert.deepEqual(facts.certificateFingerprints, [LEAF, INTERMEDIATE, ROOT].map(sha256))
      // and the pinned AWS root does not trust it
      rejects(synthetic(), { now: NOW }, 'UNTRUSTED_ROOT')
    })

    it('FROM_FUTURE beyond the allowed clock skew, accepted within it', () => {
      verifyNitroAttestation(synthetic({ timestamp: NOW + MAX_FUTURE_SKEW_MS }), atNow)
      rejects(synthetic({ timestamp: NOW + MAX_FUTURE_SKEW_MS + 1 }), atNow, 'FROM_FUTURE')
    })

    it('BAD_SIGNATURE when signed by a key other than the leaf', () => {
      rejects(signDocument(payloadFields(), { signingKey: keys.other.privateKey }), atNow, 'BAD_SIGNATURE')
    })

    it('CHAIN_INVALID when a certificate carries another key\'s signature', () => {
      const forged = certificate({ ...LEAF_SPEC, signingKey: keys.other.privateKey })
      rejects(synthetic({ certificate: forged }), atNow, 'CHAIN_INVALID', /not signed by/)
    })

    it('remembers verified chain links for those exact certificates only', () => {
      forgetVerifiedLinks()
      assert.equal(verifyNitroAttestation(synthetic(), atNow).kind, 'nitro') // root→intermediate→leaf remembered
      // the same names and key, signed by another: a link never checked, and refused
      const forged = certificate({ ...INTERMEDIATE_SPEC, signingKey: keys.other.privateKey })
      rejects(synthetic({ cabundle: [ROOT, forged] }), atNow, 'CHAIN_INVALID', /cabundle\[1\] is not signed by cabundle\[0\]/)
      // remembered links skip only the signature: validity is checked on every call
      rejects(synthetic(), { ...atNow, now: NOW + 2 * DAY }, 'CERT_EXPIRED')
      forgetVerifiedLinks()
      assert.equal(verifyNitroAttestation(synthetic(), atNow).kind, 'nitro')
    })

    it('CHAIN_INVALID when a certificate names another issuer', () => {
      const stray = certificate({ ...LEAF_SPEC, issuer: 'Someone Else' })
      rejects(synthetic({ certificate: stray }), atNow, 'CHAIN_INVALID', /not issued by/)
    })

    it('CHAIN_INVALID when the issuer is not a CA', () => {
      const plain = certificate({ ...INTERMEDIATE_SPEC, ca: false })
      rejects(synthetic({ cabundle: [ROOT, plain] }), atNow, 'CHAIN_INVALID', /not a CA/)
      const bare = certificate({ ...INTERMEDIATE_SPEC, ca: undefined })
      rejects(synthetic({ cabundle: [ROOT, bare] }), atNow, 'CHAIN_INVALID', /not a CA/)
    })

    it('CHAIN_INVALID when the issuer may not sign certificates', () => {
      const signOnly = certificate({ ...INTERMEDIATE_SPEC, keyUsage: KU_DIGITAL_SIGNATURE })
      rejects(synthetic({ cabundle: [ROOT, signOnly] }), atNow, 'CHAIN_INVALID', /may not sign certificates/)
    })

    it('CHAIN_INVALID when the chain is longer than a path length allows', () => {
      // a second intermediate below one with pathLen 0
      const deeper = certificate({
        subject: 'Test Sub', issuer: 'Test Intermediate', publicKey: keys.other.publicKey, signingKey: keys.intermediate.privateKey,
        ...VALID, ca: true, keyUsage: KU_KEY_CERT_SIGN
      })
      const leaf = certificate({ ...LEAF_SPEC, issuer: 'Test Sub', signingKey: keys.other.privateKey })
      rejects(synthetic({ cabundle: [ROOT, INTERMEDIATE, deeper], certificate: leaf }), atNow, 'CHAIN_INVALID', /allows 0/)
      // the same chain passes once the intermediate allows one more level
      const roomy = certificate({ ...INTERMEDIATE_SPEC, pathLength: 1 })
      verifyNitroAttestation(synthetic({ cabundle: [ROOT, roomy, deeper], certificate: leaf }), atNow)
    })

    it('CHAIN_INVALID when the leaf may not make digital signatures', () => {
      const leaf = certificate({ ...LEAF_SPEC, keyUsage: KU_KEY_CERT_SIGN })
      rejects(synthetic({ certificate: leaf }), atNow, 'CHAIN_INVALID', /digital signatures/)
    })

    it('CERT_EXPIRED / CERT_NOT_YET_VALID for an intermediate alone', () => {
      const expired = certificate({ ...INTERMEDIATE_SPEC, notAfter: NOW - 1000 })
      rejects(synthetic({ cabundle: [ROOT, expired] }), atNow, 'CERT_EXPIRED', /cabundle\[1\]/)
      const early = certificate({ ...INTERMEDIATE_SPEC, notBefore: NOW + 1000 })
      rejects(synthetic({ cabundle: [ROOT, early] }), atNow, 'CERT_NOT_YET_VALID', /cabundle\[1\]/)
    })

    it('UNSUPPORTED_ALGORITHM for a leaf key that is not P-384', () => {
      const leaf = certificate({ ...LEAF_SPEC, publicKey: keys.p256.publicKey })
      rejects(signDocument(payloadFields({ certificate: leaf }), { signature: new Uint8Array(96) }), atNow, 'UNSUPPORTED_ALGORITHM', /P-384/)
    })

    it('UNSUPPORTED_ALGORITHM for alg ES256 and for a digest other than SHA384', () => {
      rejects(signDocument(payloadFields(), { protectedHeader: encode(new Map([[1, -7]])) }), atNow, 'UNSUPPORTED_ALGORITHM', /ES384/)
      rejects(signDocument(payloadFields(), { protectedHeader: encode(new Map([[1, 'ES384']])) }), atNow, 'UNSUPPORTED_ALGORITHM')
      rejects(synthetic({ digest: 'SHA256' }), atNow, 'UNSUPPORTED_ALGORITHM', /digest/)
    })

    it('MALFORMED for a protected header without alg or with critical parameters', () => {
      rejects(signDocument(payloadFields(), { protectedHeader: new Uint8Array(0) }), atNow, 'MALFORMED', /no alg/)
      rejects(signDocument(payloadFields(), { protectedHeader: encode(new Map([[4, Uint8Array.of(1)]])) }), atNow, 'MALFORMED', /no alg/)
      const crit = encode(new Map<number, unknown>([[1, -35], [2, [1]]]))
      rejects(signDocument(payloadFields(), { protectedHeader: crit }), atNow, 'MALFORMED', /critical/)
      rejects(signDocument(payloadFields(), { protectedHeader: encode([1, -35]) }), atNow, 'MALFORMED', /map/)
    })

    it('MALFORMED for a signature that is not 96 bytes', () => {
      rejects(signDocument(payloadFields(), { signature: new Uint8Array(95) }), atNow, 'MALFORMED', /96 bytes/)
      const signed = signDocument(payloadFields(), { signingKey: keys.leaf.privateKey })
      const der = new Uint8Array(sign('sha384', signed, keys.leaf.privateKey)) // DER, not IEEE P1363
      rejects(signDocument(payloadFields(), { signature: der }), atNow, 'MALFORMED', /96 bytes/)
    })

    it('MALFORMED for a payload that is not a map or has non-text keys', () => {
      rejects(signDocument(encode([1, 2, 3])), atNow, 'MALFORMED', /must be a map/)
      const numeric = payloadFields() as Map<unknown, unknown>
      numeric.set(7, 'x')
      rejects(signDocument(encode(numeric)), atNow, 'MALFORMED', /text strings/)
    })

    it('MALFORMED for a repeated payload key', () => {
      const payload = encode(payloadFields())
      assert.equal(payload[0], 0xa9) // map(9)
      const repeated = Uint8Array.of(0xaa, ...payload.subarray(1), ...encode('digest'), ...encode('SHA384'))
      rejects(signDocument(repeated), atNow, 'MALFORMED', /repeat map key/)
    })

    it('MALFORMED for floats, tags and big integers in the payload', () => {
      rejects(synthetic({ timestamp: NOW - 0.5 }), atNow, 'MALFORMED', /floating-point/)
      const tagged = Uint8Array.of(0xa1, ...encode('timestamp'), 0xc1, ...encode(NOW))
      rejects(signDocument(tagged), atNow, 'MALFORMED', /tag/)
      rejects(synthetic({ timestamp: 2n ** 60n }), atNow, 'MALFORMED', /safe integer/)
    })

    it('ignores unknown payload fields, which are signed anyway', () => {
      verifyNitroAttestation(synthetic({ future_field: 'x' }), atNow)
    })

    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['missing module_id', { module_id: undefined }, /module_id is missing/],
      ['empty module_id', { module_id: '' }, /module_id must be 1\.\.256/],
      ['over-long module_id', { module_id: 'x'.repeat(257) }, /module_id/],
      ['module_id as bytes', { module_id: Uint8Array.of(1) }, /module_id must be a text string/],
      ['missing digest', { digest: undefined }, /digest is missing/],
      ['digest as a number', { digest: 384 }, /digest must be a text string/],
      ['missing timestamp', { timestamp: undefined }, /timestamp is missing/],
      ['timestamp zero', { timestamp: 0 }, /timestamp must be a positive integer/],
      ['negative timestamp', { timestamp: -5 }, /timestamp/],
      ['timestamp as text', { timestamp: '1703101342719' }, /timestamp/],
      ['missing pcrs', { pcrs: undefined }, /pcrs is missing/],
      ['pcrs as an array', { pcrs: [new Uint8Array(48)] }, /pcrs must be a map/],
      ['no pcrs', { pcrs: new Map() }, /pcrs must hold 1\.\.32 entries, got 0/],
      ['33 pcrs', { pcrs: new Map(Array.from({ length: 33 }, (_, i) => [i, new Uint8Array(48)])) }, /got 33/],
      ['pcr index 32', { pcrs: new Map([[0, new Uint8Array(48)], [32, new Uint8Array(48)]]) }, /index/],
      ['negative pcr index', { pcrs: new Map([[0, new Uint8Array(48)], [-1, new Uint8Array(48)]]) }, /index/],
      ['text pcr index', { pcrs: new Map<unknown, Uint8Array>([[0, new Uint8Array(48)], ['1', new Uint8Array(48)]]) }, /index/],
      ['47-byte pcr', { pcrs: new Map([[0, new Uint8Array(48)], [3, new Uint8Array(47)]]) }, /pcrs\[3\] must be a byte string of 32\/48\/64 bytes/],
      ['empty pcr', { pcrs: new Map([[0, new Uint8Array(0)]]) }, /pcrs\[0\]/],
      ['pcr as text', { pcrs: new Map([[0, '00']]) }, /pcrs\[0\]/],
      ['no PCR0', { pcrs: new Map([[1, new Uint8Array(48)]]) }, /PCR0/],
      ['missing certificate', { certificate: undefined }, /certificate is missing/],
      ['empty certificate', { certificate: new Uint8Array(0) }, /certificate must be a byte string of 1\.\.1024 bytes/],
      ['1025-byte certificate', { certificate: new Uint8Array(1025) }, /certificate must be/],
      ['certificate that is not X.509', { certificate: new Uint8Array(100) }, /leaf certificate is not a valid X\.509/],
      ['missing cabundle', { cabundle: undefined }, /cabundle is missing/],
      ['empty cabundle', { cabundle: [] }, /cabundle must hold 1\.\.10 certificates, got 0/],
      ['11 certificates in cabundle', { cabundle: Array.from({ length: 11 }, () => ROOT) }, /got 11/],
      ['cabundle of text', { cabundle: ['x'] }, /cabundle\[0\] must be a byte string/],
      ['cabundle as bytes', { cabundle: ROOT }, /cabundle must be an array/],
      ['1025-byte user_data', { user_data: new Uint8Array(1025) }, /user_data must be nil or a byte string of at most 1024 bytes/],
      ['1025-byte nonce', { nonce: new Uint8Array(1025) }, /nonce must be/],
      ['1025-byte public_key', { public_key: new Uint8Array(1025) }, /public_key must be/],
      ['user_data as text', { user_data: 'hello' }, /user_data/]
    ]
    for (const [title, changes, message] of cases) {
      it(`MALFORMED for a signed document with ${title}`, () => {
        rejects(synthetic(changes), atNow, 'MALFORMED', message)
      })
    }

    it('accepts the size bounds themselves', () => {
      const facts = verifyNitroAttestation(synthetic({
        pcrs: new Map(Array.from({ length: 32 }, (_, i) => [i, new Uint8Array([32, 48, 64][i % 3])])),
        user_data: new Uint8Array(1024).fill(1),
        nonce: new Uint8Array(1024).fill(2),
        public_key: new Uint8Array(1024).fill(3),
        module_id: 'm'.repeat(256)
      }), atNow)
      assert.equal(Object.keys(facts.pcrs).length, 32)
      assert.equal(facts.pcrs[2].length, 64 * 2)
      assert.equal(facts.pcrs[30].length, 32 * 2)
      assert.equal(facts.userData?.length, 1024)
    })
  })
})

/** The leaf certificate of the sample, read with cborg rather than the code under test. */
function readCertificateFromSample (): Uint8Array {
  const [, , payload] = decode(SAMPLE) as Uint8Array[]
  return (decode(payload, { useMaps: true }) as Map<string, Uint8Array>).get('certificate') as Uint8Array
}
