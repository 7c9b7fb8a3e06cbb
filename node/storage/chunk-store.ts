import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Key, type Datastore } from 'interface-datastore'
import { joinPieces, piecesLength, type ChunkPieces } from '../../protocol/blob/index.js'

/** Datastore prefix of chunks kept in the datastore (ephemeral nodes), and of chunks of stores older than the file layout. */
export const DATASTORE_CHUNKS = '/escrin/blobs/chunk'
const TEMP_SUFFIX = '.tmp'

/**
 * Where a holder keeps chunk bytes, by the hex sha256 of each chunk. It only
 * stores and finds bytes: hashing, reference counts and verification on read
 * are BlobStore's.
 */
export interface ChunkStore {
  /** Stores a chunk whole or not at all (a crash mid-write leaves no chunk under `id`, or the old one). */
  put(id: string, pieces: ChunkPieces): Promise<void>
  /**
   * The chunk's bytes; throws when there is none. `length`, the size the
   * chunk should have, lets a store read it in one go (at most that many
   * bytes come back; the caller's verification catches a short one).
   */
  get(id: string, length: number): Promise<Uint8Array>
  delete(id: string): Promise<void>
  /** Every stored chunk id, for the sweep at start; leftovers of writes cut short are removed on the way. */
  ids(): AsyncIterable<string>
}

/** Chunks as datastore values: for nodes without a data dir (in memory) and tests. */
export class DatastoreChunkStore implements ChunkStore {
  constructor (private readonly datastore: Datastore) {}

  async put (id: string, pieces: ChunkPieces): Promise<void> {
    await this.datastore.put(new Key(`${DATASTORE_CHUNKS}/${id}`), joinPieces(pieces))
  }

  async get (id: string): Promise<Uint8Array> {
    return await this.datastore.get(new Key(`${DATASTORE_CHUNKS}/${id}`))
  }

  async delete (id: string): Promise<void> {
    await this.datastore.delete(new Key(`${DATASTORE_CHUNKS}/${id}`))
  }

  async * ids (): AsyncIterable<string> {
    for await (const key of this.datastore.queryKeys({ prefix: DATASTORE_CHUNKS })) yield key.baseNamespace()
  }
}

/**
 * One file per chunk under `dir`, in 256 folders by the id's first two hex
 * digits (as Kubo's flatfs and Helia's blockstore-fs keep blocks): 1 MiB
 * values are what LevelDB is worst at (each is copied on the event loop,
 * written to its log, then again by every compaction), and a file is written
 * once, from the pieces it arrived in, off the event loop. Written to a
 * temporary name and renamed, so a chunk file is always whole; like the
 * datastore's writes these are not fsynced (a verified read catches what an
 * OS crash may damage, and repair replaces it).
 */
export class FileChunkStore implements ChunkStore {
  private readonly folders = new Set<string>()

  constructor (private readonly dir: string) {}

  private path (id: string): string {
    return join(this.dir, id.slice(0, 2), id)
  }

  async put (id: string, pieces: ChunkPieces): Promise<void> {
    const folder = join(this.dir, id.slice(0, 2))
    if (!this.folders.has(folder)) {
      await mkdir(folder, { recursive: true })
      this.folders.add(folder)
    }
    const path = this.path(id)
    const temp = `${path}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`
    const file = await open(temp, 'w')
    const expected = piecesLength(pieces)
    try {
      const { bytesWritten } = await file.writev(pieces as Uint8Array[])
      if (bytesWritten !== expected) throw new Error(`wrote ${bytesWritten} of ${expected} bytes of chunk ${id}`)
    } catch (err) {
      await file.close().catch(() => {})
      await rm(temp, { force: true })
      throw err
    }
    await file.close()
    await rename(temp, path)
  }

  async get (id: string, length: number): Promise<Uint8Array> {
    // open, one read, close: readFile adds a stat and reads a 1 MiB file in several calls. Bytes
    // past `length` are not read: what is returned is verified, and is the chunk or is refused
    const file = await open(this.path(id), 'r')
    try {
      const bytes = new Uint8Array(length)
      let filled = 0
      while (filled < length) {
        const { bytesRead } = await file.read(bytes, filled, length - filled, filled)
        if (bytesRead === 0) break
        filled += bytesRead
      }
      return filled === length ? bytes : bytes.subarray(0, filled)
    } finally {
      await file.close()
    }
  }

  async delete (id: string): Promise<void> {
    await rm(this.path(id), { force: true })
  }

  async * ids (): AsyncIterable<string> {
    let folders: string[]
    try {
      folders = await readdir(this.dir)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    for (const folder of folders.sort()) {
      if (!/^[0-9a-f]{2}$/.test(folder)) continue
      for (const name of await readdir(join(this.dir, folder))) {
        if (name.endsWith(TEMP_SUFFIX)) await rm(join(this.dir, folder, name), { force: true })
        else yield name
      }
    }
  }
}
