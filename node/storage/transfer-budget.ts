import { BLOB_WINDOW_CHUNKS, CHUNK_SIZE } from '../../protocol/blob/index.js'

/** What one transfer can hold in buffers at most: its window of unacknowledged chunks (a small blob, its size). */
export function transferFootprint (size: number): number {
  return Math.max(1, Math.min(size, BLOB_WINDOW_CHUNKS * CHUNK_SIZE))
}

/**
 * Bounds the memory a storage node's transfers hold at once. Each put it
 * receives and each get it serves takes its footprint for as long as it
 * runs; one that does not fit is refused (BUSY: the client goes to the next
 * holder) rather than queued, since a queued stream holds its peer's window
 * just the same. Per-peer stream limits bound one peer; this bounds all of
 * them together.
 */
export class TransferBudget {
  private used = 0

  constructor (readonly limitBytes: number) {}

  /** Bytes the transfers in flight hold. */
  get inUse (): number {
    return this.used
  }

  /** Takes `size`'s footprint; its release (call once), or undefined when it does not fit. */
  take (size: number): (() => void) | undefined {
    const bytes = transferFootprint(size)
    if (this.used + bytes > this.limitBytes) return undefined
    this.used += bytes
    let released = false
    return () => {
      if (released) return
      released = true
      this.used -= bytes
    }
  }
}
