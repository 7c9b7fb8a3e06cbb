import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { parseEther } from 'viem/utils'
import { CONNECTION_HIGH_WATER, CONNECTION_LOW_WATER, MAX_CONNECTIONS, ROLES, type Role } from '../../node/constants.js'
import { canonicalize, parsePredicate, PolicyError } from '../../protocol/policy/index.js'
import { ScenarioError } from './errors.js'
import { Fields } from './fields.js'
import { resolveSelector } from './selectors.js'
import { describe, parseDuration, parsePercent, parseRate, parseSize } from './units.js'
import {
  EVENT_KINDS, LOAD_KINDS, WORKER_NAMES,
  type AppSpec, type EvidenceSpec, type Faults, type ForgeKind, type LoadKind, type NodeGroup, type NodeRef, type Scenario, type SimMode, type TimelineEvent, type WorkerName
} from './types.js'

/** More nodes than this in one scenario would not fit this machine in either mode. */
export const MAX_NODES = 1_000
const NAME = /^[a-z][a-z0-9-]{0,31}$/
const TEE_KIND = /^[a-z][a-z0-9-]{0,15}$/
const HEX = /^(0x)?([0-9a-fA-F]{2}){1,64}$/
const FORGE_KINDS: readonly ForgeKind[] = ['evidence', 'identity', 'tamper']

const DEFAULTS = {
  seed: 1,
  attestationTtl: '30s',
  latency: '0ms',
  convergeWithin: '30s',
  sampleEvery: '250ms',
  jobTimeout: '10s',
  blobSize: '64KiB'
}
/** The largest blob a blob load puts: the agent holds it whole to check what comes back. */
const MAX_SIM_BLOB_BYTES = 16 * 1024 * 1024
/** A blob load deletes at most this share of its requests: the rest put and read, so there is something left to delete and to read. */
const MAX_DELETE_SHARE = 0.5

/**
 * Checks a parsed scenario document (from JSON or YAML) and returns the
 * Scenario with defaults filled in and node selectors resolved. The first
 * problem throws a ScenarioError naming its path.
 */
