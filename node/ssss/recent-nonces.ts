export interface RecentNoncesInit {
  /** A nonce is remembered at least this long after it was claimed (and at most twice as long). */
  keepMs: number
  /** Nonces remembered at most: past this a claim is refused rather than a nonce forgotten early (fail closed). */
  max: number
  /** Nonces one requester may have remembered at most; past this its claims are refused, and only its (default: max). */
  maxPerRequester?: number
  now?: () => number
}

/** One epoch's nonces, by requester, and how many there are in all. */
interface Generation {
  byRequester: Map<string, Set<string>>
  size: number
}

const emptyGeneration = (): Generation => ({ byRequester: new Map(), size: 0 })

/**
 * The request nonces a holder has seen lately, for replay protection, at
 * constant cost a claim however full it is. Time is cut into epochs of
 * `keepMs`; nonces live in two generations, this epoch's and the one
 * before, and the older is dropped whole when an epoch begins. A nonce
 * claimed at T is therefore seen again by any claim before T + keepMs, and
 * by none from T + 2 * keepMs. (A map of nonce to time, pruned by a scan when
 * full, cost a scan of every entry on every request once full of nonces
 * still in their window: a busy holder would spend its CPU there.)
 *
 * Nonces are remembered per requester: a request verifies only from the
 * peer that signed it, so a replay can only come from that peer, and one
 * requester's flood fills its own share of the table, not everyone's.
 */
export class RecentNonces {
  private current = emptyGeneration()
  private previous = emptyGeneration()
  private epoch: number
  private readonly now: () => number
  private readonly maxPerRequester: number

  constructor (private readonly init: RecentNoncesInit) {
    this.now = init.now ?? Date.now
    this.maxPerRequester = init.maxPerRequester ?? init.max
    this.epoch = this.epochNow()
  }

  get size (): number {
    return this.current.size + this.previous.size
  }

  /**
   * 'new' (now remembered), 'seen' (a replay), 'full' (the table is: refused,
   * nothing remembered), or 'requester-full' (this requester has its most).
   */
  claim (nonce: Uint8Array, requester = ''): 'new' | 'seen' | 'full' | 'requester-full' {
    this.advance()
    const id = Buffer.from(nonce.buffer, nonce.byteOffset, nonce.byteLength).toString('latin1')
    const mine = this.current.byRequester.get(requester)
    const before = this.previous.byRequester.get(requester)
    if (mine?.has(id) === true || before?.has(id) === true) return 'seen'
    if (this.size >= this.init.max) return 'full'
    if ((mine?.size ?? 0) + (before?.size ?? 0) >= this.maxPerRequester) return 'requester-full'
    if (mine == null) this.current.byRequester.set(requester, new Set([id]))
    else mine.add(id)
    this.current.size++
    return 'new'
  }

  private epochNow (): number {
    return Math.floor(this.now() / this.init.keepMs)
  }

  private advance (): void {
    const epoch = this.epochNow()
    // a clock set back stays in the epoch it was in: nothing is forgotten early
    if (epoch <= this.epoch) return
    this.previous = epoch === this.epoch + 1 ? this.current : emptyGeneration()
    this.current = emptyGeneration()
    this.epoch = epoch
  }
}
