/**
 * Default bounds of a ScopeIndex. Cost grows with their product: a peer update
 * evaluates every policy once, a policy update evaluates every peer once, and
 * memory holds up to peers x policies memberships.
 */

/**
 * Most peers an index tracks. A verified peer table of 100k is far beyond any
 * network escrin expects soon, and a policy update over it (100k compiled
 * evaluations) stays around 100 ms (bench/policy-eval: ~10 ms per 10k peers).
 */
export const DEFAULT_MAX_PEERS = 100_000

/**
 * Most policies an index tracks. A peer update evaluates all of them, on the
 * gossip path, so this bounds the work one attestation can cause: 4,096
 * evaluations is a few milliseconds (bench/policy-eval: under 0.1 ms per 100).
 */
export const DEFAULT_MAX_POLICIES = 4_096
