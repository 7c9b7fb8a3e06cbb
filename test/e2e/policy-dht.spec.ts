import assert from 'node:assert/strict'
import { privateKeyToAccount } from 'viem/accounts'
import { createPolicy, signedPolicyToJson, signPolicy } from '../../protocol/policy/index.js'
import { getJson } from '../helpers/http.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'

const KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'

describe('policies and scopes in the DHT (late joiners)', function () {
  this.timeout(90_000)
  let net: TestNetwork

  before(async () => { net = await startNetwork(5) })
  after(async () => { await net?.close() })

  it('a node that joins after a policy was gossiped fetches it when asked, and finds the scope announced', async () => {
    await waitFor(() => net.nodes.every(n => n.attestations.size === 5), { timeoutMs: 30_000 })
    const signed = await signPolicy(createPolicy({ owner: privateKeyToAccount(KEY).address, name: 'runners', version: 1, predicate: '{"has":["roles","runner"]}' }), KEY)
    const res = await fetch(`${net.api(net.nodes[0])}/v1/policies`, { method: 'POST', body: JSON.stringify(signedPolicyToJson(signed)) })
    const { id } = await res.json() as { id: string }
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(id).length === 5), { timeoutMs: 20_000 })

    const late = await net.add(net.nodes[3])
    assert.equal(late.policies.store.get(id), undefined, 'the late node missed the gossip')
    // asked about the policy, it fetches and verifies it from the DHT
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
})
