/**
 * The trust-boundary policy language: predicates over verified peer facts,
 * their canonical encoding, compiled evaluation and explanations, and signed,
 * versioned policy documents. Pure logic: no I/O, no clock.
 */
export type { Predicate, Value } from './ast.js'
export { canonicalize } from './canonical.js'
export { compilePredicate, evaluate, type CompiledPredicate } from './compile.js'
export * as limits from './constants.js'
export { PolicyError, type PolicyErrorCode } from './errors.js'
export { explain, type Explanation } from './explain.js'
export { normalizeFacts, ROLES, type PeerFacts, type Role } from './facts.js'
export type { Field, FieldKind } from './fields.js'
export { parsePredicate } from './parse.js'
export { checkPolicy, createPolicy, lineageKey, policyId, supersedes, type Policy, type PolicyInit } from './policy.js'
export {
  POLICY_EIP712_TYPES,
  policyDigest,
  policyTypedData,
  signPolicy,
  signedPolicyFromJson,
  signedPolicyToJson,
  verifySignedPolicy,
  type PolicyTypedData,
  type SignedPolicy,
  type SignedPolicyJson
} from './signed-policy.js'
export { POLICY_EIP712_DOMAIN } from './constants.js'
