import { canonicalize } from './canonical.js'
import { MAX_DEPTH, MAX_HEX_LENGTH, MAX_IN_VALUES, MAX_NODES, MAX_PREDICATE_BYTES, MAX_STRING_LENGTH } from './constants.js'
import { PolicyError } from './errors.js'
import { ROLES, type Role } from './facts.js'
import { FIELD_NAMES, OPERATORS_BY_KIND, fieldSpec, type ComparisonOperator, type FieldSpec } from './fields.js'
import { normalizeAddress, normalizeHex, normalizePeerId, normalizeReliability, normalizeTeeKind, parseBond } from './values.js'
import type { Predicate, Value } from './ast.js'

/** Per-parse counters, so limits hold over the whole tree and work stops as soon as one is crossed. */
interface Budget {
  nodes: number
  /** Characters of string values seen so far: a cheap early bound on the encoded size. */
  chars: number
}

const COMPARISONS = new Set<string>(['eq', 'ne', 'gte', 'lte', 'gt', 'lt'])
const OPERATOR_NAMES = 'all, any, not, eq, ne, in, gte, lte, gt, lt, has'
const utf8 = new TextEncoder()

/**
 * Parses a predicate from JSON text or an already-decoded JSON value, checking
 * its shape, field/operator types, values and every limit, and returns it in
 * normal form. Throws PolicyError whose message starts with the JSON path of
 * the problem.
 *
 * A string argument is always read as JSON text (a predicate is never a bare
 * string), so `parsePredicate(canonicalize(p))` round-trips.
 */
export function parsePredicate (json: unknown): Predicate {
  let value = json
  if (typeof json === 'string') {
    // bound the input before JSON.parse looks at it: UTF-8 is at least one byte per code unit
    if (json.length > MAX_PREDICATE_BYTES || utf8.encode(json).byteLength > MAX_PREDICATE_BYTES) {
      throw new PolicyError('TOO_LARGE', `predicate text exceeds ${MAX_PREDICATE_BYTES} bytes`, '$')
    }
    try {
      value = JSON.parse(json)
    } catch (err) {
      throw new PolicyError('MALFORMED', `not JSON: ${(err as Error).message}`, '$')
    }
  }
  const predicate = parseNode(value, '$', 1, { nodes: 0, chars: 0 })
  // the canonical encoding is what gets signed, hashed and gossiped: it must fit too
  const size = canonicalize(predicate).length // canonical text is ASCII
  if (size > MAX_PREDICATE_BYTES) {
    throw new PolicyError('TOO_LARGE', `canonical encoding is ${size} bytes, more than ${MAX_PREDICATE_BYTES}`, '$')
  }
  return predicate
}

function parseNode (value: unknown, path: string, depth: number, budget: Budget): Predicate {
  if (depth > MAX_DEPTH) {
    throw new PolicyError('TOO_DEEP', `nested deeper than ${MAX_DEPTH} levels`, path)
  }
  if (++budget.nodes > MAX_NODES) {
    throw new PolicyError('TOO_LARGE', `more than ${MAX_NODES} predicate nodes`, path)
  }
  if (value === true || value === false) {
    return Object.freeze({ op: 'const', value })
  }
  if (!isPlainObject(value)) {
    throw new PolicyError('MALFORMED', `expected a predicate object or true/false, got ${describe(value)}`, path)
  }
  const keys = Object.keys(value)
  if (keys.length !== 1) {
    throw new PolicyError('MALFORMED', `a predicate object has exactly one operator key, got ${keys.length}${keys.length > 0 ? ` (${keys.slice(0, 4).map(quote).join(', ')})` : ''}`, path)
  }
  const op = keys[0]
  const operand = value[op]
  const at = `${path}.${op}`

  switch (op) {
    case 'all':
    case 'any': {
      if (!Array.isArray(operand)) {
        throw new PolicyError('MALFORMED', `'${op}' takes an array of predicates, got ${describe(operand)}`, at)
      }
      // cheap early exit before touching a hostile million-element array
      if (operand.length > MAX_NODES) {
        throw new PolicyError('TOO_LARGE', `${operand.length} clauses, more than the ${MAX_NODES} nodes a predicate may have`, at)
      }
      const args = operand.map((arg, i) => parseNode(arg, `${at}[${i}]`, depth + 1, budget))
      return Object.freeze({ op, args: Object.freeze(args) })
    }
    case 'not':
      return Object.freeze({ op, arg: parseNode(operand, at, depth + 1, budget) })
    case 'in':
      return parseIn(operand, at, budget)
    case 'has':
      return parseHas(operand, at, budget)
    default:
      if (COMPARISONS.has(op)) {
        return parseComparison(op as 'eq' | 'ne' | 'gte' | 'lte' | 'gt' | 'lt', operand, at, budget)
      }
      throw new PolicyError('UNKNOWN_OPERATOR', `unknown operator ${quote(op)} (expected one of ${OPERATOR_NAMES})`, path)
  }
}

function parseComparison (op: 'eq' | 'ne' | 'gte' | 'lte' | 'gt' | 'lt', operand: unknown, at: string, budget: Budget): Predicate {
  const [field, raw] = pair(op, operand, at, 'VALUE')
  const spec = parseField(field, op, at)
  return Object.freeze({ op, field: spec.name, value: parseValue(spec, raw, `${at}[1]`, budget) })
}

