import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { runScenario } from '../../sim/engine/simulation.js'
import { buildReport } from '../../sim/report/build-report.js'
import { DEFAULT_NODE_FLAGS, nodeProcessFlags } from '../../sim/runtime/process-cluster.js'
import { loadScenario } from '../../sim/scenario/index.js'
import { ScenarioFiles } from './helpers.js'

/** Node processes this test process has forked that are still alive. */
function simChildren (): string[] {
  const out = execFileSync('ps', ['-o', 'pid=,ppid=,args=', '-e'], { encoding: 'utf8' })
  return out.split('\n').filter(line => {
    const [, ppid] = line.trim().split(/\s+/)
    return Number(ppid) === process.pid && line.includes('node-process.js')
  })
}

describe('sim in process mode (one OS process per node, TCP loopback)', function () {
  this.timeout(240_000)
  const files = new ScenarioFiles()
  before(async () => { await files.open() })
  after(async () => { await files.close() })

  it('runs 3 nodes as processes through jobs, a kill -9 and a restart with the same identity; invariants hold, no process is left', async () => {
    const path = await files.write('proc', {
      name: 'proc',
      mode: 'process',
      duration: '20s',
      attestationTtl: '8s',
      convergeWithin: '10s',
      apps: ['alpha'],
      nodes: [
        { group: 'tee', count: 2, roles: ['runner'], evidence: 'nitro:aa11' },
        { group: 'client', count: 1, roles: ['runner'], evidence: 'dev' }
      ],
      timeline: [
        // a node process takes a few seconds to start on 2 busy cores
        { at: '5s', do: 'publish', app: 'alpha', name: 'compute', predicate: { eq: ['tee.kind', 'nitro'] } },
        { at: '6s', do: 'load', kind: 'jobs', app: 'alpha', policy: 'compute', rate: '2/s', from: 'client', for: '4s' },
        { at: '11s', do: 'crash', nodes: 'tee[1]' },
        { at: '14s', do: 'restart', nodes: 'tee[1]' }
      ]
    })
    const scenario = await loadScenario(path)
    let peak = 0
    let flagged = 0
    const result = await runScenario(scenario, {
      onProgress: () => {
        const children = simChildren()
        peak = Math.max(peak, children.length)
        flagged = Math.max(flagged, children.filter(c => DEFAULT_NODE_FLAGS.every(flag => c.includes(flag))).length)
      }
    })
    const report = buildReport(result)
    assert.equal(report.scenario.mode, 'process')
    assert.equal(report.verdict, 'pass', JSON.stringify({ conv: report.invariants.convergence.failures, log: report.log }))
    assert.equal(peak, 3, 'each node ran as its own process')
    assert.equal(flagged, 3, 'node processes run with the simulator\'s V8 flags')
    assert.deepEqual(simChildren(), [], 'no node process outlives the run')
    assert.deepEqual(report.log.filter(l => !l.ok), [])
    assert.ok(report.jobs.ok >= 6, JSON.stringify(report.jobs))
    assert.ok(report.invariants.scopeLeaks.arrivals.job >= 6)
    const restart = report.invariants.convergence.events.find(e => e.label === 'restart tee-1')
    assert.ok(restart?.convergedMs != null, JSON.stringify(report.invariants.convergence.events))
    // the restarted node kept its key: one peer id for tee-1 throughout
    assert.equal(new Set(report.nodes.filter(n => n.name === 'tee-1').map(n => n.peerId)).size, 1)
    // per-node resources come from each process
    assert.equal(report.resources.nodes.length, 3)
    assert.ok(report.resources.nodes.every(n => n.peakRssBytes > 20 * 1024 * 1024 && n.cpuPercent > 0), JSON.stringify(report.resources.nodes))
    // every node of a three-node network opened (or accepted) at least one connection in its latest life
    assert.ok(report.resources.nodes.every(n => n.connectionsOpened >= 1), JSON.stringify(report.resources.nodes))
  })

  it('takes the node processes\' flags from ESCRIN_SIM_NODE_FLAGS when set (empty: V8\'s defaults)', () => {
    assert.deepEqual(nodeProcessFlags(undefined), DEFAULT_NODE_FLAGS)
    assert.deepEqual(nodeProcessFlags(''), [])
    assert.deepEqual(nodeProcessFlags(' --max-opt=2  --single-threaded-gc '), ['--max-opt=2', '--single-threaded-gc'])
  })
})
