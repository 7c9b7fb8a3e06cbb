import { Buffer } from 'node:buffer'
import { createHash, verify as verifySignature } from 'node:crypto'
import {
  COSE_ALG_ES384,
  DEFAULT_MAX_AGE_MS,
  ES384_SIGNATURE_BYTES,
  MAX_DOCUMENT_BYTES,
  MAX_FUTURE_SKEW_MS
} from './constants.js'
import { coseSign1SigStructure, decodeCoseSign1 } from './cose.js'
import { parseAttestationDocument } from './document.js'
import { describeError, NitroVerificationError } from './errors.js'
import { pinnedRoot } from './root.js'
import { parseCertificate, verifyCertificateChain } from './x509-chain.js'
import type { CoseSign1 } from './cose.js'
import type { AttestationDocument } from './document.js'
import type { KeyObject, X509Certificate } from 'node:crypto'

export interface NitroVerifyOptions {
  /** The time to verify at, unix ms. There is no default: the caller owns the clock. */
  now: number
  /** The document's timestamp must be at most this old at `now` (default DEFAULT_MAX_AGE_MS, one hour). */
  maxAgeMs?: number
  /** DER of the root to trust instead of the pinned AWS Nitro root (for tests and private PKIs). */
  rootCertificate?: Uint8Array
  /** PCR index to expected value (hex, any case); PCR_MISMATCH if any differs or is missing. */
  expectedPcrs?: Record<number, string>
  /** If set, `public_key` or `user_data` must equal it exactly; BINDING_MISMATCH otherwise. */
  expectedBinding?: Uint8Array
}

/** What a verified document proves. Byte fields are copies the caller may keep. */
export interface NitroFacts {
  kind: 'nitro'
  moduleId: string
  /** unix ms, from the document */
  timestamp: number
  digest: 'SHA384'
  /** every PCR in the document, lowercase hex */
  pcrs: Record<number, string>
  /** PCR0, the enclave image measurement, lowercase hex */
  measurement: string
  publicKey?: Uint8Array
  userData?: Uint8Array
  nonce?: Uint8Array
  /** SHA-256 of each certificate's DER, lowercase hex, leaf first and root last */
  certificateFingerprints: string[]
}

/** The curve of ES384 keys, as node:crypto names it. */
const P384_CURVE = 'secp384r1'

/**
 * Verifies an AWS Nitro Enclaves attestation document at `options.now` and
 * returns the facts it proves.
 *
 * The checks run from the cheapest and most fundamental outwards: structure
 * and bounds, algorithm, signature, chain to the root, certificate validity,
 * document age, then the caller's expectations. So a corrupt or forged
 * document is reported as MALFORMED, BAD_SIGNATURE or a chain error whatever
 * the time, and only a genuine document can fail on time or expectations.
 *
 * Throws NitroVerificationError, and nothing else, on any failure: callers
 * feed this untrusted bytes from the network and score the sender by `code`.
 */
export function verifyNitroAttestation (document: Uint8Array, options: NitroVerifyOptions): NitroFacts {
  return onlyTypedFailures('verified', () => verify(document, options))
}

/**
 * The time a document says it was made (unix ms), read without verifying
 * anything but its structure: for choosing the time to verify a historical
 * document at (its leaf certificate lives for hours). Whatever it returns,
 * `verifyNitroAttestation` still checks every signature and bound.
 * Throws NitroVerificationError (MALFORMED) for bytes that are not a document.
 */
export function claimedTimestamp (document: Uint8Array): number {
  return onlyTypedFailures('read', () => decodeDocument(document).doc.timestamp)
}

/**
 * Every known failure is typed where it happens; this is the safety net that
 * keeps a library surprise from escaping as an untyped crash.
 */
function onlyTypedFailures<T> (what: string, run: () => T): T {
  try {
    return run()
  } catch (err) {
    if (err instanceof NitroVerificationError) {
      throw err
    }
    throw new NitroVerificationError('MALFORMED', `attestation document could not be ${what}: ${describeError(err)}`, { cause: err })
  }
}

/** Bounds, COSE structure and algorithm, then the payload: everything checked before any signature. */
function decodeDocument (document: Uint8Array): { cose: CoseSign1, doc: AttestationDocument } {
  if (!(document instanceof Uint8Array)) {
    throw new NitroVerificationError('MALFORMED', 'attestation document must be a Uint8Array')
  }
  if (document.length === 0) {
    throw new NitroVerificationError('MALFORMED', 'attestation document is empty')
  }
  if (document.length > MAX_DOCUMENT_BYTES) {
    throw new NitroVerificationError('MALFORMED', `attestation document is ${document.length} bytes, more than ${MAX_DOCUMENT_BYTES}`)
  }

  const cose = decodeCoseSign1(document)
  if (cose.alg === undefined) {
    throw new NitroVerificationError('MALFORMED', 'COSE_Sign1 protected header has no alg')
  }
  if (cose.alg !== COSE_ALG_ES384) {
    throw new NitroVerificationError('UNSUPPORTED_ALGORITHM', `COSE alg must be ES384 (${COSE_ALG_ES384}), got ${String(cose.alg).slice(0, 16)}`)
  }
  if (cose.signature.length !== ES384_SIGNATURE_BYTES) {
    throw new NitroVerificationError('MALFORMED', `ES384 signature must be ${ES384_SIGNATURE_BYTES} bytes, got ${cose.signature.length}`)
  }
  return { cose, doc: parseAttestationDocument(cose.payload) }
}

