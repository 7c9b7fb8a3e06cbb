import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { Key, type Datastore } from 'interface-datastore'
import { CHUNK_SIZE } from '../../protocol/blob/index.js'
import { chunkSlots, copyBytes, copyOut } from './chunk-slots.js'
import { O_DIRECT, probeDirectIo, readSlot, writeSlot } from './direct-io.js'

/** Datastore prefix of blob bytes kept in the datastore (nodes without a data dir). */
export const DATASTORE_BYTES = '/escrin/blobs/data'

/**
 * Where a holder keeps each blob's bytes, under an id of their own (random,
 * made per upload) that the blob's meta record names. It only stores and
 * finds bytes: hashing and verification on read are BlobStore's. Bytes no
 * meta record names are an upload that never committed, which start() sweeps.
 */
export interface BlobBytes {
  /** A new, empty place for one blob's chunks, written in any order by index. */
  create(): BlobBytesWriter
  /** Reads a blob's chunks; throws when there are no bytes under `id`. */
  open(id: string): Promise<BlobBytesReader>
  delete(id: string): Promise<void>
  /** Every id that has bytes, for the sweep at start. */
  ids(): AsyncIterable<string>
  /** How the bytes move to and from where they are kept. */
  ioMode(): Promise<BlobIoMode>
}

export interface BlobBytesWriter {
  readonly id: string
  /**
   * Stores chunk `index`, the first `length` bytes of `slot` (a ChunkSlots
   * slot, held by the caller until this resolves). Every chunk but the last
   * is CHUNK_SIZE long, so its place is fixed.
   */
  write(index: number, slot: Uint8Array, length: number): Promise<void>
  /** Everything is written; the id may now be named by a meta record. */
  finish(): Promise<void>
  /** Drops what was written. */
  discard(): Promise<void>
}

/** How blob bytes move: files by 'direct' I/O past the page cache or 'buffered' through it, or 'datastore' values. */
export type BlobIoMode = 'direct' | 'buffered' | 'datastore'

export interface FileBlobBytesInit {
  /** Direct I/O where the file system takes it (the default), or always buffered. */
  directIo?: boolean
}

export interface BlobBytesReader {
  /**
   * Reads chunk `index` into `slot` (a ChunkSlots slot): `length` bytes, or
   * fewer if the bytes are short. Returns how many it has, which may also be
   * more than `length` (and then none are read): the caller refuses a chunk
   * of the wrong length.
   */
  readInto(index: number, slot: Uint8Array, length: number): Promise<number>
  close(): Promise<void>
}

function newId (): string {
  return randomBytes(16).toString('hex')
}

/**
 * One file per blob under `dir`, in 256 folders by the id's first two hex
 * digits. A chunk is one positional write into it and a read one positional
 * read: a 64 MiB blob is one file created and 64 writes, where a file per
 * chunk cost a create, an open, a close and a rename each (measured on the
 * project machine: ~21 ms of CPU per 64 MiB instead of 45-110 ms, most of it
 * the kernel's inode work). Like the datastore's writes these are not fsynced:
 * a verified read catches what an OS crash may damage, and repair replaces it.
 *
 * Where the file system takes it, chunks go to and from the disk by direct
 * I/O, through an aligned buffer, and not through the page cache, as database
 * and object stores keep their data (Ceph's BlueStore, ScyllaDB). A holder
 * keeps replicas that are rarely read; cached, they would push the rest of the
 * machine's cache out. And the kernel's copy into fresh cache pages is the
 * writer's CPU: 0.27 ms per MiB where the pages are at hand, 2.5 ms on a VM
 * whose host takes back the memory its guest frees, as the project machine's
 * does (bench/README, session 23).
 */
export class FileBlobBytes implements BlobBytes {
  private readonly folders = new Set<string>()
  private mode?: Promise<'direct' | 'buffered'>

  constructor (private readonly dir: string, private readonly init: FileBlobBytesInit = {}) {}

  /** Direct or buffered, decided once by a probe of the store's folder. */
  async ioMode (): Promise<'direct' | 'buffered'> {
    this.mode ??= (async () => {
      if (this.init.directIo === false) return 'buffered'
      await mkdir(this.dir, { recursive: true })
      return await probeDirectIo(this.dir, chunkSlots()) ? 'direct' : 'buffered'
    })()
    return await this.mode
  }

  private folder (id: string): string {
    return join(this.dir, id.slice(0, 2))
  }

