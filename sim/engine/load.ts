import type { BlobDeleteResult, BlobGetResult, BlobPutResult, JobResult, KeyResult } from '../runtime/protocol.js'
import type { TimelineEvent } from '../scenario/index.js'

type LoadEvent = Extract<TimelineEvent, { do: 'load' }>

/** One request of a load: a job, a key release, a blob put, read or deletion, as the client saw it. */
export interface RequestRecord {
  kind: 'jobs' | 'keys' | 'blob-put' | 'blob-get' | 'blob-delete'
  /** When it was sent (ms since the run started). */
  at: number
  client: string
  ok: boolean
  latencyMs: number
  code?: string
  runner?: string
  /**
   * For key releases: whether the truth puts the requester in the app's scope (a refusal is then the right answer).
   * For blob reads: false when the blob was deleted while the read ran.
   */
  expectedOk: boolean
  /** Blob puts and reads: the blob. */
  cid?: string
}

/** A blob a load put and a quorum of holders committed: reads of it must return its bytes. */
export interface AckedBlob {
  cid: string
  size: number
  seed: string
  /** The holders that committed it. */
  replicas: string[]
  at: number
}

/** A blob the load's app owner deleted: no node may serve it again. */
export interface DeletedBlob extends AckedBlob {
  deletedAt: number
  /**
   * Every storage node was up from the deletion's start to its end, so each
   * copy was asked to go: the blob must never be readable again. Otherwise a
   * holder that was away keeps its copy until it hears of the deletion.
   */
  everyHolderAsked: boolean
}

/** Requests in flight per load at most; beyond it a tick is skipped and counted (a run must not snowball). */
const MAX_IN_FLIGHT = 64

export interface LoadDriver {
  /** The policy id to use now, resolved at each request (an update changes it mid-load). */
  policyId(app: string, name: string): string | undefined
  /** Clients of `from` that are up. */
  upClients(from: string[]): string[]
  pick<T>(items: T[]): T | undefined
  submitJob(client: string, policyId: string, event: LoadEvent, seq: number): Promise<JobResult>
  releaseKey(client: string, event: LoadEvent): Promise<KeyResult>
  putBlob(client: string, policyId: string, size: number, seed: string): Promise<BlobPutResult>
  getBlob(client: string, blob: AckedBlob): Promise<BlobGetResult>
  /** The owner of the load's app deletes `blob`, through `client`. */
  deleteBlob(client: string, event: LoadEvent, blob: AckedBlob): Promise<BlobDeleteResult>
  /** Whether every storage node that has started is up now. */
  storageAllUp(): boolean
  /** A number in [0, 1) from the run's seeded generator. */
  chance(): number
  /** Whether `client` should get the key, by the truth (it is in the app's scope). */
  expectsKey(client: string, event: LoadEvent): boolean
  elapsed(): number
}

/**
 * Open-loop load at a fixed rate: one request every 1/rate seconds from a
 * client chosen among the live nodes of `from`, whatever the previous ones
 * are doing (as real clients do), bounded by MAX_IN_FLIGHT.
 */
export class LoadGenerator {
  readonly records: RequestRecord[] = []
  /** Blobs this load put that were acknowledged and not deleted (blob loads). */
  readonly blobs: AckedBlob[] = []
  /** Blobs this load's owner deleted (the deletion answered). */
  readonly deleted: DeletedBlob[] = []
  /** CIDs whose deletion has started: a read of one that fails was not expected to succeed. */
  private readonly deleting = new Set<string>()
  skipped = 0
  private timer?: ReturnType<typeof setInterval>
  private inFlight = 0
  private seq = 0
  private readonly pending = new Set<Promise<void>>()
  private stopAt = Infinity

  constructor (readonly event: LoadEvent, private readonly driver: LoadDriver) {}

  start (): void {
    const now = this.driver.elapsed()
    if (this.event.durationMs != null) this.stopAt = now + this.event.durationMs
    this.timer = setInterval(() => { this.tick() }, 1000 / this.event.ratePerSec)
  }

  private tick (): void {
    if (this.driver.elapsed() >= this.stopAt) {
      this.stop()
      return
    }
    if (this.inFlight >= MAX_IN_FLIGHT) {
      this.skipped++
      return
    }
    const client = this.driver.pick(this.driver.upClients(this.event.from))
    if (client == null) {
      this.skipped++
      return
    }
    const at = this.driver.elapsed()
    this.inFlight++
    const request = this.send(client, at).finally(() => {
      this.inFlight--
      this.pending.delete(request)
    })
    this.pending.add(request)
  }

