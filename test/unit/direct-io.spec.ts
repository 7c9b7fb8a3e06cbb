import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readdir, readFile, readlink, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHUNK_SIZE, sha256 } from '../../protocol/blob/index.js'
import { FileBlobBytes, type BlobBytes, type BlobBytesReader } from '../../node/storage/blob-bytes.js'
import { ChunkHasher } from '../../node/storage/chunk-hasher.js'
import { chunkSlots, ChunkSlots, copyBytes, copyOut, fillSlot } from '../../node/storage/chunk-slots.js'
import { DIRECT_ALIGN, O_DIRECT, probeDirectIo } from '../../node/storage/direct-io.js'

/** The open flags of this process's descriptors on `path` (Linux: /proc/self/fdinfo). */
async function openFlags (path: string): Promise<number[]> {
  const flags: number[] = []
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '')
    if (target !== path) continue
    const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => '')
    const octal = /^flags:\s+([0-7]+)$/m.exec(info)?.[1]
    if (octal != null) flags.push(parseInt(octal, 8))
  }
  return flags
}

/** Chunk `i` of `bytes` in uneven pieces, as a length-prefixed reader hands a chunk over. */
function chunkPieces (bytes: Uint8Array, i: number): Uint8Array[] {
  const chunk = bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE)
  return [chunk.subarray(0, 1), chunk.subarray(1, 70_001), chunk.subarray(70_001)].filter(p => p.length > 0)
}

/** Writes chunk `i` of `bytes` through a slot, as BlobWriter does. */
async function writeChunk (w: ReturnType<BlobBytes['create']>, bytes: Uint8Array, i: number): Promise<void> {
  await chunkSlots().with(async slot => { await w.write(i, slot, fillSlot(slot, chunkPieces(bytes, i))) })
}

/** Reads chunk `index` through a slot, as BlobStore does: a copy of what came. */
async function readChunk (reader: BlobBytesReader, index: number, length: number): Promise<Uint8Array> {
  return await chunkSlots().with(async slot => {
    const filled = await reader.readInto(index, slot, length)
    return slot.slice(0, Math.min(filled, length))
  })
}

describe('chunk slots and the hashing thread', () => {
  it('lends each aligned slot to one borrower at a time; the next borrower waits its turn and gets one back however the last one ended', async () => {
    const slots = new ChunkSlots(2, 64 * 1024)
    const a = await slots.take()
    const b = await slots.take()
    assert.notEqual(a.byteOffset, b.byteOffset)
    assert.equal(a.byteOffset % DIRECT_ALIGN, 0)
    assert.equal(b.byteOffset % DIRECT_ALIGN, 0)
    const order: string[] = []
    const third = slots.with(async slot => { order.push(`third ${slot.byteOffset}`) })
    const fourth = slots.with(async slot => { order.push(`fourth ${slot.byteOffset}`); throw new Error('failed') })
    await Promise.resolve()
    assert.deepEqual(order, [], 'no slot was free')
    slots.give(b)
    await third
    slots.give(a)
    await assert.rejects(fourth, /failed/)
    assert.deepEqual(order, [`third ${b.byteOffset}`, `fourth ${b.byteOffset}`])
    // the failed borrower's slot is back: both can be taken again without waiting
    assert.notEqual(await Promise.race([Promise.all([slots.take(), slots.take()]), new Promise(resolve => setImmediate(() => resolve('waited')))]), 'waited')
  })

  it('copies chunks into slots and out of them whole, piece by piece, and refuses what does not fit', async () => {
    const slots = new ChunkSlots(1, 64 * 1024)
    const bytes = new Uint8Array(randomBytes(64 * 1024))
    await slots.with(async slot => {
      slot.fill(7)
      assert.equal(fillSlot(slot, [bytes.subarray(0, 3), new Uint8Array(0), bytes.subarray(3, 40_000)]), 40_000)
      assert.deepEqual(slot.subarray(0, 40_000), bytes.subarray(0, 40_000))
      assert.equal(slot[40_000], 7, 'nothing past the chunk')
      const out = copyOut(slot, 40_000)
      assert.deepEqual(out, bytes.subarray(0, 40_000))
      assert.ok(!(out.buffer instanceof SharedArrayBuffer))
      assert.throws(() => fillSlot(slot, [bytes, new Uint8Array(1)]), RangeError)
      assert.throws(() => { copyBytes(slot, 1, bytes) }, RangeError)
    })
  })

  it('hashes chunks in slots where they lie, and others through a slot, on a thread of its own; small ones here', async () => {
    const slots = new ChunkSlots(2)
    const hasher = new ChunkHasher(slots)
    try {
      const bytes = new Uint8Array(randomBytes(CHUNK_SIZE))
      assert.deepEqual(await hasher.hash(bytes.subarray(0, 1000)), sha256(bytes.subarray(0, 1000)))
      assert.equal(hasher.threadsStarted, 0, 'a small chunk hashes on the event loop')
      assert.deepEqual(await hasher.hash(chunkPieces(bytes, 0)), sha256(bytes))
      assert.equal(hasher.threadsStarted, 1)
      const digests = await slots.with(async slot => {
        const length = fillSlot(slot, bytes)
        return await Promise.all([hasher.hashSlot(slot, length), hasher.hashSlot(slot, 300_000)])
      })
      assert.deepEqual(digests, [sha256(bytes), sha256(bytes.subarray(0, 300_000))])
      await assert.rejects(hasher.hashSlot(bytes, 10), /not a slot/)
      assert.equal(hasher.threadsStarted, 1)
    } finally {
      await hasher.close()
    }
  })

  it('chunks a failed thread had are hashed here; the next chunk starts a new thread', async () => {
    const slots = new ChunkSlots(4)
    // a thread that dies on its third request, having answered none
    const hasher = new ChunkHasher(slots, `
      const { parentPort } = require('node:worker_threads')
      let asked = 0
      parentPort.on('message', () => { if (++asked === 3) process.exit(1) })
    `)
    try {
      const chunks = [0, 1, 2].map(() => new Uint8Array(randomBytes(CHUNK_SIZE)))
      assert.deepEqual(await Promise.all(chunks.map(async chunk => await hasher.hash(chunk))), chunks.map(c => sha256(c)))
      assert.equal(hasher.threadsStarted, 1)
      // the next chunk goes to a new thread, which never answers; stopped, its chunk is hashed here
      const next = hasher.hash(chunks[0])
      while (hasher.threadsStarted < 2) await new Promise(resolve => setImmediate(resolve))
      await hasher.close()
      assert.deepEqual(await next, sha256(chunks[0]))
    } finally {
      await hasher.close()
    }
  })
})

