/**
 * Why a Nitro attestation document was refused. The set is closed so a caller
 * can use the code as a metric label and decide on it: everything but the
 * time-dependent codes (CERT_*, TOO_OLD, FROM_FUTURE) and the caller's own
 * expectations (BINDING_MISMATCH, PCR_MISMATCH) proves the document forged or
 * corrupt.
 */
export type NitroErrorCode =
  | 'MALFORMED'              // the bytes are not a well-formed COSE_Sign1 attestation document
  | 'UNSUPPORTED_ALGORITHM'  // an algorithm other than the ones Nitro uses (ES384, SHA384, P-384)
  | 'BAD_SIGNATURE'          // the COSE signature does not verify with the leaf certificate's key
  | 'CHAIN_INVALID'          // a certificate is not issued and signed by the one before it, or breaks a CA constraint
  | 'UNTRUSTED_ROOT'         // the chain does not start at the pinned root certificate
  | 'CERT_NOT_YET_VALID'     // a certificate's validity starts after the verification time
  | 'CERT_EXPIRED'           // a certificate's validity ended before the verification time
  | 'TOO_OLD'                // the document's timestamp is older than the allowed age
  | 'FROM_FUTURE'            // the document's timestamp is ahead of the verification time by more than the skew
  | 'BINDING_MISMATCH'       // neither public_key nor user_data carries the expected binding
  | 'PCR_MISMATCH'           // a PCR differs from the expected value

export class NitroVerificationError extends Error {
  override readonly name = 'NitroVerificationError'
  readonly code: NitroErrorCode

  constructor (code: NitroErrorCode, message: string, options?: ErrorOptions) {
    super(message, options)
    this.code = code
  }
}

/** A short, log-safe description of whatever a library threw. */
export function describeError (err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  // a hostile document can make a decoder echo its content; keep logs bounded
  return message.length > 200 ? `${message.slice(0, 200)}…` : message
}
