import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { privateKeyToAccount } from 'viem/accounts'
import { RemoteBlobSink } from '../../node/storage/index.js'
import { BlobError } from '../../protocol/blob/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { publishMeasurementScope, storageTestOptions } from '../helpers/storage-nodes.js'
import { waitFor } from '../helpers/wait.js'
import type { EscrinNode, EscrinNodeOptions } from '../../node/escrin-node.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
const M = 'ab'.repeat(48)
const MB = 1024 * 1024

/** Nodes 0-2 in the storage scope: 0 stores 3 MiB at most, 1 keeps a disk reserve no disk has, 2 has the defaults; 3 is the client. */
function optionsOf (i: number): EscrinNodeOptions {
  const options = storageTestOptions(i <= 2 ? M : 'cd'.repeat(48))
  const limits = i === 0 ? { capacityBytes: 3 * MB } : i === 1 ? { diskReserveBytes: 2 ** 52 } : {}
  return { ...options, storage: { ...options.storage, limits } }
}

describe('a storage node\'s capacity and its disk (4 real nodes)', function () {
  this.timeout(120_000)
  let net: TestNetwork
  let policyId: string
  const put = async (from: EscrinNode, size: number): ReturnType<EscrinNode['blobs']['put']> => {
    const bytes = new Uint8Array(randomBytes(size))
    return await from.blobs.put((async function * () { yield bytes })(), { policyId, size, replication: 3 })
  }
  const refusal = async (holder: EscrinNode, size: number): Promise<BlobError> => {
    const sink = new RemoteBlobSink(net.nodes[3].host, holder.peerId, { policyId, size, replicas: [] })
    try {
      await sink.open()
    } catch (err) {
      assert.ok(err instanceof BlobError, String(err))
      return err
    }
    sink.abort(new Error('not expected to open'))
    assert.fail(`${holder.peerId.toString()} took a ${size}-byte put`)
  }

  before(async () => {
    net = await startNetwork(4, {}, optionsOf)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 4), { timeoutMs: 30_000 })
    policyId = await publishMeasurementScope(net, net.nodes[3], { address: OWNER, key: OWNER_KEY }, 'limits', M, 3)
  })
  after(async () => { await net?.close() })

  it('a node whose disk would fall below its reserve refuses every put, and says why; the others take the blob', async () => {
    const [small, noDisk, roomy] = net.nodes
    const first = await put(net.nodes[3], 2 * MB)
    assert.deepEqual(first.replicas, [small.peerId.toString(), roomy.peerId.toString()].sort())
    const err = await refusal(noDisk, 1000)
    assert.equal(err.code, 'QUOTA_EXCEEDED')
    assert.match(err.message, /disk is full: .* free, and it keeps 4096 TiB in reserve/)
    assert.equal(noDisk.storage?.store.totals().blobs, 0)
  })

  it('a node at its capacity refuses what would take it past, counting what it holds', async () => {
    const [small, , roomy] = net.nodes
    const err = await refusal(small, 2 * MB)
    assert.equal(err.code, 'QUOTA_EXCEEDED')
    assert.match(err.message, /this node is full: it stores 2 MiB of its 3 MiB/)
    // the client places the blob where there is room
    const second = await put(net.nodes[3], 2 * MB)
    assert.deepEqual(second.replicas, [roomy.peerId.toString()])
    // what still fits is taken
    const third = await put(net.nodes[3], MB / 2)
    assert.ok(third.replicas.includes(small.peerId.toString()), third.replicas.join())
  })

  it('GET /v1/storage lists what a node holds a page at a time', async () => {
    const roomy = net.nodes[2]
    const held = roomy.storage?.store.totals().blobs as number
    assert.ok(held >= 3, `${held} blobs`)
    const seen: string[] = []
    let path: string | undefined = '/v1/storage?limit=2'
    while (path != null) {
      const page = await (await fetch(`${net.api(roomy)}${path}`)).json() as { blobs: Array<{ cid: string }>, next?: string, usage: { blobs: number }, io: string }
      assert.ok(page.blobs.length <= 2)
      assert.equal(page.io, await roomy.storage?.store.ioMode())
      assert.equal(page.usage.blobs, held)
      seen.push(...page.blobs.map(b => b.cid))
      path = page.next
    }
    assert.equal(new Set(seen).size, held, 'every blob once')
    assert.equal((await fetch(`${net.api(roomy)}/v1/storage?limit=20000`)).status, 400)
    assert.equal((await fetch(`${net.api(roomy)}/v1/storage?offset=-1`)).status, 400)
  })
})
