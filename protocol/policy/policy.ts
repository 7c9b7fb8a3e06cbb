import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { canonicalize } from './canonical.js'
import { MAX_POLICY_NAME_LENGTH, MAX_UINT64, POLICY_ID_DOMAIN } from './constants.js'
import { PolicyError } from './errors.js'
import { parsePredicate } from './parse.js'
import { normalizeAddress } from './values.js'
import type { Predicate } from './ast.js'
import { concatBytes, uvarint } from '../wire/bytes.js'

/**
 * A trust-boundary policy as its owner signs it. `owner` and `name` name a
 * lineage, `version` orders it (a higher version supersedes a lower one),
 * `predicate` is canonical JSON text (see `canonicalize`), so what a wallet
 * shows is exactly what is hashed and evaluated.
 */
export interface Policy {
  /** The app's Ethereum address, lowercase. */
  owner: `0x${string}`
  name: string
  /** uint64. */
  version: bigint
  /** Canonical predicate text. */
  predicate: string
  /** Unix time in seconds, as claimed by the owner; informational, not part of the id. */
  createdAt?: number
}

export interface PolicyInit {
  owner: string
  name: string
  version: bigint | number
  /** A parsed predicate, or predicate JSON text in any (non-canonical) form. */
  predicate: Predicate | string
  createdAt?: number
}

// controls would let a name hide or fake text in UIs and logs; lone surrogates have no UTF-8 form to sign
const BAD_NAME_CHAR = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Builds a policy document in normal form from friendlier input (any case, number versions, predicate in any JSON form). */
export function createPolicy (init: PolicyInit): Policy {
  const predicate = typeof init.predicate === 'string' ? parsePredicate(init.predicate) : init.predicate
  return checkPolicy({ ...init, version: toVersion(init.version), predicate: canonicalize(predicate) } as Policy)
}

/**
 * Validates a policy document and returns it in normal form: owner a valid
 * address (lowercased), name 1..64 printable characters, version a uint64,
 * createdAt a non-negative integer (0 is the same as absent), and the predicate
 * valid and already canonical, since a signature over a non-canonical form
 * would let two texts claim one id. Throws PolicyError (BAD_POLICY,
 * NOT_CANONICAL, or the predicate's parse error).
 */
export function checkPolicy (policy: Policy): Policy {
  if (policy == null || typeof policy !== 'object') throw new PolicyError('BAD_POLICY', 'a policy is an object', '$')
  const owner = typeof policy.owner === 'string' ? normalizeAddress(policy.owner) : undefined
  if (owner == null) throw new PolicyError('BAD_POLICY', 'owner is not a 0x-address (mixed case must be a valid EIP-55 checksum)', '$.owner')
  const name = policy.name
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_POLICY_NAME_LENGTH || BAD_NAME_CHAR.test(name)) {
    throw new PolicyError('BAD_POLICY', `name must be 1..${MAX_POLICY_NAME_LENGTH} characters without control characters`, '$.name')
  }
  const version = toVersion(policy.version)
  if (typeof policy.predicate !== 'string') throw new PolicyError('BAD_POLICY', 'predicate must be canonical JSON text', '$.predicate')
  let canonical: string
  try {
    canonical = canonicalize(parsePredicate(policy.predicate))
  } catch (err) {
    if (!(err instanceof PolicyError)) throw err
    throw new PolicyError(err.code, `in predicate: ${err.message}`, '$.predicate')
  }
  if (canonical !== policy.predicate) {
    throw new PolicyError('NOT_CANONICAL', `predicate is not in canonical form (expected ${canonical.length > 80 ? `${canonical.slice(0, 80)}…` : canonical})`, '$.predicate')
  }
  const out: Policy = { owner: owner as `0x${string}`, name, version, predicate: canonical }
  if (policy.createdAt != null && policy.createdAt !== 0) {
    const createdAt = policy.createdAt
    if (!Number.isSafeInteger(createdAt) || createdAt < 0) {
      throw new PolicyError('BAD_POLICY', 'createdAt must be a non-negative integer (unix seconds)', '$.createdAt')
    }
    out.createdAt = createdAt
  }
  return out
}

function toVersion (version: unknown): bigint {
  let v: bigint | undefined
  if (typeof version === 'bigint') v = version
  else if (typeof version === 'number' && Number.isSafeInteger(version)) v = BigInt(version)
  if (v == null || v < 0n || v > MAX_UINT64) throw new PolicyError('BAD_POLICY', 'version must be an integer in 0..2^64-1', '$.version')
  return v
}

const utf8 = new TextEncoder()
const ID_PREFIX = utf8.encode(`${POLICY_ID_DOMAIN}\u0000`)

/**
 * The policy id: lowercase hex (64 characters, no 0x) of
 *
 *   sha256( "escrin-policy-id/1" || 0x00 || owner (20 bytes) || uvarint(len(name)) || name (UTF-8)
 *           || version (8 bytes, big-endian) || uvarint(len(predicate)) || predicate (canonical, UTF-8) )
 *
 * Fixed-width and length-prefixed fields make the encoding injective; the
 * prefix keeps it apart from every other hash escrin takes. `createdAt` and
 * the signature are left out: re-signing the same policy must not change its
 * id, the DHT key its scope is advertised under.
 */
export function policyId (policy: Policy): string {
  const p = checkPolicy(policy)
  const name = utf8.encode(p.name)
  const predicate = utf8.encode(p.predicate)
  const version = new Uint8Array(8)
  new DataView(version.buffer).setBigUint64(0, p.version)
  return bytesToHex(sha256(concatBytes([ID_PREFIX, hexToBytes(p.owner.slice(2)), uvarint(name.byteLength), name, version, uvarint(predicate.byteLength), predicate])))
}

/**
 * A policy lineage (its owner and name, every version) as one key: what
 * stores index policies by, and what an app's quotas and blob deletions are
 * keyed by. The owner in lower case, so any spelling of the address matches.
 */
export function lineageKey (owner: string, name: string): string {
  return `${owner.toLowerCase()}/${name}`
}

/** True when `a` replaces `b`: the same lineage (owner and name) at a higher version. */
export function supersedes (a: Policy, b: Policy): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.name === b.name && a.version > b.version
}
