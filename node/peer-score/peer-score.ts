import {
  SCORE_BAN_DURATION_MS, SCORE_BAN_THRESHOLD, SCORE_DISCONNECT_THRESHOLD, SCORE_GOSSIP_TOLERANCE, SCORE_HALF_LIFE_MS, SCORE_MAX_PEERS
} from '../constants.js'

/**
 * What a peer did. Every score change goes through one of these, so the
 * deltas live in one table and each action is countable as a metric label.
 */
export enum PeerAction {
  /** Undecodable or oversize bytes on an escrin protocol: no honest peer sends them. */
  MalformedMessage = 'malformed_message',
  /** A well-formed message that breaks the protocol (wrong network, bad signature). */
  ProtocolViolation = 'protocol_violation',
  /** Did not answer within the deadline: could be a slow link or a busy machine, so a small penalty. */
  Timeout = 'timeout',
  /** Gossip the validator rejected as provably invalid. */
  InvalidGossip = 'invalid_gossip',
  /** Too many requests in too short a time. */
  RateLimited = 'rate_limited'
}

const DELTA: Record<PeerAction, number> = {
  [PeerAction.MalformedMessage]: -60,
  [PeerAction.ProtocolViolation]: -40,
  // A timeout is weak evidence: an honest peer on a saturated machine misses
  // deadlines too. At -5 a few missed Hello deadlines took honest peers below
  // gossipsub's gossip threshold (-10: this score is its app-specific score),
  // and ten within a half-life disconnected them: a busy 100-node simulation
  // logged hundreds of such timeouts between honest nodes. At -1 that takes 10 and
  // 50 within a half-life; hostile traffic (malformed, invalid) still costs 20-60 at once.
  [PeerAction.Timeout]: -1,
  [PeerAction.InvalidGossip]: -20,
  [PeerAction.RateLimited]: -10
}

export type ScoreVerdict = 'ok' | 'disconnect' | 'ban'

/**
 * The app-specific score gossipsub gets for a peer with this node's `score`.
 * Gossipsub prunes a peer with any negative score from its meshes at every
 * heartbeat and refuses its GRAFTs, and a decaying penalty stays negative
 * (-1 is still -0.001 after ten half-lives). Timeouts are weak evidence (an
 * honest peer on a busy machine misses deadlines), so a few of them do not
 * reach gossipsub; one hostile act (-10 or worse) does, in full. A 100-node
 * simulation's formation logs hundreds to over a thousand missed Hello
 * deadlines between honest nodes; passed on, each kept the late peer out of
 * the penalising node's meshes for hours.
 */
export function gossipAppScore (score: number, tolerance = SCORE_GOSSIP_TOLERANCE): number {
  return score > -tolerance ? 0 : score
}

export interface PeerScoreInit {
  halfLifeMs?: number
  disconnectThreshold?: number
  banThreshold?: number
  banDurationMs?: number
  maxPeers?: number
  /** The clock, injectable so decay can be tested without waiting. */
  now?: () => number
}

interface Entry { score: number, updatedAt: number, bannedUntil: number }

/**
 * Application-level peer scores: penalties that decay exponentially toward 0
 * (so an honest peer with a bad moment recovers) and thresholds that tell the
 * caller to disconnect or ban. Bounded: past maxPeers the least recently
 * touched unbanned entry is forgotten first, so a sybil flood cannot grow it.
 */
export class PeerScores {
  private readonly entries = new Map<string, Entry>()
  private readonly halfLifeMs: number
  private readonly disconnectThreshold: number
  private readonly banThreshold: number
  private readonly banDurationMs: number
  private readonly maxPeers: number
  private readonly now: () => number

  constructor (init: PeerScoreInit = {}) {
    this.halfLifeMs = init.halfLifeMs ?? SCORE_HALF_LIFE_MS
    this.disconnectThreshold = init.disconnectThreshold ?? SCORE_DISCONNECT_THRESHOLD
    this.banThreshold = init.banThreshold ?? SCORE_BAN_THRESHOLD
    this.banDurationMs = init.banDurationMs ?? SCORE_BAN_DURATION_MS
    this.maxPeers = init.maxPeers ?? SCORE_MAX_PEERS
    this.now = init.now ?? Date.now
  }

  static delta (action: PeerAction): number {
    return DELTA[action]
  }

  /** Records an action and returns what the caller should do about the peer. */
  apply (peerId: string, action: PeerAction): ScoreVerdict {
    const now = this.now()
    const entry = this.decayed(peerId, now) ?? { score: 0, updatedAt: now, bannedUntil: 0 }
    entry.score += DELTA[action]
    entry.updatedAt = now
    if (entry.score <= this.banThreshold) entry.bannedUntil = now + this.banDurationMs
    this.entries.delete(peerId) // re-insert: Map order is then least recently touched first
    this.entries.set(peerId, entry)
    this.prune()
    return this.verdictOf(entry, now)
  }

  score (peerId: string): number {
    return this.decayed(peerId, this.now())?.score ?? 0
  }

  isBanned (peerId: string): boolean {
    return (this.entries.get(peerId)?.bannedUntil ?? 0) > this.now()
  }

  verdict (peerId: string): ScoreVerdict {
    const now = this.now()
    const entry = this.decayed(peerId, now)
    return entry == null ? 'ok' : this.verdictOf(entry, now)
  }

  get size (): number {
    return this.entries.size
  }

  private verdictOf (entry: Entry, now: number): ScoreVerdict {
    if (entry.bannedUntil > now) return 'ban'
    if (entry.score <= this.disconnectThreshold) return 'disconnect'
    return 'ok'
  }

  private decayed (peerId: string, now: number): Entry | undefined {
    const entry = this.entries.get(peerId)
    if (entry == null) return undefined
    const elapsed = now - entry.updatedAt
    if (elapsed > 0) {
      entry.score *= Math.pow(0.5, elapsed / this.halfLifeMs)
      entry.updatedAt = now
    }
    return entry
  }

  private prune (): void {
    while (this.entries.size > this.maxPeers) {
      // Drop the least recently touched entry that is not banned; if all are
      // banned, the oldest ban goes (bans outliving the table are not worth unbounded memory).
      let victim: string | undefined
      for (const [id, entry] of this.entries) {
        if (entry.bannedUntil <= this.now()) { victim = id; break }
      }
      victim ??= this.entries.keys().next().value
      if (victim === undefined) return
      this.entries.delete(victim)
    }
  }
}