  private async send (client: string, at: number): Promise<void> {
    const { event, driver } = this
    if (event.kind === 'jobs') {
      const policyId = driver.policyId(event.app, event.policy)
      if (policyId == null) return
      const result = await driver.submitJob(client, policyId, event, this.seq++).catch((err: Error): JobResult => ({ ok: false, code: 'SIM_ERROR', message: err.message, latencyMs: 0 }))
      this.records.push({ kind: 'jobs', at, client, ok: result.ok, latencyMs: result.latencyMs, expectedOk: true, ...(result.ok ? { runner: result.runner } : { code: result.code }) })
    } else if (event.kind === 'blobs') {
      // the generator is drawn only by loads that delete: the others keep the sequence of their seed
      if (event.deleteShare > 0 && this.blobs.length > 0 && driver.chance() < event.deleteShare) {
        await this.deleteOne(client, at)
        return
      }
      // a read of a blob put before, or a new put: half and half once there is something to read
      const blob = this.blobs.length > 0 && driver.pick([true, false]) === true ? driver.pick(this.blobs) : undefined
      if (blob != null) {
        const result = await driver.getBlob(client, blob).catch((err: Error): BlobGetResult => ({ ok: false, code: 'SIM_ERROR', message: err.message, latencyMs: 0 }))
        const expectedOk = result.ok || !this.deleting.has(blob.cid)
        this.records.push({ kind: 'blob-get', at, client, ok: result.ok, latencyMs: result.latencyMs, expectedOk, cid: blob.cid, ...(result.ok ? {} : { code: result.code }) })
        return
      }
      const policyId = driver.policyId(event.app, event.policy)
      if (policyId == null) return
      const seed = `${event.app}/${event.policy}/${event.line}/${this.seq++}`
      const result = await driver.putBlob(client, policyId, event.sizeBytes, seed).catch((err: Error): BlobPutResult => ({ ok: false, code: 'SIM_ERROR', message: err.message, latencyMs: 0 }))
      this.records.push({ kind: 'blob-put', at, client, ok: result.ok, latencyMs: result.latencyMs, expectedOk: true, ...(result.ok ? { cid: result.cid } : { code: result.code }) })
      if (result.ok) this.blobs.push({ cid: result.cid, size: event.sizeBytes, seed, replicas: result.replicas, at })
    } else {
      const expectedOk = driver.expectsKey(client, event)
      const result = await driver.releaseKey(client, event).catch((err: Error): KeyResult => ({ ok: false, code: 'SIM_ERROR', message: err.message, latencyMs: 0 }))
      this.records.push({ kind: 'keys', at, client, ok: result.ok, latencyMs: result.latencyMs, expectedOk, ...(result.ok ? {} : { code: result.code }) })
    }
  }

  /**
   * The owner deletes a blob put before. It leaves the blobs to read at once
   * (before the deletion is sent); one whose deletion failed is in neither
   * list: some holders may have removed it, others not.
   */
  private async deleteOne (client: string, at: number): Promise<void> {
    const blob = this.driver.pick(this.blobs) as AckedBlob
    this.blobs.splice(this.blobs.indexOf(blob), 1)
    this.deleting.add(blob.cid)
    const upBefore = this.driver.storageAllUp()
    const result = await this.driver.deleteBlob(client, this.event, blob).catch((err: Error): BlobDeleteResult => ({ ok: false, code: 'SIM_ERROR', message: err.message, latencyMs: 0 }))
    this.records.push({ kind: 'blob-delete', at, client, ok: result.ok, latencyMs: result.latencyMs, expectedOk: true, cid: blob.cid, ...(result.ok ? {} : { code: result.code }) })
    if (result.ok) this.deleted.push({ ...blob, deletedAt: this.driver.elapsed(), everyHolderAsked: upBefore && this.driver.storageAllUp() })
  }

  stop (): void {
    clearInterval(this.timer)
    this.timer = undefined
  }

  /** Stops sending and waits for the requests in flight. */
  async drain (): Promise<void> {
    this.stop()
    await Promise.allSettled([...this.pending])
  }
}
