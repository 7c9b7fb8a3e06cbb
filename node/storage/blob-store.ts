import { Key, type Datastore } from 'interface-datastore'
import { BlobError, blobCid, CHUNK_SIZE, chunkLength, equalBytes, layoutFor, parseBlobCid, piecesLength, type BlobLayout, type ChunkPieces } from '../../protocol/blob/index.js'
import { DatastoreBlobBytes, FileBlobBytes, type BlobBytes, type BlobBytesWriter, type BlobIoMode } from './blob-bytes.js'
import { chunkHasher } from './chunk-hasher.js'
import { bothSettled, chunkSlots, copyOut, fillSlot } from './chunk-slots.js'
import { dropLegacyChunks, readLegacyChunk } from './legacy-chunks.js'
import type { CID } from 'multiformats/cid'

const METAS = '/escrin/blobs/meta'
/**
 * Chunks a read fetches ahead of the one being sent: the disk works while the
 * event loop hashes and sends, and a get holds at most this many chunks more.
 */
export const READ_AHEAD_CHUNKS = 2

/** What a holder keeps about one blob besides its chunks. */
export interface BlobMeta {
  cid: string
  policyId: string
  /** The app: the policy's (owner, name), for per-app quotas. */
  app: string
  size: number
  /** Base64 manifest (blobs of more than one chunk). */
  manifest?: string
  /** The peers this blob was placed on, as this holder last heard. */
  replicas: string[]
  /** The peer that sent it here (per-peer quotas). */
  uploader: string
  storedAt: number
  /**
   * When the blob was first stored on any holder (a repair copy keeps its
   * source's): an owner's deletion removes what was created up to its date.
   * Records from before deletions have none; their storedAt stands in.
   */
  createdAt?: number
  /** Where its bytes are: the id BlobBytes keeps them under. */
  data: string
}

/** What a writer is told of a blob before its bytes arrive. */
export type BlobInit = Omit<BlobMeta, 'cid' | 'manifest' | 'storedAt' | 'data'>

/** When a blob was first stored, as deletions compare it. */
export function createdAtOf (meta: Pick<BlobMeta, 'createdAt' | 'storedAt'>): number {
  return meta.createdAt ?? meta.storedAt
}

export interface StoreUsage { blobs: number, bytes: number, byApp: Record<string, number>, byUploader: Record<string, number> }

/**
 * Blobs held by this node: each blob's bytes in one place of its own (a file
 * under `dir`, or datastore values when there is no data dir), written and
 * read one chunk at a time; meta records in the node's datastore (LevelDB).
 * A blob becomes visible only when its meta record is written, after every
 * chunk: a crash mid-upload leaves bytes no record names, which start()
 * sweeps, never a partial blob. Every read re-hashes each chunk against the
 * CID's layout, so damaged bytes are never returned.
 */
export class BlobStore {
  private readonly metas = new Map<string, BlobMeta>()
  private readonly damaged = new Set<string>()
  private usageBytes = 0
  private readonly byApp = new Map<string, number>()
  private readonly byUploader = new Map<string, number>()

  private readonly bytes: BlobBytes

  constructor (private readonly datastore: Datastore, private readonly dir?: string) {
    this.bytes = dir != null ? new FileBlobBytes(dir) : new DatastoreBlobBytes(datastore)
  }

  /** Loads the index and removes bytes no committed blob names (uploads cut short by a crash). */
  async start (): Promise<{ blobs: number, swept: number, io: BlobIoMode }> {
    // decided now (a probe of the folder), not in the first upload
    const io = await this.bytes.ioMode()
    const legacy: Array<Omit<BlobMeta, 'data'>> = []
    for await (const { value } of this.datastore.query({ prefix: METAS })) {
      const meta = JSON.parse(new TextDecoder().decode(value)) as BlobMeta
      if (meta.data == null) legacy.push(meta)
      else this.index(meta)
    }
    // a store from before blob files kept chunks on their own: each blob's are copied into one place, once
    for (const meta of legacy) {
      const data = await this.copyLegacy(meta)
      const next = { ...meta, data }
      await this.datastore.put(new Key(`${METAS}/${meta.cid}`), new TextEncoder().encode(JSON.stringify(next)))
      this.index(next)
    }
    await dropLegacyChunks(this.datastore)
    const named = new Set([...this.metas.values()].map(m => m.data))
    let swept = 0
    for await (const id of this.bytes.ids()) {
      if (!named.has(id)) {
        await this.bytes.delete(id)
        swept++
      }
    }
    return { blobs: this.metas.size, swept, io }
  }

  /** How this store's blob bytes move to and from where they are kept. */
  async ioMode (): Promise<BlobIoMode> {
    return await this.bytes.ioMode()
  }

  private async copyLegacy (meta: Omit<BlobMeta, 'data'>): Promise<string> {
    const layout = layoutOf(meta)
    const writer = this.bytes.create()
    for (const [i, hash] of layout.hashes.entries()) {
      // a chunk neither layout has stays a hole: the blob reads as damaged, and repair replaces it
      const chunk = await readLegacyChunk(this.datastore, this.dir, hex(hash))
      if (chunk != null) await chunkSlots().with(async slot => { await writer.write(i, slot, fillSlot(slot, chunk)) })
    }
    await writer.finish()
    return writer.id
  }

