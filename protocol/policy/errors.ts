/**
 * Everything the policy language rejects is a PolicyError with a fixed `code`,
 * so a gossip validator can map it to REJECT/IGNORE and a metric label without
 * parsing messages. Messages name the offending place as a JSON path
 * (`$.all[2].in[1]`), also available as `path`.
 */
export type PolicyErrorCode =
  | 'MALFORMED'         // not valid JSON, or not the shape of a predicate (wrong arity, wrong container)
  | 'UNKNOWN_OPERATOR'  // an object whose single key is not an operator of the language
  | 'UNKNOWN_FIELD'     // a comparison names a field outside the fixed set
  | 'TYPE_MISMATCH'     // the operator does not apply to the field, or the value has the wrong JSON type
  | 'BAD_VALUE'         // the value has the right type but is invalid (bad hex, bad checksum, out of range, unknown role)
  | 'TOO_DEEP'          // nesting beyond MAX_DEPTH
  | 'TOO_LARGE'         // too many nodes, too long a list or string, or too many bytes
  | 'NOT_CANONICAL'     // a signed policy carries a predicate that is not in canonical form
  | 'BAD_POLICY'        // the policy document itself is invalid (owner, name, version, createdAt)
  | 'BAD_FACTS'         // peer facts given to the evaluator are not well formed
  | 'BAD_KEY'           // a private key that is not 32 bytes of hex
  | 'KEY_MISMATCH'      // asked to sign a policy with a key that is not the owner's
  | 'BAD_SIGNATURE'     // the signature is malformed or not the owner's

export class PolicyError extends Error {
  override readonly name = 'PolicyError'
  readonly code: PolicyErrorCode
  /** JSON path of the offending element, when the error is about one. */
  readonly path: string | undefined

  constructor (code: PolicyErrorCode, message: string, path?: string) {
    super(path == null ? message : `${path}: ${message}`)
    this.code = code
    this.path = path
  }
}
