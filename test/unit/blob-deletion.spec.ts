import assert from 'node:assert/strict'
import { MemoryDatastore } from 'datastore-core'
import { privateKeyToAccount } from 'viem/accounts'
import {
  BlobError, blobCidOf, decodeBlobRequest, decodeBlobResponse, deletionCovers, encodeBlobRequest, encodeBlobResponse, MAX_DELETION_CIDS, signBlobDeletion, verifyBlobDeletion,
  type BlobDeletion
} from '../../protocol/blob/index.js'
import { WireError } from '../../protocol/wire/index.js'
import { DELETION_KEEP_MS, DeletionLog } from '../../node/storage/deletions.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
const cidOf = (n: number): string => blobCidOf(Uint8Array.of(n, n >> 8, 1)).toString()

describe('blob deletions: signed by the app owner, reaching back in time only', () => {
  it('a signed deletion verifies; any field changed after signing does not', async () => {
    const d = await signBlobDeletion({ app: 'data', cids: [cidOf(1), cidOf(2)] }, OWNER_KEY)
    assert.equal(d.owner, OWNER)
    await verifyBlobDeletion(d)
    const changed: BlobDeletion[] = [
      { ...d, app: 'other' },
      { ...d, cids: [cidOf(1), cidOf(3)] },
      { ...d, issuedAtMs: d.issuedAtMs + 1 },
      { ...d, owner: privateKeyToAccount(`0x${'22'.repeat(32)}`).address.toLowerCase() as `0x${string}` }
    ]
    for (const bad of changed) await assert.rejects(verifyBlobDeletion(bad), (err: unknown) => err instanceof BlobError && err.code === 'BAD_SIGNATURE')
  })

  it('refuses malformed deletions before any signature work', async () => {
    const d = await signBlobDeletion({ app: 'data', cids: [cidOf(1)] }, OWNER_KEY)
    const malformed: BlobDeletion[] = [
      { ...d, cids: [] },
      { ...d, cids: [cidOf(1), cidOf(1)] },
      { ...d, cids: Array.from({ length: MAX_DELETION_CIDS + 1 }, (_, i) => cidOf(i)) },
      { ...d, cids: [cidOf(1).toUpperCase()] },
      { ...d, app: '' },
      { ...d, issuedAtMs: 0 }
    ]
    for (const bad of malformed) await assert.rejects(verifyBlobDeletion(bad), (err: unknown) => err instanceof BlobError && err.code === 'MALFORMED')
  })

  it('a deletion of all of an app\'s blobs names none, and its signature covers that it is one', async () => {
    const all = await signBlobDeletion({ app: 'data', all: true, issuedAtMs: 1_000 }, OWNER_KEY)
    await verifyBlobDeletion(all)
    assert.equal(deletionCovers(all, cidOf(5), `${OWNER}/data`, 1_000), true)
    assert.equal(deletionCovers(all, cidOf(5), `${OWNER}/data`, 1_001), false, 'stored after it')
    assert.equal(deletionCovers(all, cidOf(5), `${OWNER}/other`, 10), false, 'another app')
    await assert.rejects(verifyBlobDeletion({ ...all, all: false, cids: [cidOf(5)] }), (err: unknown) => err instanceof BlobError && err.code === 'BAD_SIGNATURE')
    await assert.rejects(verifyBlobDeletion({ ...all, cids: [cidOf(5)] }), (err: unknown) => err instanceof BlobError && err.code === 'MALFORMED')
  })

  it('covers a blob of its app, named, created up to its date; nothing else', async () => {
    const d = await signBlobDeletion({ app: 'data', cids: [cidOf(1)], issuedAtMs: 1_000 }, OWNER_KEY)
    const app = `${OWNER}/data`
    assert.equal(deletionCovers(d, cidOf(1), app, 1_000), true)
    assert.equal(deletionCovers(d, cidOf(1), app, 1_001), false, 'stored after it')
    assert.equal(deletionCovers(d, cidOf(2), app, 10), false, 'not named')
    assert.equal(deletionCovers(d, cidOf(1), `${OWNER}/other`, 10), false, 'another app of the owner')
    assert.equal(deletionCovers(d, cidOf(1), `0x${'00'.repeat(20)}/data`, 10), false, 'another owner\'s app of the same name')
  })

  it('round-trips on the wire, as a request, in a held answer and as removed CIDs; a bad one is a WireError', async () => {
    const d = await signBlobDeletion({ app: 'data', cids: [cidOf(1), cidOf(2)] }, OWNER_KEY)
    assert.deepEqual(decodeBlobRequest(encodeBlobRequest({ delete: d })), { delete: d })
    const held = decodeBlobResponse(encodeBlobResponse({ held: [], deletions: [d] }))
    assert.ok('held' in held)
    assert.deepEqual(held.deletions, [d])
    const removed = decodeBlobResponse(encodeBlobResponse({ removed: [blobCidOf(Uint8Array.of(1, 0, 1))], count: 7 }))
    assert.ok('removed' in removed && removed.removed[0].toString() === cidOf(1) && removed.count === 7)
    assert.throws(() => decodeBlobResponse(encodeBlobResponse({ removed: [blobCidOf(Uint8Array.of(1, 0, 1))], count: 0 })), WireError)
    const all = await signBlobDeletion({ app: 'data', all: true }, OWNER_KEY)
    assert.deepEqual(decodeBlobRequest(encodeBlobRequest({ delete: all })), { delete: all })
    for (const bad of [{ ...d, signature: '0x00' as `0x${string}` }, { ...d, issuedAtMs: 0 }]) {
      assert.throws(() => decodeBlobRequest(encodeBlobRequest({ delete: bad })), WireError)
    }
    // a repair copy's creation date rides on its put; a new upload has none
    const put = decodeBlobRequest(encodeBlobRequest({ put: { policyId: 'ab'.repeat(32), size: 3, replicas: [], createdAtMs: 1_234 } }))
    assert.ok('put' in put && put.put.createdAtMs === 1_234)
    const fresh = decodeBlobRequest(encodeBlobRequest({ put: { policyId: 'ab'.repeat(32), size: 3, replicas: [] } }))
    assert.ok('put' in fresh && fresh.put.createdAtMs === undefined)
  })
})