describe('direct I/O for blob files', () => {
  let dir: string
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'escrin-direct-')) })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

  it('a blob written in uneven pieces, out of order, with a short last chunk reads back the same in either mode, and its file is exactly its size', async () => {
    const bytes = new Uint8Array(randomBytes(3 * CHUNK_SIZE + 1234))
    const written: Record<string, Uint8Array> = {}
    for (const directIo of [true, false]) {
      const store = new FileBlobBytes(join(dir, String(directIo)), { directIo })
      const w = store.create()
      for (const i of [3, 0, 2, 1]) await writeChunk(w, bytes, i)
      await w.finish()
      const file = join(dir, String(directIo), w.id.slice(0, 2), w.id)
      assert.equal((await stat(file)).size, bytes.length)
      written[String(directIo)] = new Uint8Array(await readFile(file))
      const reader = await store.open(w.id)
      for (const i of [2, 3, 0, 1]) assert.deepEqual(await readChunk(reader, i, Math.min(CHUNK_SIZE, bytes.length - i * CHUNK_SIZE)), bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE))
      // more asked for than the file holds: what there is (the store's verification refuses it)
      assert.deepEqual(await readChunk(reader, 3, CHUNK_SIZE), bytes.subarray(3 * CHUNK_SIZE))
      assert.equal((await readChunk(reader, 4, CHUNK_SIZE)).length, 0)
      await reader.close()
    }
    assert.deepEqual(written.true, bytes)
    assert.deepEqual(written.false, bytes)
  })

  it('where the file system takes direct I/O, a store writes and reads its blob files with O_DIRECT; told not to, it never does', async function () {
    if (O_DIRECT == null || !await probeDirectIo(dir, new ChunkSlots(1))) this.skip()
    const flag = O_DIRECT as number
    const bytes = new Uint8Array(randomBytes(CHUNK_SIZE + 10))
    for (const directIo of [true, false]) {
      const store = new FileBlobBytes(join(dir, String(directIo)), { directIo })
      assert.equal(await store.ioMode(), directIo ? 'direct' : 'buffered')
      const w = store.create()
      await writeChunk(w, bytes, 0)
      const file = join(dir, String(directIo), w.id.slice(0, 2), w.id)
      const writing = await openFlags(file)
      assert.equal(writing.length, 1)
      assert.equal((writing[0] & flag) !== 0, directIo)
      await writeChunk(w, bytes, 1)
      await w.finish()
      const reader = await store.open(w.id)
      const reading = await openFlags(file)
      assert.equal(reading.length, 1)
      assert.equal((reading[0] & flag) !== 0, directIo)
      assert.deepEqual(await readChunk(reader, 1, 10), bytes.subarray(CHUNK_SIZE))
      await reader.close()
    }
    // the probe leaves nothing behind in the folder it tried
    assert.deepEqual((await readdir(join(dir, 'true'))).filter(n => n.startsWith('.')), [])
  })

  it('a discarded upload leaves no file, in direct mode too', async () => {
    const store = new FileBlobBytes(dir)
    const w = store.create()
    await writeChunk(w, new Uint8Array(randomBytes(5000)), 0)
    await w.discard()
    const left = []
    for await (const id of store.ids()) left.push(id)
    assert.deepEqual(left, [])
  })
})
