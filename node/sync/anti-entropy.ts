import { ANTI_ENTROPY_FIRST_MS, ANTI_ENTROPY_MAX_INTERVAL_MS } from '../constants.js'
import type { PeerId } from '@libp2p/interface'

export interface AntiEntropyInit {
  /** Delay of the first round after start; each round doubles it up to maxIntervalMs. */
  firstMs?: number
  maxIntervalMs?: number
}

/**
 * Periodic pull sync with one random connected peer: the repair path for a
 * record that neither gossip nor the sync on connect delivered.
 *
 * Gossip reaches the nodes subscribed when a record is published (and, by
 * IHAVE, those that subscribe within a few heartbeats), and a new connection
 * syncs both ways. A node that joins while another does falls between the
 * two: its connections were synced before its peers had the other's record,
 * and it subscribed too late for the gossip. It would then miss that record
 * until its next re-publication (half its validity, minutes). A round costs
 * one stream and, by set difference, nothing more when the two are in sync.
 */
export class AntiEntropy {
  private readonly init: Required<AntiEntropyInit>
  private timer?: ReturnType<typeof setTimeout>
  private intervalMs = 0
  private running = false

  constructor (
    private readonly peers: () => PeerId[],
    private readonly sync: (peer: PeerId) => Promise<void>,
    init: AntiEntropyInit = {}
  ) {
    this.init = { firstMs: ANTI_ENTROPY_FIRST_MS, maxIntervalMs: ANTI_ENTROPY_MAX_INTERVAL_MS, ...init }
  }

  start (): void {
    if (this.running) return
    this.running = true
    // a node that just started is the one most likely to have missed something: check soon, then ever less often
    this.intervalMs = this.init.firstMs
    this.schedule()
  }

  stop (): void {
    this.running = false
    clearTimeout(this.timer)
    this.timer = undefined
  }

  /** Syncs with one random connected peer now; resolves with the peer asked, if any. */
  async round (): Promise<PeerId | undefined> {
    const peers = this.peers()
    if (peers.length === 0) return undefined
    const peer = peers[Math.floor(Math.random() * peers.length)]
    // the sync reports its own failures (penalties, logs); a failed round is simply followed by the next
    await this.sync(peer).catch(() => {})
    return peer
  }

  private schedule (): void {
    if (!this.running) return
    // jittered, so the rounds of nodes that started together spread out
    const delay = this.intervalMs * (0.5 + Math.random())
    this.intervalMs = Math.min(this.intervalMs * 2, this.init.maxIntervalMs)
    this.timer = setTimeout(() => {
      void this.round().finally(() => { this.schedule() })
    }, delay)
    this.timer.unref?.()
  }
}
