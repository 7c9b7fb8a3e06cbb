import { constants } from 'node:fs'
import { open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { SLOT_ALIGN, type ChunkSlots } from './chunk-slots.js'

/**
 * Direct I/O (O_DIRECT) moves a buffer between the process and the disk
 * without the kernel's page cache, if the buffer's address, the length and
 * the file offset are all multiples of the device's block size: slots
 * (ChunkSlots) start on such a boundary, and chunks are a whole number of
 * blocks apart in a blob's file.
 */
export const DIRECT_ALIGN = SLOT_ALIGN
/** Linux's O_DIRECT, or undefined where the platform has none (macOS, Windows). */
export const O_DIRECT: number | undefined = (constants as Record<string, number | undefined>).O_DIRECT

export function alignUp (n: number): number {
  return Math.ceil(n / DIRECT_ALIGN) * DIRECT_ALIGN
}

/**
 * Writes the first `length` bytes of `slot` at `position` (aligned), padded
 * with zeros to the end of their last block (the caller cuts the file back to
 * size), whole: a direct write the kernel cut short is finished from where it
 * stopped, which is on a block boundary.
 */
export async function writeSlot (file: FileHandle, slot: Uint8Array, length: number, position: number): Promise<void> {
  const aligned = alignUp(length)
  slot.fill(0, length, aligned)
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
export async function probeDirectIo (dir: string, slots: ChunkSlots): Promise<boolean> {
  if (O_DIRECT == null) return false
  const path = join(dir, `.direct-probe-${randomBytes(6).toString('hex')}`)
  try {
    return await slots.with(async slot => {
      const block = slot.subarray(0, DIRECT_ALIGN)
      const expected = randomBytes(DIRECT_ALIGN)
      block.set(expected)
      const writer = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_DIRECT)
      try {
        await writeSlot(writer, block, DIRECT_ALIGN, 0)
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
