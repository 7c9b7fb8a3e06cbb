import { MAX_PCR_INDEX } from './constants.js'
import type { PeerFacts } from './facts.js'

/**
 * The fixed set of fields a predicate can read, their value kinds, and how to
 * read each from PeerFacts. Adding a field is a protocol change: nodes that do
 * not know it reject policies using it as UNKNOWN_FIELD.
 */

export type PcrField = `tee.pcrs.${number}`
export type Field = 'peerId' | 'roles' | 'tee.kind' | 'tee.measurement' | PcrField | 'operator' | 'bond' | 'reliability'

/**
 * The kind of a field decides which operators and values it accepts:
 * - identifiers (`peerId`, `kind`, `hex`, `address`) compare for equality only;
 * - `roles` is a set, queried with `has`;
 * - `bond` (bigint) and `reliability` (number) are ordered.
 */
export type FieldKind = 'peerId' | 'kind' | 'hex' | 'address' | 'roles' | 'bond' | 'reliability'

export type ComparisonOperator = 'eq' | 'ne' | 'in' | 'gte' | 'lte' | 'gt' | 'lt' | 'has'

export interface FieldSpec {
  readonly name: Field
  readonly kind: FieldKind
  /** Reads the field; undefined when the peer has no such value (an absent PCR). */
  readonly get: (facts: PeerFacts) => unknown
}

const EQUALITY: readonly ComparisonOperator[] = ['eq', 'ne', 'in']
const ORDERED: readonly ComparisonOperator[] = ['eq', 'ne', 'in', 'gte', 'lte', 'gt', 'lt']

export const OPERATORS_BY_KIND: Readonly<Record<FieldKind, readonly ComparisonOperator[]>> = {
  peerId: EQUALITY,
  kind: EQUALITY,
  hex: EQUALITY,
  address: EQUALITY,
  roles: ['has'],
  bond: ORDERED,
  reliability: ORDERED
}

const FIXED: ReadonlyMap<string, FieldSpec> = new Map<string, FieldSpec>([
  ['peerId', { name: 'peerId', kind: 'peerId', get: f => f.peerId }],
  ['roles', { name: 'roles', kind: 'roles', get: f => f.roles }],
  ['tee.kind', { name: 'tee.kind', kind: 'kind', get: f => f.tee.kind }],
  ['tee.measurement', { name: 'tee.measurement', kind: 'hex', get: f => f.tee.measurement }],
  ['operator', { name: 'operator', kind: 'address', get: f => f.operator }],
  ['bond', { name: 'bond', kind: 'bond', get: f => f.bond }],
  ['reliability', { name: 'reliability', kind: 'reliability', get: f => f.reliability }]
])

const PCR_FIELDS: readonly FieldSpec[] = Array.from({ length: MAX_PCR_INDEX + 1 }, (_, index) => {
  const key = String(index)
  return { name: `tee.pcrs.${index}` as const, kind: 'hex' as const, get: (f: PeerFacts) => f.tee.pcrs?.[key] }
})

// one spelling per PCR: `tee.pcrs.01` is not `tee.pcrs.1`, so canonical text stays unique
const PCR_NAME = /^tee\.pcrs\.(0|[1-9][0-9]?)$/

/** Human-readable list of the fields, for error messages. */
export const FIELD_NAMES = `peerId, roles, tee.kind, tee.measurement, tee.pcrs.0..${MAX_PCR_INDEX}, operator, bond, reliability`

export function fieldSpec (name: string): FieldSpec | undefined {
  const fixed = FIXED.get(name)
  if (fixed != null) return fixed
  const match = PCR_NAME.exec(name)
  return match == null ? undefined : PCR_FIELDS[Number(match[1])]
}
