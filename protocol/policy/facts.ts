import { MAX_PCR_INDEX, MAX_STRING_LENGTH } from './constants.js'
import { PolicyError } from './errors.js'
import { normalizeAddress, normalizeHex, normalizePeerId, normalizeTeeKind, normalizeReliability } from './values.js'

/** The roles a node can serve; `has` clauses may only name these. */
export const ROLES = ['runner', 'ssss', 'storage'] as const
export type Role = typeof ROLES[number]

/**
 * What a node knows, verified, about a peer: the input to every predicate.
 * Built from a verified attestation plus local observation (reliability).
 * Predicates compare against these fields as given, so they must be in
 * normal form (see `normalizeFacts`): hex lowercase without `0x`, the
 * operator address lowercase.
 */
export interface PeerFacts {
  peerId: string
  /** Subset of ROLES (unknown roles are kept but no predicate can name them). */
  roles: string[]
  tee: {
    /** Evidence kind: 'dev' | 'nitro' | 'test' ... */
    kind: string
    /** Enclave measurement, lowercase hex. */
    measurement: string
    /** Platform configuration registers by index ('0'..'31'), lowercase hex. */
    pcrs?: Record<string, string>
  }
  /** The operator's 0x-address, lowercase. */
  operator: string
  /** The operator's fidelity bond, in wei. */
  bond: bigint
  /** Observed reliability in [0, 1]. */
  reliability: number
}

const MAX_ROLES = 16
const PCR_KEY = /^(0|[1-9][0-9]?)$/

/**
 * Checks facts and returns a normalised copy (a fresh object, so later changes
 * to the input cannot change an index built over it). Throws PolicyError
 * BAD_FACTS naming the bad field. Facts come from our own verifiers, so a
 * failure here is a bug or a hostile attestation the verifier let through; in
 * both cases refusing is safer than guessing.
 */
export function normalizeFacts (facts: PeerFacts): PeerFacts {
  if (facts == null || typeof facts !== 'object') bad('$', 'facts must be an object')
  const peerId = typeof facts.peerId === 'string' ? normalizePeerId(facts.peerId) : undefined
  if (peerId == null) bad('$.peerId', 'not a peer id')

  if (!Array.isArray(facts.roles) || facts.roles.length > MAX_ROLES) bad('$.roles', `must be an array of at most ${MAX_ROLES} strings`)
  for (const role of facts.roles) {
    if (typeof role !== 'string' || role.length === 0 || role.length > 32) bad('$.roles', 'roles must be short non-empty strings')
  }
  const roles = [...new Set(facts.roles)].sort()

  const tee = facts.tee
  if (tee == null || typeof tee !== 'object') bad('$.tee', 'must be an object')
  const kind = typeof tee.kind === 'string' ? normalizeTeeKind(tee.kind) : undefined
  if (kind == null) bad('$.tee.kind', 'not a TEE kind token')
  // a dev key has no measurement worth the name; allow it to be empty
  const measurement = typeof tee.measurement === 'string' ? normalizeHex(tee.measurement, true) : undefined
  if (measurement == null) bad('$.tee.measurement', 'not hex')

  let pcrs: Record<string, string> | undefined
  if (tee.pcrs != null) {
    if (typeof tee.pcrs !== 'object') bad('$.tee.pcrs', 'must be an object')
    pcrs = {}
    for (const [key, value] of Object.entries(tee.pcrs)) {
      if (!PCR_KEY.test(key) || Number(key) > MAX_PCR_INDEX) bad(`$.tee.pcrs.${key.slice(0, 8)}`, `PCR index must be 0..${MAX_PCR_INDEX}`)
      const hex = typeof value === 'string' ? normalizeHex(value, true) : undefined
      if (hex == null) bad(`$.tee.pcrs.${key}`, 'not hex')
      pcrs[key] = hex
    }
  }

  const operator = typeof facts.operator === 'string' ? normalizeAddress(facts.operator) : undefined
  if (operator == null) bad('$.operator', 'not a 0x-address')
  if (typeof facts.bond !== 'bigint' || facts.bond < 0n) bad('$.bond', 'must be a non-negative bigint')
  const reliability = typeof facts.reliability === 'number' ? normalizeReliability(facts.reliability) : undefined
  if (reliability == null) bad('$.reliability', 'must be a number in [0, 1]')

  return {
    peerId,
    roles,
    tee: pcrs == null ? { kind, measurement } : { kind, measurement, pcrs },
    operator,
    bond: facts.bond,
    reliability
  }
}

function bad (path: string, message: string): never {
  throw new PolicyError('BAD_FACTS', message.slice(0, MAX_STRING_LENGTH), path)
}
