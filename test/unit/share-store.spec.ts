import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { MemoryDatastore } from 'datastore-core'
import { Key } from 'interface-datastore'
import { ShareStore, type StoredShare } from '../../node/ssss/index.js'
import { deal, randomScalar, type SecretSpec } from '../../protocol/ssss/index.js'

const OWNER = `0x${'ab'.repeat(20)}` as `0x${string}`

async function collect<T> (source: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of source) out.push(item)
  return out
}

/** A datastore whose queries read their entries at once and hand them out only when the test opens the gate. */
class GatedDatastore extends MemoryDatastore {
  gate: Promise<void> = Promise.resolve()
  override query (...args: Parameters<MemoryDatastore['query']>): ReturnType<MemoryDatastore['query']> {
    // a copy taken now, synchronously: writes after this call are not in it
    const snapshot = new MemoryDatastore()
    for (const [key, value] of (this as unknown as { data: Map<string, Uint8Array> }).data) (snapshot as unknown as { data: Map<string, Uint8Array> }).data.set(key, value)
    const gate = this.gate
    return (async function * () {
      await gate
      yield * snapshot.query(...args)
    })()
  }
}

/** A stored share of (app, version): the spec's signature is not checked by the store, only carried. */
function stored (app: string, version: number, committed: boolean): StoredShare {
  const dealing = deal(randomScalar(), 2, 3)
  const spec: SecretSpec = {
    owner: OWNER,
    app,
    custody: 'custody',
    version,
    threshold: 2,
    holders: [new Uint8Array(38).fill(1), new Uint8Array(38).fill(2), new Uint8Array(38).fill(3)],
    commitments: dealing.commitments.map(c => c.toBytes(true)),
    signature: `0x${'11'.repeat(65)}`
  }
  return { spec, share: dealing.shares[0], committed }
}

const versions = async (store: ShareStore, app = 'app'): Promise<Array<[number, boolean]>> => (await store.versions(OWNER, app)).map(v => [v.spec.version, v.committed])

describe('ShareStore (encrypted at rest, index of the latest committed version, tombstones)', () => {
  let datastore: MemoryDatastore
  let store: ShareStore

  beforeEach(() => {
    datastore = new MemoryDatastore()
    store = new ShareStore(datastore, new Uint8Array(randomBytes(32)))
  })

  it('the index serves the latest committed version and follows every write', async () => {
    assert.equal(await store.latestCommitted(OWNER, 'app'), undefined)
    const v1 = stored('app', 1, true)
    await store.put(v1)
    assert.equal((await store.latestCommitted(OWNER, 'app'))?.spec.version, 1)
    await store.put(stored('app', 2, false))
    assert.equal((await store.latestCommitted(OWNER, 'app'))?.spec.version, 1, 'an uncommitted version is not served')
    const v2 = (await store.get(OWNER, 'app', 2)) as StoredShare
    await store.put({ ...v2, committed: true })
    assert.equal((await store.latestCommitted(OWNER, 'app'))?.spec.version, 2, 'a commit is seen at once')
    await store.delete(OWNER, 'app', 2)
    assert.equal((await store.latestCommitted(OWNER, 'app'))?.spec.version, 1, 'a deletion is seen at once')
    assert.deepEqual((await store.latestCommitted(OWNER, 'app'))?.share, v1.share)
    assert.equal(await store.latestCommitted(OWNER, 'other'), undefined, 'secrets are apart')
  })

  it('a read that overlaps a write does not leave a stale entry in the index', async () => {
    const gated = new GatedDatastore()
    store = new ShareStore(gated, new Uint8Array(randomBytes(32)))
    await store.put(stored('app', 1, true))
    // the read takes its entries (version 1 only), the write lands, then the read ends
    let open = (): void => {}
    gated.gate = new Promise(resolve => { open = resolve })
    const reading = store.latestCommitted(OWNER, 'app')
    await store.put(stored('app', 2, true))
    open()
    assert.equal((await reading)?.spec.version, 1, 'the read saw the state before the write')
    gated.gate = Promise.resolve()
    assert.equal((await store.latestCommitted(OWNER, 'app'))?.spec.version, 2, 'and did not keep it')
  })

  it('deleteUpTo removes the version and older ones with a tombstone, in one batch; strangers\' deletions write nothing', async () => {
    for (const [v, c] of [[1, true], [2, true], [3, false]] as const) await store.put(stored('app', v, c))
    assert.deepEqual(await store.deleteUpTo(OWNER, 'app', 2), [1, 2])
    assert.deepEqual(await versions(store), [[3, false]])
    assert.equal(await store.deletedUpTo(OWNER, 'app'), 2)
    assert.equal(await store.latestCommitted(OWNER, 'app'), undefined)
    // a tombstone never moves back
    await store.put(stored('app', 1, true))
    assert.deepEqual(await store.deleteUpTo(OWNER, 'app', 1), [1])
    assert.equal(await store.deletedUpTo(OWNER, 'app'), 2)

    const before = (await collect(datastore.queryKeys({}))).length
    assert.deepEqual(await store.deleteUpTo(OWNER, 'never-dealt', 99), [])
    assert.equal(await store.deletedUpTo(OWNER, 'never-dealt'), 0)
    assert.equal((await collect(datastore.queryKeys({}))).length, before, 'nothing written for a secret never held')
  })

  it('damaged or moved records count as absent and are reported by scan; a damaged tombstone refuses every version', async () => {
    await store.put(stored('app', 1, true))
    await store.put(stored('app', 2, true))
    const [first, second] = await collect(datastore.query({ prefix: '/escrin/ssss/' }))
    // a torn write: the record cut short
    await datastore.put(first.key, first.value.subarray(0, first.value.length - 5))
    // a record moved under another version's key fails its associated data
    await datastore.put(new Key(second.key.toString().replace(/\d+$/, '0000000000000009')), second.value)
    const scan = await store.scan()
    assert.deepEqual(scan.shares.map(s => s.spec.version), [2])
    assert.deepEqual(scan.damaged.sort(), [first.key.toString(), second.key.toString().replace(/\d+$/, '0000000000000009')].sort())
    assert.deepEqual(await versions(store), [[2, true]])
    // a deletion removes damaged records of its versions too
    assert.deepEqual(await store.deleteUpTo(OWNER, 'app', 9), [1, 2, 9])
    assert.deepEqual((await store.scan()).damaged, [])

    const tombstone = (await collect(datastore.query({ prefix: '/escrin/ssss-deleted/' })))[0]
    await datastore.put(tombstone.key, Uint8Array.of(1, 2, 3))
    assert.equal(await store.deletedUpTo(OWNER, 'app'), Number.MAX_SAFE_INTEGER)
  })

  it('records are encrypted: no share scalar appears in the datastore', async () => {
    const s = stored('app', 1, true)
    await store.put(s)
    const [record] = await collect(datastore.query({ prefix: '/escrin/ssss/' }))
    const hex = Buffer.from(record.value).toString('hex')
    assert.ok(!hex.includes(s.share.value.toString(16).padStart(64, '0')))
    assert.ok(!hex.includes(s.share.blinding.toString(16).padStart(64, '0')))
    // and another enclave key cannot read them
    assert.deepEqual(await new ShareStore(datastore, new Uint8Array(randomBytes(32))).versions(OWNER, 'app'), [])
  })
})
