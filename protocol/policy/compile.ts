import { canonicalize } from './canonical.js'
import { fieldSpec } from './fields.js'
import type { Predicate, Value } from './ast.js'
import type { PeerFacts } from './facts.js'

/**
 * A predicate turned into a closure tree: one function call per node, field
 * reads specialised, `in` lists as Sets, no interpretation left at run time.
 * It keeps the predicate it came from (for `explain`) and its canonical text
 * (so a ScopeIndex can tell that an upsert changes nothing).
 */
export interface CompiledPredicate {
  (facts: PeerFacts): boolean
  readonly predicate: Predicate
  readonly canonical: string
}

type Test = (facts: PeerFacts) => boolean

const ALWAYS: Test = () => true
const NEVER: Test = () => false

/**
 * Compiles a predicate (from `parsePredicate`) once, for evaluating it against
 * many peers. The closure never throws on facts in normal form and reads no
 * state but its argument, so results depend on the facts alone.
 */
export function compilePredicate (predicate: Predicate): CompiledPredicate {
  const test = build(predicate)
  const compiled = ((facts: PeerFacts) => test(facts)) as CompiledPredicate
  Object.defineProperty(compiled, 'predicate', { value: predicate, enumerable: true })
  Object.defineProperty(compiled, 'canonical', { value: canonicalize(predicate), enumerable: true })
  return Object.freeze(compiled)
}

function build (p: Predicate): Test {
  switch (p.op) {
    case 'const':
      return p.value ? ALWAYS : NEVER
    case 'not': {
      const arg = build(p.arg)
      return f => !arg(f)
    }
    case 'all': {
      const args = p.args.map(build)
      // unrolled small cases: most policies are an `all` of two to four clauses
      switch (args.length) {
        case 0: return ALWAYS
        case 1: return args[0]
        case 2: { const [a, b] = args; return f => a(f) && b(f) }
        case 3: { const [a, b, c] = args; return f => a(f) && b(f) && c(f) }
        default: return f => {
          for (let i = 0; i < args.length; i++) if (!args[i](f)) return false
          return true
        }
      }
    }
    case 'any': {
      const args = p.args.map(build)
      switch (args.length) {
        case 0: return NEVER
        case 1: return args[0]
        case 2: { const [a, b] = args; return f => a(f) || b(f) }
        case 3: { const [a, b, c] = args; return f => a(f) || b(f) || c(f) }
        default: return f => {
          for (let i = 0; i < args.length; i++) if (args[i](f)) return true
          return false
        }
      }
    }
    case 'has': {
      const role = p.value
      return f => f.roles.includes(role)
    }
    case 'in': {
      const set = new Set<unknown>(p.values)
      const get = getter(p.field)
      return f => set.has(get(f))
    }
    default:
      return compare(p.op, getter(p.field), p.value)
  }
}

function compare (op: 'eq' | 'ne' | 'gte' | 'lte' | 'gt' | 'lt', get: (f: PeerFacts) => any, v: Value): Test {
  // bond is bigint and reliability a number on both sides, so the operators
  // compare like with like; an absent value (undefined) is only ever tested
  // with eq/ne, where it is unequal to everything
  switch (op) {
    case 'eq': return f => get(f) === v
    case 'ne': return f => get(f) !== v
    case 'gte': return f => get(f) >= v
    case 'lte': return f => get(f) <= v
    case 'gt': return f => get(f) > v
    case 'lt': return f => get(f) < v
  }
}

/**
 * Direct property reads for the fixed fields (which V8 inlines into the
 * comparison closure), the generic reader only for PCRs.
 */
function getter (field: string): (f: PeerFacts) => any {
  switch (field) {
    case 'peerId': return f => f.peerId
    case 'tee.kind': return f => f.tee.kind
    case 'tee.measurement': return f => f.tee.measurement
    case 'operator': return f => f.operator
    case 'bond': return f => f.bond
    case 'reliability': return f => f.reliability
    default: {
      const spec = fieldSpec(field)
      if (spec == null) throw new Error(`unreachable: unknown field ${field} in a parsed predicate`)
      return spec.get
    }
  }
}

/**
 * The reference semantics, a plain tree walk. Slower than a compiled
 * predicate; kept as the specification the compiler and `explain` are tested
 * against, and for one-off checks where compiling is not worth it.
 */
export function evaluate (p: Predicate, facts: PeerFacts): boolean {
  switch (p.op) {
    case 'const': return p.value
    case 'not': return !evaluate(p.arg, facts)
    case 'all': return p.args.every(arg => evaluate(arg, facts))
    case 'any': return p.args.some(arg => evaluate(arg, facts))
    case 'has': return facts.roles.includes(p.value)
    case 'in': {
      const actual = fieldSpec(p.field)?.get(facts)
      return p.values.some(v => v === actual)
    }
    default: {
      const actual = fieldSpec(p.field)?.get(facts) as any
      switch (p.op) {
        case 'eq': return actual === p.value
        case 'ne': return actual !== p.value
        case 'gte': return actual >= p.value
        case 'lte': return actual <= p.value
        case 'gt': return actual > p.value
        case 'lt': return actual < p.value
      }
    }
  }
}
