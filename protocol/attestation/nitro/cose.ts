import { encode } from 'cborg'
import { decodeCbor } from './cbor.js'
import { NitroVerificationError } from './errors.js'

/** COSE header label of the algorithm (RFC 9052 section 3.1). */
const HEADER_ALG = 1

/** COSE header label of the critical-parameters list (RFC 9052 section 3.1). */
const HEADER_CRIT = 2

/** CBOR tag 18 marks a COSE_Sign1 (RFC 9052 section 4.2); 0xd2 is its only minimal encoding. */
const COSE_SIGN1_TAG_BYTE = 0xd2

/** The parts of a COSE_Sign1 message a verifier needs. */
export interface CoseSign1 {
  /** The protected header exactly as received: the signature covers these bytes, not a re-encoding. */
  protectedBytes: Uint8Array
  /** The `alg` parameter of the protected header, if present. */
  alg: unknown
  payload: Uint8Array
  signature: Uint8Array
}

/**
 * Decodes a COSE_Sign1 message: `[protected: bstr, unprotected: map,
 * payload: bstr, signature: bstr]`, optionally behind tag 18. The
 * unprotected header is checked to be a map and otherwise ignored, because
 * nothing in it is signed.
 */
export function decodeCoseSign1 (bytes: Uint8Array): CoseSign1 {
  const body = bytes[0] === COSE_SIGN1_TAG_BYTE ? bytes.subarray(1) : bytes
  const message = decodeCbor(body, 'COSE_Sign1')
  if (!Array.isArray(message) || message.length !== 4) {
    throw new NitroVerificationError('MALFORMED', 'COSE_Sign1 must be an array of 4 items')
  }
  const [protectedBytes, unprotected, payload, signature] = message as unknown[]
  if (!(protectedBytes instanceof Uint8Array)) {
    throw new NitroVerificationError('MALFORMED', 'COSE_Sign1 protected header must be a byte string')
  }
  if (!(unprotected instanceof Map)) {
    throw new NitroVerificationError('MALFORMED', 'COSE_Sign1 unprotected header must be a map')
  }
  if (!(payload instanceof Uint8Array)) {
    // a nil payload means "detached", which an attestation document never is
    throw new NitroVerificationError('MALFORMED', 'COSE_Sign1 payload must be an attached byte string')
  }
  if (!(signature instanceof Uint8Array)) {
    throw new NitroVerificationError('MALFORMED', 'COSE_Sign1 signature must be a byte string')
  }
  return { protectedBytes, alg: readProtectedAlg(protectedBytes), payload, signature }
}

function readProtectedAlg (protectedBytes: Uint8Array): unknown {
  // RFC 9052: a zero-length protected header stands for an empty map
  if (protectedBytes.length === 0) {
    return undefined
  }
  const header = decodeCbor(protectedBytes, 'COSE_Sign1 protected header')
  if (!(header instanceof Map)) {
    throw new NitroVerificationError('MALFORMED', 'COSE_Sign1 protected header must encode a map')
  }
  // `crit` names parameters the verifier must understand; we understand only `alg`
  if (header.has(HEADER_CRIT)) {
    throw new NitroVerificationError('MALFORMED', 'COSE_Sign1 critical header parameters are not supported')
  }
  return header.get(HEADER_ALG)
}

/**
 * The bytes a COSE_Sign1 signature covers (RFC 9052 section 4.4):
 * `["Signature1", body_protected, external_aad, payload]`, with no external
 * AAD because Nitro uses none.
 */
export function coseSign1SigStructure (protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encode(['Signature1', protectedBytes, new Uint8Array(0), payload])
}
