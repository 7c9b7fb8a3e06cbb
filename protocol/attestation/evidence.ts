import { NitroVerificationError, verifyNitroAttestation } from './nitro/index.js'
import { verifyDevEvidence } from './dev-evidence.js'

/** What verified evidence says about a node's hardware; the `tee` facts of policies. */
export interface TeeFacts {
  kind: string
  /** Hex; the enclave image measurement (Nitro: PCR0). Empty for dev. */
  measurement: string
  pcrs?: Record<string, string>
}

export interface EvidenceContext {
  /** The 32 bytes the evidence must commit to (see enclaveBinding). */
  binding: Uint8Array
  enclaveSigningKey: Uint8Array
  /** Unix ms: the time to verify at. */
  now: number
}

/** Checks one kind of evidence; throws EvidenceError saying why it fails. */
export type EvidenceVerifier = (data: Uint8Array, context: EvidenceContext) => TeeFacts

export class EvidenceError extends Error {
  override readonly name = 'EvidenceError'
  constructor (readonly code: string, message: string) {
    super(message)
  }
}

export const devVerifier: EvidenceVerifier = (data, context) => {
  if (!verifyDevEvidence(data, context.enclaveSigningKey, context.binding)) {
    throw new EvidenceError('BAD_DEV_SIGNATURE', 'dev evidence is not a signature of the binding by the enclave signing key')
  }
  return { kind: 'dev', measurement: '' }
}

export function nitroVerifier (options: { maxAgeMs?: number, rootCertificate?: Uint8Array } = {}): EvidenceVerifier {
  return (data, context) => {
    try {
      const facts = verifyNitroAttestation(data, { ...options, now: context.now, expectedBinding: context.binding })
      return { kind: 'nitro', measurement: facts.measurement, pcrs: facts.pcrs }
    } catch (err) {
      if (err instanceof NitroVerificationError) throw new EvidenceError(err.code, err.message)
      throw err
    }
  }
}

/** The verifiers a node runs by default: every kind it can check. */
export function defaultVerifiers (): Map<string, EvidenceVerifier> {
  return new Map([['dev', devVerifier], ['nitro', nitroVerifier()]])
}