function verify (document: Uint8Array, options: NitroVerifyOptions): NitroFacts {
  checkOptions(options)
  const { cose, doc } = decodeDocument(document)

  // the leaf is not trusted yet, but its key is the only one that can have
  // signed a genuine document; checking the signature before the chain means
  // any change to the signed bytes is a BAD_SIGNATURE, never a chain error
  const leaf = parseCertificate(doc.certificate, 'leaf certificate')
  const signed = verifySignature(
    'sha384',
    coseSign1SigStructure(cose.protectedBytes, cose.payload),
    { key: leafKey(leaf), dsaEncoding: 'ieee-p1363' },
    cose.signature
  )
  if (!signed) {
    throw new NitroVerificationError('BAD_SIGNATURE', 'COSE signature does not verify with the leaf certificate key')
  }

  verifyCertificateChain(doc.cabundle, doc.certificate, options.rootCertificate ?? pinnedRoot(), options.now)
  checkFreshness(doc.timestamp, options.now, options.maxAgeMs ?? DEFAULT_MAX_AGE_MS)
  if (options.expectedPcrs != null) {
    checkPcrs(doc, options.expectedPcrs)
  }
  if (options.expectedBinding != null) {
    checkBinding(doc, options.expectedBinding)
  }
  return toFacts(doc)
}

/**
 * Bad options are the caller's bug, not the peer's, but they are still
 * reported as NitroVerificationError so that the one-error-type contract holds.
 */
function checkOptions (options: NitroVerifyOptions): void {
  const bad = (message: string): NitroVerificationError => new NitroVerificationError('MALFORMED', `invalid options: ${message}`)
  if (options == null || typeof options !== 'object') {
    throw bad('options are required')
  }
  if (typeof options.now !== 'number' || !Number.isFinite(options.now)) {
    throw bad('now must be a finite number of unix ms')
  }
  if (options.maxAgeMs != null && (typeof options.maxAgeMs !== 'number' || !(options.maxAgeMs >= 0))) {
    throw bad('maxAgeMs must be a non-negative number')
  }
  if (options.rootCertificate != null && !(options.rootCertificate instanceof Uint8Array)) {
    throw bad('rootCertificate must be DER bytes')
  }
  if (options.expectedPcrs != null && typeof options.expectedPcrs !== 'object') {
    throw bad('expectedPcrs must be a record of index to hex')
  }
  if (options.expectedBinding != null && !(options.expectedBinding instanceof Uint8Array)) {
    throw bad('expectedBinding must be bytes')
  }
}

function leafKey (leaf: X509Certificate): KeyObject {
  let key: KeyObject
  try {
    key = leaf.publicKey
  } catch (err) {
    throw new NitroVerificationError('MALFORMED', `leaf certificate key cannot be loaded: ${describeError(err)}`, { cause: err })
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== P384_CURVE) {
    throw new NitroVerificationError('UNSUPPORTED_ALGORITHM', 'leaf certificate key must be ECDSA P-384')
  }
  return key
}

function checkFreshness (timestamp: number, now: number, maxAgeMs: number): void {
  if (timestamp > now + MAX_FUTURE_SKEW_MS) {
    throw new NitroVerificationError('FROM_FUTURE', `document timestamp is ${timestamp - now} ms ahead of the verification time`)
  }
  const age = now - timestamp
  if (age > maxAgeMs) {
    throw new NitroVerificationError('TOO_OLD', `document is ${age} ms old, more than ${maxAgeMs}`)
  }
}

function checkPcrs (doc: AttestationDocument, expected: Record<number, string>): void {
  for (const [key, value] of Object.entries(expected)) {
    const index = Number(key)
    const actual = doc.pcrs.get(index)
    if (actual == null || typeof value !== 'string' || toHex(actual) !== value.toLowerCase()) {
      throw new NitroVerificationError('PCR_MISMATCH', `PCR${key.slice(0, 8)} ${actual == null ? 'is absent' : 'differs from the expected value'}`)
    }
  }
}

function checkBinding (doc: AttestationDocument, expected: Uint8Array): void {
  const bound = [doc.publicKey, doc.userData].some(field => field != null && Buffer.compare(field, expected) === 0)
  if (!bound) {
    throw new NitroVerificationError('BINDING_MISMATCH', 'neither public_key nor user_data equals the expected binding')
  }
}

function toHex (bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}

function fingerprint (der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex')
}

function toFacts (doc: AttestationDocument): NitroFacts {
  const pcrs: Record<number, string> = {}
  for (const [index, value] of doc.pcrs) {
    pcrs[index] = toHex(value)
  }
  const facts: NitroFacts = {
    kind: 'nitro',
    moduleId: doc.moduleId,
    timestamp: doc.timestamp,
    digest: doc.digest,
    pcrs,
    measurement: pcrs[0],
    certificateFingerprints: [doc.certificate, ...doc.cabundle.toReversed()].map(fingerprint)
  }
  // Uint8Array.from copies whatever the input was: a Buffer's slice() would be a view of the caller's bytes
  if (doc.publicKey != null) facts.publicKey = Uint8Array.from(doc.publicKey)
  if (doc.userData != null) facts.userData = Uint8Array.from(doc.userData)
  if (doc.nonce != null) facts.nonce = Uint8Array.from(doc.nonce)
  return facts
}
