import assert from 'node:assert/strict'
import { hkdfSync } from 'node:crypto'
import { join } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../../node/devnet/index.js'
import { EscrinNode, type EscrinNodeOptions } from '../../node/escrin-node.js'
import { silentLogger } from '../../node/log/index.js'
import { dealSecret } from '../../node/ssss/index.js'
import { defaultVerifiers } from '../../protocol/attestation/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { randomScalar, scalarToBytes, SsssError } from '../../protocol/ssss/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { testEvidence, testVerifier } from '../helpers/test-evidence.js'
import { waitFor } from '../helpers/wait.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
const CUSTODY_M = 'cc'.repeat(48)
const RUNNER_M = 'dd'.repeat(48)
const SECRET = randomScalar()
const expectedKey = (name: string): string => Buffer.from(hkdfSync('sha256', scalarToBytes(SECRET), new TextEncoder().encode('escrin-ssss/1 app key'), new TextEncoder().encode(name), 32)).toString('hex')
const GET_KEY_WORKER = new TextEncoder().encode(`export default { async fetch (r, env) {
  try { const k = await env.escrin.getKey(await r.text()); return new Response([...k].map(b => b.toString(16).padStart(2, '0')).join('')) }
  catch (e) { return new Response('getKey failed: ' + e.message, { status: 500 }) } } }`)

/** Nodes 0-4: custody measurement (the 5 holders); 5: the app's runner; 6: a dev node outside both scopes. */
function optionsOf (i: number): EscrinNodeOptions {
  const verifiers = defaultVerifiers()
  verifiers.set('test', testVerifier)
  return { verifiers, sandbox: { processes: 1 }, ...(i <= 4 ? { evidence: testEvidence(CUSTODY_M) } : i === 5 ? { evidence: testEvidence(RUNNER_M) } : {}) }
}

