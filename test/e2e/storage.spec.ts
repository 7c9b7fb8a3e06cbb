import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../../node/devnet/index.js'
import { EscrinNode, type EscrinNodeOptions } from '../../node/escrin-node.js'
import { silentLogger } from '../../node/log/index.js'
import { EscrinClient } from '../../node/sdk/index.js'
import { BLOB_PROTOCOL, BlobError, blobCidOf, decodeBlobResponse, encodeBlobRequest, MAX_BLOB_FRAME_BYTES, parseBlobCid } from '../../protocol/blob/index.js'
import { RemoteBlobSink, replicaBytes } from '../../node/storage/index.js'
import { lpStream } from '@libp2p/utils'
import { createBareHost } from '../../bench/lib/raw-host.js'
import { openStream } from '../../node/host/index.js'
import { defaultVerifiers } from '../../protocol/attestation/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { testEvidence, testVerifier } from '../helpers/test-evidence.js'
import { waitFor } from '../helpers/wait.js'
import type { InboundEvent } from '../../node/observe/index.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
const STORE_M = 'ab'.repeat(48)
const OTHER_M = 'cd'.repeat(48)
const APP_KEY = new Uint8Array(randomBytes(32))
const BLOB = new Uint8Array(randomBytes(20 * 1024 * 1024))
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

/** Nodes 0-4: in the storage scope; 5: a storage node with another measurement (outside); 6, 7: clients outside it. */
function optionsOf (i: number): EscrinNodeOptions {
  const verifiers = defaultVerifiers()
  verifiers.set('test', testVerifier)
  return {
    verifiers,
    evidence: testEvidence(i <= 4 ? STORE_M : OTHER_M),
    storage: { repairIntervalMs: 300, limits: { maxBlobBytes: 32 * 1024 * 1024 } }
  }
}

async function collect (data: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  for await (const part of data) parts.push(part)
  return new Uint8Array(Buffer.concat(parts))
}

