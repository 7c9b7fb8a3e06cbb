import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { MemoryDatastore } from 'datastore-core'
import { Key } from 'interface-datastore'
import { Uint8ArrayList } from 'uint8arraylist'
import {
  BlobError, blobCid, blobCidOf, CHUNK_SIZE, chunkFrame, commonRefusal, decodeBlobFrame, decodeBlobRequest, decodeBlobResponse, encodeBlobFrame, joinPieces, layoutFor, MANIFEST_CODEC,
  MAX_BLOB_FRAME_BYTES, openStream, parseBlobCid, RAW_CODEC, rechunk, sealedSize, sealStream, sha256, sha256Pieces
} from '../../protocol/blob/index.js'
import { WireError } from '../../protocol/wire/index.js'
import { workerCid } from '../../protocol/job/index.js'
import { BlobStore } from '../../node/storage/index.js'

/** `bytes` cut at the given points, as a length-prefixed reader hands a frame over. */
function listOf (bytes: Uint8Array, cuts: number[]): Uint8ArrayList {
  const points = [...new Set(cuts.map(c => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const list = new Uint8ArrayList()
  let from = 0
  for (const p of [...points, bytes.length]) {
    if (p > from) list.append(bytes.subarray(from, p))
    from = Math.max(from, p)
  }
  return list
}

async function collect (source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  for await (const p of source) parts.push(p)
  return new Uint8Array(Buffer.concat(parts))
}
async function * pieces (bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

describe('blob protocol: CIDs, chunking, client-side sealing, wire codec', () => {
  it('a single-chunk blob\'s CID is raw sha256, the worker CID of the same bytes', () => {
    const code = new TextEncoder().encode('export default {}')
    assert.equal(blobCidOf(code).toString(), workerCid(code).toString())
    assert.equal(blobCidOf(code).code, RAW_CODEC)
  })

  it('a larger blob is addressed by its manifest, which is checked against the CID', () => {
    const bytes = new Uint8Array(randomBytes(2 * 1024 + 5))
    const cid = blobCidOf(bytes, 1024)
    assert.equal(cid.code, MANIFEST_CODEC)
    assert.throws(() => layoutFor(cid, bytes.length, new Uint8Array(13 + 96)), (err: unknown) => err instanceof BlobError && err.code === 'CORRUPTED')
    assert.throws(() => parseBlobCid('bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy'), (err: unknown) => err instanceof BlobError && err.code === 'BAD_CID')
  })

  it('rechunk cuts any stream into exact chunks and stops at the size bound', async () => {
    // pieces shorter than a chunk, and pieces of several chunks (cut as views) with a remainder
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 5000 }), fc.integer({ min: 1, max: 1600 }), async (bytes, piece) => {
      const chunks: Uint8Array[] = []
      for await (const c of rechunk(pieces(bytes, piece), 512)) chunks.push(new Uint8Array(c))
      assert.ok(chunks.slice(0, -1).every(c => c.length === 512))
      assert.deepEqual(new Uint8Array(Buffer.concat(chunks)), bytes)
    }), { numRuns: 50 })
    await assert.rejects(collect(rechunk(pieces(new Uint8Array(100), 10), 16, 50)), (err: unknown) => err instanceof BlobError && err.code === 'TOO_LARGE')
  })

  it('rechunk passes whole chunks of a piece on without copying them', async () => {
    const source = new Uint8Array(randomBytes(3 * 512 + 100))
    const chunks: Uint8Array[] = []
    for await (const c of rechunk((async function * () { yield source })(), 512)) chunks.push(c)
    assert.deepEqual(chunks.map(c => c.length), [512, 512, 512, 100])
    assert.ok(chunks.slice(0, 3).every((c, i) => c.buffer === source.buffer && c.byteOffset === i * 512))
  })

  it('sealing round-trips; a wrong key, a flipped bit or a cut-short stream fail to open', async () => {
    const key = new Uint8Array(randomBytes(32))
    for (const size of [0, 1, 64 * 1024, 64 * 1024 + 1, 300_000]) {
      const plain = new Uint8Array(randomBytes(size))
      const sealed = await collect(sealStream(pieces(plain, 7777), key))
      assert.equal(sealed.length, sealedSize(size))
      assert.deepEqual(await collect(openStream(pieces(sealed, 5000), key)), plain)
    }
    const sealed = await collect(sealStream(pieces(new Uint8Array(200_000), 1000), key))
    const fails = async (bytes: Uint8Array, k = key): Promise<void> => {
      await assert.rejects(collect(openStream(pieces(bytes, 4096), k)), (err: unknown) => err instanceof BlobError && err.code === 'DECRYPT_FAILED')
    }
    await fails(sealed, new Uint8Array(32))
    const flipped = new Uint8Array(sealed)
    flipped[100_000] ^= 1
    await fails(flipped)
    // whole segments dropped from the end: the last one left is not marked last
    await fails(sealed.subarray(0, 11 + 2 * (64 * 1024 + 16)))
  })

  it('decoders reject any garbage with a WireError, never anything else', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), bytes => {
      for (const decode of [decodeBlobRequest, decodeBlobResponse, decodeBlobFrame]) {
        try {
          decode(bytes)
        } catch (err) {
          assert.ok(err instanceof WireError, `${decode.name}: ${(err as Error).name}`)
        }
      }
    }), { numRuns: 2000 })
    // frames as the reader hands them over (a list of pieces), with either tag in front of garbage
    fc.assert(fc.property(fc.constantFrom(0, 1, 2, 255), fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 6 }), (tag, body, cuts) => {
      try {
        decodeBlobFrame(listOf(Uint8Array.of(tag, ...body), cuts))
      } catch (err) {
        assert.ok(err instanceof WireError, (err as Error).name)
      }
    }), { numRuns: 2000 })
  })

  it('chunk frames carry the chunk\'s bytes as they are, in the pieces they arrived in; control frames round-trip', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 4000 }), fc.array(fc.nat(), { maxLength: 8 }), (chunk, cuts) => {
      const [tag, body] = chunkFrame(chunk)
      assert.equal(body, chunk, 'the chunk itself, not a copy')
      const framed = Uint8Array.of(...tag, ...chunk)
      for (const frame of [framed, listOf(framed, cuts)]) {
        const decoded = decodeBlobFrame(frame)
        assert.ok('chunk' in decoded)
        assert.deepEqual(joinPieces(decoded.chunk), chunk)
        assert.deepEqual(sha256Pieces(decoded.chunk), sha256(chunk))
      }
    }), { numRuns: 300 })
    const cid = blobCidOf(new Uint8Array([1, 2, 3]))
    const end = decodeBlobFrame(encodeBlobFrame({ end: { cid } }))
    assert.ok('end' in end && end.end.cid.equals(cid))
    assert.deepEqual(decodeBlobFrame(listOf(encodeBlobFrame({ ack: true }), [1, 2])), { ack: true })
    // an empty chunk, one over the chunk size, a frame over the bound: refused before anything is kept
    for (const bad of [Uint8Array.of(1), new Uint8Array(CHUNK_SIZE + 2).fill(1), new Uint8Array(MAX_BLOB_FRAME_BYTES + 1).fill(1)]) {
      assert.throws(() => decodeBlobFrame(bad), (err: unknown) => err instanceof WireError)
    }
    assert.throws(() => chunkFrame(new Uint8Array(CHUNK_SIZE + 1)), (err: unknown) => err instanceof BlobError && err.code === 'MALFORMED')
  })

  it('names the refusal every answering holder gave; unreachable, busy or stopping holders do not vote', () => {
    const tooLarge = new BlobError('TOO_LARGE', 'over the limit')
    const unreachable = [new Error('connect ECONNREFUSED 127.0.0.1:4001'), new BlobError('UNAVAILABLE', 'no answer'), new BlobError('BUSY', 'x'), new BlobError('SHUTTING_DOWN', 'x'), new BlobError('INTERNAL', 'x')]
    assert.equal(commonRefusal([tooLarge, tooLarge, ...unreachable, tooLarge]), 'TOO_LARGE')
    assert.equal(commonRefusal([new BlobError('QUOTA_EXCEEDED', 'x'), unreachable[0]]), 'QUOTA_EXCEEDED')
    // holders that disagree, or none that answered: nothing to name but unavailability
    assert.equal(commonRefusal([tooLarge, new BlobError('QUOTA_EXCEEDED', 'x')]), 'UNAVAILABLE')
    assert.equal(commonRefusal(unreachable), 'UNAVAILABLE')
    assert.equal(commonRefusal([]), 'UNAVAILABLE')
  })
})

