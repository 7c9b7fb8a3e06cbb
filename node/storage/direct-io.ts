import { constants } from 'node:fs'
import { open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { CHUNK_SIZE, type ChunkPieces } from '../../protocol/blob/index.js'

/**
 * Direct I/O (O_DIRECT) moves a buffer between the process and the disk
 * without the kernel's page cache, if the buffer's address, the length and
 * the file offset are all multiples of the device's block size. 4096 covers
 * every block size in use (512 and 4096).
 */
export const DIRECT_ALIGN = 4096
/** How many chunks may be on their way to or from the disk at once, across every transfer of the node. */
export const DIRECT_SLOTS = 16
const WASM_PAGE = 64 * 1024
/** WebAssembly's memory, which the project's TypeScript libraries (no DOM) do not declare. */
const WasmMemory = (globalThis as unknown as { WebAssembly: { Memory: new (init: { initial: number, maximum: number }) => { buffer: ArrayBuffer } } }).WebAssembly.Memory

/** Linux's O_DIRECT, or undefined where the platform has none (macOS, Windows). */
export const O_DIRECT: number | undefined = (constants as Record<string, number | undefined>).O_DIRECT

export function alignUp (n: number): number {
  return Math.ceil(n / DIRECT_ALIGN) * DIRECT_ALIGN
}

/**
 * Chunk-sized buffers at aligned addresses, lent one at a time to a direct
 * read or write. JavaScript cannot align a buffer itself; a WebAssembly
 * memory is mapped whole pages at a time, so it starts on a page boundary,
 * and every slot is a whole number of pages in. Fixed size (never grown, which
 * would detach the views lent out). A borrower waits, in turn, when every
 * slot is lent: each is held for one disk operation.
 */
export class AlignedSlots {
  private readonly free: Uint8Array[] = []
  private readonly waiting: Array<(slot: Uint8Array) => void> = []

  constructor (count = DIRECT_SLOTS, readonly slotBytes = CHUNK_SIZE) {
    if (slotBytes % WASM_PAGE !== 0) throw new Error(`a slot is whole WebAssembly pages (${WASM_PAGE} bytes)`)
    const pages = count * slotBytes / WASM_PAGE
    const memory = new WasmMemory({ initial: pages, maximum: pages })
    for (let i = 0; i < count; i++) this.free.push(new Uint8Array(memory.buffer, i * slotBytes, slotBytes))
  }

  async take (): Promise<Uint8Array> {
    const slot = this.free.pop()
    if (slot != null) return slot
    return await new Promise(resolve => this.waiting.push(resolve))
  }

  give (slot: Uint8Array): void {
    const next = this.waiting.shift()
    if (next != null) next(slot)
    else this.free.push(slot)
  }

  /** Runs `fn` with a slot, given back however `fn` ends. */
  async with<T> (fn: (slot: Uint8Array) => Promise<T>): Promise<T> {
    const slot = await this.take()
    try {
      return await fn(slot)
    } finally {
      this.give(slot)
    }
  }
}

/** Copies a chunk's pieces into the start of `slot`, zeroing the rest of its last block; the aligned length to write. */
export function fillSlot (slot: Uint8Array, pieces: ChunkPieces): { length: number, aligned: number } {
  let length = 0
  for (const piece of pieces) {
    slot.set(piece, length)
    length += piece.byteLength
  }
  const aligned = alignUp(length)
  slot.fill(0, length, aligned)
  return { length, aligned }
}

/**
 * Writes `aligned` bytes of `slot` at `position` (all aligned), whole: a
 * direct write the kernel cut short is finished from where it stopped, which
 * stays aligned because it stops on a block boundary.
 */
export async function writeSlot (file: FileHandle, slot: Uint8Array, aligned: number, position: number): Promise<void> {
  let written = 0
  while (written < aligned) {
    const { bytesWritten } = await file.write(slot, written, aligned - written, position + written)
    if (bytesWritten === 0) throw new Error(`the disk took no bytes at ${position + written}`)
    written += bytesWritten
  }
}

/**
 * Reads up to `length` bytes at `position` into `slot` (asking for whole
 * blocks; the file may end before); how many bytes of the `length` came.
 */
export async function readSlot (file: FileHandle, slot: Uint8Array, length: number, position: number): Promise<number> {
  const aligned = alignUp(length)
  let filled = 0
  while (filled < length) {
    const { bytesRead } = await file.read(slot, filled, aligned - filled, position + filled)
    if (bytesRead === 0) break
    filled += bytesRead
    // a short read that is not at the file's end stops on a block boundary, so the next one stays aligned
    if (filled % DIRECT_ALIGN !== 0) break
  }
  return Math.min(filled, length)
}

/**
 * Whether files in `dir` take direct I/O: the platform has O_DIRECT, the
 * file system accepts it (tmpfs before Linux 6.6 and some network file
 * systems refuse it), and a block written from a slot reads back the same.
 */
export async function probeDirectIo (dir: string, slots: AlignedSlots): Promise<boolean> {
  if (O_DIRECT == null) return false
  const path = join(dir, `.direct-probe-${randomBytes(6).toString('hex')}`)
  try {
    return await slots.with(async slot => {
      const block = slot.subarray(0, DIRECT_ALIGN)
      const expected = randomBytes(DIRECT_ALIGN)
      block.set(expected)
      const writer = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_DIRECT)
      try {
        await writeSlot(writer, slot, DIRECT_ALIGN, 0)
      } finally {
        await writer.close()
      }
      block.fill(0)
      const reader = await open(path, constants.O_RDONLY | O_DIRECT)
      try {
        return await readSlot(reader, slot, DIRECT_ALIGN, 0) === DIRECT_ALIGN && expected.equals(block)
      } finally {
        await reader.close()
      }
    })
  } catch {
    return false
  } finally {
    await rm(path, { force: true }).catch(() => {})
  }
}
