import { openStream } from '../../node/host/index.js'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { lpStream } from '@libp2p/utils'
import { privateKeyToAccount } from 'viem/accounts'
import { EscrinNode, type EscrinNodeOptions } from '../../node/escrin-node.js'
import { chunkFrameList, RemoteBlobSink } from '../../node/storage/index.js'
import { BLOB_PROTOCOL, BlobError, blobErrorFromFailure, decodeBlobResponse, encodeBlobRequest, MAX_BLOB_FRAME_BYTES, blobCidOf, parseBlobCid } from '../../protocol/blob/index.js'
import { defaultVerifiers } from '../../protocol/attestation/index.js'
import { publishMeasurementScope } from '../helpers/storage-nodes.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { testEvidence, testVerifier } from '../helpers/test-evidence.js'
import { waitFor } from '../helpers/wait.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
const IN_M = 'ab'.repeat(48)
const MB = 1024 * 1024

/** Nodes 0, 1: in the storage scope, with small quotas; 2: a storage node outside it (the client). */
function optionsOf (i: number): EscrinNodeOptions {
  const verifiers = defaultVerifiers()
  verifiers.set('test', testVerifier)
  return { verifiers, evidence: testEvidence(i <= 1 ? IN_M : 'cd'.repeat(48)), storage: { limits: { appQuotaBytes: 3 * MB, peerQuotaBytes: 5 * MB, transferBufferBytes: 2 * MB } } }
}

/** A series' value on the node's /metrics (0 when absent). */
async function series (node: EscrinNode, name: string): Promise<number> {
  const text = await node.metrics.registry.metrics()
  const line = text.split('\n').find(l => l.startsWith(`${name} `))
  return line == null ? 0 : Number(line.slice(name.length + 1))
}

