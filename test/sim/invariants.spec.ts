import assert from 'node:assert/strict'
import { GroundTruth } from '../../sim/engine/ground-truth.js'
import { ConvergenceTracker } from '../../sim/invariants/convergence.js'
import { RecordIntegrityCheck } from '../../sim/invariants/record-integrity.js'
import { ScopeLeakDetector } from '../../sim/invariants/scope-leaks.js'
import { validateScenario } from '../../sim/scenario/index.js'

const OP = (i: number): string => `0x${String(i).padStart(40, '0')}`
const PEER = (i: number): string => `12D3KooWPeer${i}`

/** Ground truth of 3 TEE runners (tee-0..2) and 2 dev runners (dev-0..1), all started at t=1000, and one policy admitting the TEE runners. */
function world (): { truth: GroundTruth, policyId: string } {
  const s = validateScenario({
    name: 'w',
    duration: '60s',
    nodes: [{ group: 'tee', count: 3, roles: ['runner'], evidence: 'nitro:aa' }, { group: 'dev', count: 2, roles: ['runner'] }]
  }, 'w.yaml')
  const truth = new GroundTruth(s.nodes, s.groups)
  s.nodes.forEach((n, i) => { truth.nodeStarted(n.name, PEER(i), OP(i), 100_000, 1_000) })
  const policy = truth.addPolicy({ id: 'p1', app: 'alpha', owner: OP(99), name: 'compute', version: 1, publishedAt: 2_000, predicate: '{"eq":["tee.kind","nitro"]}' }, 2_000)
  return { truth, policyId: policy.id }
}

