import { BoundedMap } from '../../protocol/util/index.js'

/**
 * Remembers failed dials so the finder does not hammer peers that are gone:
 * after the n-th consecutive failure a peer is skipped for base * 2^(n-1) ms,
 * capped. Bounded to maxEntries (oldest forgotten first).
 */
export class DialBackoff {
  private readonly failures: BoundedMap<string, { count: number, retryAt: number }>

  constructor (private readonly baseMs = 1_000, private readonly maxMs = 5 * 60_000, maxEntries = 10_000) {
    this.failures = new BoundedMap(maxEntries)
  }

  canDial (peer: string, now: number): boolean {
    const entry = this.failures.get(peer)
    return entry == null || entry.retryAt <= now
  }

  failed (peer: string, now: number): void {
    const count = (this.failures.get(peer)?.count ?? 0) + 1
    this.failures.delete(peer)
    this.failures.set(peer, { count, retryAt: now + Math.min(this.maxMs, this.baseMs * 2 ** (count - 1)) })
  }

  succeeded (peer: string): void {
    this.failures.delete(peer)
  }
}