export function validateScenario (document: unknown, file: string): Scenario {
  const top = new Fields(document, '')
  const name = top.string('name', basename(file).replace(/\.(json|ya?ml)$/, ''))
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) throw new ScenarioError('name', `expected 1-64 letters, digits, ".", "_" or "-", got ${describe(name)}`)
  const description = top.has('description') ? top.string('description') : ''
  const seed = top.integer('seed', DEFAULTS.seed, 0, 2 ** 31)
  const modeValue = top.get('mode') ?? 'memory'
  if (modeValue !== 'memory' && modeValue !== 'process') throw new ScenarioError('mode', `expected memory or process, got ${describe(modeValue)}`)
  const mode: SimMode = modeValue
  const durationMs = parseDuration(top.required('duration'), 'duration')
  if (durationMs < 1_000) throw new ScenarioError('duration', 'must be at least 1s')
  const attestationTtlMs = parseDuration(top.get('attestationTtl') ?? DEFAULTS.attestationTtl, 'attestationTtl')
  if (attestationTtlMs < 4_000) throw new ScenarioError('attestationTtl', 'must be at least 4s (nodes re-publish at half of it)')
  const latencyMs = parseDuration(top.get('latency') ?? DEFAULTS.latency, 'latency')
  const convergeWithinMs = parseDuration(top.get('convergeWithin') ?? DEFAULTS.convergeWithin, 'convergeWithin')
  const warmupMs = parseDuration(top.get('warmup') ?? '0s', 'warmup')
  if (warmupMs > durationMs) throw new ScenarioError('warmup', 'is longer than the scenario')
  const sampleEveryMs = parseDuration(top.get('sampleEvery') ?? DEFAULTS.sampleEvery, 'sampleEvery')
  if (sampleEveryMs < 50) throw new ScenarioError('sampleEvery', 'must be at least 50ms')
  const minConnections = top.integer('minConnections', 8, 1, 100)
  const maxConnections = top.integer('maxConnections', MAX_CONNECTIONS, 2, 10_000)
  if (maxConnections < minConnections) throw new ScenarioError('maxConnections', `is below minConnections (${minConnections})`)
  const highWater = top.integer('highWater', CONNECTION_HIGH_WATER, 1, 10_000)
  const lowWater = top.integer('lowWater', Math.min(CONNECTION_LOW_WATER, highWater), 1, 10_000)
  const chain = top.boolean('chain', false)
  if (lowWater > highWater) throw new ScenarioError('lowWater', `is above highWater (${highWater})`)

  const apps = top.list('apps', false).map((raw, i) => readApp(raw, `apps[${i}]`, seed))
  unique(apps.map(a => a.name), 'apps', 'app')

  const groups = top.list('nodes').map((raw, i) => readGroup(raw, `nodes[${i}]`))
  if (groups.length === 0) throw new ScenarioError('nodes', 'needs at least one node group')
  unique(groups.map(g => g.name), 'nodes', 'group')
  const nodes: NodeRef[] = groups.flatMap(g => Array.from({ length: g.count }, (_, index) => ({ name: `${g.name}-${index}`, group: g.name, index })))
  if (nodes.length > MAX_NODES) throw new ScenarioError('nodes', `${nodes.length} nodes in all; at most ${MAX_NODES}`)

  const timeline = top.list('timeline', false).map((raw, i) => readEvent(raw, `timeline[${i}]`, i, { nodes, apps, durationMs }))
  top.done()

  // events run in time order; a stable sort keeps the file's order for equal times
  timeline.sort((a, b) => a.atMs - b.atMs || a.line - b.line)
  checkPolicyReferences(timeline)
  const restartable = new Set(timeline.flatMap(e => e.do === 'restart' ? e.nodes : []))
  return { name, description, file, seed, mode, durationMs, attestationTtlMs, latencyMs, convergeWithinMs, warmupMs, sampleEveryMs, minConnections, maxConnections, highWater, lowWater, groups, nodes, apps, timeline, restartable, chain }
}

function unique (names: string[], path: string, what: string): void {
  const seen = new Set<string>()
  names.forEach((n, i) => {
    if (seen.has(n)) throw new ScenarioError(`${path}[${i}]`, `${what} "${n}" is defined twice`)
    seen.add(n)
  })
}

/** An app's key comes from the seed and its name, so a scenario's policy ids repeat from run to run. */
export function appKey (seed: number, name: string): `0x${string}` {
  return `0x${createHash('sha256').update(`escrin-sim app key\u0000${seed}\u0000${name}`).digest('hex')}`
}

function readApp (raw: unknown, path: string, seed: number): AppSpec {
  let name: unknown = raw
  if (typeof raw !== 'string') {
    const f = new Fields(raw, path)
    name = f.string('name')
    f.done()
  }
  if (typeof name !== 'string' || !NAME.test(name)) throw new ScenarioError(path, `app name must be 1-32 of a-z, 0-9 and "-", starting with a letter, got ${describe(name)}`)
  const key = appKey(seed, name)
  return { name, key, owner: privateKeyToAccount(key).address.toLowerCase() as `0x${string}` }
}

function readGroup (raw: unknown, path: string): NodeGroup {
  const f = new Fields(raw, path)
  const name = f.string('group')
  if (!NAME.test(name)) throw new ScenarioError(f.at('group'), `expected 1-32 of a-z, 0-9 and "-", starting with a letter, got ${describe(name)}`)
  const count = f.integer('count', 1, 1, MAX_NODES)
  const roles = readRoles(f.get('roles'), f.at('roles'))
  const evidence = readEvidence(f.get('evidence') ?? 'dev', f.at('evidence'))
  const bond = readBond(f.get('bond') ?? 0, f.at('bond'))
  const honest = f.boolean('honest', true)
  const join = readJoin(f.get('join'), f.at('join'))
  f.done()
  return { name, count, roles, evidence, bond, honest, join }
}