describe('sim invariants', () => {
  describe('(a) scope leaks, counted at receivers', () => {
    it('counts a job that reached an out-of-scope runner, and not one that reached an in-scope runner', () => {
      const { truth, policyId } = world()
      const seen: string[] = []
      const leaks = new ScopeLeakDetector(truth, 5_000, l => { seen.push(l.receiver) })
      leaks.observe('tee-1', 3_000, { kind: 'job', from: PEER(3), policyId })
      assert.equal(leaks.total, 0)
      assert.ok(leaks.ok)
      // the injected leak: dev-1 (index 4) is outside "tee.kind == nitro"
      leaks.observe('dev-1', 3_100, { kind: 'job', from: PEER(3), policyId })
      assert.equal(leaks.total, 1)
      assert.equal(leaks.fromHonest, 1)
      assert.equal(leaks.ok, false)
      assert.deepEqual(seen, ['dev-1'])
      assert.match(leaks.leaks[0].reason, /dev-1 is outside the scope of alpha\/compute v1/)
      assert.equal(leaks.arrivals.job, 2)
    })

    it('judges shares by the lineage (owner, name), and a byzantine sender\'s leak does not break the invariant', () => {
      const { truth } = world()
      const leaks = new ScopeLeakDetector(truth, 5_000)
      leaks.observe('tee-0', 3_000, { kind: 'share-release', from: PEER(1), owner: OP(99), name: 'compute' })
      leaks.observe('dev-0', 3_000, { kind: 'share-deal', from: PEER(1), owner: OP(99), name: 'compute' })
      assert.equal(leaks.fromHonest, 1)
      truth.markByzantine('tee-2')
      leaks.observe('dev-0', 3_000, { kind: 'share-release', from: PEER(2), owner: OP(99), name: 'compute' })
      assert.equal(leaks.total, 2)
      assert.equal(leaks.fromHonest, 1, 'a byzantine sender is reported, not blamed on the honest network')
      leaks.observe('tee-0', 3_000, { kind: 'share-release', from: PEER(1), owner: OP(99), name: 'unknown' })
      assert.equal(leaks.total, 3, 'a share of a lineage that was never published is out of any scope')
    })

    it('gives a policy update time to reach the senders (grace), then no more', () => {
      const { truth } = world()
      truth.addPolicy({ id: 'p2', app: 'alpha', owner: OP(99), name: 'compute', version: 2, publishedAt: 10_000, predicate: '{"eq":["tee.kind","dev"]}' }, 10_000)
      const leaks = new ScopeLeakDetector(truth, 5_000)
      leaks.observe('tee-0', 12_000, { kind: 'share-release', from: PEER(1), owner: OP(99), name: 'compute' })
      assert.equal(leaks.total, 0, 'v1 was in force 2 s ago')
      leaks.observe('tee-0', 20_000, { kind: 'share-release', from: PEER(1), owner: OP(99), name: 'compute' })
      assert.equal(leaks.total, 1, 'v1 was replaced 10 s ago')
    })
  })

  describe('(b) convergence', () => {
    it('measures from the event to the moment the last honest node agrees', () => {
      const { truth, policyId } = world()
      const tracker = new ConvergenceTracker(truth, 5_000)
      for (let i = 0; i < 5; i++) {
        tracker.nodeStarting(i < 3 ? `tee-${i}` : `dev-${i - 3}`)
        tracker.nodeUp(i < 3 ? `tee-${i}` : `dev-${i - 3}`, 1_000)
      }
      tracker.armFormation()
      tracker.truthChanged('publish', 'publish', 2_000)
      tracker.evaluate(2_100)
      assert.equal(tracker.agreement().agreeing, 0)
      const names = ['tee-0', 'tee-1', 'tee-2', 'dev-0', 'dev-1']
      names.forEach((name, k) => {
        for (let m = 0; m < 3; m++) tracker.onScope(name, 2_100 + k * 100 + m, policyId, PEER(m), 'joined')
      })
      tracker.evaluate(3_000)
      assert.equal(tracker.agreement().agreeing, 5)
      const epoch = tracker.epochs.find(e => e.label === 'publish')
      assert.equal(epoch?.convergedAt, 2_502, 'the last agreement was dev-1 at 2502')
      assert.ok(tracker.ok)
    })

    it('fails an epoch whose deadline passes while a node disagrees, and names it', () => {
      const { truth, policyId } = world()
      const failures: string[] = []
      const tracker = new ConvergenceTracker(truth, 5_000, f => { failures.push(f.detail) })
      for (const name of ['tee-0', 'tee-1']) {
        tracker.nodeStarting(name)
        tracker.nodeUp(name, 1_000)
      }
      tracker.truthChanged('publish', 'publish', 2_000)
      for (let m = 0; m < 3; m++) tracker.onScope('tee-0', 2_100, policyId, PEER(m), 'joined')
      // tee-1 also lists a dev node: a peer the policy does not admit
      for (const m of [3, 0, 1, 2]) tracker.onScope('tee-1', 2_100, policyId, PEER(m), 'joined')
      tracker.evaluate(6_000)
      assert.equal(failures.length, 0, 'within the deadline')
      tracker.evaluate(7_500)
      assert.equal(tracker.ok, false)
      assert.match(failures[0], /1 honest node disagrees: tee-1 \(alpha\/compute v1: 0 missing, 1 not admitted \[dev-0\]\)/)
    })

    it('times each event on what it changed: a join converges when every node lists the newcomer, whatever else is still settling', () => {
      const { truth, policyId } = world()
      const tracker = new ConvergenceTracker(truth, 5_000)
      for (const name of ['tee-0', 'tee-1']) {
        tracker.nodeStarting(name)
        tracker.nodeUp(name, 1_000)
      }
      tracker.truthChanged('join tee-2', 'join', 3_000, { kind: 'peer', peerId: PEER(2) })
      tracker.truthChanged('publish', 'publish', 3_000, { kind: 'policy', policyId })
      tracker.onScope('tee-0', 3_200, policyId, PEER(2), 'joined')
      tracker.onScope('tee-1', 3_400, policyId, PEER(2), 'joined')
      const join = tracker.epochs.find(e => e.label === 'join tee-2')
      assert.equal(join?.convergedAt, 3_400, 'both list tee-2, though neither has the whole scope yet')
      assert.equal(tracker.epochs.find(e => e.label === 'publish')?.convergedAt, undefined)
      for (const name of ['tee-0', 'tee-1']) for (const m of [0, 1]) tracker.onScope(name, 3_900, policyId, PEER(m), 'joined')
      assert.equal(tracker.epochs.find(e => e.label === 'publish')?.convergedAt, 3_900)
    })

    it('fails a node that drifts from the truth with no membership change to explain it', () => {
      const { truth, policyId } = world()
      const failures: string[] = []
      const tracker = new ConvergenceTracker(truth, 5_000, f => { failures.push(f.label) })
      tracker.nodeStarting('tee-0')
      tracker.nodeUp('tee-0', 1_000)
      tracker.armFormation()
      for (let m = 0; m < 3; m++) tracker.onScope('tee-0', 1_100, policyId, PEER(m), 'joined')
      tracker.evaluate(1_200)
      assert.equal(tracker.agreement().agreeing, 1)
      tracker.onScope('tee-0', 2_000, policyId, 'QmForgedPeer', 'joined')
      tracker.evaluate(6_500)
      assert.ok(tracker.ok, 'within the deadline')
      tracker.evaluate(7_500)
      assert.deepEqual(failures, ['drift at tee-0 (no membership change explains it)'])
      tracker.evaluate(9_000)
      assert.equal(failures.length, 1, 'reported once')
    })

    it('holds deadlines while a partition is in force and counts them from the heal', () => {
      const { truth } = world()
      const tracker = new ConvergenceTracker(truth, 5_000)
      tracker.nodeStarting('tee-0')
      tracker.nodeUp('tee-0', 1_000)
      tracker.partitioned(1_500)
      tracker.truthChanged('publish', 'publish', 2_000)
      tracker.evaluate(30_000)
      assert.ok(tracker.ok, 'no failure during the partition')
      tracker.healed(40_000)
      tracker.evaluate(44_000)
      assert.ok(tracker.ok)
      tracker.evaluate(46_000)
      assert.equal(tracker.ok, false)
    })
  })

  describe('(c) record integrity', () => {
    it('flags a fabricated identity and facts that differ from the truth, only in honest tables', () => {
      const { truth } = world()
      const check = new RecordIntegrityCheck(truth)
      const good = { peerId: PEER(0), kind: 'nitro', measurement: 'aa', roles: ['runner'], operator: OP(0) }
      check.observe('tee-1', 5_000, [good], 1)
      assert.ok(check.ok)
      check.observe('tee-1', 5_000, [good, { ...good, peerId: 'QmForged' }], 2)
      assert.equal(check.count, 1)
      assert.match(check.violations[0].reason, /never started/)
      check.observe('tee-2', 5_000, [{ ...good, peerId: PEER(3), kind: 'nitro' }], 1)
      assert.equal(check.count, 2)
      assert.match(check.violations[1].reason, /facts of dev-0 differ from the truth: tee\.kind nitro \(true: dev\)/)
      check.observe('tee-2', 5_100, [{ ...good, peerId: PEER(3), kind: 'nitro' }], 1)
      assert.equal(check.count, 2, 'one violation is counted once')
      truth.markByzantine('dev-1')
      check.observe('dev-1', 5_000, [{ ...good, peerId: 'QmForged' }], 1)
      assert.equal(check.count, 2, 'a byzantine node\'s table is not the honest network\'s')
    })

    it('sets aside records of unknown peer ids while a node starts, and judges them when the start returns or the run ends', () => {
      const { truth } = world()
      let starting = true
      const check = new RecordIntegrityCheck(truth, () => {}, () => starting)
      // tee-2 restarts with a new identity; its record is gossiped before its start returns, next to a forgery
      const late = { peerId: 'QmLate', kind: 'nitro', measurement: 'aa', roles: ['runner'], operator: OP(2) }
      const forged = { ...late, peerId: 'QmForged' }
      check.observe('tee-1', 5_000, [late, forged], 2)
      assert.equal(check.count, 0, 'nothing judged while a node is starting')
      // the start returns: tee-2's new peer id is known, the forgery is not
      truth.nodeStarted('tee-2', 'QmLate', OP(2), 100_000, 5_500)
      starting = false
      check.nodeStarted()
      assert.equal(check.count, 1)
      assert.equal(check.violations[0].peerId, 'QmForged')
      assert.match(check.violations[0].reason, /never started/)
      // the end of a run judges whatever is still set aside
      starting = true
      const other = new RecordIntegrityCheck(truth, () => {}, () => starting)
      other.observe('tee-1', 6_000, [forged], 1)
      other.nodeStarted()
      assert.equal(other.count, 0, 'still set aside while another node starts')
      other.finish()
      assert.equal(other.count, 1)
    })
  })
})
