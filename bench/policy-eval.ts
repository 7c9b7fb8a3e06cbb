/**
 * Policy evaluation benchmark: compiled predicates against the reference
 * interpreter (the baseline, measured in the same run), and the incremental
 * ScopeIndex against a full rescan, over 10,000 peers x 100 policies.
 *
 *   node dist/bench/policy-eval.js [--peers N] [--policies N]
 *
 * Prints one JSON object on stdout.
 */
import { compilePredicate, evaluate, normalizeFacts, parsePredicate, type CompiledPredicate, type PeerFacts } from '../protocol/policy/index.js'
import { ScopeIndex } from '../protocol/scope/index.js'

const args = process.argv.slice(2)
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const PEERS = option('peers', 10_000)
const POLICIES = option('policies', 100)
const PEER_UPDATES = 2_000
const POLICY_UPDATES = 20

/** Seeded PRNG (mulberry32): the same peers and policies in every run, so runs compare. */
function prng (seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = prng(42)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]
const hex = (bytes: number): string => Array.from({ length: bytes }, () => Math.floor(random() * 256).toString(16).padStart(2, '0')).join('')

const KINDS = ['dev', 'nitro', 'nitro', 'nitro', 'tdx']
const MEASUREMENTS = Array.from({ length: 8 }, () => hex(48))
const OPERATORS = Array.from({ length: 50 }, () => `0x${hex(20)}`)
const ROLE_SETS = [['runner'], ['ssss'], ['storage'], ['runner', 'ssss'], ['runner', 'ssss', 'storage']]

function randomPeer (i: number): PeerFacts {
  return normalizeFacts({
    peerId: `12D3KooWBench${i}`,
    roles: pick(ROLE_SETS),
    tee: { kind: pick(KINDS), measurement: pick(MEASUREMENTS), pcrs: { 0: pick(MEASUREMENTS), 8: pick(MEASUREMENTS) } },
    operator: pick(OPERATORS),
    bond: BigInt(Math.floor(random() * 10_000)) * 10n ** 15n,
    reliability: random()
  })
}

/** Policy shapes an app would write: TEE allow-lists, bond floors, roles, operator deny-lists, reliability. */
function randomPolicy (): unknown {
  const clauses: unknown[] = [
    { in: ['tee.kind', ['nitro', 'tdx'].slice(0, 1 + Math.floor(random() * 2))] },
    { gte: ['bond', (BigInt(Math.floor(random() * 5_000)) * 10n ** 15n).toString()] },
    { has: ['roles', pick(['runner', 'ssss', 'storage'])] }
  ]
  if (random() < 0.5) clauses.push({ in: ['tee.measurement', MEASUREMENTS.slice(0, 2 + Math.floor(random() * 4))] })
  if (random() < 0.5) clauses.push({ not: { in: ['operator', OPERATORS.slice(0, 3)] } })
  if (random() < 0.3) clauses.push({ any: [{ gte: ['reliability', 0.5] }, { eq: ['tee.pcrs.8', MEASUREMENTS[0]] }] })
  return { all: clauses }
}

const peers = Array.from({ length: PEERS }, (_, i) => randomPeer(i))
const predicates = Array.from({ length: POLICIES }, () => parsePredicate(randomPolicy()))
const compiled: CompiledPredicate[] = predicates.map(compilePredicate)

function time (fn: () => void): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

/** Best of `runs` after one warm-up, in ms: the least noisy estimate of steady-state cost. */
function best (runs: number, fn: () => void): number {
  fn()
  let min = Infinity
  for (let i = 0; i < runs; i++) min = Math.min(min, time(fn))
  return min
}

let sink = 0
const evaluations = PEERS * POLICIES

const compiledMs = best(5, () => {
  for (const test of compiled) for (const facts of peers) if (test(facts)) sink++
})
const interpretedMs = best(3, () => {
  for (const p of predicates) for (const facts of peers) if (evaluate(p, facts)) sink++
})

/** What a node without the index would do on every change: recompute every scope from scratch. */
const fullRescanMs = best(3, () => {
  const scopes = compiled.map(test => {
    const members = new Set<string>()
    for (const facts of peers) if (test(facts)) members.add(facts.peerId)
    return members
  })
  sink += scopes.length
})

const index = new ScopeIndex()
const buildMs = time(() => {
  compiled.forEach((test, i) => index.upsertPolicy(`policy-${i}`, test))
  for (const facts of peers) index.upsertPeer(facts)
})
let memberships = 0
for (let i = 0; i < POLICIES; i++) memberships += index.members(`policy-${i}`).length

const updates = Array.from({ length: PEER_UPDATES }, () => randomPeer(Math.floor(random() * PEERS)))
const peerUpdateMs = time(() => { for (const facts of updates) sink += index.upsertPeer(facts).length }) / PEER_UPDATES

const replacements = Array.from({ length: POLICY_UPDATES }, () => compilePredicate(parsePredicate(randomPolicy())))
const policyUpdateMs = time(() => {
  replacements.forEach((test, i) => { sink += index.upsertPolicy(`policy-${i}`, test).length })
}) / POLICY_UPDATES

const round = (n: number, digits = 3): number => Number(n.toFixed(digits))

process.stdout.write(JSON.stringify({
  benchmark: 'policy-eval',
  node: process.version,
  peers: PEERS,
  policies: POLICIES,
  evaluations,
  compiledEvalsPerSec: Math.round(evaluations / (compiledMs / 1000)),
  interpretedEvalsPerSec: Math.round(evaluations / (interpretedMs / 1000)),
  compiledVsInterpreted: round(interpretedMs / compiledMs, 2),
  indexBuildMs: round(buildMs, 1),
  memberships,
  fullRescanMs: round(fullRescanMs, 2),
  peerUpdateMs: round(peerUpdateMs, 4),
  policyUpdateMs: round(policyUpdateMs, 3),
  fullRescanVsPeerUpdate: round(fullRescanMs / peerUpdateMs, 0),
  fullRescanVsPolicyUpdate: round(fullRescanMs / policyUpdateMs, 1),
  sink: sink > 0
}) + '\n')
