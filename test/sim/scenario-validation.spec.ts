import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadScenario, parseDuration, parseRate, ScenarioError, validateScenario } from '../../sim/scenario/index.js'

const base = (): any => ({
  name: 'tiny',
  duration: '20s',
  apps: ['alpha'],
  nodes: [
    { group: 'tee', count: 3, roles: ['runner', 'ssss'], evidence: 'nitro:aa11' },
    { group: 'dev', count: 2, roles: ['runner'] }
  ],
  timeline: [
    { at: '2s', do: 'publish', app: 'alpha', name: 'compute', predicate: { has: ['roles', 'runner'] } },
    { at: '5s', do: 'load', kind: 'jobs', app: 'alpha', policy: 'compute', rate: '2/s', from: 'dev' },
    { at: '8s', do: 'crash', nodes: 'tee[1]' },
    { at: '12s', do: 'restart', nodes: 'tee[1]' }
  ]
})

/** Validates `doc` and returns the ScenarioError it throws (failing if it does not). */
function invalid (doc: unknown): ScenarioError {
  try {
    validateScenario(doc, 'test.yaml')
  } catch (err) {
    assert.ok(err instanceof ScenarioError, `expected a ScenarioError, got ${String(err)}`)
    assert.doesNotMatch(err.message, /\n/, 'the reason is one line')
    return err
  }
  assert.fail('the scenario was accepted')
}

