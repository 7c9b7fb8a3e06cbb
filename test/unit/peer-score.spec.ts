import assert from 'node:assert/strict'
import { DialBackoff } from '../../node/discovery/index.js'
import { gossipAppScore, PeerAction, PeerScores } from '../../node/peer-score/index.js'

describe('peer scores', () => {
  it('maps actions to penalties and verdicts', () => {
    let now = 0
    const scores = new PeerScores({ now: () => now })
    assert.equal(scores.apply('a', PeerAction.Timeout), 'ok')
    assert.equal(scores.score('a'), PeerScores.delta(PeerAction.Timeout))
    assert.equal(scores.apply('b', PeerAction.MalformedMessage), 'disconnect')
    assert.equal(scores.apply('b', PeerAction.MalformedMessage), 'ban')
    assert.equal(scores.isBanned('b'), true)
    now += 2 * 60 * 60_000 // past the ban duration
    assert.equal(scores.isBanned('b'), false)
  })

  it('decays penalties with the half-life', () => {
    let now = 0
    const scores = new PeerScores({ now: () => now, halfLifeMs: 1000 })
    scores.apply('a', PeerAction.ProtocolViolation)
    now = 1000
    assert.ok(Math.abs(scores.score('a') - PeerScores.delta(PeerAction.ProtocolViolation) / 2) < 1e-9)
    now = 20_000
    assert.ok(Math.abs(scores.score('a')) < 0.001)
    assert.equal(scores.verdict('a'), 'ok')
  })

  it('passes on to gossipsub hostile acts, not a few timeouts', () => {
    const scores = new PeerScores({ now: () => 0 })
    for (let i = 0; i < 4; i++) scores.apply('slow', PeerAction.Timeout)
    assert.ok(scores.score('slow') < 0)
    // gossipsub keeps any peer with a negative score out of its meshes
    assert.equal(gossipAppScore(scores.score('slow')), 0)
    scores.apply('slow', PeerAction.Timeout)
    assert.equal(gossipAppScore(scores.score('slow')), scores.score('slow'))
    scores.apply('hostile', PeerAction.InvalidGossip)
    assert.equal(gossipAppScore(scores.score('hostile')), PeerScores.delta(PeerAction.InvalidGossip))
    assert.equal(gossipAppScore(0), 0)
  })

  it('stays bounded under a flood of peer ids, keeping bans', () => {
    const scores = new PeerScores({ maxPeers: 100 })
    scores.apply('villain', PeerAction.MalformedMessage)
    scores.apply('villain', PeerAction.MalformedMessage)
    for (let i = 0; i < 10_000; i++) scores.apply(`sybil-${i}`, PeerAction.Timeout)
    assert.equal(scores.size, 100)
    assert.equal(scores.isBanned('villain'), true)
  })
})

describe('dial backoff', () => {
  it('backs off exponentially up to a cap, and forgets on success', () => {
    const backoff = new DialBackoff(1000, 8000, 10)
    backoff.failed('p', 0)
    assert.equal(backoff.canDial('p', 999), false)
    assert.equal(backoff.canDial('p', 1000), true)
    backoff.failed('p', 1000) // second failure: 2 s
    assert.equal(backoff.canDial('p', 2999), false)
    for (let i = 0; i < 10; i++) backoff.failed('p', 0)
    assert.equal(backoff.canDial('p', 8000), true) // capped
    backoff.succeeded('p')
    backoff.failed('p', 0)
    assert.equal(backoff.canDial('p', 1000), true)
  })

  it('is bounded', () => {
    const backoff = new DialBackoff(1000, 8000, 10)
    for (let i = 0; i < 100; i++) backoff.failed(`p${i}`, 0)
    assert.equal(backoff.canDial('p0', 0), true) // forgotten
    assert.equal(backoff.canDial('p99', 0), false)
  })
})
