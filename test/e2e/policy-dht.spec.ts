import assert from 'node:assert/strict'
import { privateKeyToAccount } from 'viem/accounts'
import { encodeSignedPolicy, policyDhtKey } from '../../protocol/gossip/index.js'
import { createPolicy, policyId, signedPolicyToJson, signPolicy, verifySignedPolicy } from '../../protocol/policy/index.js'
import { getJson } from '../helpers/http.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'

const KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'

describe('policies and scopes in the DHT (late joiners)', function () {
  this.timeout(90_000)
  let net: TestNetwork

  before(async () => { net = await startNetwork(5) })
  after(async () => { await net?.close() })

  it('a node that joins after a policy was gossiped pulls it on connect, and finds the scope announced', async () => {
    await waitFor(() => net.nodes.every(n => n.attestations.size === 5), { timeoutMs: 30_000 })
    const signed = await signPolicy(createPolicy({ owner: privateKeyToAccount(KEY).address, name: 'runners', version: 1, predicate: '{"has":["roles","runner"]}' }), KEY)
    const res = await fetch(`${net.api(net.nodes[0])}/v1/policies`, { method: 'POST', body: JSON.stringify(signedPolicyToJson(signed)) })
    const { id } = await res.json() as { id: string }
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(id).length === 5), { timeoutMs: 20_000 })

    const late = await net.add(net.nodes[3])
    // it missed the gossip; policy sync on connect brings it
    await waitFor(() => late.policies.store.get(id), { timeoutMs: 20_000 })
    const scope = await waitFor(async () => {
      const r = await fetch(`${net.api(late)}/v1/scopes/${id}?providers=1`)
      if (!r.ok) return undefined
      const body = await r.json() as { members: string[], providers: string[] }
      return body.members.length === 6 && body.providers.length >= 1 ? body : undefined
    }, { timeoutMs: 40_000 })
    const everyone = new Set(net.nodes.map(n => n.peerId.toString()))
    assert.ok(scope.providers.every(p => everyone.has(p)), 'providers are scope members')
    const policy = await getJson(net.api(late), `/v1/policies/${id}`)
    assert.equal(policy.id, id)
  })
  it('a policy that only the DHT holds is fetched and verified when asked about', async () => {
    const signed = await signPolicy(createPolicy({ owner: privateKeyToAccount(KEY).address, name: 'dht-only', version: 1, predicate: '{"has":["roles","ssss"]}' }), KEY)
    const id = policyId(await verifySignedPolicy(signed))
    // stored in the DHT by node 0 without gossip, so no node has it in its store
    for await (const event of net.nodes[0].host.services.dht.put(policyDhtKey(id), encodeSignedPolicy(signed), { signal: AbortSignal.timeout(20_000) })) void event
    assert.equal(net.nodes[2].policies.store.get(id), undefined)
    const policy = await getJson(net.api(net.nodes[2]), `/v1/policies/${id}`)
    assert.equal(policy.id, id)
    assert.equal(net.nodes[2].policies.store.get(id)?.policy.name, 'dht-only')
    // an id that nobody stored is not found, after the DHT was asked
    const other = '0'.repeat(64)
    assert.equal((await fetch(`${net.api(net.nodes[2])}/v1/policies/${other}`)).status, 404)
  })
})