describe('storage: blobs replicated inside the app\'s scope (8 real nodes, 5 in scope)', function () {
  this.timeout(300_000)
  let net: TestNetwork
  let policyId: string
  let cid: string
  const inbound: Array<InboundEvent & { at: number }> = []

  const holdersOf = (c: string): number[] => net.nodes.flatMap((n, i) => n.isRunning && n.storage?.store.has(c) === true ? [i] : [])
  const observe = (node: EscrinNode, index: number): void => { node.inbound.on('inbound', e => { inbound.push({ ...e, at: index }) }) }

  before(async () => {
    net = await startNetwork(8, {}, optionsOf)
    net.nodes.forEach(observe)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 8), { timeoutMs: 60_000 })
    const signed = await signPolicy(createPolicy({ owner: OWNER, name: 'data', version: 1, predicate: JSON.stringify({ all: [{ eq: ['tee.measurement', STORE_M] }, { has: ['roles', 'storage'] }] }) }), OWNER_KEY)
    policyId = (await net.nodes[7].policies.publish(signed)).id
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(policyId).length === 5), { timeoutMs: 30_000 })
  })

  after(async () => { await net?.close() })

  it('puts a 20 MB blob, encrypted by the app, on r = 3 holders of the scope', async () => {
    const client = new EscrinClient(net.api(net.nodes[7]))
    const put = await client.putBlob({ policyId, data: BLOB, key: APP_KEY })
    cid = put.cid
    assert.equal(put.replicas.length, 3)
    const inScope = new Set(net.nodes.slice(0, 5).map(n => n.peerId.toString()))
    for (const r of put.replicas) assert.ok(inScope.has(r), `${r} is in scope`)
    assert.deepEqual(holdersOf(cid).length, 3)
    // each holder announces itself as a DHT provider: once the announcements have settled, the nodes that took no
    // part in the put find all three through the DHT alone (a DHT is eventually consistent: a holder whose routing
    // table was still filling may have reached few peers, so the look-ups are repeated until every holder is named)
    await Promise.all(net.nodes.map(async n => { await n.storage?.announcementsSettled() }))
    const providers = new Set<string>()
    await waitFor(async () => {
      for (const i of [5, 6]) {
        for await (const event of net.nodes[i].host.services.dht.findProviders(parseBlobCid(cid), { signal: AbortSignal.timeout(10_000) })) {
          if (event.name === 'PROVIDER') for (const p of event.providers) providers.add(p.id.toString())
        }
      }
      return providers.size >= put.replicas.length
    }, { timeoutMs: 60_000, intervalMs: 500, describe: () => `the DHT named ${[...providers].join(', ')}` })
    assert.deepEqual([...providers].sort(), put.replicas.slice().sort(), 'every holder, and only the holders')
    // the holders have ciphertext only: the plaintext's hash is not what they store
    assert.notEqual(parseBlobCid(cid).toString(), '')
  })

  it('gets it back intact, decrypted, from any node', async () => {
    for (const i of [6, 5, 0]) {
      const got = await new EscrinClient(net.api(net.nodes[i])).getBlob(cid, { key: APP_KEY })
      assert.equal(sha(await collect(got.data)), sha(BLOB), `from node ${i}`)
      assert.equal(got.policyId, policyId)
    }
  })

  it('never sent a blob to a node outside the scope (counted at the receivers)', () => {
    const outside = inbound.filter(e => e.kind === 'blob' && e.at >= 5)
    assert.deepEqual(outside, [])
    assert.ok(inbound.some(e => e.kind === 'blob' && e.at <= 4), 'the receivers are observed')
  })

  it('a wrong key fails to decrypt with a clear error', async () => {
    const got = await new EscrinClient(net.api(net.nodes[6])).getBlob(cid, { key: new Uint8Array(32) })
    await assert.rejects(collect(got.data), (err: unknown) => err instanceof BlobError && err.code === 'DECRYPT_FAILED')
  })

  it('stop two holders: the blob is still readable, and repair restores 3 replicas in scope', async () => {
    const [a, b] = holdersOf(cid)
    await net.nodes[a].stop()
    await net.nodes[b].stop()
    // a full look-up (what a get does when the holders it first heard of fail) names the one left
    const [left] = holdersOf(cid)
    const stopped = new Set([a, b].map(i => net.nodes[i].peerId.toString()))
    assert.ok((await net.nodes[6].blobs.findHolders(parseBlobCid(cid), { hints: false, exhaustive: true, exclude: stopped })).includes(net.nodes[left].peerId.toString()))
    const got = await new EscrinClient(net.api(net.nodes[6])).getBlob(cid, { key: APP_KEY })
    assert.equal(sha(await collect(got.data)), sha(BLOB))
    const restored = await waitFor(() => holdersOf(cid).length >= 3 && holdersOf(cid), {
      timeoutMs: 60_000,
      describe: () => `holders now: ${holdersOf(cid).join(',')}`
    })
    for (const i of restored) assert.ok(i <= 4, `holder ${i} is in scope`)
    assert.deepEqual(inbound.filter(e => e.kind === 'blob' && e.at >= 5), [])
    // the two stopped holders come back for the tests below
    await restart(a)
    await restart(b)
  })

  async function restart (i: number): Promise<void> {
    const bootstrap = net.nodes.find((n, j) => j !== i && n.isRunning) as EscrinNode
    const node = await EscrinNode.create(devnetNodeConfig(join(net.root, `node-${i}`), [bootstrap.host.getMultiaddrs()[0].toString()]), { logger: silentLogger(), ...optionsOf(i) })
    await node.start()
    net.nodes[i] = node
    observe(node, i)
  }

  it('a holder that serves corrupted bytes is detected and penalised; no bad byte is returned', async () => {
    const reader = net.nodes[6]
    const holders = holdersOf(cid)
    for (const i of holders) (net.nodes[i].storage as NonNullable<EscrinNode['storage']>).faults.corruptBlob = true
    await waitFor(() => holders.every(i => reader.attestations.scopes.inScope(policyId, net.nodes[i].peerId.toString())), { timeoutMs: 30_000 })
    await assert.rejects(async () => {
      const got = await reader.blobs.get(cid)
      await collect(got.chunks)
    }, (err: unknown) => err instanceof BlobError && (err.code === 'UNAVAILABLE' || err.code === 'CORRUPTED'))
    const penalised = holders.filter(i => reader.scores.score(net.nodes[i].peerId.toString()) < 0)
    assert.ok(penalised.length >= 1, 'the corrupting holders lost score')
    for (const i of holders) (net.nodes[i].storage as NonNullable<EscrinNode['storage']>).faults.corruptBlob = false
  })

  it('a reader whose acknowledgement is not one is penalised, and served no further', async () => {
    const holder = net.nodes[holdersOf(cid)[0]]
    const attacker = await createBareHost()
    try {
      const stream = await openStream(attacker, holder.host.getMultiaddrs()[0], BLOB_PROTOCOL, { signal: AbortSignal.timeout(10_000) })
      // room for every chunk the holder sends before it reads an acknowledgement (a window's)
      const lp = lpStream(stream, { maxDataLength: MAX_BLOB_FRAME_BYTES, maxBufferSize: 64 * 1024 * 1024 })
      await lp.write(encodeBlobRequest({ get: { cid: parseBlobCid(cid), fromChunk: 0 } }))
      assert.ok('found' in decodeBlobResponse((await lp.read({ signal: AbortSignal.timeout(10_000) })).subarray()))
      // where the first acknowledgement goes: bytes that are no frame at all
      await lp.write(Uint8Array.of(0xff, 0xff))
      await waitFor(() => holder.scores.score(attacker.peerId.toString()) < 0, { timeoutMs: 15_000 })
      await waitFor(() => stream.status !== 'open', { timeoutMs: 10_000, describe: () => `the get is ${stream.status}` })
    } finally {
      await attacker.stop()
    }
  })

  it('a chunk damaged on disk is never served, and repair heals it from a replica', async () => {
    const i = holdersOf(cid)[0]
    const node = net.nodes[i]
    const data = node.storage?.store.meta(cid)?.data as string
    // reach under the store, as a failing disk would: the fourth chunk of the blob's file, overwritten in place
    const file = await open(join(node.config.dataDir, 'blobs', data.slice(0, 2), data), 'r+')
    await file.write(new Uint8Array(1024 * 1024).fill(7), 0, 1024 * 1024, 3 * 1024 * 1024)
    await file.close()
    const local = node.storage?.store.read(cid) as AsyncGenerator<Uint8Array>
    await assert.rejects(collect(local), (err: unknown) => err instanceof BlobError && err.code === 'CORRUPTED')
    assert.equal(node.storage?.store.has(cid), false, 'reported as not held while damaged')
    await waitFor(() => node.storage?.store.has(cid) === true, { timeoutMs: 30_000 })
    assert.equal(sha(await collect(node.storage?.store.read(cid) as AsyncGenerator<Uint8Array>)).length, 64)
  })

  it('refuses clearly: over the size limit, unknown CID, a policy with no storage in scope', async () => {
    const client = new EscrinClient(net.api(net.nodes[7]))
    await assert.rejects(client.putBlob({ policyId, data: new Uint8Array(33 * 1024 * 1024) }), (err: { code?: string, status?: number }) => err.code === 'TOO_LARGE' && err.status === 413)
    await assert.rejects(client.getBlob('bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy'), (err: { code?: string }) => err.code === 'NOT_FOUND')
    await assert.rejects(client.getBlob('not-a-cid'), (err: { code?: string, status?: number }) => err.code === 'BAD_CID' && err.status === 400)
    const nobody = await signPolicy(createPolicy({ owner: OWNER, name: 'nobody', version: 1, predicate: JSON.stringify({ eq: ['tee.measurement', 'ee'.repeat(48)] }) }), OWNER_KEY)
    const id = (await net.nodes[7].policies.publish(nobody)).id
    await assert.rejects(client.putBlob({ policyId: id, data: new Uint8Array(10) }), (err: { code?: string }) => err.code === 'NO_STORAGE_IN_SCOPE')
  })

  it('a blob only one of its listed holders took is copied to r holders once it has settled, not while its put may still commit', async () => {
    // as when one holder of a put commits before the others: it lists three holders, two of which hold nothing yet
    const data = new Uint8Array(randomBytes(1000))
    const listed = [0, 1, 2].map(i => net.nodes[i].peerId.toString()).sort()
    const sink = new RemoteBlobSink(net.nodes[7].host, net.nodes[0].peerId, { policyId, size: data.length, replicas: replicaBytes(listed) })
    assert.equal(await sink.open(), 'ready')
    await sink.write(data)
    const c = (await sink.end(blobCidOf(data))).toString()
    const storedAt = Date.now()
    // settleMs is 10 repair intervals here (3 s): for the first 2 s, rounds run and copy nothing
    while (Date.now() - storedAt < 2_000) {
      assert.deepEqual(holdersOf(c), [0], `copied ${Date.now() - storedAt} ms after the commit`)
      await new Promise(resolve => setTimeout(resolve, 100))
    }
    await waitFor(() => holdersOf(c).length >= 3, { timeoutMs: 30_000, describe: () => `holders now: ${holdersOf(c).join(',')}` })
    for (const i of holdersOf(c)) assert.ok(i <= 4, `holder ${i} is in scope`)
  })

  it('restart every node: nothing is lost', async () => {
    const before = new Map(net.nodes.map((n, i) => [i, n.storage?.store.usage().bytes ?? 0]))
    await Promise.all(net.nodes.map(async n => { await n.stop() }))
    const first = await EscrinNode.create(devnetNodeConfig(join(net.root, 'node-0'), []), { logger: silentLogger(), ...optionsOf(0) })
    await first.start()
    net.nodes[0] = first
    const addr = first.host.getMultiaddrs()[0].toString()
    await Promise.all(net.nodes.slice(1).map(async (_, k) => {
      const i = k + 1
      const node = await EscrinNode.create(devnetNodeConfig(join(net.root, `node-${i}`), [addr]), { logger: silentLogger(), ...optionsOf(i) })
      await node.start()
      net.nodes[i] = node
    }))
    for (const [i, bytes] of before) assert.equal(net.nodes[i].storage?.store.usage().bytes ?? 0, bytes, `node ${i} kept its blobs`)
    await waitFor(() => net.nodes[7].attestations.scopes.members(policyId).length === 5, { timeoutMs: 60_000 })
    const got = await new EscrinClient(net.api(net.nodes[7])).getBlob(cid, { key: APP_KEY })
    assert.equal(sha(await collect(got.data)), sha(BLOB))
  })
})
