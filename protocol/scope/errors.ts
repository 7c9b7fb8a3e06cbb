export type ScopeErrorCode =
  | 'TOO_MANY_PEERS'     // adding a peer would exceed maxPeers
  | 'TOO_MANY_POLICIES'  // adding a policy would exceed maxPolicies
  | 'ID_MISMATCH'        // a policy document was upserted under an id that is not its policyId
  | 'LISTENER_FAILED'    // a change listener threw (the index itself was updated)

export class ScopeError extends Error {
  override readonly name = 'ScopeError'
  readonly code: ScopeErrorCode

  constructor (code: ScopeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}
