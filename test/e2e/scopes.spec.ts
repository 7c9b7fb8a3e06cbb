import assert from 'node:assert/strict'
import { privateKeyToAccount } from 'viem/accounts'
import { defaultVerifiers } from '../../protocol/attestation/index.js'
import { createPolicy, signedPolicyToJson, signPolicy } from '../../protocol/policy/index.js'
import { getJson } from '../helpers/http.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { testEvidence, testVerifier } from '../helpers/test-evidence.js'
import { waitFor } from '../helpers/wait.js'
import type { EscrinNodeOptions } from '../../node/escrin-node.js'

const APP_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const APP = privateKeyToAccount(APP_KEY).address
const M1 = 'aa'.repeat(48)
const M2 = 'bb'.repeat(48)
const TTL_MS = 4_000

/** Nodes 0-3 dev evidence, 4-6 "test" evidence with M1, 7-9 with M2. */
function optionsOf (i: number): EscrinNodeOptions {
  const verifiers = defaultVerifiers()
  verifiers.set('test', testVerifier)
  return { verifiers, attestationTtlMs: TTL_MS, ...(i >= 4 ? { evidence: testEvidence(i <= 6 ? M1 : M2) } : {}) }
}

async function publish (net: TestNetwork, name: string, version: number, predicate: unknown): Promise<string> {
  const signed = await signPolicy(createPolicy({ owner: APP, name, version, predicate: JSON.stringify(predicate) }), APP_KEY)
  const res = await fetch(`${net.api(net.nodes[0])}/v1/policies`, { method: 'POST', body: JSON.stringify(signedPolicyToJson(signed)) })
  const body = await res.json() as { id: string }
  assert.equal(res.status, 200, JSON.stringify(body))
  return body.id
}

/** Every live node's view of a scope, via the API. */
async function views (net: TestNetwork, policyId: string): Promise<string[][]> {
  return await Promise.all(net.nodes.filter(n => n.isRunning).map(async n => {
    const res = await fetch(`${net.api(n)}/v1/scopes/${policyId}`)
    return res.ok ? (await res.json() as { members: string[] }).members : ['<unknown policy>']
  }))
}

async function converge (net: TestNetwork, policyId: string, expected: string[]): Promise<void> {
  const want = [...expected].sort()
  await waitFor(async () => (await views(net, policyId)).every(v => JSON.stringify(v) === JSON.stringify(want)), {
    timeoutMs: 30_000,
    describe: async () => {
      const short = (ids: string[]): string => ids.map(id => id.slice(-4)).join(' ')
      return `expected [${short(want)}], views: ${(await views(net, policyId)).map(v => `[${short(v)}]`).join(', ')}`
    }
  })
}

describe('attestations and scopes (10 real nodes, mixed evidence)', function () {
  this.timeout(120_000)
  let net: TestNetwork
  const ids = (range: number[]): string[] => range.map(i => net.nodes[i].peerId.toString())

  before(async () => {
    net = await startNetwork(10, {}, optionsOf)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 10), {
      timeoutMs: 30_000, describe: () => net.nodes.map(n => n.attestations.size).join(',')
    })
  })

  after(async () => { await net?.close() })

  it('every node computes the same membership for two policies', async () => {
    const p1 = await publish(net, 'measured', 1, { all: [{ eq: ['tee.kind', 'test'] }, { eq: ['tee.measurement', M1] }] })
    const p2 = await publish(net, 'no-dev', 1, { ne: ['tee.kind', 'dev'] })
    await converge(net, p1, ids([4, 5, 6]))
    await converge(net, p2, ids([4, 5, 6, 7, 8, 9]))

    // explain says why each peer is in or out
    const explained = await getJson(net.api(net.nodes[3]), `/v1/scopes/${p1}?explain=1`)
    assert.equal(explained.explain.length, 10)
    const dev = explained.explain.find((e: { peerId: string }) => e.peerId === ids([0])[0])
    assert.equal(dev.admitted, false)
    assert.match(dev.reason, /dev/)
    assert.equal((await fetch(`${net.api(net.nodes[0])}/v1/scopes/${'0'.repeat(64)}`)).status, 404)
  })

  it('membership follows a policy update', async () => {
    const v2 = await publish(net, 'measured', 2, { all: [{ eq: ['tee.kind', 'test'] }, { eq: ['tee.measurement', M2] }] })
    await converge(net, v2, ids([7, 8, 9]))
  })

  it('membership follows an attestation expiry', async () => {
    const p2 = await publish(net, 'no-dev', 2, { all: [{ ne: ['tee.kind', 'dev'] }, { has: ['roles', 'runner'] }] })
    await converge(net, p2, ids([4, 5, 6, 7, 8, 9]))
    const gone = net.nodes[9]
    await gone.stop()
    // its record is no longer renewed: within the TTL every node drops it
    await converge(net, p2, ids([4, 5, 6, 7, 8]))
    assert.ok(net.nodes.filter(n => n.isRunning).every(n => n.attestations.factsOf(gone.peerId.toString()) == null))
  })
})
