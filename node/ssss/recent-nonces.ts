export interface RecentNoncesInit {
  /** A nonce is remembered at least this long after it was claimed (and at most twice as long). */
  keepMs: number
  /** Nonces remembered at most: past this a claim is refused rather than a nonce forgotten early (fail closed). */
  max: number
  now?: () => number
}

/**
 * The request nonces a holder has seen lately, for replay protection, at
 * constant cost a claim however full it is. Time is cut into epochs of
 * `keepMs`; nonces live in two generations, this epoch's and the one
 * before, and the older is dropped whole when an epoch begins. A nonce
 * claimed at T is therefore seen again by any claim before T + keepMs, and
 * by none from T + 2 * keepMs. (A map of nonce to time, pruned by a scan when
 * full, cost a scan of every entry on every request once full of nonces
 * still in their window: a busy holder would spend its CPU there.)
 */
export class RecentNonces {
  private current = new Set<string>()
  private previous = new Set<string>()
  private epoch: number
  private readonly now: () => number

  constructor (private readonly init: RecentNoncesInit) {
    this.now = init.now ?? Date.now
    this.epoch = this.epochNow()
  }

  get size (): number {
    return this.current.size + this.previous.size
  }

  /** 'new' (now remembered), 'seen' (a replay), or 'full' (refused; nothing remembered). */
  claim (nonce: Uint8Array): 'new' | 'seen' | 'full' {
    this.advance()
    const id = Buffer.from(nonce.buffer, nonce.byteOffset, nonce.byteLength).toString('latin1')
    if (this.current.has(id) || this.previous.has(id)) return 'seen'
    if (this.size >= this.init.max) return 'full'
    this.current.add(id)
    return 'new'
  }

  private epochNow (): number {
    return Math.floor(this.now() / this.init.keepMs)
  }

  private advance (): void {
    const epoch = this.epochNow()
    // a clock set back stays in the epoch it was in: nothing is forgotten early
    if (epoch <= this.epoch) return
    this.previous = epoch === this.epoch + 1 ? this.current : new Set()
    this.current = new Set()
    this.epoch = epoch
  }
}
