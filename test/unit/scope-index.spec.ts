import assert from 'node:assert/strict'
import {
  compilePredicate,
  createPolicy,
  parsePredicate,
  policyId,
  type CompiledPredicate,
  type PeerFacts
} from '../../protocol/policy/index.js'
import { ScopeError, ScopeIndex, type ScopeChange } from '../../protocol/scope/index.js'

function peer (n: number, overrides: Partial<PeerFacts> = {}): PeerFacts {
  return {
    peerId: `12D3KooWPeer${n}`,
    roles: ['runner'],
    tee: { kind: n % 2 === 0 ? 'nitro' : 'dev', measurement: 'aa' },
    operator: `0x${'11'.repeat(20)}`,
    bond: BigInt(n * 100),
    reliability: 0.9,
    ...overrides
  }
}

const NITRO = parsePredicate({ eq: ['tee.kind', 'nitro'] })
const BONDED = parsePredicate({ gte: ['bond', '500'] })

/** A compiled predicate that counts its evaluations. */
function counting (json: unknown): { test: CompiledPredicate, calls: () => number } {
  const inner = compilePredicate(parsePredicate(json))
  let calls = 0
  const test = Object.assign((facts: PeerFacts) => { calls++; return inner(facts) }, { predicate: inner.predicate, canonical: inner.canonical })
  return { test, calls: () => calls }
}