describe('storage against bad input and hostile peers (3 real nodes)', function () {
  this.timeout(120_000)
  let net: TestNetwork
  let policyId: string
  const put = (from: EscrinNode, size: number, id = policyId): ReturnType<EscrinNode['blobs']['put']> => {
    const bytes = new Uint8Array(randomBytes(size))
    return from.blobs.put((async function * () { yield bytes })(), { policyId: id, size, replication: 2 })
  }

  before(async () => {
    net = await startNetwork(3, {}, optionsOf)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 3), { timeoutMs: 30_000 })
    policyId = await publishMeasurementScope(net, net.nodes[2], { address: OWNER, key: OWNER_KEY }, 'q', IN_M, 2)
  })
  after(async () => { await net?.close() })

  it('an app over its quota gets QUOTA_EXCEEDED from every holder; nothing partial is kept', async () => {
    const first = await put(net.nodes[2], 2 * MB)
    assert.equal(first.replicas.length, 2)
    await assert.rejects(put(net.nodes[2], 2 * MB), (err: unknown) => err instanceof BlobError && err.code === 'QUOTA_EXCEEDED')
    for (const i of [0, 1]) assert.equal(net.nodes[i].storage?.store.usage().bytes, 2 * MB)
  })

  it('a holder outside the scope refuses a put sent to it anyway (OUT_OF_SCOPE), before any data', async () => {
    const sink = new RemoteBlobSink(net.nodes[0].host, net.nodes[2].peerId, { policyId, size: 10, replicas: [] })
    await assert.rejects(sink.open(), (err: unknown) => err instanceof BlobError && err.code === 'OUT_OF_SCOPE')
    assert.equal(net.nodes[2].storage?.store.list().length, 0)
  })

  it('bytes that do not hash to the claimed CID are refused, not stored, and cost the sender score', async () => {
    const sink = new RemoteBlobSink(net.nodes[2].host, net.nodes[1].peerId, { policyId, size: 100, replicas: [] })
    assert.equal(await sink.open(), 'ready')
    await sink.write(new Uint8Array(100))
    await assert.rejects(sink.end(blobCidOf(new Uint8Array(100).fill(1))), (err: unknown) => err instanceof BlobError && err.code === 'CORRUPTED')
    assert.equal(net.nodes[1].storage?.store.list().length, 1, 'only the first test\'s blob')
    assert.ok(net.nodes[1].scores.score(net.nodes[2].peerId.toString()) < 0)
  })

  it('garbage and oversized frames get a typed refusal and a penalty; the holder keeps serving', async () => {
    const victim = net.nodes[0]
    const attacker = net.nodes[2]
    const before = victim.scores.score(attacker.peerId.toString())
    const stream = await openStream(attacker.host, victim.peerId, BLOB_PROTOCOL, { signal: AbortSignal.timeout(5_000) })
    // the connections a hang-up would close (the stream may have opened a new one)
    const dying = new Set(attacker.host.getConnections(victim.peerId).map(c => c.id))
    const lp = lpStream(stream, { maxDataLength: MAX_BLOB_FRAME_BYTES })
    await lp.write(new Uint8Array([0xff, 0xff, 0xff]))
    const answer = decodeBlobResponse((await lp.read()).subarray())
    assert.ok('failure' in answer)
    await waitFor(() => victim.scores.score(attacker.peerId.toString()) < before, { timeoutMs: 5_000 })
    // a put that then sends more than it declared
    // a penalty that costs the attacker its connection: let the hang-up reach the attacker before the
    // next stream, or that stream may open on the dying connection (the attacker, a full node, redials at once)
    if (victim.scores.verdict(attacker.peerId.toString()) !== 'ok') {
      await waitFor(() => attacker.host.getConnections(victim.peerId).every(c => !dying.has(c.id)), { timeoutMs: 5_000 })
    }
    const s2 = await openStream(attacker.host, victim.peerId, BLOB_PROTOCOL, { signal: AbortSignal.timeout(5_000) })
    const lp2 = lpStream(s2, { maxDataLength: MAX_BLOB_FRAME_BYTES })
    await lp2.write(encodeBlobRequest({ put: { policyId, size: 10, replicas: [] } }))
    assert.ok('ready' in decodeBlobResponse((await lp2.read()).subarray()))
    await lp2.write(chunkFrameList(new Uint8Array(20)))
    const refused = decodeBlobResponse((await lp2.read()).subarray())
    assert.ok('failure' in refused)
    // still serving honest requests
    const reader = await net.nodes[1].blobs.get(victim.storage?.store.list()[0].cid as string)
    let n = 0
    for await (const chunk of reader.chunks) n += chunk.length
    assert.equal(n, 2 * MB)
  })
  it('a holder whose transfer buffers are full refuses puts and gets with BUSY, unpenalised, and takes them again once they drain', async () => {
    const [other, holder, client] = net.nodes
    // another app (quotas are per app), on the same holders
    const busyPolicy = await publishMeasurementScope(net, client, { address: OWNER, key: OWNER_KEY }, 'busy', IN_M, 2)
    const scoreBefore = holder.scores.score(client.peerId.toString())
    // an upload that holds the holder's whole 2 MiB of transfer buffers while it lasts
    const hog = new RemoteBlobSink(client.host, holder.peerId, { policyId: busyPolicy, size: 2 * MB, replicas: [] })
    assert.equal(await hog.open(), 'ready')
    assert.equal(await series(holder, 'escrin_blob_transfer_buffer_bytes'), 2 * MB, 'on /metrics too')
    try {
      const second = new RemoteBlobSink(client.host, holder.peerId, { policyId: busyPolicy, size: 10, replicas: [] })
      await assert.rejects(second.open(), (err: unknown) => err instanceof BlobError && err.code === 'BUSY' && err.retryable)
      const stored = holder.storage?.store.list()[0].cid as string
      const stream = await openStream(client.host, holder.peerId, BLOB_PROTOCOL, { signal: AbortSignal.timeout(5_000) })
      const lp = lpStream(stream, { maxDataLength: MAX_BLOB_FRAME_BYTES })
      await lp.write(encodeBlobRequest({ get: { cid: parseBlobCid(stored) } }))
      const answer = decodeBlobResponse((await lp.read()).subarray())
      assert.ok('failure' in answer && blobErrorFromFailure(answer.failure).code === 'BUSY', JSON.stringify(answer))
      // the client's own put goes on without the busy holder: to the other one
      const bytes = new Uint8Array(randomBytes(1000))
      const placed = await client.blobs.put((async function * () { yield bytes })(), { policyId: busyPolicy, size: bytes.length, replication: 2 })
      assert.deepEqual(placed.replicas, [other.peerId.toString()])
      // (scores decay toward zero: earlier tests' penalties fade, no new one)
      assert.ok(holder.scores.score(client.peerId.toString()) >= scoreBefore, 'being busy is not the client\'s fault')
      assert.equal(await series(holder, 'escrin_blob_requests_total{kind="put",result="busy"}'), 2, 'the sink\'s and the client\'s put')
      assert.equal(await series(holder, 'escrin_blob_requests_total{kind="get",result="busy"}'), 1)
    } finally {
      hog.abort(new Error('test over'))
    }
    // the aborted upload gave its buffers back
    await waitFor(async () => {
      const bytes = new Uint8Array(randomBytes(1000))
      const placed = await client.blobs.put((async function * () { yield bytes })(), { policyId: busyPolicy, size: bytes.length, replication: 2 })
      return placed.replicas.includes(holder.peerId.toString())
    }, { timeoutMs: 10_000 })
    assert.equal(await series(holder, 'escrin_blob_transfer_buffer_bytes'), 0)
    const stored = holder.storage?.store.totals()
    assert.ok(stored != null && stored.blobs >= 2)
    assert.equal(await series(holder, 'escrin_blobs_stored'), stored.blobs)
    assert.equal(await series(holder, 'escrin_blob_bytes_stored'), stored.bytes)
  })
})