describe('BlobStore: chunked, verified, crash-safe', () => {
  const init = { policyId: 'ab'.repeat(32), app: 'owner/app', replicas: [], uploader: 'p' }

  it('stores chunk by chunk, verifies the CID at commit, and keeps nothing of a bad upload', async () => {
    const store = new BlobStore(new MemoryDatastore())
    await store.start()
    const bytes = new Uint8Array(randomBytes(CHUNK_SIZE + 10))
    const w = store.writer({ ...init, size: bytes.length })
    for await (const c of rechunk(pieces(bytes, 100_000), CHUNK_SIZE)) await w.write(c)
    const cid = await w.commit(blobCidOf(bytes))
    assert.deepEqual(await collect(store.read(cid.toString())), bytes)
    assert.equal(store.usage().bytes, bytes.length)

    const other = new Uint8Array(randomBytes(100))
    const bad = store.writer({ ...init, size: 100 })
    await bad.write(other)
    await assert.rejects(bad.commit(blobCidOf(new Uint8Array(100))), (err: unknown) => err instanceof BlobError && err.code === 'CORRUPTED')
    assert.equal(store.list().length, 1)
  })

  it('a blob deleted twice at once is counted out of the usage once', async () => {
    const store = new BlobStore(new MemoryDatastore())
    await store.start()
    const bytes = new Uint8Array(randomBytes(5_000))
    const w = store.writer({ policyId: 'ab'.repeat(32), app: 'o/a', size: bytes.length, replicas: [], uploader: 'p' })
    await w.write(bytes)
    const cid = (await w.commit(blobCidOf(bytes))).toString()
    assert.equal(store.appUsage('o/a'), 5_000)
    await Promise.all([store.delete(cid), store.delete(cid)])
    assert.equal(store.appUsage('o/a'), 0)
    assert.equal(store.usage().bytes, 0)
    assert.equal(store.uploaderUsage('p'), 0)
  })

  it('after a crash mid-upload, start() sweeps the orphaned bytes; committed blobs survive', async () => {
    const datastore = new MemoryDatastore()
    const first = new BlobStore(datastore)
    await first.start()
    const kept = new Uint8Array(randomBytes(500))
    const w = first.writer({ ...init, size: 500 })
    await w.write(kept)
    await w.commit(blobCidOf(kept))
    const cut = first.writer({ ...init, size: 2 * CHUNK_SIZE })
    await cut.write(new Uint8Array(randomBytes(CHUNK_SIZE))) // then the process dies
    const count = async (): Promise<number> => { let n = 0; for await (const _ of datastore.queryKeys({ prefix: '/escrin/blobs/data' })) n++; return n }
    assert.equal(await count(), 2)
    const second = new BlobStore(datastore)
    assert.deepEqual(await second.start(), { blobs: 1, swept: 1, io: 'datastore' })
    assert.equal(await count(), 1)
    assert.deepEqual(await collect(second.read(blobCidOf(kept).toString())), kept)
  })

  it('a chunk damaged on disk is never returned: CORRUPTED, and the blob reads as not held', async () => {
    const datastore = new MemoryDatastore()
    const store = new BlobStore(datastore)
    await store.start()
    const bytes = new Uint8Array(randomBytes(1000))
    const w = store.writer({ ...init, size: 1000 })
    await w.write(bytes)
    const cid = (await w.commit(blobCidOf(bytes))).toString()
    for await (const { key } of datastore.query({ prefix: '/escrin/blobs/data' })) await datastore.put(new Key(key.toString()), new Uint8Array(1000))
    await assert.rejects(collect(store.read(cid)), (err: unknown) => err instanceof BlobError && err.code === 'CORRUPTED')
    assert.equal(store.has(cid), false)
  })
})