  has (cid: string): boolean {
    return this.metas.has(cid) && !this.damaged.has(cid)
  }

  meta (cid: string): BlobMeta | undefined {
    return this.metas.get(cid)
  }

  list (): BlobMeta[] {
    return [...this.metas.values()]
  }

  /** Blobs and bytes held, without usage()'s per-app and per-uploader breakdown. */
  totals (): { blobs: number, bytes: number } {
    return { blobs: this.metas.size, bytes: this.usageBytes }
  }

  usage (): StoreUsage {
    return { blobs: this.metas.size, bytes: this.usageBytes, byApp: Object.fromEntries(this.byApp), byUploader: Object.fromEntries(this.byUploader) }
  }

  appUsage (app: string): number {
    return this.byApp.get(app) ?? 0
  }

  uploaderUsage (peer: string): number {
    return this.byUploader.get(peer) ?? 0
  }

  /** Blobs a read found damaged: not served, reported as not held, left for repair to replace. */
  isDamaged (cid: string): boolean {
    return this.damaged.has(cid)
  }

  /** Starts writing a blob of `size` bytes; the writer checks the bytes against the CID at commit. */
  writer (init: BlobInit): BlobWriter {
    return new BlobWriter(this, this.bytes.create(), init)
  }

  async setReplicas (cid: string, replicas: string[]): Promise<void> {
    const meta = this.metas.get(cid)
    if (meta == null) return
    const next = { ...meta, replicas: [...new Set(replicas)].sort() }
    await this.datastore.put(new Key(`${METAS}/${cid}`), new TextEncoder().encode(JSON.stringify(next)))
    this.metas.set(cid, next)
  }

  /** The layout the CID commits to, from the stored meta. */
  layout (cid: string): BlobLayout {
    return layoutOf(this.held(cid))
  }

  private held (cid: string): BlobMeta {
    const meta = this.metas.get(cid)
    if (meta == null) throw new BlobError('NOT_FOUND', `this node does not hold ${cid}`)
    return meta
  }

  /**
   * The blob's chunks from `fromChunk` on, each verified against the CID's
   * layout before it is yielded. CORRUPTED (and the blob marked damaged) on
   * the first chunk that is missing or does not hash right.
   */
  async * read (cid: string, fromChunk = 0): AsyncGenerator<Uint8Array> {
    if (this.damaged.has(cid)) throw new BlobError('CORRUPTED', `${cid} is damaged on this node`)
    const meta = this.held(cid)
    const layout = layoutOf(meta)
    let reader
    try {
      reader = await this.bytes.open(meta.data)
    } catch {
      throw this.markDamaged(cid, `the bytes of ${cid} are missing`)
    }
    try {
      // read and hashed ahead, in a slot: the disk and the hashing thread work while the event loop
      // sends the chunks before; what leaves the slot is a verified copy, or why there is none
      const slots = chunkSlots()
      const hasher = chunkHasher()
      const fetch = async (i: number): Promise<Uint8Array | 'missing' | 'mismatch'> => {
        const length = chunkLength(layout, i)
        try {
          return await slots.with(async slot => {
            const filled = await reader.readInto(i, slot, length)
            if (filled !== length || !equalBytes(await hasher.hashSlot(slot, length), layout.hashes[i])) return 'mismatch'
            return copyOut(slot, length)
          })
        } catch {
          // not a rejection nobody may await, if the reader stops first
          return 'missing'
        }
      }
      const ahead: Array<ReturnType<typeof fetch>> = []
      let next = fromChunk
      for (let i = fromChunk; i < layout.hashes.length; i++) {
        while (next < layout.hashes.length && next <= i + READ_AHEAD_CHUNKS) ahead.push(fetch(next++))
        const chunk = await ahead.shift() as Awaited<ReturnType<typeof fetch>>
        if (chunk === 'missing') throw this.markDamaged(cid, `chunk ${i} of ${cid} is missing`)
        if (chunk === 'mismatch') throw this.markDamaged(cid, `chunk ${i} of ${cid} does not match its hash`)
        yield chunk
      }
    } finally {
      await reader.close()
    }
  }

  /** Removes a blob and its bytes. */
  async delete (cid: string): Promise<void> {
    const meta = this.metas.get(cid)
    if (meta == null) return
    // out of the index before the first await: a second delete of the same blob meanwhile finds nothing (and does not count it out twice)
    this.unindex(meta)
    this.damaged.delete(cid)
    await this.datastore.delete(new Key(`${METAS}/${cid}`))
    await this.bytes.delete(meta.data).catch(() => {})
  }

  private markDamaged (cid: string, why: string): BlobError {
    this.damaged.add(cid)
    return new BlobError('CORRUPTED', why)
  }

