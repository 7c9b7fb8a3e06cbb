import assert from 'node:assert/strict'
import fc from 'fast-check'
import {
  PolicyError,
  canonicalize,
  compilePredicate,
  evaluate,
  explain,
  limits,
  normalizeFacts,
  parsePredicate,
  type PeerFacts,
  type Predicate
} from '../../protocol/policy/index.js'
import { ScopeIndex, type ScopeChange } from '../../protocol/scope/index.js'

/*
 * Values come from small pools shared by facts and predicates, so that random
 * predicates actually match random peers often enough to exercise both sides
 * of every comparison.
 */
const PEER_IDS = ['12D3KooWAlpha', '12D3KooWBravo', '12D3KooWCharlie', 'QmDelta', 'bafzEcho', '12D3KooWFoxtrot']
const KINDS = ['dev', 'nitro', 'test', 'tdx']
const HEXES = ['aa', 'bb', 'aabb', '00ff', 'c0ffee']
const OPERATORS = [`0x${'11'.repeat(20)}`, `0x${'ab'.repeat(20)}`, '0x19e7e376e7c213b7e7e7e46cc70a5dd086daff2a']
const BONDS = [0n, 1n, 999n, 1000n, 1001n, 10n ** 18n]
const RELIABILITIES = [0, 0.25, 0.5, 0.9, 1]
const PCRS = [0, 1, 8, 31]
const ROLE_NAMES = ['runner', 'ssss', 'storage']

const reliabilityArb = fc.oneof(fc.constantFrom(...RELIABILITIES), fc.double({ min: 0, max: 1, noNaN: true }))

const factsArb: fc.Arbitrary<PeerFacts> = fc.record({
  peerId: fc.constantFrom(...PEER_IDS),
  roles: fc.subarray(ROLE_NAMES),
  tee: fc.record({
    kind: fc.constantFrom(...KINDS),
    measurement: fc.constantFrom(...HEXES),
    pcrs: fc.dictionary(fc.constantFrom(...PCRS.map(String)), fc.constantFrom(...HEXES), { maxKeys: 3 })
  }),
  operator: fc.constantFrom(...OPERATORS),
  bond: fc.constantFrom(...BONDS),
  reliability: reliabilityArb
})

/** Two spellings of one predicate: `clean` as a user would write it, `noisy` with every liberty the parser normalises. */
interface Pair { clean: unknown, noisy: unknown }

type ValuePair = [clean: unknown, noisy: unknown]
interface FieldGen { field: string, ops: string[], value: fc.Arbitrary<ValuePair> }

const hexPair = fc.constantFrom(...HEXES).map((h): ValuePair => [h, `0x${h.toUpperCase()}`])
const FIELDS: FieldGen[] = [
  { field: 'peerId', ops: ['eq', 'ne', 'in'], value: fc.constantFrom(...PEER_IDS).map((v): ValuePair => [v, v]) },
  { field: 'tee.kind', ops: ['eq', 'ne', 'in'], value: fc.constantFrom(...KINDS).map((v): ValuePair => [v, v.toUpperCase()]) },
  { field: 'tee.measurement', ops: ['eq', 'ne', 'in'], value: hexPair },
  ...PCRS.map(i => ({ field: `tee.pcrs.${i}`, ops: ['eq', 'ne', 'in'], value: hexPair })),
  { field: 'operator', ops: ['eq', 'ne', 'in'], value: fc.constantFrom(...OPERATORS).map((v): ValuePair => [v, `0x${v.slice(2).toUpperCase()}`]) },
  { field: 'bond', ops: ['eq', 'ne', 'in', 'gte', 'lte', 'gt', 'lt'], value: fc.constantFrom(...BONDS).map((v): ValuePair => [v.toString(), `00${v.toString()}`]) },
  { field: 'reliability', ops: ['eq', 'ne', 'in', 'gte', 'lte', 'gt', 'lt'], value: reliabilityArb.map((v): ValuePair => [v, v === 0 ? -0 : v]) }
]

