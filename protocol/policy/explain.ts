import { EXPLAIN_MAX_LIST_ITEMS, EXPLAIN_MAX_VALUE_CHARS } from './constants.js'
import { fieldSpec } from './fields.js'
import type { Predicate } from './ast.js'
import type { PeerFacts } from './facts.js'

/**
 * Why a predicate admits or excludes a peer: the decisive clause (its JSON path
 * in the predicate, as error messages use) and a one-line reason.
 */
export interface Explanation {
  admitted: boolean
  /** e.g. "tee.kind is 'dev', not in ['nitro']" */
  reason: string
  /** e.g. "$.all[1]" */
  clause: string
}

/**
 * Evaluates `predicate` on `facts` like `compilePredicate` does (the tests hold
 * them equal) and says why. The decisive clause is the one that settled the
 * result: the first failing clause of a failing `all`, the first holding clause
 * of a holding `any`; when every clause had to be looked at (an `all` that
 * holds, an `any` that fails) it is the combinator itself and the reason lists
 * its clauses. `not` passes its operand's clause through and marks the reason
 * negated. Meant for operators and the API (`?explain=1`), not the hot path.
 */
export function explain (predicate: Predicate, facts: PeerFacts): Explanation {
  return walk(predicate, facts, '$')
}

function walk (p: Predicate, facts: PeerFacts, path: string): Explanation {
  switch (p.op) {
    case 'const':
      return { admitted: p.value, reason: `constant ${String(p.value)}`, clause: path }
    case 'not': {
      const inner = walk(p.arg, facts, `${path}.not`)
      return { admitted: !inner.admitted, reason: `negated: ${inner.reason}`, clause: inner.clause }
    }
    case 'all':
    case 'any': {
      // `all` is settled by its first false clause, `any` by its first true one
      const settling = p.op === 'any'
      const parts: Explanation[] = []
      for (let i = 0; i < p.args.length; i++) {
        const part = walk(p.args[i], facts, `${path}.${p.op}[${i}]`)
        if (part.admitted === settling) return part
        parts.push(part)
      }
      const summary = p.op === 'all'
        ? (parts.length === 0 ? 'all of no clauses hold (vacuously true)' : `all ${parts.length} clauses hold`)
        : (parts.length === 0 ? 'none of no clauses holds (vacuously false)' : `none of ${parts.length} clauses holds`)
      const details = parts.length === 0 ? '' : ` [${parts.map(part => part.reason).join('; ')}]`
      return { admitted: !settling, reason: summary + details, clause: path }
    }
    case 'has': {
      const admitted = facts.roles.includes(p.value)
      return {
        admitted,
        reason: `roles ${list(facts.roles)} ${admitted ? 'include' : 'do not include'} ${show(p.value)}`,
        clause: path
      }
    }
    case 'in': {
      const actual = fieldSpec(p.field)?.get(facts)
      const admitted = p.values.some(v => v === actual)
      return { admitted, reason: `${p.field} is ${show(actual)}, ${admitted ? 'in' : 'not in'} ${list(p.values)}`, clause: path }
    }
    default: {
      const actual = fieldSpec(p.field)?.get(facts) as any
      const expected = show(p.value)
      const is = `${p.field} is ${show(actual)}`
      let admitted: boolean
      let reason: string
      switch (p.op) {
        case 'eq':
          admitted = actual === p.value
          reason = admitted ? is : `${is}, not ${expected}`
          break
        case 'ne':
          admitted = actual !== p.value
          reason = admitted ? `${is}, not ${expected}` : `${is}, which the clause excludes`
          break
        default: {
          const symbol = { gte: '>=', lte: '<=', gt: '>', lt: '<' }[p.op]
          admitted = p.op === 'gte' ? actual >= p.value : p.op === 'lte' ? actual <= p.value : p.op === 'gt' ? actual > p.value : actual < p.value
          reason = `${is}, ${admitted ? '' : 'not '}${symbol} ${expected}`
        }
      }
      return { admitted, reason, clause: path }
    }
  }
}

/** Shows a fact or value: strings quoted and cut short (facts come from peers), numbers bare, absent values named. */
function show (value: unknown): string {
  if (value === undefined) return 'absent'
  if (typeof value === 'bigint' || typeof value === 'number') return String(value)
  const text = String(value)
  const cut = text.length > EXPLAIN_MAX_VALUE_CHARS ? `${text.slice(0, EXPLAIN_MAX_VALUE_CHARS)}…` : text
  // JSON escaping keeps control characters from a hostile peer out of logs and UIs
  return `'${JSON.stringify(cut).slice(1, -1)}'`
}

function list (values: readonly unknown[]): string {
  const shown = values.slice(0, EXPLAIN_MAX_LIST_ITEMS).map(show)
  if (values.length > EXPLAIN_MAX_LIST_ITEMS) shown.push(`… ${values.length - EXPLAIN_MAX_LIST_ITEMS} more`)
  return `[${shown.join(', ')}]`
}
