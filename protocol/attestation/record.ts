import { peerIdFromMultihash, peerIdFromString } from '@libp2p/peer-id'
import * as Digest from 'multiformats/hashes/digest'
import { escrin } from '../../proto/gen/escrin.js'
import { openEnvelope, sealEnvelope, EnvelopeError } from '../envelope/index.js'
import { ROLE_TO_WIRE, type RoleName } from '../hello/index.js'
import { checkEnum, checkLength, decodeMessage, encodeMessage, uint64Bits, WireError, wireInteger, wireUint64 } from '../wire/index.js'
import { enclaveBinding } from './binding.js'
import { AttestationError } from './errors.js'
import { EvidenceError, type EvidenceVerifier, type TeeFacts } from './evidence.js'
import { recoverOperator } from './operator.js'
import type { PrivateKey } from '@libp2p/interface'

export const ATTESTATION_DOMAIN = '/escrin/attestation/1'
/** A Nitro document is at most 16 KiB; the rest of a record is a few hundred bytes. */
export const ATTESTATION_MAX_BYTES = 20 * 1024
/** A record may not claim validity further ahead than this: it would outlive any revocation. */
export const MAX_ATTESTATION_TTL_MS = 24 * 60 * 60_000
const MAX_EVIDENCE_KIND_LENGTH = 32
/** Evidence failures that an honest record ages into; relaying those is not an offence. */
const AGED_EVIDENCE = new Set(['TOO_OLD', 'CERT_EXPIRED'])

export interface AttestationRecord {
  peerId: string
  roles: RoleName[]
  evidence: { kind: string, data: Uint8Array }
  enclaveX25519: Uint8Array
  enclaveSigningKey: Uint8Array
  operator: `0x${string}`
  operatorSignature: `0x${string}`
  capacity: number
  price: bigint
  seq: number
  expiresAtMs: number
}

export interface VerifiedAttestation {
  record: AttestationRecord
  tee: TeeFacts
}

const WIRE_ROLES = new Set<number>(Object.values(ROLE_TO_WIRE))
const WIRE_TO_ROLE = new Map<number, RoleName>(Object.entries(ROLE_TO_WIRE).map(([n, w]) => [w, n as RoleName]))

function peerIdBytes (peerId: string): Uint8Array {
  return peerIdFromString(peerId).toMultihash().bytes
}

export function bindingOf (record: Pick<AttestationRecord, 'peerId' | 'enclaveX25519' | 'enclaveSigningKey'>): Uint8Array {
  return enclaveBinding(peerIdBytes(record.peerId), record.enclaveX25519, record.enclaveSigningKey)
}

/** Encodes a record and signs it, in an envelope, with the node's libp2p key. */
export async function sealAttestation (key: PrivateKey, record: AttestationRecord): Promise<Uint8Array> {
  const payload = encodeMessage(escrin.AttestationRecord, {
    peerId: peerIdBytes(record.peerId),
    roles: record.roles.map(r => ROLE_TO_WIRE[r]),
    evidence: { kind: record.evidence.kind, data: record.evidence.data },
    enclaveX25519: record.enclaveX25519,
    enclaveSigningKey: record.enclaveSigningKey,
    operator: Buffer.from(record.operator.slice(2), 'hex'),
    operatorSignature: Buffer.from(record.operatorSignature.slice(2), 'hex'),
    capacity: record.capacity,
    // exact: a price in wei passes 2^53 at ~0.009 ETH (RangeError beyond a uint64's 2^64 - 1); the
    // writer takes any { low, high }, which the generated type spells as long.js's Long
    price: uint64Bits(record.price) as unknown as escrin.IAttestationRecord['price'],
    seq: record.seq,
    expiresAtMs: record.expiresAtMs
  })
  return await sealEnvelope(key, ATTESTATION_DOMAIN, payload)
}

/**
 * Opens and verifies a sealed record: the envelope signature, that its signer
 * is the peer the record names, its expiry, the operator's signature over
 * (peer id, enclave keys), and the TEE evidence's binding to those keys.
 * Throws AttestationError (and nothing else) with a verdict.
 */