describe('sim scenario validation', () => {
  it('accepts a valid scenario and fills in defaults, resolves selectors, sorts the timeline', () => {
    const doc = base()
    doc.timeline.reverse()
    const s = validateScenario(doc, 'test.yaml')
    assert.equal(s.nodes.length, 5)
    assert.deepEqual(s.nodes.map(n => n.name), ['tee-0', 'tee-1', 'tee-2', 'dev-0', 'dev-1'])
    assert.equal(s.durationMs, 20_000)
    assert.equal(s.mode, 'memory')
    assert.equal(s.attestationTtlMs, 30_000)
    assert.deepEqual(s.groups[1].evidence, { kind: 'dev', measurement: '' })
    assert.deepEqual(s.groups[0].evidence, { kind: 'nitro', measurement: 'aa11' })
    assert.deepEqual(s.timeline.map(e => e.atMs), [2_000, 5_000, 8_000, 12_000])
    const load = s.timeline[1]
    assert.ok(load.do === 'load')
    assert.deepEqual(load.from, ['dev-0', 'dev-1'])
    assert.equal(load.ratePerSec, 2)
    assert.deepEqual([...s.restartable], ['tee-1'])
    const publish = s.timeline[0]
    assert.ok(publish.do === 'publish')
    assert.equal(publish.predicate, '{"has":["roles","runner"]}')
    assert.match(s.apps[0].owner, /^0x[0-9a-f]{40}$/)
    assert.equal(validateScenario(base(), 'x.yaml').apps[0].owner, s.apps[0].owner, 'app keys are derived from the seed: the same for every run')
  })

  it('runs on a local chain only when asked (chain: true), and refuses anything but a boolean there', () => {
    assert.equal(validateScenario(base(), 'test.yaml').chain, false)
    assert.equal(validateScenario({ ...base(), chain: true }, 'test.yaml').chain, true)
    const err = invalid({ ...base(), chain: 'anvil' })
    assert.equal(err.path, 'chain')
    assert.match(err.message, /expected true or false/)
  })

  it('takes the connection watermarks, defaulting to the node\'s, and refuses a low mark above the high one', () => {
    const defaults = validateScenario(base(), 'test.yaml')
    assert.deepEqual([defaults.highWater, defaults.lowWater], [48, 32])
    const doc = { ...base(), highWater: 10, lowWater: 5 }
    const s = validateScenario(doc, 'test.yaml')
    assert.deepEqual([s.highWater, s.lowWater], [10, 5])
    const err = invalid({ ...base(), highWater: 10, lowWater: 20 })
    assert.equal(err.path, 'lowWater')
    assert.match(err.message, /^lowWater: is above highWater \(10\)/)
  })

  it('names the offending path of a bad duration', () => {
    const doc = base()
    doc.timeline[3].at = '12 seconds'
    const err = invalid(doc)
    assert.equal(err.path, 'timeline[3].at')
    assert.match(err.message, /^timeline\[3\]\.at: expected a duration like "5s"/)
  })

  it('rejects unknown actions, unknown keys and misspelt settings', () => {
    const doc = base()
    doc.timeline[2].do = 'crsh'
    assert.match(invalid(doc).message, /^timeline\[2\]\.do: unknown action "crsh" \(actions: join, crash/)
    const extra = base()
    extra.timeline[2].node = 'tee[1]'
    assert.match(invalid(extra).message, /^timeline\[2\]\.node: unknown key \(expected one of: at, do, nodes/)
    const typo = base()
    typo.durration = '5s'
    assert.match(invalid(typo).message, /^durration: unknown key/)
  })

  it('takes a blob load with its size (default 64 KiB); a size is a blob load\'s only, within 16 MiB', () => {
    const doc = base()
    doc.timeline.push({ at: '6s', do: 'load', kind: 'blobs', app: 'alpha', policy: 'compute', rate: '1/s', from: 'dev', size: '1.5MiB' })
    doc.timeline.push({ at: '7s', do: 'load', kind: 'blobs', app: 'alpha', policy: 'compute', rate: '1/s', from: 'dev' })
    const loads = validateScenario(doc, 'test.yaml').timeline.filter(e => e.do === 'load')
    assert.deepEqual(loads.map(l => l.do === 'load' ? [l.kind, l.sizeBytes] : []), [['jobs', 0], ['blobs', 1.5 * 1024 * 1024], ['blobs', 64 * 1024]])
    const big = base()
    big.timeline[1] = { ...big.timeline[1], kind: 'blobs', size: '17MiB' }
    assert.match(invalid(big).message, /^timeline\[1\]\.size: expected a size like "64KiB" .* at most 16 MiB, got "17MiB"/)
    const bare = base()
    bare.timeline[1] = { ...bare.timeline[1], kind: 'blobs', size: 1000 }
    assert.match(invalid(bare).message, /^timeline\[1\]\.size: expected a size/)
    const onJobs = base()
    onJobs.timeline[1].size = '1KiB'
    assert.match(invalid(onJobs).message, /^timeline\[1\]\.size: unknown key/)
    const kind = base()
    kind.timeline[1].kind = 'files'
    assert.match(invalid(kind).message, /^timeline\[1\]\.kind: expected jobs, keys, blobs, got "files"/)
  })

  it('takes the share of a blob load\'s requests that delete (none by default, at most 50%); a blob load\'s only', () => {
    const doc = base()
    doc.timeline.push({ at: '6s', do: 'load', kind: 'blobs', app: 'alpha', policy: 'compute', rate: '1/s', from: 'dev', deletes: '10%' })
    doc.timeline.push({ at: '7s', do: 'load', kind: 'blobs', app: 'alpha', policy: 'compute', rate: '1/s', from: 'dev' })
    const loads = validateScenario(doc, 'test.yaml').timeline.filter(e => e.do === 'load')
    assert.deepEqual(loads.map(l => l.do === 'load' ? l.deleteShare : -1), [0, 0.1, 0])
    for (const bad of ['60%', '10', 0.1, '-5%']) {
      const doc = base()
      doc.timeline[1] = { ...doc.timeline[1], kind: 'blobs', deletes: bad }
      assert.match(invalid(doc).message, /^timeline\[1\]\.deletes: expected a percentage like "10%" of at most 50%/, String(bad))
    }
    const onJobs = base()
    onJobs.timeline[1].deletes = '10%'
    assert.match(invalid(onJobs).message, /^timeline\[1\]\.deletes: unknown key/)
  })

  it('checks node selectors against the groups', () => {
    const doc = base()
    doc.timeline[2].nodes = 'tee[3]'
    assert.match(invalid(doc).message, /^timeline\[2\]\.nodes: group "tee" has nodes 0 to 2; "tee\[3\]" is out of range/)
    doc.timeline[2].nodes = 'gpu'
    assert.match(invalid(doc).message, /^timeline\[2\]\.nodes: no node group "gpu"/)
  })

  it('checks predicates with the policy parser and names where', () => {
    const doc = base()
    doc.timeline[0].predicate = { eq: ['tee.colour', 'x'] }
    const err = invalid(doc)
    assert.equal(err.path, 'timeline[0].predicate')
    assert.match(err.message, /invalid predicate: .*tee\.colour/)
  })

  it('checks evidence, roles, counts, apps and references between events', () => {
    const evidence = base()
    evidence.nodes[0].evidence = 'nitro'
    assert.match(invalid(evidence).message, /^nodes\[0\]\.evidence: a nitro node needs a measurement in hex/)
    const roles = base()
    roles.nodes[1].roles = ['runner', 'miner']
    assert.match(invalid(roles).message, /^nodes\[1\]\.roles\[1\]: unknown role "miner"/)
    const count = base()
    count.nodes[0].count = 0
    assert.match(invalid(count).message, /^nodes\[0\]\.count: expected a whole number from 1/)
    const app = base()
    app.timeline[0].app = 'gamma'
    assert.match(invalid(app).message, /^timeline\[0\]\.app: no app "gamma"/)
    const order = base()
    order.timeline[1].at = '1s'
    assert.match(invalid(order).message, /^timeline\[1\]\.policy: no earlier publish of policy "compute"/)
    const late = base()
    late.timeline[3].at = '21s'
    assert.match(invalid(late).message, /^timeline\[3\]\.at: is after the end of the scenario/)
  })

  it('parses units strictly', () => {
    assert.equal(parseDuration('250ms', 'x'), 250)
    assert.equal(parseDuration('1.5m', 'x'), 90_000)
    assert.throws(() => parseDuration(5, 'x'), /x: expected a duration like "5s"/)
    assert.equal(parseRate('30/m', 'x'), 0.5)
    assert.equal(parseRate(3, 'x'), 3)
    assert.throws(() => parseRate('0/s', 'x'), /x: expected a positive rate/)
  })

  it('loads YAML and JSON files, and reports a syntax error with its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'escrin-sim-spec-'))
    try {
      await writeFile(join(dir, 'a.json'), JSON.stringify(base()))
      assert.equal((await loadScenario(join(dir, 'a.json'))).nodes.length, 5)
      await writeFile(join(dir, 'b.yaml'), 'name: b\nduration: 5s\nnodes:\n  - group: x\n    count: 2\n')
      assert.equal((await loadScenario(join(dir, 'b.yaml'))).nodes.length, 2)
      await writeFile(join(dir, 'c.yaml'), 'name: c\nduration: [5s\n')
      await assert.rejects(loadScenario(join(dir, 'c.yaml')), (err: unknown) => err instanceof ScenarioError && /is not valid YAML: .*line/.test(err.message))
      await assert.rejects(loadScenario(join(dir, 'd.txt')), (err: unknown) => err instanceof ScenarioError && /\.json, \.yaml or \.yml/.test(err.message))
      await assert.rejects(loadScenario(join(dir, 'missing.yaml')), (err: unknown) => err instanceof ScenarioError && /cannot read .*ENOENT/.test(err.message))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('every shipped scenario is valid', async () => {
    for (const name of ['steady-state', 'churn', 'sybil-flood', 'partition-heal', 'byzantine-runners', 'scale-40', 'scale-60', 'scale-100', 'on-chain']) {
      const s = await loadScenario(join(process.cwd(), 'sim', 'scenarios', `${name}.yaml`))
      assert.equal(s.name, name)
    }
  })
})
