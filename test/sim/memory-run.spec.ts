import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runScenario } from '../../sim/engine/simulation.js'
import { buildReport, type SimReport } from '../../sim/report/build-report.js'
import { writeReports } from '../../sim/report/write-report.js'
import { loadScenario } from '../../sim/scenario/index.js'
import { ScenarioFiles, smallNetwork } from './helpers.js'

describe('sim in memory mode (real nodes in this process)', function () {
  this.timeout(180_000)
  const files = new ScenarioFiles()
  before(async () => { await files.open() })
  after(async () => { await files.close() })

  it('runs a tiny scenario end to end: jobs, a dealt key, key releases, a crash; every invariant holds and the reports are complete', async () => {
    const path = await files.write('tiny', smallNetwork({}, [
      { at: '3s', do: 'deal', app: 'alpha', name: 'compute', custody: 'custody' },
      { at: '4s', do: 'load', kind: 'jobs', app: 'alpha', policy: 'compute', rate: '3/s', from: 'dev', for: '4s' },
      { at: '4s', do: 'load', kind: 'keys', app: 'alpha', policy: 'compute', rate: '2/s', from: 'all', for: '4s' },
      // out-of-scope requesters for certain (a random pick from 'all' may never choose one)
      { at: '4s', do: 'load', kind: 'keys', app: 'alpha', policy: 'compute', rate: '2/s', from: 'dev', for: '2s' },
      { at: '8s', do: 'crash', nodes: 'tee[2]' }
    ]))
    const progress: string[] = []
    const result = await runScenario(await loadScenario(path), { onProgress: p => { progress.push(p.phase) } })
    const report: SimReport = buildReport(result)

    assert.equal(report.verdict, 'pass', JSON.stringify({ conv: report.invariants.convergence.failures, leaks: report.invariants.scopeLeaks.leaks, integrity: report.invariants.recordIntegrity.list, log: report.log }))
    assert.equal(report.scenario.mode, 'memory')
    assert.equal(report.scenario.nodes, 5)
    // the checks saw traffic: an invariant over zero arrivals proves nothing
    const arrivals = report.invariants.scopeLeaks.arrivals
    assert.ok(arrivals.job >= 5, `jobs arrived at runners: ${arrivals.job}`)
    assert.equal(arrivals['share-deal'], 3, 'each holder of the custody scope got one share')
    assert.ok(arrivals['share-release'] > 0, 'shares were released to in-scope runners')
    assert.ok(report.invariants.recordIntegrity.checks > 0)
    // jobs ran on in-scope runners; out-of-scope key requests (the dev nodes) were refused
    assert.ok(report.jobs.sent >= 8 && report.jobs.ok >= report.jobs.sent - 1, JSON.stringify(report.jobs))
    assert.ok(report.jobs.latencyMs.p50 != null && report.jobs.latencyMs.p50 > 0)
    assert.ok(report.keyReleases.ok > 0, JSON.stringify(report.keyReleases))
    assert.ok(report.keyReleases.refusedAsExpected > 0, `dev nodes asked and were refused: ${JSON.stringify(report.keyReleases)}`)
    assert.equal(report.keyReleases.wronglyReleased, 0)
    // convergence was measured after the membership changes, including the crashed node's record expiring
    const events = report.invariants.convergence.events
    const publish = events.find(e => e.label === 'publish alpha/compute v1')
    assert.ok(publish?.convergedMs != null && publish.convergedMs < 8_000, JSON.stringify(publish))
    const expiry = events.find(e => e.label === 'record of tee-2 expires')
    assert.ok(expiry?.convergedMs != null, `the crashed node left every scope: ${JSON.stringify(expiry)}`)
    assert.ok(report.invariants.convergence.formedAtMs != null)
    assert.deepEqual(report.log.filter(l => !l.ok), [], 'every action succeeded')
    // time series and resources
    assert.ok(report.series.samples.length >= 20)
    assert.ok(report.series.samples.some(s => s.nodesUp === 5 && s.connections.mean > 0))
    // churn: four nodes joined through the first, so at least four links opened, each counted at both ends
    assert.ok(report.series.samples.reduce((sum, s) => sum + s.connectionsOpened, 0) >= 8, 'connections opened are counted')
    assert.ok(report.series.jobs.some(b => b.ok > 0))
    assert.ok(report.resources.average.rssBytes > 0)
    assert.ok(progress.includes('running') && progress.includes('done') === false && progress.at(-1) === 'stopping')

    const paths = await writeReports(report, join(files.dir, 'out'))
    const json = JSON.parse(await readFile(paths.json, 'utf8'))
    assert.equal(json.version, 1)
    assert.deepEqual(Object.keys(json.invariants).sort(), ['blobDeletion', 'blobDurability', 'convergence', 'recordIntegrity', 'scopeLeaks'])
    assert.equal(json.invariants.blobDurability.stored, 0, 'no blob load: nothing to read back')
    assert.equal(json.invariants.blobDeletion.deleted, 0)
    const html = await readFile(paths.html, 'utf8')
    assert.equal((html.match(/<svg /g) ?? []).length, 6, 'six plots')
    assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/, 'self-contained: no script, nothing fetched')
    assert.match(html, /every invariant held/)
  })

  /** Four storage nodes in the app's storage scope, two clients outside it that put and read blobs. */
  const storageNetwork = (storeCount: number, duration: string, timeline: unknown[]): Record<string, unknown> => ({
    name: 'blobs',
    duration,
    attestationTtl: '6s',
    convergeWithin: '8s',
    apps: ['alpha'],
    nodes: [
      { group: 'store', count: storeCount, roles: ['storage'], evidence: 'nitro:aa11' },
      { group: 'dev', count: 2, roles: ['runner'], evidence: 'dev' }
    ],
    timeline: [
      { at: '1s', do: 'publish', app: 'alpha', name: 'data', predicate: { all: [{ eq: ['tee.kind', 'nitro'] }, { has: ['roles', 'storage'] }] } },
      ...timeline
    ]
  })

  it('on a local chain: bonds locked and asked back by transactions, policies registered before they count; every invariant holds', async () => {
    const path = await files.write('on-chain', {
      name: 'on-chain',
      chain: true,
      duration: '14s',
      attestationTtl: '6s',
      convergeWithin: '8s',
      apps: ['alpha'],
      nodes: [
        { group: 'bonded', count: 2, roles: ['runner'], evidence: 'dev', bond: 2 },
        { group: 'light', count: 2, roles: ['runner'], evidence: 'dev', bond: 1 }
      ],
      timeline: [
        { at: '1s', do: 'publish', app: 'alpha', name: 'bonded', predicate: { all: [{ has: ['roles', 'runner'] }, { gte: ['bond', '2000000000000000000'] }] } },
        { at: '3s', do: 'load', kind: 'jobs', app: 'alpha', policy: 'bonded', rate: '2/s', from: 'light', for: '8s' },
        // an operator tops its bond up (a lock), another asks part of its bond back (an unlock request)
        { at: '5s', do: 'bond', nodes: 'light[0]', bond: 3 },
        { at: '8s', do: 'bond', nodes: 'bonded[1]', bond: 1 }
      ]
    })
    const result = await runScenario(await loadScenario(path), {})
    const report: SimReport = buildReport(result)
    assert.equal(report.verdict, 'pass', JSON.stringify({ conv: report.invariants.convergence.failures, leaks: report.invariants.scopeLeaks.leaks, log: report.log }))
    assert.ok(report.log.some(l => l.action === 'chain' && l.ok && /anvil at http/.test(l.detail)), JSON.stringify(report.log))
    // every node's scopes followed each bond change on chain (each is a convergence event that converged)
    const bondEvents = report.invariants.convergence.events.filter(e => e.kind === 'bond')
    assert.equal(bondEvents.length, 2, JSON.stringify(report.invariants.convergence.events))
    for (const e of bondEvents) assert.ok(e.convergedMs != null && !e.failed, JSON.stringify(e))
    // and jobs ran in the scope as it was
    assert.ok(report.jobs.sent >= 10 && report.jobs.ok >= report.jobs.sent - 2, JSON.stringify(report.jobs))
    assert.ok(report.invariants.scopeLeaks.arrivals.job >= 10)
  })

  it('blobs: puts and reads while a holder crashes and comes back; every stored blob reads back whole at the end', async () => {
    const path = await files.write('blobs', storageNetwork(4, '14s', [
      { at: '3s', do: 'load', kind: 'blobs', app: 'alpha', policy: 'data', rate: '4/s', from: 'dev', for: '6s', size: '200KiB' },
      { at: '5s', do: 'crash', nodes: 'store[0]' },
      { at: '8s', do: 'restart', nodes: 'store[0]' }
    ]))
    const report = buildReport(await runScenario(await loadScenario(path)))
    const blobs = report.invariants.blobDurability
    assert.equal(report.verdict, 'pass', JSON.stringify({ blobs, puts: report.blobs.puts, gets: report.blobs.gets, log: report.log }))
    assert.ok(report.blobs.puts.ok >= 4 && report.blobs.puts.ok >= report.blobs.puts.sent - 1, JSON.stringify(report.blobs.puts))
    assert.ok(report.blobs.gets.sent > 0 && report.blobs.gets.ok >= report.blobs.gets.sent - 1, JSON.stringify(report.blobs.gets))
    assert.equal(blobs.stored, report.blobs.puts.ok)
    assert.equal(blobs.checked, blobs.stored)
    assert.equal(blobs.readable, blobs.checked, 'every holder is up at the end: each blob reads back whole')
    // the blobs went to the storage scope only (counted at every receiver)
    assert.ok(report.invariants.scopeLeaks.arrivals.blob >= 3 * blobs.stored, JSON.stringify(report.invariants.scopeLeaks.arrivals))
  })

  it('(d) counts a stored blob that cannot be read back while its holders are up as lost', async () => {
    const path = await files.write('blob-loss', storageNetwork(3, '9s', [
      { at: '3s', do: 'load', kind: 'blobs', app: 'alpha', policy: 'data', rate: '4/s', from: 'dev', for: '2s', size: '64KiB' },
      // every holder now serves each blob with a byte flipped: readers reject them all
      { at: '6s', do: 'byzantine', nodes: 'store', faults: { corruptBlob: true } }
    ]))
    const report = buildReport(await runScenario(await loadScenario(path)))
    const blobs = report.invariants.blobDurability
    assert.equal(report.verdict, 'fail')
    assert.equal(blobs.ok, false)
    assert.ok(blobs.stored > 0 && blobs.lost.length === blobs.checked, JSON.stringify(blobs))
    assert.equal(blobs.wrongBytes, 0, 'no reader ever passed on a corrupted byte')
  })

  it('blob deletion: the owner deletes a share of the blobs; each is gone from every node at the end, and the rest read back', async () => {
    const path = await files.write('blob-deletion', storageNetwork(4, '12s', [
      { at: '3s', do: 'load', kind: 'blobs', app: 'alpha', policy: 'data', rate: '6/s', from: 'dev', for: '5s', size: '64KiB', deletes: '30%' }
    ]))
    const report = buildReport(await runScenario(await loadScenario(path)))
    const deletion = report.invariants.blobDeletion
    assert.equal(report.verdict, 'pass', JSON.stringify({ deletion, deletes: report.blobs.deletes, blobs: report.invariants.blobDurability, log: report.log }))
    assert.ok(report.blobs.deletes.sent > 0 && report.blobs.deletes.ok === report.blobs.deletes.sent, JSON.stringify(report.blobs.deletes))
    assert.equal(deletion.deleted, report.blobs.deletes.ok)
    assert.equal(deletion.checked, deletion.deleted)
    assert.equal(deletion.gone, deletion.checked, 'every storage node was up: no deleted blob reads back')
    assert.equal(deletion.pending, 0)
    // what was not deleted is still there
    const blobs = report.invariants.blobDurability
    assert.equal(blobs.stored, report.blobs.puts.ok - deletion.deleted)
    assert.equal(blobs.readable, blobs.checked)
  })

  it('(e) catches a storage node that keeps the blobs their owners delete', async () => {
    const path = await files.write('blob-kept', storageNetwork(3, '10s', [
      { at: '2s', do: 'byzantine', nodes: 'store[0]', faults: { keepDeleted: true } },
      { at: '3s', do: 'load', kind: 'blobs', app: 'alpha', policy: 'data', rate: '6/s', from: 'dev', for: '4s', size: '64KiB', deletes: '30%' }
    ]))
    const report = buildReport(await runScenario(await loadScenario(path)))
    const deletion = report.invariants.blobDeletion
    assert.equal(report.verdict, 'fail')
    assert.equal(deletion.ok, false)
    // r = 3 of 3 storage nodes: the one that keeps them holds every deleted blob, and serves it
    assert.ok(deletion.deleted > 0 && deletion.resurrected.length === deletion.checked, JSON.stringify(deletion))
  })

  it('(a) counts a job sent straight to an out-of-scope runner as a leak at the receiver', async () => {
    const path = await files.write('leak', smallNetwork({ duration: '6s' }, [
      { at: '3s', do: 'misroute', from: 'dev[0]', to: 'dev[1]', app: 'alpha', policy: 'compute' },
      { at: '3s', do: 'misroute', from: 'dev[0]', to: 'tee[0]', app: 'alpha', policy: 'compute' }
    ]))
    const violations: string[] = []
    const report = buildReport(await runScenario(await loadScenario(path), { onViolation: m => { violations.push(m) } }))
    const leaks = report.invariants.scopeLeaks
    assert.equal(leaks.fromHonest, 1, JSON.stringify(leaks))
    assert.equal(leaks.leaks[0].receiver, 'dev-1')
    assert.equal(leaks.leaks[0].sender, 'dev-0')
    assert.equal(leaks.leaks[0].kind, 'job')
    assert.equal(leaks.arrivals.job, 2, 'the in-scope one arrived too and is not a leak')
    assert.equal(report.verdict, 'fail')
    assert.match(violations.join('\n'), /scope leak: job from dev-0 reached dev-1/)
  })

  it('(b) and (c): a node that skips evidence checks accepts forged records, disagrees with the truth, and both checks fail', async () => {
    const path = await files.write('forged', smallNetwork({ duration: '10s', convergeWithin: '3s' }, [
      { at: '2s', do: 'byzantine', nodes: 'tee[2]', faults: { forge: ['evidence', 'identity', 'tamper'], forgeRate: '5/s' } }
    ]))
    const report = buildReport(await runScenario(await loadScenario(path), { laxNodes: ['dev-0'] }))
    const integrity = report.invariants.recordIntegrity
    assert.ok(integrity.violations > 0, JSON.stringify(integrity))
    assert.ok(integrity.list.every(v => v.holder === 'dev-0'), `only the lax node accepted forgeries: ${JSON.stringify(integrity.list.slice(0, 3))}`)
    assert.match(integrity.list[0].reason, /never started/)
    const conv = report.invariants.convergence
    assert.equal(conv.ok, false)
    assert.match(conv.failures[0].detail, /dev-0 \(alpha\/compute v1: 0 missing, \d+ not admitted/)
    assert.equal(report.invariants.scopeLeaks.ok, true)
    assert.equal(report.verdict, 'fail')
  })
})