describe('DeletionLog: the deletions a holder applied', () => {
  it('keeps the latest deletion of each CID across a restart, and forgets expired ones', async () => {
    const datastore = new MemoryDatastore()
    let now = 10 * DELETION_KEEP_MS
    const log = new DeletionLog(datastore, () => now)
    await log.start()
    const older = await signBlobDeletion({ app: 'data', cids: [cidOf(1), cidOf(2)], issuedAtMs: now - 1_000 }, OWNER_KEY)
    const newer = await signBlobDeletion({ app: 'data', cids: [cidOf(2)], issuedAtMs: now }, OWNER_KEY)
    await log.add(older)
    await log.add(newer)
    await log.add(newer)
    assert.equal(log.size, 2)
    const again = new DeletionLog(datastore, () => now)
    await again.start()
    assert.deepEqual(again.of(cidOf(1)), older)
    assert.deepEqual(again.of(cidOf(2)), newer)
    now += DELETION_KEEP_MS - 500
    const restarted = new DeletionLog(datastore, () => now)
    await restarted.start()
    assert.equal(restarted.of(cidOf(1)), undefined, 'the older one expired')
    assert.deepEqual(restarted.of(cidOf(2)), newer)
    assert.equal(restarted.size, 1)
  })

  it('remembers a deletion of all of an app\'s blobs by app, across a restart', async () => {
    const datastore = new MemoryDatastore()
    const log = new DeletionLog(datastore)
    await log.start()
    const all = await signBlobDeletion({ app: 'data', all: true }, OWNER_KEY)
    await log.add(all)
    const again = new DeletionLog(datastore)
    await again.start()
    assert.deepEqual(again.ofApp(`${OWNER}/data`), all)
    assert.equal(again.ofApp(`${OWNER}/other`), undefined)
    assert.deepEqual(again.appWide(), [all])
    assert.equal(again.of(cidOf(1)), undefined, 'it names no CID')
  })

  it('a CID named by a forgotten deletion and a kept one still points at the kept one', async () => {
    let now = 10 * DELETION_KEEP_MS
    const log = new DeletionLog(new MemoryDatastore(), () => now)
    await log.start()
    const old = await signBlobDeletion({ app: 'data', cids: [cidOf(1)], issuedAtMs: now - DELETION_KEEP_MS + 10 }, OWNER_KEY)
    const kept = await signBlobDeletion({ app: 'data', cids: [cidOf(1)], issuedAtMs: now - 5 }, OWNER_KEY)
    await log.add(kept)
    await log.add(old)
    assert.deepEqual(log.of(cidOf(1)), kept)
    now += 100
    await log.add(await signBlobDeletion({ app: 'data', cids: [cidOf(9)], issuedAtMs: now }, OWNER_KEY))
    assert.equal(log.size, 2)
    assert.deepEqual(log.of(cidOf(1)), kept)
  })
})
