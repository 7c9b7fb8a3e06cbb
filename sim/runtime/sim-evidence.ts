import { randomBytes } from 'node:crypto'
import { ed25519 } from '@noble/curves/ed25519.js'
import { ed25519Sign, ed25519Verify } from '../../protocol/crypto/index.js'
import { devVerifier, EvidenceError, nitroVerifier, type EvidenceVerifier } from '../../protocol/attestation/index.js'
import type { EvidenceProducer } from '../../node/attestations/index.js'

/**
 * Simulated TEE evidence. A real TEE's evidence is a statement by the
 * hardware vendor (AWS's certificate chain for Nitro) that an enclave with a
 * given measurement holds the keys the record binds. The simulator plays the
 * vendor: it holds one Ed25519 key per run and signs (kind, measurement,
 * binding) for each node it gives that TEE. Every node verifies with the
 * vendor's public key, so a byzantine node cannot claim a measurement it was
 * not given (it lacks the vendor key), nor reuse another node's evidence (the
 * binding commits to the record's peer id and enclave keys).
 *
 * Registered under the scenario's kind names (e.g. "nitro"), replacing the
 * real verifier of that kind in the simulated network only.
 */
const DOMAIN = new TextEncoder().encode('escrin-sim-evidence/1\u0000')
const SIGNATURE_BYTES = 64

export interface SimVendor {
  secret: Uint8Array
  publicKey: Uint8Array
}

export function newSimVendor (): SimVendor {
  const secret = new Uint8Array(randomBytes(32))
  return { secret, publicKey: ed25519.getPublicKey(secret) }
}

export function simVendorFromSecret (secretHex: string): SimVendor {
  const secret = new Uint8Array(Buffer.from(secretHex, 'hex'))
  return { secret, publicKey: ed25519.getPublicKey(secret) }
}

function signedMessage (kind: string, measurement: Uint8Array, binding: Uint8Array): Uint8Array {
  const kindBytes = new TextEncoder().encode(kind)
  return Buffer.concat([DOMAIN, Buffer.from([kindBytes.length]), kindBytes, Buffer.from([measurement.length]), measurement, binding])
}

/** Evidence bytes: measurement length (1 byte), measurement, vendor signature (64 bytes). */
export function encodeSimEvidence (kind: string, measurementHex: string, binding: Uint8Array, vendorSecret: Uint8Array): Uint8Array {
  const measurement = Buffer.from(measurementHex, 'hex')
  const signature = ed25519Sign(signedMessage(kind, measurement, binding), vendorSecret)
  return Buffer.concat([Buffer.from([measurement.length]), measurement, signature])
}

/** This node's evidence, as the vendor (the simulator) vouches for it. */
export function simEvidenceProducer (kind: string, measurementHex: string, vendorSecret: Uint8Array): EvidenceProducer {
  return binding => ({ kind, data: encodeSimEvidence(kind, measurementHex, binding, vendorSecret) })
}

export function simEvidenceVerifier (kind: string, vendorPublicKey: Uint8Array): EvidenceVerifier {
  return (data, context) => {
    if (data.length < 1 + SIGNATURE_BYTES || data.length !== 1 + data[0] + SIGNATURE_BYTES) throw new EvidenceError('MALFORMED', `${kind} evidence has the wrong length`)
    const measurement = data.subarray(1, 1 + data[0])
    const signature = data.subarray(1 + data[0])
    if (!ed25519Verify(signature, signedMessage(kind, measurement, context.binding), vendorPublicKey)) {
      throw new EvidenceError('BAD_VENDOR_SIGNATURE', `${kind} evidence is not signed by the vendor for these keys`)
    }
    return { kind, measurement: Buffer.from(measurement).toString('hex') }
  }
}

/**
 * The verifiers of every node of a run: dev as always, nitro's real verifier,
 * and the simulated kinds (which may replace nitro). `lax` kinds skip the
 * vendor signature: a misconfigured node, for showing that the record
 * integrity check catches what such a node accepts.
 */
export function simVerifiers (kinds: string[], vendorPublicKey: Uint8Array, lax = false): Map<string, EvidenceVerifier> {
  const verifiers = new Map<string, EvidenceVerifier>([['dev', devVerifier], ['nitro', nitroVerifier()]])
  for (const kind of kinds) {
    if (kind === 'dev') continue
    verifiers.set(kind, lax ? laxVerifier(kind) : simEvidenceVerifier(kind, vendorPublicKey))
  }
  return verifiers
}

function laxVerifier (kind: string): EvidenceVerifier {
  return data => {
    if (data.length < 1 || data.length < 1 + data[0]) throw new EvidenceError('MALFORMED', `${kind} evidence has the wrong length`)
    return { kind, measurement: Buffer.from(data.subarray(1, 1 + data[0])).toString('hex') }
  }
}
