import { PeerAction } from './peer-score.js'
import { PeerRateLimiter, type RateLimit, type RateVerdict } from './rate-limiter.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { PeerId, StreamHandler } from '@libp2p/interface'

/** A stream refused because its opener is over its rate for the protocol. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError'
}

/** Where a refusal goes: the refused peer's penalty, when it earned one, and the count by protocol. */
export interface RateLimitHooks {
  penalise: (peer: PeerId, action: PeerAction, reason: string) => void
  metrics?: NodeMetrics
}

/** Counts a refusal of `peer` on `protocol` and penalises the peer when the verdict says it earned it. */
export function reportRefusal (hooks: RateLimitHooks, protocol: string, peer: PeerId, verdict: Exclude<RateVerdict, 'ok'>, reason: string): void {
  hooks.metrics?.rateLimited.inc({ protocol })
  if (verdict === 'penalise') hooks.penalise(peer, PeerAction.RateLimited, reason)
}

/**
 * `handler` behind a per-peer limit on new streams: a stream over the
 * opener's rate is reset before a byte of it is read (the cheapest refusal:
 * no decode, no signature check, no disk), counted, and its opener
 * penalised once it keeps on (see PeerRateLimiter).
 */
export function limitStreams (protocol: string, limit: RateLimit, handler: StreamHandler, hooks: RateLimitHooks): StreamHandler {
  const limiter = new PeerRateLimiter(limit)
  return (stream, connection) => {
    const peer = connection.remotePeer
    const verdict = limiter.take(peer.toString())
    if (verdict === 'ok') return handler(stream, connection)
    const reason = `${protocol}: more than ${limit.perSecond} streams a second (burst ${limit.burst})`
    stream.abort(new RateLimitedError(reason))
    reportRefusal(hooks, protocol, peer, verdict, reason)
  }
}