function readRoles (value: unknown, path: string): Role[] {
  if (value === undefined) return [...ROLES]
  const items = typeof value === 'string' ? value.split(',').map(s => s.trim()).filter(s => s !== '') : value
  if (!Array.isArray(items)) throw new ScenarioError(path, `expected a list of roles (${ROLES.join(', ')}), got ${describe(value)}`)
  return [...new Set(items.map((r, i) => {
    if (typeof r !== 'string' || !(ROLES as readonly string[]).includes(r)) throw new ScenarioError(`${path}[${i}]`, `unknown role ${describe(r)} (roles: ${ROLES.join(', ')})`)
    return r as Role
  }))]
}

/** `dev`, `nitro:ab12…`, or `{ kind: nitro, measurement: ab12… }`. */
function readEvidence (value: unknown, path: string): EvidenceSpec {
  let kind: unknown
  let measurement: unknown
  if (typeof value === 'string') {
    [kind, measurement] = value.includes(':') ? value.split(':', 2) : [value, undefined]
  } else {
    const f = new Fields(value, path)
    kind = f.get('kind')
    measurement = f.get('measurement')
    f.done()
  }
  if (kind === 'dev') {
    if (measurement !== undefined) throw new ScenarioError(path, 'dev evidence has no measurement')
    return { kind: 'dev', measurement: '' }
  }
  if (typeof kind !== 'string' || !TEE_KIND.test(kind)) throw new ScenarioError(path, `expected "dev" or a TEE kind like "nitro" (a-z, 0-9, "-"), got ${describe(kind)}`)
  if (typeof measurement !== 'string' || !HEX.test(measurement)) throw new ScenarioError(path, `a ${kind} node needs a measurement in hex (1-64 bytes), e.g. "${kind}:aa11", got ${describe(measurement)}`)
  return { kind, measurement: measurement.replace(/^0x/, '').toLowerCase() }
}

function readBond (value: unknown, path: string): bigint {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1e12) throw new ScenarioError(path, `expected a bond in ETH (a number >= 0), got ${describe(value)}`)
  return parseEther(String(value))
}

function readJoin (value: unknown, path: string): NodeGroup['join'] {
  if (value === undefined) return { atMs: 0, staggerMs: 0 }
  if (value === false || value === 'never') return null
  if (typeof value === 'string') return { atMs: parseDuration(value, path), staggerMs: 0 }
  const f = new Fields(value, path)
  const atMs = parseDuration(f.get('at') ?? '0s', f.at('at'))
  const staggerMs = parseDuration(f.get('stagger') ?? '0ms', f.at('stagger'))
  f.done()
  return { atMs, staggerMs }
}

interface Context { nodes: NodeRef[], apps: AppSpec[], durationMs: number }

