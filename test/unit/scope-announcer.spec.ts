import assert from 'node:assert/strict'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'
import { sha256 } from 'multiformats/hashes/sha2'
import { ScopeAnnouncer } from '../../node/attestations/scope-announcer.js'
import { silentLogger } from '../../node/log/index.js'
import { waitFor } from '../helpers/wait.js'

function keyOf (policyId: string): CID {
  return CID.createV1(0x55, Digest.create(sha256.code, Buffer.from(policyId, 'hex')))
}

/** A DHT that records calls; each provide stays in flight until released. */
function recordingDht () {
  const calls: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  const releases: Array<() => void> = []
  return {
    calls,
    get maxInFlight () { return maxInFlight },
    release () { releases.shift()?.() },
    dht: {
      async * provide (key: CID) {
        calls.push(`provide ${key.toString()}`)
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        await new Promise<void>(resolve => releases.push(resolve))
        inFlight--
        yield * []
      },
      async cancelReprovide (key: CID) { calls.push(`cancel ${key.toString()}`) }
    }
  }
}

const A = 'aa'.repeat(32)
const B = 'bb'.repeat(32)
const SELF = 'self'
const peers = (n: number): string[] => Array.from({ length: n }, (_, i) => `peer-${i}`)

function announcer (rec: ReturnType<typeof recordingDht>, init: { announcers?: number, spreadMs?: number, random?: () => number } = {}): ScopeAnnouncer {
  return new ScopeAnnouncer({ dht: rec.dht as any, logger: silentLogger(), self: SELF, keyOf, announcers: init.announcers ?? 8, spreadMs: init.spreadMs ?? 40, timeoutMs: 5_000, random: init.random })
}

describe('ScopeAnnouncer', () => {
  it('picks the same few announcers from the same view, and every member of a small scope', () => {
    const members = peers(100)
    const chosen = members.filter(m => ScopeAnnouncer.isAnnouncer(A, m, members, 8))
    assert.equal(chosen.length, 8)
    // another policy, other announcers (the load spreads over the network)
    const other = members.filter(m => ScopeAnnouncer.isAnnouncer(B, m, members, 8))
    assert.equal(other.length, 8)
    assert.notDeepEqual(other, chosen)
    // a scope of at most `announcers` members: all of them
    const small = peers(5)
    assert.ok(small.every(m => ScopeAnnouncer.isAnnouncer(A, m, small, 8)))
    // when an announcer leaves, the next in rank takes over
    const without = members.filter(m => m !== chosen[0])
    const next = without.filter(m => ScopeAnnouncer.isAnnouncer(A, m, without, 8))
    assert.equal(next.length, 8)
    assert.deepEqual(next.filter(m => !chosen.includes(m)).length, 1)
    // a member that knows fewer peers errs towards announcing
    assert.ok(chosen.every(m => ScopeAnnouncer.isAnnouncer(A, m, members.slice(0, 50).concat(m), 8)))
  })

  it('announces its scopes within the spread, one announcement at a time, each once', async () => {
    const rec = recordingDht()
    const a = announcer(rec)
    a.update(A, [SELF, 'x'])
    a.update(B, [SELF])
    a.update(A, [SELF, 'x', 'y']) // already pending: not announced twice
    await waitFor(() => rec.calls.length === 1, { timeoutMs: 2_000 })
    rec.release()
    await waitFor(() => rec.calls.length === 2, { timeoutMs: 2_000 })
    rec.release()
    assert.deepEqual([...rec.calls].sort(), [`provide ${keyOf(A).toString()}`, `provide ${keyOf(B).toString()}`].sort())
    assert.equal(rec.maxInFlight, 1)
    a.update(A, [SELF, 'x', 'y', 'z']) // still an announcer: nothing new
    await new Promise(resolve => setTimeout(resolve, 150)) // longer than the spread: a second announcement would have started
    assert.equal(rec.calls.length, 2)
    a.stop()
  })

  it('a member outside the announcers, or out of the scope, does not announce; leaving withdraws', async () => {
    const members = [SELF, ...peers(20)]
    const policies = Array.from({ length: 64 }, (_, i) => i.toString(16).padStart(2, '0').repeat(32))
    // a policy under which SELF ranks first among the members, and one under which it does not
    const leading = policies.find(p => ScopeAnnouncer.isAnnouncer(p, SELF, members, 1)) as string
    const trailing = policies.find(p => !ScopeAnnouncer.isAnnouncer(p, SELF, members, 1)) as string
    assert.ok(leading != null && trailing != null)
    const rec = recordingDht()
    const a = announcer(rec, { announcers: 1, random: () => 0 })
    a.update(trailing, members)
    a.update(B, ['someone-else'])
    a.update(leading, members)
    await waitFor(() => rec.calls.length === 1, { timeoutMs: 2_000 })
    rec.release()
    assert.deepEqual(rec.calls, [`provide ${keyOf(leading).toString()}`])
    // the members ahead of SELF leave: SELF takes over
    const ahead = members.filter(m => m !== SELF && !ScopeAnnouncer.isAnnouncer(trailing, SELF, [SELF, m], 1))
    assert.ok(ahead.length > 0)
    a.update(trailing, members.filter(m => !ahead.includes(m)))
    await waitFor(() => rec.calls.length === 2, { timeoutMs: 2_000 })
    rec.release()
    assert.equal(rec.calls[1], `provide ${keyOf(trailing).toString()}`)
    // SELF leaves the scope: it stops announcing
    a.update(leading, peers(20))
    await waitFor(() => rec.calls.includes(`cancel ${keyOf(leading).toString()}`), { timeoutMs: 2_000 })
    assert.ok(!rec.calls.some(c => c.includes(keyOf(B).toString())), 'a scope SELF is not in is never announced')
    a.stop()
  })

  it('withdrawing before the start time drops the announcement; stop drops them all', async () => {
    const rec = recordingDht()
    const a = announcer(rec, { spreadMs: 30, random: () => 0.99 })
    a.update(A, [SELF])
    a.update(A, [])
    await new Promise(resolve => setTimeout(resolve, 150)) // longer than the spread: a dropped announcement would have started
    assert.deepEqual(rec.calls, [], 'a withdrawn announcement is neither made nor cancelled')
    a.update(B, [SELF])
    a.stop()
    a.update(A, [SELF])
    await new Promise(resolve => setTimeout(resolve, 150))
    assert.deepEqual(rec.calls, [], 'after stop nothing is announced')
  })

  it('a scope withdrawn while its announcement runs is not re-provided', async () => {
    const rec = recordingDht()
    const a = announcer(rec, { random: () => 0 })
    a.update(A, [SELF])
    await waitFor(() => rec.calls.length === 1, { timeoutMs: 2_000 })
    a.update(A, []) // during the walk
    rec.release()
    await waitFor(() => rec.calls.filter(c => c === `cancel ${keyOf(A).toString()}`).length === 2, { timeoutMs: 2_000 })
    a.stop()
  })
})
