/**
 * Limits and fixed identifiers of the trust-boundary policy language.
 *
 * Policies arrive from the network (gossip, the DHT, the HTTP API) and every
 * node evaluates every policy against every verified peer, so each limit below
 * bounds either the work an attacker can make a node do or the size of what a
 * node stores and re-gossips. Changing any of them changes which policies the
 * network accepts: treat them as part of the protocol version.
 */

/**
 * Deepest nesting of predicate nodes (the root is depth 1). Real policies are
 * an `all` of a few clauses with perhaps an `any` or a `not` inside (depth 3-4);
 * 8 leaves room for generated policies while keeping parse and explain recursion
 * trivially shallow.
 */
export const MAX_DEPTH = 8

/**
 * Most predicate nodes (combinators, constants and comparisons, not counting the
 * values inside an `in` list). Bounds compile time and the per-peer cost of a
 * policy: 256 comparisons is still well under a microsecond per evaluation.
 */
export const MAX_NODES = 256

/**
 * Longest `in` list. An allow-list of operators or measurements is the main use;
 * 128 entries covers a large consortium while keeping one clause's explanation
 * and encoding small. Longer lists belong on chain, not in a gossiped policy.
 */
export const MAX_IN_VALUES = 128

/**
 * Longest string value, in UTF-16 code units (all accepted values are ASCII).
 * The longest legitimate values are hex digests: a SHA-384 PCR is 96 hex
 * characters, a SHA-512 measurement 128; peer ids are under 64 characters.
 */
export const MAX_STRING_LENGTH = 256

/**
 * Largest encoded predicate in bytes, both for JSON text given to the parser
 * (checked before `JSON.parse`, so hostile input costs nothing) and for the
 * canonical encoding (what is signed, hashed and gossiped). 16 KiB keeps a
 * whole signed policy comfortably inside one gossip message.
 */
export const MAX_PREDICATE_BYTES = 16 * 1024

/** Highest TEE platform-configuration-register index a field may name (`tee.pcrs.0` .. `tee.pcrs.31`). TPMs and Nitro both use fewer. */
export const MAX_PCR_INDEX = 31

/** Longest hex value (digest) in characters, without a `0x` prefix: a 512-bit digest. */
export const MAX_HEX_LENGTH = 128

/** Longest decimal bond value: 78 digits is the width of a uint256, the type bonds have on chain. */
export const MAX_BOND_DIGITS = 78

/** Largest bond a predicate may name: bonds are uint256 amounts of wei on chain. */
export const MAX_BOND = (1n << 256n) - 1n

/** Longest policy name, in UTF-16 code units. Names are labels shown in wallets and UIs, not documents. */
export const MAX_POLICY_NAME_LENGTH = 64

/** Largest policy version and `createdAt`: both are `uint64` in the EIP-712 struct a wallet signs. */
export const MAX_UINT64 = (1n << 64n) - 1n

/**
 * Prefix of the bytes hashed into a policy id. Distinct from every other escrin
 * domain (for instance `escrin-envelope/1`), so an id can never be mistaken for,
 * or made to collide with, a hash taken for another purpose.
 */
export const POLICY_ID_DOMAIN = 'escrin-policy-id/1'

/**
 * The EIP-712 domain policies are signed under.
 *
 * There is deliberately no `chainId` and no `verifyingContract`: a policy is an
 * off-chain statement by its owner ("my app trusts peers matching this
 * predicate") that means the same thing on every chain, and nodes verify it
 * without a chain at all (a devnet runs on an embedded ledger). Binding it to a
 * chain would split one policy into one id per chain and make wallets ask the
 * user to switch networks, for no protection: replaying the signature elsewhere
 * can only re-assert the same statement by the same owner.
 */
export const POLICY_EIP712_DOMAIN = { name: 'Escrin', version: '1' } as const

/** In `explain` reasons, how many characters of one value are shown before it is cut with an ellipsis. */
export const EXPLAIN_MAX_VALUE_CHARS = 72

/** In `explain` reasons, how many values of a list are shown before the rest is summarised as a count. */
export const EXPLAIN_MAX_LIST_ITEMS = 8
