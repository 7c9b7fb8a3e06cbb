export type EnvelopeErrorCode =
  | 'MALFORMED'      // the envelope bytes do not decode
  | 'WRONG_DOMAIN'   // signed for another purpose than the one expected
  | 'BAD_KEY'        // the public key does not decode to a supported key type
  | 'BAD_SIGNATURE'  // the signature does not verify over (domain, payload)
  | 'TOO_LARGE'      // the envelope exceeds the size bound of its domain

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError'
  readonly code: EnvelopeErrorCode

  constructor (code: EnvelopeErrorCode, message: string) {
    super(message)
    this.code = code
  }
}
