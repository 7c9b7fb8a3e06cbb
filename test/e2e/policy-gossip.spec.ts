import assert from 'node:assert/strict'
import { privateKeyToAccount } from 'viem/accounts'
import { encodeSignedPolicy } from '../../protocol/gossip/index.js'
import { createPolicy, policyId, signedPolicyToJson, signPolicy, type SignedPolicy } from '../../protocol/policy/index.js'
import { getJson } from '../helpers/http.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { createRawGossipHost } from '../../bench/lib/raw-host.js'
import { waitFor } from '../helpers/wait.js'

const OWNER_KEY = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'
const OWNER = privateKeyToAccount(OWNER_KEY).address

async function signed (version: number, predicate: unknown): Promise<SignedPolicy> {
  return await signPolicy(createPolicy({ owner: OWNER, name: 'payroll', version, predicate: JSON.stringify(predicate) }), OWNER_KEY)
}

async function post (net: TestNetwork, node: number, body: unknown): Promise<{ status: number, json: any }> {
  const res = await fetch(`${net.api(net.nodes[node])}/v1/policies`, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) })
  return { status: res.status, json: await res.json() }
}

async function policyIdsOf (net: TestNetwork): Promise<string[][]> {
  return await Promise.all(net.nodes.map(async n => (await getJson(net.api(n), '/v1/policies')).policies.map((p: { id: string }) => p.id)))
}

describe('policies over gossip (5 real nodes)', function () {
  this.timeout(90_000)
  let net: TestNetwork

  before(async () => {
    net = await startNetwork(5)
    // gossip needs the mesh: wait until every node sees every other subscribed to the policy topic
    await waitFor(() => net.nodes.every(n => n.host.services.pubsub.getSubscribers('/escrin/policy/1').length >= 4), { timeoutMs: 30_000 })
  })

  after(async () => { await net?.close() })

  it('a policy posted to one node reaches every node; a newer version replaces it everywhere', async () => {
    const v1 = await signed(1, { eq: ['tee.kind', 'nitro'] })
    const posted = await post(net, 1, signedPolicyToJson(v1))
    assert.equal(posted.status, 200, JSON.stringify(posted.json))
    assert.equal(posted.json.id, policyId(v1.policy))
    assert.equal(posted.json.result, 'added')
    await waitFor(async () => (await policyIdsOf(net)).every(ids => ids.length === 1 && ids[0] === posted.json.id), {
      timeoutMs: 20_000, describe: async () => JSON.stringify(await policyIdsOf(net))
    })

    const v2 = await signed(2, { in: ['tee.kind', ['nitro', 'tdx']] })
    const second = await post(net, 3, signedPolicyToJson(v2))
    assert.equal(second.json.result, 'replaced')
    await waitFor(async () => (await policyIdsOf(net)).every(ids => ids.length === 1 && ids[0] === second.json.id), {
      timeoutMs: 20_000, describe: async () => JSON.stringify(await policyIdsOf(net))
    })

    // replaying the old version changes nothing
    const replay = await post(net, 4, signedPolicyToJson(v1))
    assert.equal(replay.json.result, 'stale')
    const detail = await getJson(net.api(net.nodes[0]), `/v1/policies/${second.json.id}`)
    assert.equal(detail.policy.version, '2')
  })

  it('refuses forged, malformed and oversize policies through the API with the reason', async () => {
    const good = signedPolicyToJson(await signed(7, { eq: ['tee.kind', 'nitro'] }))
    const forged = { ...good, policy: { ...good.policy, predicate: '{"eq":["tee.kind","dev"]}' } }
    const refusedForged = await post(net, 0, forged)
    assert.equal(refusedForged.status, 400)
    assert.equal(refusedForged.json.error.code, 'BAD_SIGNATURE')
    const malformed = await post(net, 0, { policy: { owner: 'nobody' }, signature: '0x' })
    assert.equal(malformed.status, 400)
    const deep = { not: { not: { not: { not: { not: { not: { not: { not: { not: true } } } } } } } } }
    const tooDeep = await post(net, 0, { ...good, policy: { ...good.policy, predicate: JSON.stringify(deep) } })
    assert.equal(tooDeep.status, 400)
    assert.match(tooDeep.json.error.code, /TOO_DEEP|NOT_CANONICAL/)
    const huge = await fetch(`${net.api(net.nodes[0])}/v1/policies`, { method: 'POST', body: 'x'.repeat(2 << 20) })
    assert.equal(huge.status, 413)
  })

  it('a peer gossiping a forged policy is penalised, and no node stores it', async () => {
    const before = await policyIdsOf(net)
    const attacker = await createRawGossipHost()
    try {
      const target = net.nodes[2]
      await attacker.dial(target.host.getMultiaddrs()[0])
      attacker.services.pubsub.subscribe('/escrin/policy/1')
      await waitFor(() => attacker.services.pubsub.getSubscribers('/escrin/policy/1').some(p => p.equals(target.peerId)), { timeoutMs: 15_000 })
      const real = await signed(9, { eq: ['tee.kind', 'nitro'] })
      const forged: SignedPolicy = { ...real, policy: { ...real.policy, predicate: '{"eq":["tee.kind","dev"]}' } }
      await attacker.services.pubsub.publish('/escrin/policy/1', encodeSignedPolicy(forged))
      await attacker.services.pubsub.publish('/escrin/policy/1', Uint8Array.of(0xff, 0x00, 0x13))
      await waitFor(() => target.scores.score(attacker.peerId.toString()) < 0, { timeoutMs: 15_000 })
      const metrics = await (await fetch(`${net.api(target)}/metrics`)).text()
      assert.match(metrics, /escrin_gossip_messages_total\{topic="policy",result="reject_bad_signature"\} 1/)
      assert.match(metrics, /escrin_gossip_messages_total\{topic="policy",result="reject_malformed"\} 1/)
      assert.deepEqual(await policyIdsOf(net), before)
    } finally {
      await attacker.stop()
    }
  })
})