const comparisonArb: fc.Arbitrary<Pair> = fc.constantFrom(...FIELDS).chain(({ field, ops, value }) =>
  fc.constantFrom(...ops).chain(op => op === 'in'
    ? fc.array(value, { maxLength: 3 }).map(values => ({
      clean: { in: [field, values.map(v => v[0])] },
      // reversed and duplicated: the list is a set
      noisy: { in: [field, [...values, ...values].reverse().map(v => v[1])] }
    }))
    : value.map(([clean, noisy]) => ({ clean: { [op]: [field, clean] }, noisy: { [op]: [field, noisy] } }))))

const leafArb: fc.Arbitrary<Pair> = fc.oneof(
  { arbitrary: comparisonArb, weight: 6 },
  { arbitrary: fc.constantFrom(...ROLE_NAMES).map(r => ({ clean: { has: ['roles', r] }, noisy: { has: ['roles', r] } })), weight: 2 },
  { arbitrary: fc.boolean().map(b => ({ clean: b, noisy: b })), weight: 1 }
)

/** Predicates of bounded depth, built bottom-up so generation cost stays linear in depth. */
function predicateArb (maxDepth: number, maxWidth: number): fc.Arbitrary<Pair> {
  let arb = leafArb
  for (let depth = 2; depth <= maxDepth; depth++) {
    const inner = arb
    arb = fc.oneof(
      { arbitrary: leafArb, weight: 2 },
      { arbitrary: inner.map(p => ({ clean: { not: p.clean }, noisy: { not: p.noisy } })), weight: 1 },
      ...(['all', 'any'] as const).map(op => ({
        arbitrary: fc.array(inner, { maxLength: maxWidth }).map(ps => ({ clean: { [op]: ps.map(p => p.clean) }, noisy: { [op]: ps.map(p => p.noisy) } })),
        weight: 2
      }))
    )
  }
  return arb
}

const validPredicateArb = predicateArb(5, 3)

/** Parses, or returns undefined for the rare generated predicate that exceeds a size limit. */
function tryParse (json: unknown): Predicate | undefined {
  try {
    return parsePredicate(json)
  } catch (err) {
    if (err instanceof PolicyError && err.code === 'TOO_LARGE') return undefined
    throw err
  }
}

