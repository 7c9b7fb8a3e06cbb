import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../../node/devnet/index.js'
import { EscrinNode, type EscrinNodeOptions } from '../../node/escrin-node.js'
import { silentLogger } from '../../node/log/index.js'
import { EscrinApiError, EscrinClient } from '../../node/sdk/index.js'
import { blobCall, RemoteBlobSink, replicaBytes } from '../../node/storage/index.js'
import { BlobError, parseBlobCid, signBlobDeletion, type BlobDeletion } from '../../protocol/blob/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { storageTestOptions } from '../helpers/storage-nodes.js'
import { waitFor } from '../helpers/wait.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
const OTHER_KEY = '0x' + '11'.repeat(32) as `0x${string}`
const STORE_M = 'ab'.repeat(48)
const APP = 'data'

/** Every node a storage node in scope. */
const optionsOf = (): EscrinNodeOptions => storageTestOptions(STORE_M)

describe('blob deletion by the app owner (5 real nodes, all storage in scope)', function () {
  this.timeout(180_000)
  let net: TestNetwork
  let policyId: string

  const holdersOf = (cid: string): number[] => net.nodes.flatMap((n, i) => n.isRunning && n.storage?.store.has(cid) === true ? [i] : [])
  const peerIdOf = (peer: string): EscrinNode['peerId'] => net.nodes[indexOf(peer)].peerId
  const indexOf = (peer: string): number => net.nodes.findIndex(n => n.peerId.toString() === peer)
  const appUsage = (i: number): number => net.nodes[i].storage?.store.usage().byApp[`${OWNER}/${APP}`] ?? 0
  const put = async (from: number, bytes: Uint8Array): Promise<{ cid: string, replicas: string[] }> =>
    await new EscrinClient(net.api(net.nodes[from])).putBlob({ policyId, data: bytes, key: new Uint8Array(32).fill(7) })
  /** POSTs a deletion as it is (the SDK signs its own; these are made by the test). */
  const relay = async (i: number, deletion: BlobDeletion): Promise<{ status: number, body: any }> => {
    const res = await fetch(`${net.api(net.nodes[i])}/v1/blobs/delete`, { method: 'POST', body: JSON.stringify({ deletion }), headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(30_000) })
    return { status: res.status, body: await res.json() }
  }
  const repairEverywhere = async (): Promise<void> => {
    for (const node of net.nodes) if (node.isRunning) await node.repair?.runOnce()
  }

  before(async () => {
    net = await startNetwork(5, {}, optionsOf)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 5), { timeoutMs: 60_000 })
    const signed = await signPolicy(createPolicy({ owner: OWNER, name: APP, version: 1, predicate: JSON.stringify({ eq: ['tee.measurement', STORE_M] }) }), OWNER_KEY)
    policyId = (await net.nodes[0].policies.publish(signed)).id
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(policyId).length === 5), { timeoutMs: 30_000 })
  })

  after(async () => { await net?.close() })

  it('removes every copy and frees the app\'s quota; a get says NOT_FOUND, and a copy made before it is refused', async () => {
    const blob = await put(4, new Uint8Array(randomBytes(3 * 1024 * 1024)))
    const holders = blob.replicas.map(indexOf)
    assert.equal(holders.length, 3)
    for (const i of holders) assert.ok(appUsage(i) > 0)
    const deletedAt = Date.now()
    const result = await new EscrinClient(net.api(net.nodes[0])).deleteBlobs({ ownerKey: OWNER_KEY, app: APP, cids: [blob.cid] })
    assert.deepEqual(result.removed[blob.cid].slice().sort(), blob.replicas.slice().sort())
    assert.deepEqual(result.failed, [])
    assert.deepEqual(holdersOf(blob.cid), [])
    for (const i of holders) assert.equal(appUsage(i), 0, `node ${i} freed the app's quota`)
    await assert.rejects(new EscrinClient(net.api(net.nodes[1])).getBlob(blob.cid), (err: unknown) => err instanceof EscrinApiError && err.code === 'NOT_FOUND')
    // a holder that missed nothing has nothing to copy back
    await repairEverywhere()
    assert.deepEqual(holdersOf(blob.cid), [])
    // a repair copy of the old blob (created before the deletion) is refused by a holder that removed it
    const source = net.nodes.find((_, i) => i !== holders[0]) as EscrinNode
    const sink = new RemoteBlobSink(source.host, net.nodes[holders[0]].peerId, { policyId, size: 3 * 1024 * 1024 + 64, replicas: replicaBytes(blob.replicas), cid: parseBlobCid(blob.cid), createdAtMs: deletedAt - 1_000 })
    await assert.rejects(sink.open(), (err: unknown) => err instanceof BlobError && err.code === 'DELETED')
  })

  it('a deletion its owner did not sign removes nothing: the node refuses to relay it, and a holder sent one penalises the sender', async () => {
    const blob = await put(4, new Uint8Array(randomBytes(100_000)))
    const genuine = await signBlobDeletion({ app: APP, cids: [blob.cid] }, OTHER_KEY)
    const forged: BlobDeletion = { ...genuine, owner: OWNER as `0x${string}` }
    const refused = await relay(0, forged)
    assert.equal(refused.status, 403)
    assert.equal(refused.body.error.code, 'BAD_SIGNATURE')
    // another owner's genuine deletion of a blob of this app: not theirs to remove
    await assert.rejects(new EscrinClient(net.api(net.nodes[0])).deleteBlobs({ ownerKey: OTHER_KEY, app: APP, cids: [blob.cid] }), (err: unknown) => err instanceof EscrinApiError && err.status === 404)
    const holder = indexOf(blob.replicas[0])
    const sender = net.nodes.findIndex((_, i) => !blob.replicas.includes(net.nodes[i].peerId.toString()))
    const response = await blobCall(net.nodes[sender].host, net.nodes[holder].peerId, { delete: forged })
    assert.ok('failure' in response)
    await waitFor(() => net.nodes[holder].scores.score(net.nodes[sender].peerId.toString()) < 0, { timeoutMs: 5_000 })
    // the owner's own deletion dated well ahead of the holders' clocks: refused, by the relay and by a holder, and
    // not held against the sender (its clock may be what is ahead)
    const ahead = await signBlobDeletion({ app: APP, cids: [blob.cid], issuedAtMs: Date.now() + 60 * 60_000 }, OWNER_KEY)
    assert.equal((await relay(0, ahead)).status, 400)
    const other = net.nodes.findIndex((_, i) => i !== sender && !blob.replicas.includes(net.nodes[i].peerId.toString()))
    const early = await blobCall(net.nodes[other].host, net.nodes[holder].peerId, { delete: ahead })
    assert.ok('failure' in early)
    assert.equal(net.nodes[holder].scores.score(net.nodes[other].peerId.toString()), 0)
    assert.deepEqual(holdersOf(blob.cid).length, 3)
  })

  it('a holder that was away when its owner deleted a blob removes its copy when it returns, and does not copy it back', async () => {
    const blob = await put(4, new Uint8Array(randomBytes(200_000)))
    const [away, ...present] = blob.replicas.map(indexOf)
    const usage = appUsage(away)
    const size = net.nodes[away].storage?.store.meta(blob.cid)?.size as number
    await net.nodes[away].stop()
    const result = await new EscrinClient(net.api(net.nodes[present[0]])).deleteBlobs({ ownerKey: OWNER_KEY, app: APP, cids: [blob.cid] })
    assert.deepEqual(result.removed[blob.cid].slice().sort(), present.map(i => net.nodes[i].peerId.toString()).sort())
    assert.deepEqual(holdersOf(blob.cid), [])

    const bootstrap = net.nodes[present[0]]
    const node = await EscrinNode.create(devnetNodeConfig(join(net.root, `node-${away}`), [bootstrap.host.getMultiaddrs()[0].toString()]), { logger: silentLogger(), ...optionsOf() })
    await node.start()
    net.nodes[away] = node
    assert.ok(node.storage?.store.has(blob.cid), 'the copy survived the restart')
    await waitFor(() => node.attestations.scopes.members(policyId).length === 5, { timeoutMs: 30_000 })
    // its repair asks the other holders what they hold; they answer with the owner's deletion
    await node.repair?.runOnce()
    assert.equal(node.storage?.store.has(blob.cid), false)
    // both other holders passed the deletion on at once: the blob is counted out of the quota once
    assert.equal(appUsage(away), usage - size)
    await repairEverywhere()
    assert.deepEqual(holdersOf(blob.cid), [])
  })

  it('a replayed deletion removes nothing stored after it: the same bytes uploaded again stay', async () => {
    const bytes = new Uint8Array(randomBytes(50_000))
    const client = new EscrinClient(net.api(net.nodes[2]))
    const first = await client.putBlob({ policyId, data: bytes })
    const deletion = await signBlobDeletion({ app: APP, cids: [first.cid] }, OWNER_KEY)
    const deleted = await relay(2, deletion)
    assert.equal(deleted.status, 200)
    assert.equal(deleted.body.removed[first.cid].length, 3)
    await waitFor(() => Date.now() > deletion.issuedAtMs, { timeoutMs: 1_000 })
    const again = await client.putBlob({ policyId, data: bytes })
    assert.equal(again.cid, first.cid, 'plain bytes: the same CID')
    assert.equal(holdersOf(again.cid).length, 3)
    assert.equal((await relay(2, deletion)).status, 404)
    assert.equal(holdersOf(again.cid).length, 3)
    // nor does the remembered deletion refuse a copy of the new upload, at a holder of both
    const both = first.replicas.find(p => again.replicas.includes(p)) as string
    const source = net.nodes[indexOf(again.replicas.find(p => p !== both) as string)]
    await net.nodes[indexOf(both)].storage?.store.delete(again.cid)
    const meta = source.storage?.store.meta(again.cid)
    assert.ok(meta?.createdAt != null && meta.createdAt > deletion.issuedAtMs)
    const copy = new RemoteBlobSink(source.host, peerIdOf(both), { policyId, size: bytes.length, replicas: replicaBytes(again.replicas), cid: parseBlobCid(again.cid), createdAtMs: meta.createdAt })
    assert.equal(await copy.open(), 'ready')
    copy.abort(new Error('the test only asked'))
    await repairEverywhere()
    await waitFor(() => holdersOf(again.cid).length === 3, { timeoutMs: 30_000, describe: () => `held by ${holdersOf(again.cid).join(',')}` })
  })

  it('a deletion of all of an app\'s blobs removes each of them everywhere, leaves other apps\' alone, and reaches a holder that was away', async () => {
    const other = (await net.nodes[0].policies.publish(await signPolicy(createPolicy({ owner: OWNER, name: 'other', version: 1, predicate: JSON.stringify({ eq: ['tee.measurement', STORE_M] }) }), OWNER_KEY))).id
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(other).length === 5), { timeoutMs: 30_000 })
    const mine = [await put(4, new Uint8Array(randomBytes(70_000))), await put(3, new Uint8Array(randomBytes(80_000)))]
    const kept = await new EscrinClient(net.api(net.nodes[4])).putBlob({ policyId: other, data: new Uint8Array(randomBytes(90_000)) })
    const away = indexOf(mine[0].replicas[0])
    await net.nodes[away].stop()
    const result = await new EscrinClient(net.api(net.nodes[(away + 1) % 5])).deleteBlobs({ ownerKey: OWNER_KEY, app: APP, all: true })
    // every blob of the app stored so far: the two above and any earlier test left (none of the other app)
    assert.ok(!(kept.cid in result.removed))
    for (const blob of mine) assert.deepEqual(result.removed[blob.cid].slice().sort(), blob.replicas.filter(p => indexOf(p) !== away).sort())
    for (const i of net.nodes.keys()) if (i !== away) assert.equal(appUsage(i), 0, `node ${i} holds nothing of the app`)
    assert.deepEqual(holdersOf(kept.cid), kept.replicas.map(indexOf).filter(i => i !== away).sort(), 'the other app keeps its blob')

    const node = await EscrinNode.create(devnetNodeConfig(join(net.root, `node-${away}`), [net.nodes[(away + 1) % 5].host.getMultiaddrs()[0].toString()]), { logger: silentLogger(), ...optionsOf() })
    await node.start()
    net.nodes[away] = node
    assert.ok(node.storage?.store.has(mine[0].cid), 'the copy survived the restart')
    await waitFor(() => node.attestations.scopes.members(policyId).length === 5, { timeoutMs: 30_000 })
    await node.repair?.runOnce()
    assert.equal(appUsage(away), 0, 'the holder that was away removed the app\'s blobs too')
    await repairEverywhere()
    for (const blob of mine) assert.deepEqual(holdersOf(blob.cid), [])
    assert.equal(holdersOf(kept.cid).length, 3)
  })
})
