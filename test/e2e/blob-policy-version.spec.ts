import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { privateKeyToAccount } from 'viem/accounts'
import { type EscrinNodeOptions } from '../../node/escrin-node.js'
import { EscrinClient } from '../../node/sdk/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { storageTestOptions } from '../helpers/storage-nodes.js'
import { waitFor } from '../helpers/wait.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
const STORE_M = 'ab'.repeat(48)
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

/** Every node a storage node in scope. */
const optionsOf = (): EscrinNodeOptions => storageTestOptions(STORE_M)

describe('an app\'s blobs across a new version of its policy (5 real nodes)', function () {
  this.timeout(120_000)
  let net: TestNetwork

  before(async () => {
    net = await startNetwork(5, {}, optionsOf)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 5), { timeoutMs: 60_000 })
  })
  after(async () => { await net?.close() })

  const publish = async (name: string, version: number, predicate: unknown): Promise<string> =>
    (await net.nodes[0].policies.publish(await signPolicy(createPolicy({ owner: OWNER, name, version, predicate: JSON.stringify(predicate) }), OWNER_KEY))).id
  /** Publishes a new version and waits until every running node has it in place of the old one. */
  const supersede = async (name: string, old: string, version: number, predicate: unknown, members: number): Promise<string> => {
    const id = await publish(name, version, predicate)
    await waitFor(() => net.nodes.every(n => !n.isRunning || (n.attestations.scopes.members(id).length === members && !n.attestations.scopes.hasPolicy(old))), { timeoutMs: 30_000 })
    return id
  }
  const holdersOf = (cid: string): number[] => net.nodes.flatMap((n, i) => n.isRunning && n.storage?.store.has(cid) === true ? [i] : [])
  const indexOf = (peer: string): number => net.nodes.findIndex(n => n.peerId.toString() === peer)
  const putUnder = async (name: string): Promise<{ policyId: string, cid: string, holders: number[] }> => {
    const policyId = await publish(name, 1, { eq: ['tee.measurement', STORE_M] })
    await waitFor(() => net.nodes.every(n => !n.isRunning || n.attestations.scopes.members(policyId).length === 5), { timeoutMs: 30_000 })
    const put = await new EscrinClient(net.api(net.nodes[0])).putBlob({ policyId, data: new Uint8Array(randomBytes(300_000)) })
    return { policyId, cid: put.cid, holders: put.replicas.map(indexOf) }
  }

  it('a holder that leaves the scope drops its copy once r holders in the scope have it, not before', async () => {
    const { policyId, cid, holders } = await putUnder('leave')
    const [leaving, ...staying] = holders
    await supersede('leave', policyId, 2, { all: [{ eq: ['tee.measurement', STORE_M] }, { ne: ['peerId', net.nodes[leaving].peerId.toString()] }] }, 4)
    // it keeps its copy while only two holders in the scope have the blob
    await net.nodes[leaving].repair?.runOnce()
    assert.ok(net.nodes[leaving].storage?.store.has(cid))
    // the holders that stay copy it to a third member; the new holder announces itself in the DHT
    for (const i of staying) await net.nodes[i].repair?.runOnce()
    const added = holdersOf(cid).filter(i => !holders.includes(i))
    assert.equal(added.length, 1, `held by ${holdersOf(cid).join(',')}`)
    await net.nodes[added[0]].storage?.announcementsSettled()
    // the node that left learns of the new holder through the DHT, confirms it, and drops its own copy
    await net.nodes[leaving].repair?.runOnce()
    assert.equal(net.nodes[leaving].storage?.store.has(cid), false)
    assert.equal(net.nodes[leaving].repair?.totals.dropped, 1)
    assert.deepEqual(holdersOf(cid).sort(), [...staying, added[0]].sort())
  })

  it('when every holder leaves the scope at once they copy the blob into it and keep their own until it holds r', async () => {
    const { policyId, cid, holders } = await putUnder('exodus')
    const others = [0, 1, 2, 3, 4].filter(i => !holders.includes(i))
    await supersede('exodus', policyId, 2, { all: [{ eq: ['tee.measurement', STORE_M] }, ...holders.map(i => ({ ne: ['peerId', net.nodes[i].peerId.toString()] }))] }, 2)
    for (let pass = 0; pass < 2; pass++) for (const i of holders) await net.nodes[i].repair?.runOnce()
    // the new scope has two storage nodes: both hold the blob now, and with fewer than r there the old copies stay
    assert.deepEqual(holdersOf(cid).sort(), [...holders, ...others].sort())
    const got = await new EscrinClient(net.api(net.nodes[others[0]])).getBlob(cid)
    let size = 0
    for await (const part of got.data) size += part.length
    assert.equal(size, 300_000)
  })

  // last: it stops a node for good
  it('blobs stored under the old version are read, and repaired, in the new version\'s scope', async () => {
    const publishData = async (version: number, predicate: unknown): Promise<string> => await publish('data', version, predicate)
    const v1 = await publishData(1, { eq: ['tee.measurement', STORE_M] })
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(v1).length === 5), { timeoutMs: 30_000 })
    const bytes = new Uint8Array(randomBytes(1_500_000))
    const put = await new EscrinClient(net.api(net.nodes[0])).putBlob({ policyId: v1, data: bytes })
    const holders = put.replicas.map(p => net.nodes.findIndex(n => n.peerId.toString() === p))

    // the owner widens nothing and narrows nothing: a new version is a new id, and the old scope is dropped everywhere
    const v2 = await publishData(2, { all: [{ eq: ['tee.measurement', STORE_M] }, { has: ['roles', 'storage'] }] })
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