  private path (id: string): string {
    return join(this.folder(id), id)
  }

  /** @internal FileBytesWriter: the file for `id`, created empty (its folder made once), and whether it is open for direct I/O. */
  async createFile (id: string): Promise<{ file: FileHandle, direct: boolean }> {
    const folder = this.folder(id)
    if (!this.folders.has(folder)) {
      await mkdir(folder, { recursive: true })
      this.folders.add(folder)
    }
    const direct = await this.ioMode() === 'direct'
    return { file: await open(this.path(id), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (direct ? O_DIRECT as number : 0)), direct }
  }

  create (): BlobBytesWriter {
    return new FileBytesWriter(this, newId())
  }

  async open (id: string): Promise<BlobBytesReader> {
    const direct = await this.ioMode() === 'direct'
    const file = await open(this.path(id), constants.O_RDONLY | (direct ? O_DIRECT as number : 0))
    return {
      async readInto (index: number, slot: Uint8Array, length: number): Promise<number> {
        const position = index * CHUNK_SIZE
        if (direct) return await readSlot(file, slot, length, position)
        let filled = 0
        while (filled < length) {
          const { bytesRead } = await file.read(slot, filled, length - filled, position + filled)
          if (bytesRead === 0) break
          filled += bytesRead
        }
        return filled
      },
      // a FileHandle closes once its pending reads are done, so a reader stopped mid read-ahead is safe to close
      close: async () => { await file.close() }
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
      yield * await readdir(join(this.dir, folder))
    }
  }
}

class FileBytesWriter implements BlobBytesWriter {
  private file?: Promise<{ file: FileHandle, direct: boolean }>
  /** The end of the furthest chunk written: the blob's size once every chunk is. */
  private end = 0

  constructor (private readonly files: FileBlobBytes, readonly id: string) {}

  private handle (): Promise<{ file: FileHandle, direct: boolean }> {
    this.file ??= this.files.createFile(this.id)
    return this.file
  }

  async write (index: number, slot: Uint8Array, length: number): Promise<void> {
    const { file, direct } = await this.handle()
    const position = index * CHUNK_SIZE
    this.end = Math.max(this.end, position + length)
    // direct: a short last chunk is written up to its block's end, and the file cut back to size when finished
    if (direct) return await writeSlot(file, slot, length, position)
    let written = 0
    while (written < length) {
      const { bytesWritten } = await file.write(slot, written, length - written, position + written)
      if (bytesWritten === 0) throw new Error(`the disk took none of chunk ${index}`)
      written += bytesWritten
    }
  }

  async finish (): Promise<void> {
    const { file } = await this.handle()
    if ((await file.stat()).size > this.end) await file.truncate(this.end)
    await file.close()
  }

  async discard (): Promise<void> {
    if (this.file != null) await (await this.file.catch(() => undefined))?.file.close().catch(() => {})
    await this.files.delete(this.id)
  }
}

/** Blob bytes as datastore values, one per chunk: for nodes without a data dir (in memory) and tests. */
export class DatastoreBlobBytes implements BlobBytes {
  constructor (private readonly datastore: Datastore) {}

  async ioMode (): Promise<BlobIoMode> {
    return 'datastore'
  }

  private key (id: string, index: number): Key {
    return new Key(`${DATASTORE_BYTES}/${id}/${index}`)
  }

  create (): BlobBytesWriter {
    const id = newId()
    return {
      id,
      // a copy: the slot is lent to the next chunk once this resolves
      write: async (index, slot, length) => { await this.datastore.put(this.key(id, index), copyOut(slot, length)) },
      finish: async () => {},
      discard: async () => { await this.delete(id) }
    }
  }

  async open (id: string): Promise<BlobBytesReader> {
    return {
      readInto: async (index, slot) => {
        const value = await this.datastore.get(this.key(id, index))
        if (value.byteLength <= slot.byteLength) copyBytes(slot, 0, value)
        return value.byteLength
      },
      close: async () => {}
    }
  }

  async delete (id: string): Promise<void> {
    for await (const key of this.datastore.queryKeys({ prefix: `${DATASTORE_BYTES}/${id}/` })) await this.datastore.delete(key)
  }

  async * ids (): AsyncIterable<string> {
    const ids = new Set<string>()
    for await (const key of this.datastore.queryKeys({ prefix: `${DATASTORE_BYTES}/` })) ids.add(key.parent().baseNamespace())
    yield * ids
  }
}