function readEvent (raw: unknown, path: string, line: number, ctx: Context): TimelineEvent {
  const f = new Fields(raw, path)
  const atMs = parseDuration(f.required('at'), f.at('at'))
  if (atMs > ctx.durationMs) throw new ScenarioError(f.at('at'), `is after the end of the scenario (duration ${ctx.durationMs / 1000}s)`)
  const kind = f.required('do')
  if (typeof kind !== 'string' || !(EVENT_KINDS as readonly string[]).includes(kind)) {
    throw new ScenarioError(f.at('do'), `unknown action ${describe(kind)} (actions: ${EVENT_KINDS.join(', ')})`)
  }
  const select = (key: string): string[] => resolveSelector(f.required(key), ctx.nodes, f.at(key))
  const one = (key: string): string => {
    const chosen = select(key)
    if (chosen.length !== 1) throw new ScenarioError(f.at(key), `must select exactly one node, selects ${chosen.length}`)
    return chosen[0]
  }
  const app = (): string => {
    const name = f.string('app')
    if (!ctx.apps.some(a => a.name === name)) throw new ScenarioError(f.at('app'), `no app "${name}" (apps: ${ctx.apps.map(a => a.name).join(', ') || 'none; add an apps: list'})`)
    return name
  }
  const via = (): string[] => f.has('via') ? select('via') : []
  let event: TimelineEvent
  switch (kind) {
    case 'join':
      event = { atMs, line, do: 'join', nodes: select('nodes'), staggerMs: parseDuration(f.get('stagger') ?? '0ms', f.at('stagger')) }
      break
    case 'crash':
    case 'restart':
    case 'leave':
      event = { atMs, line, do: kind, nodes: select('nodes') }
      break
    case 'partition': {
      const sides = f.list('sides').map((side, i) => resolveSelector(side, ctx.nodes, `${f.at('sides')}[${i}]`))
      if (sides.length < 1) throw new ScenarioError(f.at('sides'), 'needs at least one side (unlisted nodes form one more side)')
      const seen = new Set<string>()
      sides.forEach((side, i) => {
        for (const n of side) {
          if (seen.has(n)) throw new ScenarioError(`${f.at('sides')}[${i}]`, `node ${n} is on two sides`)
          seen.add(n)
        }
      })
      const rest = ctx.nodes.map(n => n.name).filter(n => !seen.has(n))
      event = { atMs, line, do: 'partition', sides: rest.length > 0 ? [...sides, rest] : sides }
      if (event.sides.length < 2) throw new ScenarioError(f.at('sides'), 'puts every node on one side: nothing is cut')
      break
    }
    case 'heal':
      event = { atMs, line, do: 'heal' }
      break
    case 'byzantine':
      event = { atMs, line, do: 'byzantine', nodes: select('nodes'), faults: readFaults(f.required('faults'), f.at('faults')) }
      break
    case 'publish': {
      const predicateRaw = f.required('predicate')
      let predicate: string
      try {
        predicate = canonicalize(parsePredicate(typeof predicateRaw === 'string' ? predicateRaw : JSON.stringify(predicateRaw)))
      } catch (err) {
        if (!(err instanceof PolicyError)) throw err
        throw new ScenarioError(f.at('predicate'), `invalid predicate: ${err.message}`)
      }
      event = { atMs, line, do: 'publish', app: app(), name: policyName(f), predicate, via: via() }
      break
    }
    case 'deal': {
      const threshold = f.has('threshold') ? f.integer('threshold', undefined, 1, 255) : undefined
      event = { atMs, line, do: 'deal', app: app(), name: policyName(f), custody: f.string('custody'), ...(threshold != null ? { threshold } : {}), via: via() }
      break
    }
    case 'load': {
      const loadKind = f.required('kind')
      if (!(LOAD_KINDS as readonly unknown[]).includes(loadKind)) throw new ScenarioError(f.at('kind'), `expected ${LOAD_KINDS.join(', ')}, got ${describe(loadKind)}`)
      // only a blob load has a size: anywhere else the field is reported as unknown
      const sizeBytes = loadKind === 'blobs' ? parseSize(f.get('size') ?? DEFAULTS.blobSize, f.at('size'), MAX_SIM_BLOB_BYTES) : 0
      const deleteShare = loadKind === 'blobs' && f.has('deletes') ? parsePercent(f.get('deletes'), f.at('deletes'), MAX_DELETE_SHARE) : 0
      const worker = f.get('worker') ?? 'echo'
      if (!(WORKER_NAMES as readonly unknown[]).includes(worker)) throw new ScenarioError(f.at('worker'), `expected one of ${WORKER_NAMES.join(', ')}, got ${describe(worker)}`)
      const durationMs = f.has('for') ? parseDuration(f.get('for'), f.at('for')) : null
      event = {
        atMs,
        line,
        do: 'load',
        kind: loadKind as LoadKind,
        app: app(),
        policy: f.string('policy'),
        ratePerSec: parseRate(f.required('rate'), f.at('rate')),
        from: select('from'),
        durationMs,
        worker: worker as WorkerName,
        timeoutMs: parseDuration(f.get('timeout') ?? DEFAULTS.jobTimeout, f.at('timeout')),
        sizeBytes,
        deleteShare
      }
      break
    }
    case 'bond':
      event = { atMs, line, do: 'bond', nodes: select('nodes'), bond: readBond(f.required('bond'), f.at('bond')) }
      break
    case 'misroute':
      event = { atMs, line, do: 'misroute', from: one('from'), to: one('to'), app: app(), policy: f.string('policy') }
      break
    default:
      throw new ScenarioError(f.at('do'), `unknown action ${describe(kind)}`)
  }
  f.done()
  return event
}

