import assert from 'node:assert/strict'
import { MemoryDatastore } from 'datastore-core'
import { JOB_ID_MAX_AGE_MS, JOB_ID_MAX_AHEAD_MS, jobIdProblem, jobIdTime, newJobId, rankRunners, RttTracker, SeenJobs, type RunnerCandidate } from '../../node/jobs/index.js'

const candidate = (peerId: string, extra: Partial<RunnerCandidate> = {}): RunnerCandidate => ({ peerId, inFlight: 0, capacity: 10, price: 0n, connected: true, ...extra })
const noJitter = (): number => 0

describe('job ids', () => {
  it('carry the client time and are refused outside the window', () => {
    const now = 1_800_000_000_000
    const id = newJobId(now)
    assert.equal(id.length, 16)
    assert.equal(jobIdTime(id), now)
    assert.equal(jobIdProblem(id, now), undefined)
    assert.match(jobIdProblem(id, now + JOB_ID_MAX_AGE_MS + 1) ?? '', /older than/)
    assert.match(jobIdProblem(newJobId(now + 5 * 60_000), now) ?? '', /ahead/)
    assert.notDeepEqual(newJobId(now), newJobId(now), 'random half differs')
  })
})

describe('seen jobs (at most once per runner)', () => {
  it('claims an id once, and remembers it across a restart', async () => {
    const store = new MemoryDatastore()
    const seen = new SeenJobs(store)
    await seen.start()
    const id = newJobId()
    assert.equal(await seen.claim(id), 'new')
    assert.equal(await seen.claim(id), 'seen')
    seen.stop()
    const restarted = new SeenJobs(store)
    await restarted.start()
    assert.equal(await restarted.claim(id), 'seen')
    assert.equal(await restarted.claim(newJobId()), 'new')
    restarted.stop()
  })

  it('drops ids older than the window at start', async () => {
    const store = new MemoryDatastore()
    let now = 1_800_000_000_000
    const seen = new SeenJobs(store, () => now)
    await seen.start()
    await seen.claim(newJobId(now))
    seen.stop()
    now += JOB_ID_MAX_AGE_MS * 2
    const later = new SeenJobs(store, () => now)
    await later.start()
    assert.equal(later.size, 0)
    later.stop()
  })

  it('when full, refuses new ids (fail closed) and looks for stale ones at most once a second', async () => {
    let now = 1_800_000_000_000
    const seen = new SeenJobs(new MemoryDatastore(), () => now, 3)
    await seen.start()
    // ids on the edge of the window: kept now, stale a millisecond later
    const edge = now - JOB_ID_MAX_AGE_MS - JOB_ID_MAX_AHEAD_MS
    for (let i = 0; i < 3; i++) assert.equal(await seen.claim(newJobId(edge)), 'new')
    assert.equal(await seen.claim(newJobId(now)), 'full')
    now += 1
    assert.equal(await seen.claim(newJobId(now)), 'full', 'the table was scanned 1 ms ago: not again')
    now += 1_000
    assert.equal(await seen.claim(newJobId(now)), 'new')
    assert.equal(seen.size, 1)
    seen.stop()
  })
})

describe('runner ranking', () => {
  it('prefers idle over loaded, then low latency, then low price', () => {
    assert.equal(rankRunners([candidate('busy', { inFlight: 9 }), candidate('idle')], noJitter)[0].peerId, 'idle')
    assert.equal(rankRunners([candidate('full', { inFlight: 10, rttMs: 1 }), candidate('far', { rttMs: 200 })], noJitter)[0].peerId, 'far')
    assert.equal(rankRunners([candidate('slow', { rttMs: 80 }), candidate('fast', { rttMs: 5 })], noJitter)[0].peerId, 'fast')
    assert.equal(rankRunners([candidate('dear', { price: 300n }), candidate('cheap', { price: 100n })], noJitter)[0].peerId, 'cheap')
    assert.equal(rankRunners([candidate('unknown', { connected: false }), candidate('connected')], noJitter)[0].peerId, 'connected')
  })

  it('an RTT tracker smooths round trips', () => {
    const rtt = new RttTracker(0.5)
    rtt.observe('a', 10)
    rtt.observe('a', 30)
    assert.equal(rtt.get('a'), 20)
    assert.equal(rtt.get('b'), undefined)
  })
})