describe('ScopeIndex', () => {
  it('tracks members and scopes, sorted, with joined/left changes', () => {
    const index = new ScopeIndex()
    const events: ScopeChange[] = []
    index.onChange(change => events.push(change))
    for (let n = 1; n <= 6; n++) index.upsertPeer(peer(n))
    assert.deepEqual(index.upsertPolicy('nitro', NITRO), [
      { policyId: 'nitro', peerId: '12D3KooWPeer2', change: 'joined' },
      { policyId: 'nitro', peerId: '12D3KooWPeer4', change: 'joined' },
      { policyId: 'nitro', peerId: '12D3KooWPeer6', change: 'joined' }
    ])
    index.upsertPolicy('bonded', BONDED)
    assert.deepEqual(index.members('nitro'), ['12D3KooWPeer2', '12D3KooWPeer4', '12D3KooWPeer6'])
    assert.deepEqual(index.members('bonded'), ['12D3KooWPeer5', '12D3KooWPeer6'])
    assert.deepEqual(index.scopesOf('12D3KooWPeer6'), ['bonded', 'nitro'])
    assert.deepEqual(index.scopesOf('12D3KooWPeer1'), [])
    assert.equal(index.inScope('nitro', '12D3KooWPeer2'), true)
    assert.equal(index.inScope('nitro', '12D3KooWPeer1'), false)
    assert.equal(index.inScope('unknown', '12D3KooWPeer2'), false)

    // a peer's new attestation moves it between scopes
    events.length = 0
    index.upsertPeer(peer(2, { tee: { kind: 'dev', measurement: 'aa' }, bond: 10_000n }))
    assert.deepEqual(events, [
      { policyId: 'nitro', peerId: '12D3KooWPeer2', change: 'left' },
      { policyId: 'bonded', peerId: '12D3KooWPeer2', change: 'joined' }
    ])
    assert.deepEqual(index.removePeer('12D3KooWPeer6').sort((a, b) => a.policyId.localeCompare(b.policyId)), [
      { policyId: 'bonded', peerId: '12D3KooWPeer6', change: 'left' },
      { policyId: 'nitro', peerId: '12D3KooWPeer6', change: 'left' }
    ])
    assert.deepEqual(index.removePeer('12D3KooWPeer6'), [])
    assert.deepEqual(index.removePolicy('nitro'), [{ policyId: 'nitro', peerId: '12D3KooWPeer4', change: 'left' }])
    assert.deepEqual(index.members('nitro'), [])
    assert.equal(index.hasPolicy('nitro'), false)
    assert.deepEqual(index.scopesOf('12D3KooWPeer4'), [])
    assert.deepEqual(index.policyIds(), ['bonded'])
  })

  it('replacing a policy re-evaluates it, and an identical predicate is a no-op', () => {
    const index = new ScopeIndex()
    for (let n = 1; n <= 4; n++) index.upsertPeer(peer(n))
    index.upsertPolicy('p', NITRO)
    assert.deepEqual(index.upsertPolicy('p', parsePredicate({ eq: ['tee.kind', 'NITRO'] })), [])
    const changes = index.upsertPolicy('p', parsePredicate({ eq: ['tee.kind', 'dev'] }))
    assert.equal(changes.filter(c => c.change === 'joined').length, 2)
    assert.equal(changes.filter(c => c.change === 'left').length, 2)
    assert.deepEqual(index.members('p'), ['12D3KooWPeer1', '12D3KooWPeer3'])
  })

  it('is incremental: a peer update evaluates each policy once, a policy update each peer once', () => {
    const index = new ScopeIndex()
    const policies = Array.from({ length: 7 }, (_, i) => counting({ gte: ['bond', String(i * 500)] }))
    policies.forEach((p, i) => index.upsertPolicy(`p${i}`, p.test))
    for (let n = 0; n < 50; n++) index.upsertPeer(peer(n))
    const total = (): number => policies.reduce((sum, p) => sum + p.calls(), 0)

    let before = total()
    index.upsertPeer(peer(3, { bond: 3000n }))
    assert.equal(total() - before, policies.length)

    const added = counting({ has: ['roles', 'runner'] })
    index.upsertPolicy('added', added.test)
    assert.equal(added.calls(), 50)

    before = total()
    index.removePeer('12D3KooWPeer3')
    index.removePolicy('p0')
    index.members('p1')
    index.scopesOf('12D3KooWPeer4')
    assert.equal(total(), before)
    assert.equal(added.calls(), 50)
  })

  it('enforces maxPeers and maxPolicies with a clear error, changing nothing', () => {
    const index = new ScopeIndex({ maxPeers: 2, maxPolicies: 1 })
    index.upsertPolicy('p', NITRO)
    index.upsertPeer(peer(1))
    index.upsertPeer(peer(2))
    assert.throws(() => index.upsertPeer(peer(3)), (err: any) => err instanceof ScopeError && err.code === 'TOO_MANY_PEERS' && err.message.includes('maxPeers=2'))
    assert.equal(index.hasPeer('12D3KooWPeer3'), false)
    index.upsertPeer(peer(2, { bond: 1n })) // updating a known peer is always allowed
    assert.throws(() => index.upsertPolicy('q', BONDED), { name: 'ScopeError', code: 'TOO_MANY_POLICIES' })
    assert.deepEqual(index.policyIds(), ['p'])
    index.upsertPolicy('p', BONDED) // so is replacing a known policy
    index.removePeer('12D3KooWPeer1')
    index.upsertPeer(peer(3))
    assert.equal(index.peerCount, 2)
    assert.throws(() => new ScopeIndex({ maxPeers: 0 }), RangeError)
  })

  it('accepts policy documents, checking the id', () => {
    const policy = createPolicy({ owner: `0x${'ab'.repeat(20)}`, name: 'nitro-only', version: 1, predicate: NITRO })
    const id = policyId(policy)
    const index = new ScopeIndex()
    index.upsertPeer(peer(2))
    index.upsertPolicy(id, policy)
    assert.deepEqual(index.members(id), ['12D3KooWPeer2'])
    assert.throws(() => index.upsertPolicy('0'.repeat(64), policy), { code: 'ID_MISMATCH' })
  })

  it('normalises facts on the way in and rejects malformed ones without changing state', () => {
    const index = new ScopeIndex()
    index.upsertPolicy('m', parsePredicate({ eq: ['tee.measurement', 'abcd'] }))
    index.upsertPeer(peer(1, { tee: { kind: 'dev', measurement: '0xABCD' } }))
    assert.deepEqual(index.members('m'), ['12D3KooWPeer1'])
    assert.throws(() => index.upsertPeer(peer(2, { reliability: Number.NaN })), { name: 'PolicyError', code: 'BAD_FACTS' })
    assert.equal(index.hasPeer('12D3KooWPeer2'), false)
    // the stored facts are a copy: mutating the input changes nothing
    const facts = peer(3, { tee: { kind: 'dev', measurement: 'abcd' } })
    index.upsertPeer(facts)
    facts.tee.measurement = 'ffff'
    assert.equal(index.getPeer('12D3KooWPeer3')?.tee.measurement, 'abcd')
  })

  it('explains a policy for every known peer, sorted', () => {
    const index = new ScopeIndex()
    for (const n of [3, 1, 2]) index.upsertPeer(peer(n))
    index.upsertPolicy('p', parsePredicate({ all: [{ has: ['roles', 'runner'] }, { in: ['tee.kind', ['nitro']] }] }))
    assert.deepEqual(index.explain('p'), [
      { peerId: '12D3KooWPeer1', admitted: false, reason: "tee.kind is 'dev', not in ['nitro']", clause: '$.all[1]' },
      { peerId: '12D3KooWPeer2', admitted: true, reason: "all 2 clauses hold [roles ['runner'] include 'runner'; tee.kind is 'nitro', in ['nitro']]", clause: '$' },
      { peerId: '12D3KooWPeer3', admitted: false, reason: "tee.kind is 'dev', not in ['nitro']", clause: '$.all[1]' }
    ])
    assert.deepEqual(index.explain('unknown'), [])
  })

  it('listeners: unsubscribe works, and one failing listener neither stops the others nor corrupts the index', () => {
    const index = new ScopeIndex()
    index.upsertPolicy('p', NITRO)
    const heard: string[] = []
    const off = index.onChange(c => heard.push(`a:${c.peerId}`))
    index.onChange(() => { throw new Error('boom') })
    index.onChange(c => heard.push(`b:${c.peerId}`))
    assert.throws(() => index.upsertPeer(peer(2)), (err: any) => err.code === 'LISTENER_FAILED' && err.cause.message === 'boom')
    assert.deepEqual(heard, ['a:12D3KooWPeer2', 'b:12D3KooWPeer2'])
    assert.deepEqual(index.members('p'), ['12D3KooWPeer2'])
    off()
    assert.throws(() => index.removePeer('12D3KooWPeer2'))
    assert.deepEqual(heard, ['a:12D3KooWPeer2', 'b:12D3KooWPeer2', 'b:12D3KooWPeer2'])
    assert.deepEqual(index.members('p'), [])
  })

  it('fails closed when a hand-made predicate throws', () => {
    const index = new ScopeIndex()
    const broken = Object.assign(() => { throw new Error('bug') }, { predicate: NITRO, canonical: 'broken' }) as CompiledPredicate
    index.upsertPolicy('p', broken)
    index.upsertPeer(peer(2))
    assert.deepEqual(index.members('p'), [])
  })
})