function parseIn (operand: unknown, at: string, budget: Budget): Predicate {
  const [field, raw] = pair('in', operand, at, '[VALUES]')
  const spec = parseField(field, 'in', at)
  const listPath = `${at}[1]`
  if (!Array.isArray(raw)) {
    throw new PolicyError('MALFORMED', `'in' takes a list of values, got ${describe(raw)}`, listPath)
  }
  if (raw.length > MAX_IN_VALUES) {
    throw new PolicyError('TOO_LARGE', `${raw.length} values, more than ${MAX_IN_VALUES}`, listPath)
  }
  const values = raw.map((item, i) => parseValue(spec, item, `${listPath}[${i}]`, budget))
  // an `in` list is a set: sorting and deduplicating gives it one canonical encoding
  return Object.freeze({ op: 'in', field: spec.name, values: Object.freeze(sortUnique(values)) })
}

function parseHas (operand: unknown, at: string, budget: Budget): Predicate {
  const [field, raw] = pair('has', operand, at, 'ROLE')
  parseField(field, 'has', at)
  if (typeof raw !== 'string') {
    throw new PolicyError('TYPE_MISMATCH', `a role is a string, got ${describe(raw)}`, `${at}[1]`)
  }
  chargeString(raw, `${at}[1]`, budget)
  if (!(ROLES as readonly string[]).includes(raw)) {
    throw new PolicyError('BAD_VALUE', `unknown role ${quote(raw)} (expected one of ${ROLES.join(', ')})`, `${at}[1]`)
  }
  return Object.freeze({ op: 'has', field: 'roles', value: raw as Role })
}

function pair (op: ComparisonOperator, operand: unknown, at: string, second: string): [unknown, unknown] {
  if (!Array.isArray(operand) || operand.length !== 2) {
    throw new PolicyError('MALFORMED', `'${op}' takes [FIELD, ${second}], got ${describe(operand)}`, at)
  }
  return [operand[0], operand[1]]
}

function parseField (field: unknown, op: ComparisonOperator, at: string): FieldSpec {
  const path = `${at}[0]`
  if (typeof field !== 'string') {
    throw new PolicyError('MALFORMED', `a field name is a string, got ${describe(field)}`, path)
  }
  const spec = fieldSpec(field)
  if (spec == null) {
    throw new PolicyError('UNKNOWN_FIELD', `unknown field ${quote(field)} (expected one of ${FIELD_NAMES})`, path)
  }
  const allowed = OPERATORS_BY_KIND[spec.kind]
  if (!allowed.includes(op)) {
    throw new PolicyError('TYPE_MISMATCH', `'${op}' does not apply to ${spec.name} (use ${allowed.join(', ')})`, at)
  }
  return spec
}

function parseValue (spec: FieldSpec, raw: unknown, path: string, budget: Budget): Value {
  if (spec.kind === 'reliability') {
    if (typeof raw !== 'number') {
      throw new PolicyError('TYPE_MISMATCH', `reliability values are numbers in [0, 1], got ${describe(raw)}`, path)
    }
    const reliability = normalizeReliability(raw)
    if (reliability == null) throw new PolicyError('BAD_VALUE', `reliability ${raw} is outside [0, 1]`, path)
    return reliability
  }
  if (typeof raw !== 'string') {
    const expected = spec.kind === 'bond' ? 'decimal strings of wei (e.g. "1000")' : 'strings'
    throw new PolicyError('TYPE_MISMATCH', `${spec.name} values are ${expected}, got ${describe(raw)}`, path)
  }
  chargeString(raw, path, budget)
  let value: Value | undefined
  let expected: string
  switch (spec.kind) {
    case 'bond':
      value = parseBond(raw)
      expected = 'a decimal uint256 of wei'
      break
    case 'hex':
      value = normalizeHex(raw)
      expected = `non-empty hex of whole bytes, at most ${MAX_HEX_LENGTH / 2} bytes`
      break
    case 'address':
      value = normalizeAddress(raw)
      expected = 'a 0x-address (mixed case must be a valid EIP-55 checksum)'
      break
    case 'kind':
      value = normalizeTeeKind(raw)
      expected = 'a TEE kind token such as nitro'
      break
    default:
      value = normalizePeerId(raw)
      expected = 'a peer id'
  }
  if (value == null) {
    throw new PolicyError('BAD_VALUE', `${quote(raw)} is not ${expected}`, path)
  }
  return value
}

function chargeString (raw: string, path: string, budget: Budget): void {
  if (raw.length > MAX_STRING_LENGTH) {
    throw new PolicyError('TOO_LARGE', `string of ${raw.length} characters, more than ${MAX_STRING_LENGTH}`, path)
  }
  budget.chars += raw.length
  if (budget.chars > MAX_PREDICATE_BYTES) {
    throw new PolicyError('TOO_LARGE', `values total more than ${MAX_PREDICATE_BYTES} characters`, path)
  }
}

function sortUnique (values: Value[]): Value[] {
  values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return values.filter((v, i) => i === 0 || v !== values[i - 1])
}

function isPlainObject (value: unknown): value is Record<string, unknown> {
  if (value == null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function describe (value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'string') return `the string ${quote(value)}`
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`
  return typeof value === 'object' ? 'an object' : typeof value
}

/** Quotes a value for a message, cut short so hostile input cannot bloat logs. */
function quote (value: string): string {
  const text = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  return `'${text.slice(1, -1)}'`
}
