/**
 * The verdict on a gossip message that is not accepted. REJECT is for what is
 * provably invalid (bad signature, malformed bytes): it penalises the peer that
 * forwarded it, so an honest relay of a merely stale message must get IGNORE.
 */
export type GossipVerdict = 'IGNORE' | 'REJECT'

export class GossipValidationError extends Error {
  override readonly name = 'GossipValidationError'
  constructor (readonly verdict: GossipVerdict, readonly code: string, message: string) {
    super(message)
  }
}

export const ignore = (code: string, message: string): GossipValidationError => new GossipValidationError('IGNORE', code, message)
export const reject = (code: string, message: string): GossipValidationError => new GossipValidationError('REJECT', code, message)
