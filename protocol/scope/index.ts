/**
 * Scopes: for every policy, the verified peers it admits, kept up to date
 * incrementally as peers and policies come and go. Pure logic.
 */
export { ScopeIndex, type PeerExplanation, type PolicyInput, type ScopeChange, type ScopeIndexInit, type ScopeListener } from './scope-index.js'
export { ScopeError, type ScopeErrorCode } from './errors.js'
export { DEFAULT_MAX_PEERS, DEFAULT_MAX_POLICIES } from './constants.js'
