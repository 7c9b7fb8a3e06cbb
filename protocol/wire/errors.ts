/**
 * Errors raised while decoding bytes from the network. Each has a fixed `code`
 * so that callers can map it to a peer-score action and a metric label without
 * parsing messages.
 */
export type WireErrorCode =
  | 'TOO_LARGE'      // the bytes exceed the bound for this message kind
  | 'MALFORMED'      // not a valid protobuf encoding of the expected message
  | 'INVALID_FIELD'  // decodes, but a field is out of its allowed range/size/enum

export class WireError extends Error {
  override readonly name = 'WireError'
  readonly code: WireErrorCode

  constructor (code: WireErrorCode, message: string) {
    super(message)
    this.code = code
  }
}
