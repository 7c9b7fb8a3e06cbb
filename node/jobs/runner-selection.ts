import { BoundedMap } from '../../protocol/util/index.js'

/** What the client knows of a candidate runner when it picks one. */
export interface RunnerCandidate {
  peerId: string
  /** Jobs this client has in flight there, and the capacity the runner attests to. */
  inFlight: number
  capacity: number
  /** Smoothed round trip of this client's past jobs there, if any. */
  rttMs?: number
  /** Price per job the runner attests to (wei). */
  price: bigint
  connected: boolean
}

/** Latency assumed for a runner never tried: an open connection is likely close. */
const UNKNOWN_RTT_CONNECTED_MS = 20
const UNKNOWN_RTT_MS = 100

/**
 * Orders runners best first. Load comes first (a full runner answers BUSY
 * and costs a round trip), then expected latency, then price; a small
 * random jitter spreads a burst of jobs over equally good runners instead of
 * piling them on the first one.
 */
export function rankRunners (candidates: RunnerCandidate[], random: () => number = Math.random): RunnerCandidate[] {
  const minPrice = candidates.reduce<bigint | undefined>((m, c) => m == null || c.price < m ? c.price : m, undefined) ?? 0n
  const score = (c: RunnerCandidate): number => {
    const load = c.capacity > 0 ? c.inFlight / c.capacity : 1
    const rtt = c.rttMs ?? (c.connected ? UNKNOWN_RTT_CONNECTED_MS : UNKNOWN_RTT_MS)
    // price as a relative premium over the cheapest, capped so it never outweighs a full runner
    const premium = minPrice > 0n ? Math.min(Number((c.price - minPrice) * 100n / minPrice), 100) : (c.price > 0n ? 100 : 0)
    return (load >= 1 ? 10_000 : load * 1_000) + rtt + premium + random() * 5
  }
  return candidates.map(c => ({ c, s: score(c) })).sort((a, b) => a.s - b.s).map(x => x.c)
}

/** Exponentially weighted moving average of round trips per runner. */
export class RttTracker {
  private readonly rtts: BoundedMap<string, number>
  constructor (private readonly alpha = 0.3, maxPeers = 10_000) {
    this.rtts = new BoundedMap(maxPeers)
  }

  observe (peerId: string, ms: number): void {
    const previous = this.rtts.get(peerId)
    this.rtts.delete(peerId)
    this.rtts.set(peerId, previous == null ? ms : previous + this.alpha * (ms - previous))
  }

  get (peerId: string): number | undefined {
    return this.rtts.get(peerId)
  }
}
