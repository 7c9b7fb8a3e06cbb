import { CHUNK_SIZE, type ChunkPieces } from '../../protocol/blob/index.js'

/**
 * Where each slot starts: a multiple of every disk block size in use (512 and
 * 4096), as direct I/O needs of a buffer's address.
 */
export const SLOT_ALIGN = 4096
/** Chunks being read, written or hashed at once, across every transfer of the process. */
export const CHUNK_SLOTS = 16
const WASM_PAGE = 64 * 1024

interface SharedWasmMemory { buffer: SharedArrayBuffer }
/** WebAssembly's memory, which the project's TypeScript libraries (no DOM) do not declare; absent under --jitless. */
const WasmMemory = (globalThis as unknown as {
  WebAssembly?: { Memory: new (init: { initial: number, maximum: number, shared: true }) => SharedWasmMemory }
}).WebAssembly?.Memory

/**
 * Chunk-sized buffers, lent one at a time to a chunk on its way to or from
 * the disk, or being hashed. They are one shared WebAssembly memory, for two
 * reasons: JavaScript cannot choose a buffer's address, but such a memory is
 * mapped whole pages at a time (so every slot is page-aligned, as direct I/O
 * needs); and it is a SharedArrayBuffer, so the hashing thread (ChunkHasher)
 * reads a chunk where it lies instead of a copy. Fixed in size: growing would
 * move the memory under the slots lent out. A borrower waits, in turn, when
 * every slot is lent; each is held for one disk operation and one hash.
 */
export class ChunkSlots {
  readonly memory: SharedArrayBuffer
  private readonly free: Uint8Array[] = []
  private readonly waiting: Array<(slot: Uint8Array) => void> = []

  constructor (count = CHUNK_SLOTS, readonly slotBytes = CHUNK_SIZE) {
    if (slotBytes % WASM_PAGE !== 0) throw new Error(`a slot is whole WebAssembly pages (${WASM_PAGE} bytes)`)
    const pages = count * slotBytes / WASM_PAGE
    // without WebAssembly, shared memory of unknown alignment: the direct I/O probe then fails, and files are buffered
    this.memory = WasmMemory != null ? new WasmMemory({ initial: pages, maximum: pages, shared: true }).buffer : new SharedArrayBuffer(count * slotBytes)
    for (let i = count - 1; i >= 0; i--) this.free.push(new Uint8Array(this.memory, i * slotBytes, slotBytes))
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

/**
 * Copies `source` into `target` at `offset`, either of them in shared memory,
 * by memcpy. V8 copies to or from a SharedArrayBuffer (TypedArray `set`,
 * `slice`, Buffer `copy`) with relaxed atomic moves, word by word: 17 ms of
 * CPU per 64 MB put at each holder, measured (bench/README, session 23).
 * Buffer's `fill` with bytes as large as the range is one memcpy.
 */
export function copyBytes (target: Uint8Array, offset: number, source: Uint8Array): void {
  if (source.byteLength === 0) return
  if (offset + source.byteLength > target.byteLength) throw new RangeError(`${source.byteLength} bytes do not fit at ${offset} of ${target.byteLength}`)
  Buffer.from(target.buffer, target.byteOffset + offset, source.byteLength).fill(source)
}

/** Copies a chunk (bytes, or the pieces it arrived in) to the start of `slot`; its length. */
export function fillSlot (slot: Uint8Array, chunk: Uint8Array | ChunkPieces): number {
  const pieces = chunk instanceof Uint8Array ? [chunk] : chunk
  let length = 0
  for (const piece of pieces) {
    if (length + piece.byteLength > slot.byteLength) throw new RangeError(`a chunk longer than a slot (${slot.byteLength} bytes)`)
    copyBytes(slot, length, piece)
    length += piece.byteLength
  }
  return length
}

/** The first `length` bytes of a slot, copied out of it into memory of their own. */
export function copyOut (slot: Uint8Array, length: number): Uint8Array {
  const bytes = new Uint8Array(Buffer.allocUnsafeSlow(length).buffer, 0, length)
  copyBytes(bytes, 0, slot.subarray(0, length))
  return bytes
}

/** Both operations, each to its end, before either's failure is thrown: neither may still use a slot when it is given back. */
export async function bothSettled<A, B> (a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b])
  if (x.status === 'rejected') throw x.reason
  if (y.status === 'rejected') throw y.reason
  return [x.value, y.value]
}

let processSlots: ChunkSlots | undefined
/** The process's slots, shared by every store and client in it, made on first use. */
export function chunkSlots (): ChunkSlots {
  processSlots ??= new ChunkSlots()
  return processSlots
}