describe('SSSS key custody (7 real nodes, n = 5 holders, t = 4)', function () {
  this.timeout(240_000)
  let net: TestNetwork
  let appPolicy: string

  const runJob = async (name: string): Promise<{ status: number, text: string }> => {
    const outcome = await net.nodes[6].jobs.submit({ policyId: appPolicy, code: GET_KEY_WORKER, input: new TextEncoder().encode(name), timeoutMs: 20_000 })
    assert.equal(outcome.runner, net.nodes[5].peerId.toString())
    return { status: outcome.status, text: new TextDecoder().decode(outcome.output) }
  }

  before(async () => {
    net = await startNetwork(7, {}, optionsOf)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 7), { timeoutMs: 30_000 })
    const publish = async (name: string, predicate: unknown): Promise<string> =>
      (await net.nodes[6].policies.publish(await signPolicy(createPolicy({ owner: OWNER, name, version: 1, predicate: JSON.stringify(predicate) }), OWNER_KEY))).id
    const custody = await publish('custody', { all: [{ eq: ['tee.measurement', CUSTODY_M] }, { has: ['roles', 'ssss'] }] })
    appPolicy = await publish('app', { all: [{ eq: ['tee.measurement', RUNNER_M] }, { has: ['roles', 'runner'] }] })
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(custody).length === 5 && n.attestations.scopes.members(appPolicy).length === 1), { timeoutMs: 30_000 })
  })

  after(async () => { await net?.close() })

  it('deals 4-of-5 to the custody scope; every holder verified and stored its share', async () => {
    const result = await dealSecret(net.nodes[6], { ownerKey: OWNER_KEY, app: 'app', custody: 'custody', secret: SECRET })
    assert.equal(result.spec.threshold, 4)
    assert.equal(result.acked.length, 5, JSON.stringify(result.failed))
    assert.equal(result.committed.length, 5, JSON.stringify(result.failed))
    for (let i = 0; i <= 4; i++) {
      const stored = await net.nodes[i].holder?.store.versions(OWNER, 'app')
      assert.equal(stored?.length, 1)
      assert.equal(stored?.[0].committed, true)
    }
  })

  it('a worker in the app\'s scope gets its key; the key never leaves the runner', async () => {
    const { status, text } = await runJob('db')
    assert.equal(status, 200)
    assert.equal(text, expectedKey('db'))
    assert.notEqual((await runJob('other')).text, text, 'each name derives its own key')
  })

  it('a requester outside the scope receives no share from any holder (asserted at the holders)', async () => {
    await assert.rejects(net.nodes[6].keyRelease.appKey(OWNER, 'app'), (err: unknown) => err instanceof SsssError && err.code === 'THRESHOLD_NOT_MET')
    const outsider = net.nodes[6].peerId.toString()
    for (let i = 0; i <= 4; i++) {
      const events = net.nodes[i].holder?.history().filter(e => e.kind === 'get' && e.peer === outsider) ?? []
      assert.ok(events.length > 0, `holder ${i} was asked`)
      assert.ok(events.every(e => e.result === 'NOT_IN_SCOPE'), `holder ${i} refused: ${events.map(e => e.result).join(',')}`)
    }
  })

  it('custody shows on /metrics: releases at the runners, answers at the holders, by result', async () => {
    const series = async (node: EscrinNode, name: string, labels: string): Promise<number> => {
      const text = await node.metrics.registry.metrics()
      const line = new RegExp(`^${name}${labels === '' ? '' : `\\{${labels}\\}`} (\\S+)$`, 'm').exec(text)
      return line == null ? 0 : Number(line[1])
    }
    // the runner released the key for the two jobs above; the outsider was refused it
    assert.ok(await series(net.nodes[5], 'escrin_key_releases_total', 'result="ok"') >= 2)
    assert.ok(await series(net.nodes[5], 'escrin_key_release_seconds_count', '') >= 2)
    assert.equal(await series(net.nodes[6], 'escrin_key_releases_total', 'result="threshold_not_met"'), 1)
    let shares = 0
    for (let i = 0; i <= 4; i++) {
      const holder = net.nodes[i]
      assert.equal(await series(holder, 'escrin_ssss_requests_total', 'kind="deal",result="ok"'), 1, `holder ${i} took its share`)
      assert.ok(await series(holder, 'escrin_ssss_requests_total', 'kind="control",result="ok"') >= 1, `holder ${i} committed`)
      assert.ok(await series(holder, 'escrin_ssss_requests_total', 'kind="get",result="not_in_scope"') >= 1, `holder ${i} refused the outsider`)
      shares += await series(holder, 'escrin_ssss_requests_total', 'kind="get",result="share"')
    }
    assert.ok(shares >= 2 * 4, `4 shares a release, 2 releases: ${shares}`)
  })

  it('a refused outsider spends none of a holder\'s replay memory', async () => {
    // any attested peer can sign fresh requests; only those a holder would serve may fill its nonce table
    const { signShareRequest, ssssErrorFromFailure } = await import('../../protocol/ssss/index.js')
    const { ssssCall } = await import('../../node/ssss/index.js')
    const outsider = net.nodes[6]
    const request = signShareRequest(outsider.peerId.toMultihash().bytes, { owner: OWNER as `0x${string}`, app: 'app', version: 0, replyX25519: outsider.attestations.recordOf(outsider.peerId.toString())?.enclaveX25519 as Uint8Array, timestampMs: Date.now(), nonce: new Uint8Array(16).fill(5) }, (outsider as unknown as { keyRelease: { components: { keys: { signingSecret: Uint8Array } } } }).keyRelease.components.keys.signingSecret)
    for (const attempt of [1, 2]) {
      const answer = await ssssCall(outsider.host, net.nodes[0].peerId, { get: request }, 5_000)
      assert.ok('failure' in answer && ssssErrorFromFailure(answer.failure).code === 'NOT_IN_SCOPE', `attempt ${attempt}: ${JSON.stringify(answer)}`)
    }
  })

  it('a byzantine holder\'s corrupted share is detected and skipped, and the holder penalised', async () => {
    const byzantine = net.nodes[2].holder
    assert.ok(byzantine != null)
    byzantine.faults.corruptShare = true
    const runner = net.nodes[5].peerId.toString()
    const servedBefore = byzantine.history().filter(e => e.kind === 'get' && e.peer === runner && e.result === 'released').length
    try {
      // the runner asks t of the 5 holders, more when one fails: release until it has asked the byzantine one
      const deadline = Date.now() + 60_000
      while (byzantine.history().filter(e => e.kind === 'get' && e.peer === runner && e.result === 'released').length === servedBefore) {
        assert.ok(Date.now() < deadline, 'the byzantine holder was never asked')
        assert.equal((await runJob('db')).text, expectedKey('db'))
      }
      assert.ok(net.nodes[5].scores.score(net.nodes[2].peerId.toString()) < 0)
    } finally {
      byzantine.faults.corruptShare = false
    }
  })

  it('a replayed share request is refused', async () => {
    // the same signed request twice: the second is a replay
    const { signShareRequest } = await import('../../protocol/ssss/index.js')
    const { ssssCall } = await import('../../node/ssss/index.js')
    const runner = net.nodes[5]
    const request = signShareRequest(runner.peerId.toMultihash().bytes, { owner: OWNER as `0x${string}`, app: 'app', version: 0, replyX25519: runner.attestations.recordOf(runner.peerId.toString())?.enclaveX25519 as Uint8Array, timestampMs: Date.now(), nonce: new Uint8Array(16).fill(7) }, (runner as unknown as { keyRelease: { components: { keys: { signingSecret: Uint8Array } } } }).keyRelease.components.keys.signingSecret)
    const first = await ssssCall(runner.host, net.nodes[0].peerId, { get: request }, 5_000)
    assert.ok('share' in first, JSON.stringify(first))
    const again = await ssssCall(runner.host, net.nodes[0].peerId, { get: request }, 5_000)
    assert.ok('failure' in again)
  })

  it('one signed request serves every holder of a release; relayed by a holder, it gets nothing', async () => {
    // a runner signs one request per release for all the holders it asks: each holder checks the
    // signature against the peer that sends it, and remembers the nonce for itself
    const { signShareRequest, ssssErrorFromFailure } = await import('../../protocol/ssss/index.js')
    const { ssssCall } = await import('../../node/ssss/index.js')
    const runner = net.nodes[5]
    const request = signShareRequest(runner.peerId.toMultihash().bytes, { owner: OWNER as `0x${string}`, app: 'app', version: 0, replyX25519: runner.attestations.recordOf(runner.peerId.toString())?.enclaveX25519 as Uint8Array, timestampMs: Date.now(), nonce: new Uint8Array(16).fill(9) }, (runner as unknown as { keyRelease: { components: { keys: { signingSecret: Uint8Array } } } }).keyRelease.components.keys.signingSecret)
    // holder 0, having received it, sends it on to holder 1 as its own
    const relayed = await ssssCall(net.nodes[0].host, net.nodes[1].peerId, { get: request }, 5_000)
    assert.ok('failure' in relayed && ssssErrorFromFailure(relayed.failure).code === 'BAD_SIGNATURE', JSON.stringify(relayed))
    // the relay spent nothing: the runner's own copies are served by both holders
    for (const holder of [0, 1]) {
      const answer = await ssssCall(runner.host, net.nodes[holder].peerId, { get: request }, 5_000)
      assert.ok('share' in answer, `holder ${holder}: ${JSON.stringify(answer)}`)
    }
  })

  it('every holder restarts: the shares survive, and a request served before the restart is not served again', async () => {
    const { signShareRequest, ssssErrorFromFailure } = await import('../../protocol/ssss/index.js')
    const { ssssCall } = await import('../../node/ssss/index.js')
    const runner = net.nodes[5]
    const request = signShareRequest(runner.peerId.toMultihash().bytes, { owner: OWNER as `0x${string}`, app: 'app', version: 0, replyX25519: runner.attestations.recordOf(runner.peerId.toString())?.enclaveX25519 as Uint8Array, timestampMs: Date.now(), nonce: new Uint8Array(16).fill(11) }, (runner as unknown as { keyRelease: { components: { keys: { signingSecret: Uint8Array } } } }).keyRelease.components.keys.signingSecret)
    assert.ok('share' in await ssssCall(runner.host, net.nodes[0].peerId, { get: request }, 5_000))
    for (let i = 0; i <= 4; i++) {
      await net.nodes[i].stop()
      const restarted = await EscrinNode.create(devnetNodeConfig(join(net.root, `node-${i}`), [net.nodes[6].host.getMultiaddrs()[0].toString()]), { logger: silentLogger(), ...optionsOf(i) })
      await restarted.start()
      net.nodes[i] = restarted
    }
    // the runner sees the restarted holders' fresh records and the holders learn the policies again
    await waitFor(() => net.nodes.slice(0, 5).every(n => n.policies.store.latest(OWNER, 'app') != null && n.attestations.scopes.inScope(appPolicy, net.nodes[5].peerId.toString())), { timeoutMs: 30_000 })
    // restarted holders listen on new ports: where the runner knows only a stale address, key release looks the holder up again in the DHT
    assert.equal((await runJob('db')).text, expectedKey('db'))
    // the same request again, within its freshness window: the holder's replay memory went with its last run
    const replayed = await ssssCall(runner.host, net.nodes[0].peerId, { get: request }, 5_000)
    assert.ok('failure' in replayed && ssssErrorFromFailure(replayed.failure).code === 'STALE_REQUEST', JSON.stringify(replayed))
    assert.match(replayed.failure.message, /before this holder started/, 'refused for the restart, not for its age')
  })

  it('one holder down: still 4 of 4; two down: a clear threshold error', async () => {
    await net.nodes[0].stop()
    assert.equal((await runJob('db')).text, expectedKey('db'))
    await net.nodes[1].stop()
    const { status, text } = await runJob('db')
    assert.equal(status, 500)
    assert.match(text, /getKey failed: .*3 valid shares of 4 needed/)
  })
})
