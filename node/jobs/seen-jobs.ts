import { Key, type Datastore } from 'interface-datastore'
import { JOB_ID_MAX_AGE_MS, JOB_ID_MAX_AHEAD_MS, jobIdHex, jobIdTime } from './job-id.js'

const PREFIX = '/escrin/jobs/seen'
/** Ids remembered at most; past this the runner refuses new jobs rather than forget (fail closed). */
export const MAX_SEEN_JOBS = 200_000
/**
 * A full table is scanned for stale ids at most this often: once full of ids
 * still in their window, a scan per claim would spend the runner's CPU on
 * 200,000 entries for every job offered, and find nothing to drop.
 */
const FULL_PRUNE_INTERVAL_MS = 1_000

/**
 * The job ids this runner has accepted within the job-id window, persisted so
 * that a restart does not reopen the door to replays. Ids older than the
 * window are dropped: job-id.ts refuses them anyway.
 */
export class SeenJobs {
  private readonly seen = new Map<string, number>()
  private pruneTimer?: ReturnType<typeof setInterval>
  private fullPrunedAt = -Infinity

  constructor (private readonly datastore?: Datastore, private readonly now: () => number = Date.now, private readonly max = MAX_SEEN_JOBS) {}

  async start (): Promise<void> {
    if (this.datastore != null) {
      const stale: Key[] = []
      for await (const { key, value } of this.datastore.query({ prefix: PREFIX })) {
        const time = Number(new TextDecoder().decode(value))
        if (Number.isFinite(time) && time >= this.now() - JOB_ID_MAX_AGE_MS) this.seen.set(key.baseNamespace(), time)
        else stale.push(key)
      }
      for (const key of stale) await this.datastore.delete(key)
    }
    this.pruneTimer = setInterval(() => { void this.prune() }, 60_000)
    this.pruneTimer.unref?.()
  }

  stop (): void {
    clearInterval(this.pruneTimer)
  }

  get size (): number {
    return this.seen.size
  }

  /** Records the id; false when it was seen before (a replay) or the table is full. */
  async claim (id: Uint8Array): Promise<'new' | 'seen' | 'full'> {
    const hex = jobIdHex(id)
    if (this.seen.has(hex)) return 'seen'
    if (this.seen.size >= this.max) {
      if (this.now() - this.fullPrunedAt >= FULL_PRUNE_INTERVAL_MS) {
        this.fullPrunedAt = this.now()
        await this.prune()
      }
      if (this.seen.size >= this.max) return 'full'
    }
    const time = jobIdTime(id)
    this.seen.set(hex, time)
    // persisted before the job runs: a crash after this point cannot lead to a second run
    await this.datastore?.put(new Key(`${PREFIX}/${hex}`), new TextEncoder().encode(String(time)))
    return 'new'
  }

  private async prune (): Promise<void> {
    const cutoff = this.now() - JOB_ID_MAX_AGE_MS - JOB_ID_MAX_AHEAD_MS
    for (const [hex, time] of this.seen) {
      if (time >= cutoff) continue
      this.seen.delete(hex)
      await Promise.resolve(this.datastore?.delete(new Key(`${PREFIX}/${hex}`))).catch(() => {})
    }
  }
}
