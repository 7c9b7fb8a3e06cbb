import { PeerRateLimiter, type RateLimit } from './rate-limiter.js'
import type { PeerId, StreamHandler } from '@libp2p/interface'

/** A stream refused because its opener is over its rate for the protocol. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError'
}

/**
 * `handler` behind a per-peer limit on new streams: a stream over the
 * opener's rate is reset before a byte of it is read (the cheapest refusal:
 * no decode, no signature check, no disk), and `refused` is told, with
 * whether the opener has now earned a penalty (see PeerRateLimiter).
 */
export function limitStreams (protocol: string, limit: RateLimit, handler: StreamHandler, refused: (peer: PeerId, penalise: boolean, reason: string) => void): StreamHandler {
  const limiter = new PeerRateLimiter(limit)
  return (stream, connection) => {
    const peer = connection.remotePeer
    const verdict = limiter.take(peer.toString())
    if (verdict === 'ok') return handler(stream, connection)
    const reason = `${protocol}: more than ${limit.perSecond} streams a second (burst ${limit.burst})`
    stream.abort(new RateLimitedError(reason))
    refused(peer, verdict === 'penalise', reason)
  }
}
