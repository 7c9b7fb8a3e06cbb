import type { Predicate, Value } from './ast.js'

/**
 * The canonical JSON text of a predicate: no whitespace, object keys sorted
 * (every node is a one-key object, so this holds by construction), values in
 * their normal form (hex and addresses lowercase, bonds as decimal strings
 * without leading zeros, numbers in JavaScript's shortest round-trip form,
 * `in` lists sorted and deduplicated). Two predicates with the same canonical
 * text are the same policy; its bytes are what policy ids hash and owners sign.
 *
 * The order of `all`/`any` clauses is kept: it is the author's evaluation
 * order and the numbering `explain` reports.
 */
export function canonicalize (predicate: Predicate): string {
  switch (predicate.op) {
    case 'const':
      return predicate.value ? 'true' : 'false'
    case 'all':
    case 'any':
      return `{"${predicate.op}":[${predicate.args.map(canonicalize).join(',')}]}`
    case 'not':
      return `{"not":${canonicalize(predicate.arg)}}`
    case 'in':
      return `{"in":[${JSON.stringify(predicate.field)},[${predicate.values.map(encodeValue).join(',')}]]}`
    default:
      return `{"${predicate.op}":[${JSON.stringify(predicate.field)},${encodeValue(predicate.value)}]}`
  }
}

function encodeValue (value: Value): string {
  // bigints (bonds) travel as decimal strings: JSON numbers lose precision past 2^53
  return typeof value === 'bigint' ? `"${value.toString()}"` : JSON.stringify(value)
}