/** A blob as stores before blob files kept it: a meta record without `data`, each chunk on its own by its hex sha256. */
async function writeLegacyBlob (datastore: MemoryDatastore, bytes: Uint8Array, chunkDir?: string): Promise<string> {
  const chunks: Uint8Array[] = []
  for (let offset = 0; offset < bytes.length; offset += CHUNK_SIZE) chunks.push(bytes.subarray(offset, offset + CHUNK_SIZE))
  const { cid, manifest } = blobCid({ size: bytes.length, chunkSize: CHUNK_SIZE, hashes: chunks.map(sha256) })
  for (const chunk of chunks) {
    const id = Buffer.from(sha256(chunk)).toString('hex')
    if (chunkDir == null) {
      await datastore.put(new Key(`/escrin/blobs/chunk/${id}`), chunk)
    } else {
      await mkdir(join(chunkDir, id.slice(0, 2)), { recursive: true })
      await writeFile(join(chunkDir, id.slice(0, 2), id), chunk)
    }
  }
  const meta = { cid: cid.toString(), policyId: 'ab'.repeat(32), app: 'owner/app', size: bytes.length, ...(manifest != null ? { manifest: Buffer.from(manifest).toString('base64') } : {}), replicas: [], uploader: 'p', storedAt: 1 }
  await datastore.put(new Key(`/escrin/blobs/meta/${cid.toString()}`), new TextEncoder().encode(JSON.stringify(meta)))
  return cid.toString()
}

