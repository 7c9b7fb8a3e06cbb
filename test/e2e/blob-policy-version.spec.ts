import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { privateKeyToAccount } from 'viem/accounts'
import { type EscrinNodeOptions } from '../../node/escrin-node.js'
import { EscrinClient } from '../../node/sdk/index.js'
import { defaultVerifiers } from '../../protocol/attestation/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { testEvidence, testVerifier } from '../helpers/test-evidence.js'
import { waitFor } from '../helpers/wait.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
const STORE_M = 'ab'.repeat(48)
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

function optionsOf (): EscrinNodeOptions {
  const verifiers = defaultVerifiers()
  verifiers.set('test', testVerifier)
  return { verifiers, evidence: testEvidence(STORE_M), storage: { repairIntervalMs: 3_600_000, repairSettleMs: 0 } }
}

describe('an app\'s blobs across a new version of its policy (5 real nodes)', function () {
  this.timeout(120_000)
  let net: TestNetwork

  after(async () => { await net?.close() })

  it('blobs stored under the old version are read, and repaired, in the new version\'s scope', async () => {
    net = await startNetwork(5, {}, optionsOf)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 5), { timeoutMs: 60_000 })
    const publish = async (version: number, predicate: unknown): Promise<string> =>
      (await net.nodes[0].policies.publish(await signPolicy(createPolicy({ owner: OWNER, name: 'data', version, predicate: JSON.stringify(predicate) }), OWNER_KEY))).id
    const v1 = await publish(1, { eq: ['tee.measurement', STORE_M] })
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(v1).length === 5), { timeoutMs: 30_000 })
    const bytes = new Uint8Array(randomBytes(1_500_000))
    const put = await new EscrinClient(net.api(net.nodes[0])).putBlob({ policyId: v1, data: bytes })
    const holders = put.replicas.map(p => net.nodes.findIndex(n => n.peerId.toString() === p))

    // the owner widens nothing and narrows nothing: a new version is a new id, and the old scope is dropped everywhere
    const v2 = await publish(2, { all: [{ eq: ['tee.measurement', STORE_M] }, { has: ['roles', 'storage'] }] })
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(v2).length === 5 && !n.attestations.scopes.hasPolicy(v1)), { timeoutMs: 30_000 })

    const reader = net.nodes.findIndex((_, i) => !holders.includes(i))
    const client = new EscrinClient(net.api(net.nodes[reader]))
    for (const options of [{}, { policyId: v2 }]) {
      const got = await client.getBlob(put.cid, options)
      const parts: Uint8Array[] = []
      for await (const part of got.data) parts.push(part)
      assert.equal(sha(new Uint8Array(Buffer.concat(parts))), sha(bytes))
    }

    // a holder goes away: the others copy the blob to a storage node of the new version's scope
    await net.nodes[holders[0]].stop()
    for (const i of holders.slice(1)) await net.nodes[i].repair?.runOnce()
    const now = net.nodes.flatMap((n, i) => n.isRunning && n.storage?.store.has(put.cid) === true ? [i] : [])
    assert.equal(now.length, 3, `held by ${now.join(',')}`)
    const copied = now.find(i => !holders.includes(i)) as number
    assert.equal(net.nodes[copied].storage?.store.meta(put.cid)?.policyId, v2, 'the new copy is stored under the version it was made in')
  })
})