export async function openAttestation (bytes: Uint8Array, options: { now: number, verifiers: ReadonlyMap<string, EvidenceVerifier> }): Promise<VerifiedAttestation> {
  let signer
  let payload: Uint8Array
  try {
    ({ signer, payload } = await openEnvelope(bytes, ATTESTATION_DOMAIN, ATTESTATION_MAX_BYTES))
  } catch (err) {
    const e = err as EnvelopeError
    throw new AttestationError(e.code === 'BAD_SIGNATURE' || e.code === 'BAD_KEY' ? 'BAD_SIGNATURE' : 'MALFORMED', e.message)
  }
  let m: escrin.AttestationRecord
  try {
    m = decodeMessage(escrin.AttestationRecord, payload, ATTESTATION_MAX_BYTES, m => {
      for (const role of m.roles) checkEnum('roles', role, WIRE_ROLES)
      checkLength('roles', m.roles, WIRE_ROLES.size)
      if (m.evidence == null) throw new WireError('INVALID_FIELD', 'evidence: missing')
      checkLength('evidence.kind', m.evidence.kind, MAX_EVIDENCE_KIND_LENGTH)
      for (const [field, value, size] of [['enclave_x25519', m.enclaveX25519, 32], ['enclave_signing_key', m.enclaveSigningKey, 32], ['operator', m.operator, 20], ['operator_signature', m.operatorSignature, 65]] as const) {
        if (value.length !== size) throw new WireError('INVALID_FIELD', `${field}: ${value.length} bytes, expected ${size}`)
      }
      for (const [field, value] of [['seq', m.seq], ['expires_at_ms', m.expiresAtMs]] as const) {
        if (!Number.isSafeInteger(wireInteger(value))) throw new WireError('INVALID_FIELD', `${field}: beyond 2^53 - 1`)
      }
    })
  } catch (err) {
    throw new AttestationError('MALFORMED', (err as Error).message)
  }
  let claimed
  try {
    claimed = peerIdFromMultihash(Digest.decode(m.peerId))
  } catch (err) {
    throw new AttestationError('MALFORMED', `peer_id: ${(err as Error).message}`)
  }
  if (!claimed.equals(signer)) {
    throw new AttestationError('PEER_MISMATCH', `record names ${claimed.toString()} but is signed by ${signer.toString()}`)
  }
  const expiresAtMs = wireInteger(m.expiresAtMs)
  if (expiresAtMs <= options.now) throw new AttestationError('EXPIRED', `record expired at ${new Date(expiresAtMs).toISOString()}`)
  if (expiresAtMs > options.now + MAX_ATTESTATION_TTL_MS) throw new AttestationError('EXPIRY_TOO_FAR', `record claims validity until ${new Date(expiresAtMs).toISOString()}, beyond ${MAX_ATTESTATION_TTL_MS / 3_600_000} h`)

  const record: AttestationRecord = {
    peerId: signer.toString(),
    roles: [...new Set(m.roles.map(r => WIRE_TO_ROLE.get(r) as RoleName))],
    evidence: { kind: m.evidence?.kind ?? '', data: new Uint8Array(m.evidence?.data ?? []) },
    enclaveX25519: new Uint8Array(m.enclaveX25519),
    enclaveSigningKey: new Uint8Array(m.enclaveSigningKey),
    operator: `0x${Buffer.from(m.operator).toString('hex')}`,
    operatorSignature: `0x${Buffer.from(m.operatorSignature).toString('hex')}`,
    capacity: m.capacity,
    price: wireUint64(m.price),
    seq: wireInteger(m.seq),
    expiresAtMs
  }

  let operator: string
  try {
    operator = await recoverOperator({ peerId: record.peerId, enclaveX25519: record.enclaveX25519, enclaveSigningKey: record.enclaveSigningKey }, record.operatorSignature)
  } catch (err) {
    throw new AttestationError('BAD_OPERATOR_SIGNATURE', `operator signature: ${(err as Error).message.split('\n')[0]}`)
  }
  if (operator !== record.operator) throw new AttestationError('BAD_OPERATOR_SIGNATURE', `operator signature is by ${operator}, not ${record.operator}`)

  const verifier = options.verifiers.get(record.evidence.kind)
  if (verifier == null) throw new AttestationError('UNKNOWN_EVIDENCE_KIND', `evidence kind "${record.evidence.kind}" is not verified by this node`)
  let tee: TeeFacts
  try {
    tee = verifier(record.evidence.data, { binding: bindingOf(record), enclaveSigningKey: record.enclaveSigningKey, now: options.now })
  } catch (err) {
    if (err instanceof EvidenceError) {
      throw new AttestationError(AGED_EVIDENCE.has(err.code) ? 'EXPIRED' : 'BAD_EVIDENCE', `${record.evidence.kind} evidence: ${err.code}: ${err.message}`)
    }
    throw new AttestationError('BAD_EVIDENCE', `${record.evidence.kind} evidence: ${(err as Error).message}`)
  }
  return { record, tee }
}