  /**
   * @internal BlobWriter: the blob is complete and verified; it becomes
   * visible now. A copy found damaged is replaced (repair's upload); a blob
   * stored twice at once keeps the first, and the second's bytes go.
   */
  async commit (meta: BlobMeta): Promise<void> {
    if (this.metas.has(meta.cid) && !this.damaged.has(meta.cid)) {
      await this.bytes.delete(meta.data).catch(() => {})
      return
    }
    const previous = this.metas.get(meta.cid)
    await this.datastore.put(new Key(`${METAS}/${meta.cid}`), new TextEncoder().encode(JSON.stringify(meta)))
    if (previous != null) {
      this.unindex(previous)
      this.damaged.delete(meta.cid)
      await this.bytes.delete(previous.data).catch(() => {})
    }
    this.metas.set(meta.cid, meta)
    this.account(meta, 1)
  }

  private index (meta: BlobMeta): void {
    this.metas.set(meta.cid, meta)
    this.account(meta, 1)
  }
  private unindex (meta: BlobMeta): void {
    this.metas.delete(meta.cid)
    this.account(meta, -1)
  }

  private account (meta: BlobMeta, sign: 1 | -1): void {
    this.usageBytes += sign * meta.size
    this.byApp.set(meta.app, (this.byApp.get(meta.app) ?? 0) + sign * meta.size)
    this.byUploader.set(meta.uploader, (this.byUploader.get(meta.uploader) ?? 0) + sign * meta.size)
    if (this.byApp.get(meta.app) === 0) this.byApp.delete(meta.app)
    if (this.byUploader.get(meta.uploader) === 0) this.byUploader.delete(meta.uploader)
  }
}

/**
 * One upload in progress: chunks are hashed and stored as they arrive (never
 * the whole blob in memory), and the blob is committed only if the bytes add
 * up to the declared size and hash to the CID the sender claims.
 */
export class BlobWriter {
  private readonly hashes: Uint8Array[] = []
  private written = 0
  private finished = false

  constructor (private readonly store: BlobStore, private readonly bytes: BlobBytesWriter, private readonly init: BlobInit) {}

  get bytesWritten (): number {
    return this.written
  }

  /** Stores the next chunk: bytes, or the pieces it arrived in (hashed and written without joining them). */
  async write (chunk: Uint8Array | ChunkPieces): Promise<void> {
    if (this.finished) throw new BlobError('MALFORMED', 'the upload is finished')
    const pieces = chunk instanceof Uint8Array ? [chunk] : chunk
    const length = piecesLength(pieces)
    if (length === 0 || length > CHUNK_SIZE) throw new BlobError('MALFORMED', `a chunk of ${length} bytes (1..${CHUNK_SIZE})`)
    // every chunk but the last is full: chunk i of the stored blob is chunk i of the sent one
    if (this.written % CHUNK_SIZE !== 0) throw new BlobError('MALFORMED', 'a short chunk before the last one')
    if (this.written + length > this.init.size) throw new BlobError('TOO_LARGE', `more than the declared ${this.init.size} bytes`)
    // in a slot, hashed on the hashing thread while it is written, both off the event loop
    const hash = await chunkSlots().with(async slot => {
      fillSlot(slot, pieces)
      const [hash] = await bothSettled(chunkHasher().hashSlot(slot, length), this.bytes.write(this.hashes.length, slot, length))
      return hash
    })
    this.hashes.push(hash)
    this.written += length
  }

  /** Verifies the bytes against `claimed` and makes the blob visible; CORRUPTED (and nothing kept) if they differ. */
  async commit (claimed: CID): Promise<CID> {
    if (this.finished) throw new BlobError('MALFORMED', 'the upload is finished')
    this.finished = true
    if (this.written !== this.init.size) {
      await this.bytes.discard()
      throw new BlobError('MALFORMED', `${this.written} bytes sent of the declared ${this.init.size}`)
    }
    const { cid, manifest } = blobCid({ size: this.written, chunkSize: CHUNK_SIZE, hashes: this.hashes })
    if (cid.toString() !== claimed.toString()) {
      await this.bytes.discard()
      throw new BlobError('CORRUPTED', `the bytes hash to ${cid.toString()}, not to the claimed ${claimed.toString()}`)
    }
    try {
      await this.bytes.finish()
    } catch (err) {
      await this.bytes.discard()
      throw err
    }
    const storedAt = Date.now()
    await this.store.commit({
      ...this.init,
      cid: cid.toString(),
      ...(manifest != null ? { manifest: Buffer.from(manifest).toString('base64') } : {}),
      storedAt,
      // never later than now: a sender cannot date a copy past the owner's deletions
      createdAt: Math.min(this.init.createdAt ?? storedAt, storedAt),
      data: this.bytes.id
    })
    return cid
  }

  /** Drops what was written (a failed or cut-short upload). Safe to call after commit. */
  async abort (): Promise<void> {
    if (this.finished) return
    this.finished = true
    await this.bytes.discard()
  }
}

/** The layout a blob's CID commits to, from what its meta record keeps. */
function layoutOf (meta: Pick<BlobMeta, 'cid' | 'size' | 'manifest'>): BlobLayout {
  return layoutFor(parseBlobCid(meta.cid), meta.size, meta.manifest != null ? new Uint8Array(Buffer.from(meta.manifest, 'base64')) : undefined)
}

function hex (bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}
