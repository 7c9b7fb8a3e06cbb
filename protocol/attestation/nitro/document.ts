import { decodeCbor } from './cbor.js'
import {
  MAX_BLOB_BYTES,
  MAX_CABUNDLE_CERTIFICATES,
  MAX_CERTIFICATE_BYTES,
  MAX_MODULE_ID_LENGTH,
  MAX_PCRS,
  PCR_LENGTHS
} from './constants.js'
import { NitroVerificationError } from './errors.js'

/** The only PCR digest the Nitro Secure Module produces. */
const DIGEST_SHA384 = 'SHA384'

/**
 * The payload of a Nitro attestation document, decoded and bounds-checked
 * but not yet trusted: nothing here is authenticated until the signature and
 * the certificate chain are.
 */
export interface AttestationDocument {
  moduleId: string
  digest: typeof DIGEST_SHA384
  timestamp: number
  /** PCR index to value, in index order */
  pcrs: Map<number, Uint8Array>
  /** the leaf certificate, DER */
  certificate: Uint8Array
  /** root first, then intermediates, DER */
  cabundle: Uint8Array[]
  publicKey?: Uint8Array
  userData?: Uint8Array
  nonce?: Uint8Array
}

/**
 * Decodes the COSE payload, checking every field the AWS document format
 * ("Nitro Enclaves attestation process", section "Attestation document
 * specification") defines. Unknown fields are ignored: they are signed, and
 * refusing them would break every node the day AWS adds one.
 */
export function parseAttestationDocument (payload: Uint8Array): AttestationDocument {
  const map = decodeCbor(payload, 'attestation document')
  if (!(map instanceof Map)) {
    throw malformed('attestation document must be a map')
  }
  for (const key of map.keys()) {
    if (typeof key !== 'string') {
      throw malformed('attestation document keys must be text strings')
    }
  }
  const fields = map as Map<string, unknown>
  const required = (name: string): unknown => {
    if (!fields.has(name)) {
      throw malformed(`${name} is missing`)
    }
    return fields.get(name)
  }

  const doc: AttestationDocument = {
    moduleId: readModuleId(required('module_id')),
    digest: readDigest(required('digest')),
    timestamp: readTimestamp(required('timestamp')),
    pcrs: readPcrs(required('pcrs')),
    certificate: readCertificate(required('certificate'), 'certificate'),
    cabundle: readCabundle(required('cabundle'))
  }
  const publicKey = readOptionalBlob(fields.get('public_key'), 'public_key')
  const userData = readOptionalBlob(fields.get('user_data'), 'user_data')
  const nonce = readOptionalBlob(fields.get('nonce'), 'nonce')
  if (publicKey != null) doc.publicKey = publicKey
  if (userData != null) doc.userData = userData
  if (nonce != null) doc.nonce = nonce
  return doc
}

function malformed (message: string): NitroVerificationError {
  return new NitroVerificationError('MALFORMED', message)
}

function readModuleId (value: unknown): string {
  if (typeof value !== 'string') {
    throw malformed('module_id must be a text string')
  }
  if (value.length === 0 || value.length > MAX_MODULE_ID_LENGTH) {
    throw malformed(`module_id must be 1..${MAX_MODULE_ID_LENGTH} characters`)
  }
  return value
}

function readDigest (value: unknown): typeof DIGEST_SHA384 {
  if (typeof value !== 'string') {
    throw malformed('digest must be a text string')
  }
  if (value !== DIGEST_SHA384) {
    throw new NitroVerificationError('UNSUPPORTED_ALGORITHM', `digest must be ${DIGEST_SHA384}, got "${value.slice(0, 16)}"`)
  }
  return value
}

function readTimestamp (value: unknown): number {
  // unix milliseconds; the decoder already refuses integers beyond 2^53
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw malformed('timestamp must be a positive integer (unix ms)')
  }
  return value
}

function readPcrs (value: unknown): Map<number, Uint8Array> {
  if (!(value instanceof Map)) {
    throw malformed('pcrs must be a map')
  }
  if (value.size === 0 || value.size > MAX_PCRS) {
    throw malformed(`pcrs must hold 1..${MAX_PCRS} entries, got ${value.size}`)
  }
  const pcrs = new Map<number, Uint8Array>()
  for (const [index, pcr] of value as Map<unknown, unknown>) {
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= MAX_PCRS) {
      throw malformed(`pcrs index must be an integer in 0..${MAX_PCRS - 1}`)
    }
    if (!(pcr instanceof Uint8Array) || !PCR_LENGTHS.includes(pcr.length)) {
      throw malformed(`pcrs[${index}] must be a byte string of ${PCR_LENGTHS.join('/')} bytes`)
    }
    pcrs.set(index, pcr)
  }
  // PCR0 is the enclave image measurement, the one value a policy always needs
  if (!pcrs.has(0)) {
    throw malformed('pcrs must include PCR0')
  }
  return new Map([...pcrs].sort(([a], [b]) => a - b))
}

function readCertificate (value: unknown, what: string): Uint8Array {
  if (!(value instanceof Uint8Array) || value.length === 0 || value.length > MAX_CERTIFICATE_BYTES) {
    throw malformed(`${what} must be a byte string of 1..${MAX_CERTIFICATE_BYTES} bytes`)
  }
  return value
}

function readCabundle (value: unknown): Uint8Array[] {
  if (!Array.isArray(value)) {
    throw malformed('cabundle must be an array')
  }
  if (value.length === 0 || value.length > MAX_CABUNDLE_CERTIFICATES) {
    throw malformed(`cabundle must hold 1..${MAX_CABUNDLE_CERTIFICATES} certificates, got ${value.length}`)
  }
  return value.map((cert: unknown, i) => readCertificate(cert, `cabundle[${i}]`))
}

/**
 * The optional fields may be absent, nil, or a byte string; an empty byte
 * string is what the NSM emits when the enclave supplied nothing, so it counts
 * as absent.
 */
function readOptionalBlob (value: unknown, what: string): Uint8Array | undefined {
  if (value === undefined || value === null) {
    return undefined
  }
  if (!(value instanceof Uint8Array) || value.length > MAX_BLOB_BYTES) {
    throw malformed(`${what} must be nil or a byte string of at most ${MAX_BLOB_BYTES} bytes`)
  }
  return value.length === 0 ? undefined : value
}
