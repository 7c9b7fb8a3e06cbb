/**
 * Why an attestation record is refused. `verdict` says whose fault it is:
 * REJECT for what no honest node can produce (bad signatures, forged evidence,
 * a record claiming another peer's id), IGNORE for what an honest relay may
 * forward (expired, replayed, an evidence kind this version does not know).
 */
export type AttestationErrorCode =
  | 'MALFORMED' | 'BAD_SIGNATURE' | 'PEER_MISMATCH' | 'BAD_OPERATOR_SIGNATURE' | 'BAD_EVIDENCE'
  | 'EXPIRY_TOO_FAR' | 'EXPIRED' | 'STALE' | 'UNKNOWN_EVIDENCE_KIND'

const IGNORED = new Set<AttestationErrorCode>(['EXPIRED', 'STALE', 'UNKNOWN_EVIDENCE_KIND'])

export class AttestationError extends Error {
  override readonly name = 'AttestationError'
  readonly verdict: 'IGNORE' | 'REJECT'
  constructor (readonly code: AttestationErrorCode, message: string) {
    super(message)
    this.verdict = IGNORED.has(code) ? 'IGNORE' : 'REJECT'
  }
}