function policyName (f: Fields): string {
  const name = f.string('name')
  if (!NAME.test(name)) throw new ScenarioError(f.at('name'), `policy name must be 1-32 of a-z, 0-9 and "-", starting with a letter, got ${describe(name)}`)
  return name
}

function readFaults (raw: unknown, path: string): Faults {
  const f = new Fields(raw, path)
  const faults: Faults = {}
  if (f.has('corruptOutput') || f.has('corruptReceipt')) {
    faults.runner = { corruptOutput: f.boolean('corruptOutput', false), corruptReceipt: f.boolean('corruptReceipt', false) }
  }
  if (f.has('corruptShare')) faults.holder = { corruptShare: f.boolean('corruptShare', false) }
  if (f.has('corruptBlob') || f.has('keepDeleted')) faults.storage = { corruptBlob: f.boolean('corruptBlob', false), keepDeleted: f.boolean('keepDeleted', false) }
  if (f.has('forge')) {
    const value = f.get('forge')
    const kinds = (Array.isArray(value) ? value : [value]).map((k, i) => {
      if (!(FORGE_KINDS as readonly unknown[]).includes(k)) throw new ScenarioError(`${f.at('forge')}${Array.isArray(value) ? `[${i}]` : ''}`, `expected one of ${FORGE_KINDS.join(', ')}, got ${describe(k)}`)
      return k as ForgeKind
    })
    faults.forge = { kinds, ratePerSec: parseRate(f.get('forgeRate') ?? '1/s', f.at('forgeRate')) }
  } else if (f.has('forgeRate')) {
    throw new ScenarioError(f.at('forgeRate'), 'needs forge: the kinds of record to forge')
  }
  f.done(['corruptOutput', 'corruptReceipt', 'corruptShare', 'corruptBlob', 'keepDeleted', 'forge', 'forgeRate'])
  if (faults.runner == null && faults.holder == null && faults.storage == null && faults.forge == null) throw new ScenarioError(path, 'names no fault (corruptOutput, corruptReceipt, corruptShare, corruptBlob, keepDeleted, forge)')
  return faults
}

/** Loads, deals and misroutes name policies that some earlier event publishes. */
function checkPolicyReferences (timeline: TimelineEvent[]): void {
  const published = new Set<string>()
  for (const event of timeline) {
    const at = `timeline[${event.line}]`
    if (event.do === 'publish') published.add(`${event.app}/${event.name}`)
    const need = (name: string, key: string): void => {
      if (!published.has(`${(event as { app: string }).app}/${name}`)) throw new ScenarioError(`${at}.${key}`, `no earlier publish of policy "${name}" for app "${(event as { app: string }).app}"`)
    }
    if (event.do === 'load') need(event.policy, 'policy')
    if (event.do === 'misroute') need(event.policy, 'policy')
    if (event.do === 'deal') {
      need(event.name, 'name')
      need(event.custody, 'custody')
    }
  }
}
