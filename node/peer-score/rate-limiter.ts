import { BoundedMap } from '../../protocol/util/index.js'

/** A sustained rate and the burst above it that one remote peer may use. */
export interface RateLimit {
  /** Requests a second, on average. */
  perSecond: number
  /** Requests at once after a quiet spell (the bucket's size). */
  burst: number
}

export interface PeerRateLimiterInit extends RateLimit {
  /**
   * Refusals of one peer within one `penaltyIntervalMs` that get it penalised
   * (once in that interval): an honest peer that overshoots a little is
   * refused, not punished; one that keeps asking is.
   */
  penaliseAfter?: number
  penaltyIntervalMs?: number
  /** Peers tracked; the least recently seen is forgotten first (it starts again with a full bucket). */
  maxPeers?: number
  now?: () => number
}

/** What a request gets: served; refused; or refused, and its sender is to be penalised. */
export type RateVerdict = 'ok' | 'refused' | 'penalise'

interface Bucket {
  tokens: number
  /** When the tokens were counted. */
  at: number
  /** Refusals in the interval that began at `windowAt`. */
  refusals: number
  windowAt: number
}

const DEFAULT_PENALISE_AFTER = 20
const DEFAULT_PENALTY_INTERVAL_MS = 1_000
const DEFAULT_MAX_PEERS = 10_000

/**
 * Per-peer token buckets for one kind of request: each peer may make
 * `perSecond` requests a second and `burst` at once. A peer refused
 * `penaliseAfter` times within a `penaltyIntervalMs` is penalised
 * (PeerAction.RateLimited) once for that interval, so that a flood drives its
 * score down in seconds while a momentary overshoot costs nothing but the
 * refused requests.
 * Bounded: past `maxPeers` the least recently seen peer is forgotten.
 */
export class PeerRateLimiter {
  private readonly buckets: BoundedMap<string, Bucket>
  private readonly perMs: number
  private readonly penaliseAfter: number
  private readonly penaltyIntervalMs: number
  private readonly now: () => number

  constructor (private readonly init: PeerRateLimiterInit) {
    if (!(init.perSecond > 0) || !(init.burst >= 1)) throw new RangeError(`a rate limit needs perSecond > 0 and burst >= 1 (got ${init.perSecond}/s, burst ${init.burst})`)
    this.perMs = init.perSecond / 1000
    this.penaliseAfter = init.penaliseAfter ?? DEFAULT_PENALISE_AFTER
    this.penaltyIntervalMs = init.penaltyIntervalMs ?? DEFAULT_PENALTY_INTERVAL_MS
    this.buckets = new BoundedMap(init.maxPeers ?? DEFAULT_MAX_PEERS)
    this.now = init.now ?? Date.now
  }

  /** Peers with a bucket (tests and metrics). */
  get size (): number {
    return this.buckets.size
  }

  /** Takes one request's token from `peer`'s bucket. */
  take (peer: string): RateVerdict {
    const now = this.now()
    let bucket = this.buckets.get(peer)
    if (bucket == null) {
      bucket = { tokens: this.init.burst, at: now, refusals: 0, windowAt: now }
    } else {
      // refill for the time since the last request (a clock set back refills nothing)
      bucket.tokens = Math.min(this.init.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs)
      bucket.at = Math.max(bucket.at, now)
      this.buckets.delete(peer)
    }
    // re-inserted: the map's order is the order peers were last seen in
    this.buckets.set(peer, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 'ok'
    }
    if (now - bucket.windowAt >= this.penaltyIntervalMs || now < bucket.windowAt) {
      bucket.windowAt = now
      bucket.refusals = 0
    }
    // exactly the penaliseAfter-th refusal of the interval is penalised: the ones after it are not, until the next
    return ++bucket.refusals === this.penaliseAfter ? 'penalise' : 'refused'
  }
}