describe('policy language properties', () => {
  it('evaluation is deterministic, and compiled = reference = explain = re-parsed canonical form', () => {
    fc.assert(fc.property(validPredicateArb, factsArb, (pair, rawFacts) => {
      const p = tryParse(pair.clean)
      fc.pre(p != null)
      const facts = normalizeFacts(rawFacts)
      const compiled = compilePredicate(p!)
      const result = compiled(facts)
      assert.equal(compiled(facts), result)
      assert.equal(compiled({ ...facts }), result)
      assert.equal(compilePredicate(parsePredicate(pair.clean))(facts), result)
      assert.equal(evaluate(p!, facts), result)
      assert.equal(explain(p!, facts).admitted, result)
      assert.equal(compilePredicate(parsePredicate(canonicalize(p!)))(facts), result)
      assert.equal(compilePredicate(parsePredicate({ not: JSON.parse(canonicalize(p!)) }))(facts), !result)
    }), { numRuns: 500 })
  })

  it('canonical text round-trips, and every accepted spelling has the same canonical text', () => {
    fc.assert(fc.property(validPredicateArb, pair => {
      const p = tryParse(pair.clean)
      fc.pre(p != null)
      const text = canonicalize(p!)
      assert.equal(canonicalize(parsePredicate(text)), text)
      assert.deepEqual(parsePredicate(text), p)
      assert.equal(canonicalize(parsePredicate(JSON.stringify(pair.noisy, null, 2))), text)
      assert.equal(canonicalize(parsePredicate(pair.noisy)), text)
      assert.doesNotMatch(text, /\s/)
    }), { numRuns: 500 })
  })

  it('ne is exactly not-eq, for every field including absent PCRs', () => {
    fc.assert(fc.property(comparisonArb, factsArb, (pair, rawFacts) => {
      const json = pair.clean as Record<string, [string, unknown]>
      fc.pre('eq' in json)
      const facts = normalizeFacts(rawFacts)
      const eq = compilePredicate(parsePredicate(json))(facts)
      assert.equal(compilePredicate(parsePredicate({ ne: json.eq }))(facts), !eq)
    }))
  })

  it('limits: a predicate is accepted exactly when it is within every limit', () => {
    // leaves whose JSON is already canonical, so the model can measure the canonical size directly
    const hexOf = (n: number): string => 'ab'.repeat(n)
    const leaf = fc.oneof(
      { arbitrary: fc.boolean(), weight: 3 },
      { arbitrary: fc.integer({ min: 1, max: 150 }).map(n => ({ eq: ['tee.measurement', hexOf(n)] })), weight: 2 },
      {
        arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: 0xffff }), { maxLength: 140 })
          .map(ns => ({ in: ['tee.measurement', ns.sort((a, b) => a - b).map(n => n.toString(16).padStart(4, '0'))] })),
        weight: 1
      }
    )
    const tree = fc.letrec<{ node: unknown }>(tie => ({
      node: fc.oneof(
        { depthSize: 'small', maxDepth: 12 },
        leaf,
        tie('node').map(p => ({ not: p })),
        fc.array(tie('node'), { maxLength: 4 }).map(ps => ({ all: ps })),
        fc.array(leaf, { minLength: 150, maxLength: 300 }).map(ps => ({ any: ps }))
      )
    })).node
    const chain = fc.tuple(fc.integer({ min: 0, max: 12 }), tree).map(([n, p]) => {
      for (let i = 0; i < n; i++) p = { not: p }
      return p
    })

    let accepted = 0
    let rejected = 0
    const seen = new Set<string>()
    fc.assert(fc.property(chain, fc.boolean(), (json, asText) => {
      const m = measure(json)
      const violated = new Set<string>()
      if (m.depth > limits.MAX_DEPTH) violated.add('TOO_DEEP')
      if (m.nodes > limits.MAX_NODES || m.maxList > limits.MAX_IN_VALUES || m.maxString > limits.MAX_STRING_LENGTH || m.size > limits.MAX_PREDICATE_BYTES) violated.add('TOO_LARGE')
      // hex longer than a 512-bit digest but within the string limit is a bad value, not an oversize one
      if (m.overlongHex) violated.add('BAD_VALUE')
      try {
        const p = parsePredicate(asText ? JSON.stringify(json) : json)
        assert.equal(violated.size, 0, `accepted despite ${[...violated].join(', ')}`)
        assert.equal(canonicalize(p), JSON.stringify(json))
        accepted++
      } catch (err) {
        if (!(err instanceof PolicyError)) throw err
        assert.ok(violated.has(err.code), `rejected with ${err.code} (${err.message.slice(0, 120)}), expected one of [${[...violated].join(', ')}]`)
        seen.add(err.code)
        rejected++
      }
    }), { numRuns: 400 })
    // the generator must exercise both outcomes for the property to mean anything
    assert.ok(accepted > 40 && rejected > 40, `accepted ${accepted}, rejected ${rejected}`)
    assert.deepEqual([...seen].sort(), ['BAD_VALUE', 'TOO_DEEP', 'TOO_LARGE'])
  })

  it('ScopeIndex after random upserts and removes equals a from-scratch computation, and its events replay to it', () => {
    const policyIds = ['p1', 'p2', 'p3', 'p4']
    const opArb = fc.oneof(
      { arbitrary: factsArb.map(facts => ({ t: 'upsertPeer' as const, facts })), weight: 4 },
      { arbitrary: fc.constantFrom(...PEER_IDS).map(peerId => ({ t: 'removePeer' as const, peerId })), weight: 1 },
      { arbitrary: fc.tuple(fc.constantFrom(...policyIds), predicateArb(3, 3)).map(([id, p]) => ({ t: 'upsertPolicy' as const, id, json: p.clean })), weight: 2 },
      { arbitrary: fc.constantFrom(...policyIds).map(id => ({ t: 'removePolicy' as const, id })), weight: 1 }
    )
    fc.assert(fc.property(fc.array(opArb, { maxLength: 40 }), fc.boolean(), (ops, compiled) => {
      const index = new ScopeIndex()
      const peers = new Map<string, PeerFacts>()
      const policies = new Map<string, Predicate>()
      const replayed = new Map<string, Set<string>>() // policyId -> members, from events alone
      const events: ScopeChange[] = []
      index.onChange(change => {
        events.push(change)
        const set = replayed.get(change.policyId) ?? new Set()
        if (change.change === 'joined') {
          assert.ok(!set.has(change.peerId), 'joined twice')
          set.add(change.peerId)
        } else {
          assert.ok(set.delete(change.peerId), 'left without joining')
        }
        replayed.set(change.policyId, set)
      })
      for (const op of ops) {
        const before = events.length
        let returned: ScopeChange[]
        switch (op.t) {
          case 'upsertPeer':
            peers.set(op.facts.peerId, normalizeFacts(op.facts))
            returned = index.upsertPeer(op.facts)
            break
          case 'removePeer':
            peers.delete(op.peerId)
            returned = index.removePeer(op.peerId)
            break
          case 'upsertPolicy': {
            const p = parsePredicate(op.json)
            policies.set(op.id, p)
            returned = index.upsertPolicy(op.id, compiled ? compilePredicate(p) : p)
            break
          }
          case 'removePolicy':
            policies.delete(op.id)
            returned = index.removePolicy(op.id)
        }
        assert.deepEqual(returned, events.slice(before))
      }

      const scratch = new Map<string, string[]>()
      for (const [id, p] of policies) {
        scratch.set(id, [...peers.values()].filter(f => evaluate(p, f)).map(f => f.peerId).sort())
      }
      assert.deepEqual(index.policyIds(), [...policies.keys()].sort())
      for (const id of policyIds) {
        const expected = scratch.get(id) ?? []
        assert.deepEqual(index.members(id), expected, `members of ${id}`)
        assert.deepEqual([...(replayed.get(id) ?? [])].sort(), expected, `events of ${id}`)
        if (policies.has(id)) {
          assert.deepEqual(index.explain(id).filter(e => e.admitted).map(e => e.peerId), expected)
        }
      }
      for (const peerId of PEER_IDS) {
        const expected = [...scratch].filter(([, members]) => members.includes(peerId)).map(([id]) => id).sort()
        assert.deepEqual(index.scopesOf(peerId), expected, `scopes of ${peerId}`)
      }
      assert.equal(index.peerCount, peers.size)
    }), { numRuns: 300 })
  })
})

interface Measure { depth: number, nodes: number, maxList: number, maxString: number, overlongHex: boolean, size: number }

/** The model of the limits: measures a JSON predicate built only from canonical leaves. */
function measure (json: unknown): Measure {
  const m: Measure = { depth: 0, nodes: 0, maxList: 0, maxString: 0, overlongHex: false, size: JSON.stringify(json).length }
  const walk = (node: unknown, depth: number): void => {
    m.nodes++
    m.depth = Math.max(m.depth, depth)
    if (typeof node === 'boolean') return
    const [op, operand] = Object.entries(node as object)[0]
    if (op === 'not') walk(operand, depth + 1)
    else if (op === 'all' || op === 'any') for (const child of operand as unknown[]) walk(child, depth + 1)
    else if (op === 'in') {
      const values = (operand as [string, string[]])[1]
      m.maxList = Math.max(m.maxList, values.length)
      for (const v of values) str(v)
    } else str((operand as [string, string])[1])
  }
  const str = (value: string): void => {
    m.maxString = Math.max(m.maxString, value.length)
    if (value.length > limits.MAX_HEX_LENGTH && value.length <= limits.MAX_STRING_LENGTH) m.overlongHex = true
  }
  walk(json, 1)
  return m
}
