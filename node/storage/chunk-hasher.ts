import { Worker } from 'node:worker_threads'
import { piecesLength, sha256, sha256Pieces, type ChunkPieces } from '../../protocol/blob/index.js'
import { chunkSlots, fillSlot, type ChunkSlots } from './chunk-slots.js'

/** Below this a chunk hashes on the event loop: the round trip to the hashing thread costs more than the hash. */
export const THREAD_HASH_MIN_BYTES = 64 * 1024

/**
 * The hashing thread: sha256 of a range of the slots' shared memory, where
 * the range lies. A few lines, given as source so that the bundled command
 * needs no file of its own for it.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const memory = new Uint8Array(workerData)
parentPort.on('message', ({ id, offset, length }) => {
  parentPort.postMessage({ id, digest: createHash('sha256').update(memory.subarray(offset, offset + length)).digest() })
})
`

interface Pending {
  /** The thread asked, or none (hashed here). */
  worker?: Worker
  offset: number
  length: number
  resolve: (digest: Uint8Array) => void
}

/**
 * sha256 of blob chunks on a thread of its own. A 1 MiB chunk takes ~0.6 ms
 * to hash, and every chunk is hashed at each hop (the client for the CID,
 * each holder as it stores and as it sends, the client again as it reads):
 * on the event loop that is time the node's network waits, on one core. A
 * chunk in a slot is hashed without a copy (the slots are shared memory);
 * any other is copied into a slot first. If the thread fails, what it had
 * is hashed here (the slots are still held by their callers), and a new
 * thread starts with the next chunk.
 */
export class ChunkHasher {
  private worker?: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 0
  /** Threads started so far (a new one after each that failed). */
  threadsStarted = 0

  /** `source`: the thread's code; tests give one that fails. */
  constructor (private readonly slots: ChunkSlots, private readonly source = WORKER_SOURCE) {}

  /** sha256 of the first `length` bytes of `slot`, one of this hasher's slots, held by the caller until this resolves. */
  async hashSlot (slot: Uint8Array, length: number): Promise<Uint8Array> {
    if (slot.buffer !== this.slots.memory) throw new Error('not a slot of this hasher')
    if (length < THREAD_HASH_MIN_BYTES) return sha256(slot.subarray(0, length))
    return await new Promise(resolve => {
      const id = this.nextId++
      const worker = this.thread()
      this.pending.set(id, { worker, offset: slot.byteOffset, length, resolve })
      if (worker == null) {
        this.hashHere(id)
        return
      }
      worker.ref()
      worker.postMessage({ id, offset: slot.byteOffset, length })
    })
  }

  /** sha256 of a chunk anywhere (bytes, or the pieces it arrived in): a large one through a slot and the thread. */
  async hash (chunk: Uint8Array | ChunkPieces): Promise<Uint8Array> {
    const pieces = chunk instanceof Uint8Array ? [chunk] : chunk
    const length = piecesLength(pieces)
    if (length < THREAD_HASH_MIN_BYTES || length > this.slots.slotBytes) return sha256Pieces(pieces)
    return await this.slots.with(async slot => await this.hashSlot(slot, fillSlot(slot, pieces)))
  }

  /** Stops the thread; what it had is hashed here, and a new one starts with the next chunk. */
  async close (): Promise<void> {
    await this.worker?.terminate()
  }

  private thread (): Worker | undefined {
    if (this.worker != null) return this.worker
    let worker: Worker
    try {
      worker = new Worker(this.source, { eval: true, workerData: this.slots.memory })
    } catch {
      return undefined
    }
    worker.on('message', ({ id, digest }: { id: number, digest: Uint8Array }) => {
      const request = this.pending.get(id)
      if (request == null) return
      this.pending.delete(id)
      request.resolve(new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength))
      // an idle thread does not keep the process alive
      if (this.pending.size === 0) worker.unref()
    })
    const lost = (): void => {
      if (this.worker === worker) this.worker = undefined
      for (const [id, request] of [...this.pending]) if (request.worker === worker) this.hashHere(id)
    }
    worker.on('error', lost)
    worker.on('exit', lost)
    this.worker = worker
    this.threadsStarted++
    return worker
  }

  /** A request the thread cannot answer, hashed on this one. */
  private hashHere (id: number): void {
    const request = this.pending.get(id)
    if (request == null) return
    this.pending.delete(id)
    request.resolve(sha256(new Uint8Array(this.slots.memory, request.offset, request.length)))
  }
}

let processHasher: ChunkHasher | undefined
/** The process's hashing thread, over its slots, made on first use. */
export function chunkHasher (): ChunkHasher {
  processHasher ??= new ChunkHasher(chunkSlots())
  return processHasher
}