/** A file store's start() without its I/O mode, which is the file system's (checked in direct-io.spec). */
function withoutIo ({ io, ...rest }: { io: string, blobs: number, swept: number }): { blobs: number, swept: number } {
  assert.ok(io === 'direct' || io === 'buffered', io)
  return rest
}

describe('BlobStore with blob files', () => {
  const init = { policyId: 'ab'.repeat(32), app: 'owner/app', replicas: [], uploader: 'p' }
  let dir: string
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'escrin-blobs-')) })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })
  const files = async (): Promise<string[]> => (await Promise.all((await readdir(dir)).map(async f => (await readdir(join(dir, f))).map(n => `${f}/${n}`)))).flat().sort()
  const fileOf = (store: BlobStore, cid: string): string => { const data = store.meta(cid)?.data as string; return join(dir, data.slice(0, 2), data) }

  it('stores a blob in one file from the pieces its chunks arrived in, reads it back verified, and deletes it with the blob', async () => {
    const store = new BlobStore(new MemoryDatastore(), dir)
    await store.start()
    const bytes = new Uint8Array(randomBytes(2 * CHUNK_SIZE + 77))
    const w = store.writer({ ...init, size: bytes.length })
    for await (const c of rechunk(pieces(bytes, 300_000), CHUNK_SIZE)) await w.write([c.subarray(0, 1000), c.subarray(1000)])
    const cid = (await w.commit(blobCidOf(bytes))).toString()
    assert.equal((await files()).length, 1)
    assert.deepEqual(new Uint8Array(await readFile(fileOf(store, cid))), bytes)
    assert.deepEqual(await collect(store.read(cid)), bytes)
    assert.deepEqual(await collect(store.read(cid, 2)), bytes.subarray(2 * CHUNK_SIZE))
    // the same blob uploaded again keeps the first copy, and the second's file goes
    const again = store.writer({ ...init, size: bytes.length })
    for await (const c of rechunk(pieces(bytes, CHUNK_SIZE), CHUNK_SIZE)) await again.write(c)
    await again.commit(blobCidOf(bytes))
    assert.equal((await files()).length, 1)
    await store.delete(cid)
    assert.deepEqual(await files(), [])
  })

  it('after a crash mid-upload, start() sweeps orphaned files; a damaged file is never returned', async () => {
    const datastore = new MemoryDatastore()
    const first = new BlobStore(datastore, dir)
    await first.start()
    const kept = new Uint8Array(randomBytes(500))
    const w = first.writer({ ...init, size: 500 })
    await w.write(kept)
    const cid = (await w.commit(blobCidOf(kept))).toString()
    const cut = first.writer({ ...init, size: 2 * CHUNK_SIZE })
    await cut.write(new Uint8Array(randomBytes(CHUNK_SIZE))) // then the process dies, one chunk of two written
    assert.equal((await files()).length, 2)
    const second = new BlobStore(datastore, dir)
    assert.deepEqual(withoutIo(await second.start()), { blobs: 1, swept: 1 })
    assert.equal((await files()).length, 1)
    assert.deepEqual(await collect(second.read(cid)), kept)
    await cut.abort() // the dead process's file handle, which a real crash would have closed
    await writeFile(fileOf(second, cid), new Uint8Array(500))
    await assert.rejects(collect(second.read(cid)), (err: unknown) => err instanceof BlobError && err.code === 'CORRUPTED')
    assert.equal(second.has(cid), false)
  })

  it('a missing file reads as damaged, and an upload of the same blob replaces it', async () => {
    const store = new BlobStore(new MemoryDatastore(), dir)
    await store.start()
    const bytes = new Uint8Array(randomBytes(CHUNK_SIZE + 3))
    const put = async (): Promise<string> => {
      const w = store.writer({ ...init, size: bytes.length })
      for await (const c of rechunk(pieces(bytes, CHUNK_SIZE), CHUNK_SIZE)) await w.write(c)
      return (await w.commit(blobCidOf(bytes))).toString()
    }
    const cid = await put()
    await rm(fileOf(store, cid))
    await assert.rejects(collect(store.read(cid)), (err: unknown) => err instanceof BlobError && err.code === 'CORRUPTED')
    assert.equal(store.has(cid), false)
    await put()
    assert.equal(store.has(cid), true)
    assert.equal((await files()).length, 1)
    assert.deepEqual(await collect(store.read(cid)), bytes)
  })

  for (const layout of ['datastore values', 'chunk files'] as const) {
    it(`a store whose chunks are ${layout} (older layouts): each blob is copied into one file at start, the old chunks removed`, async () => {
      const datastore = new MemoryDatastore()
      const bytes = new Uint8Array(randomBytes(2 * CHUNK_SIZE + 5))
      const small = new Uint8Array(randomBytes(10))
      const cid = await writeLegacyBlob(datastore, bytes, layout === 'chunk files' ? dir : undefined)
      const smallCid = await writeLegacyBlob(datastore, small, layout === 'chunk files' ? dir : undefined)
      const store = new BlobStore(datastore, dir)
      assert.deepEqual(withoutIo(await store.start()), { blobs: 2, swept: layout === 'chunk files' ? 4 : 0 })
      assert.equal((await files()).length, 2)
      let left = 0
      for await (const _ of datastore.queryKeys({ prefix: '/escrin/blobs/chunk' })) left++
      assert.equal(left, 0)
      assert.deepEqual(await collect(store.read(cid)), bytes)
      assert.deepEqual(await collect(store.read(smallCid)), small)
      // and the copy is for good: a restart reads the same files, copying nothing
      const again = new BlobStore(datastore, dir)
      assert.deepEqual(withoutIo(await again.start()), { blobs: 2, swept: 0 })
      assert.deepEqual(await collect(again.read(cid)), bytes)
    })
  }
})
