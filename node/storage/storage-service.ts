import { peerIdFromMultihash, peerIdFromString } from '@libp2p/peer-id'
import * as Digest from 'multiformats/hashes/digest'
import {
  BLOB_PROTOCOL, BLOB_WINDOW_CHUNKS, BlobError, decodeBlobFrame, decodeBlobRequest, deletionApp, deletionCovers, encodeBlobFrame, encodeBlobResponse,
  failureFromBlobError, MAX_HELD_DELETIONS, parseBlobCid, verifyBlobDeletion, type BlobDeletion, type BlobRequest, type BlobResponse
} from '../../protocol/blob/index.js'
import { lineageKey } from '../../protocol/policy/index.js'
import { WireError } from '../../protocol/wire/index.js'
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../constants.js'
import { limitStreams, PeerAction } from '../peer-score/index.js'
import { asPeerFault, BLOB_CHUNK_TIMEOUT_MS, BLOB_HEADER_TIMEOUT_MS, BlobPeerFault, blobFrames, blobRequestFrames, chunkFrameList, type BlobSink } from './transport.js'
import { BlobStore, createdAtOf, type BlobMeta, type BlobWriter } from './blob-store.js'
import { DeletionLog } from './deletions.js'
import { TransferBudget } from './transfer-budget.js'
import { formatByteSize } from '../config/units.js'
import { statfs } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { AttestationService } from '../attestations/index.js'
import type { Host } from '../host/index.js'
import { isOversizeFrame, type LengthPrefixed } from '../host/length-prefixed.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { InboundObserver } from '../observe/index.js'
import type { PolicyService } from '../policies/index.js'
import type { Connection, PeerId, Stream } from '@libp2p/interface'
import type { Datastore } from 'interface-datastore'
import type { CID } from 'multiformats/cid'

export interface StorageLimits {
  /** The largest blob this node stores. */
  maxBlobBytes: number
  /** Bytes stored for one app (policy owner and name), all its blobs together. */
  appQuotaBytes: number
  /** Bytes stored on behalf of one uploading peer. */
  peerQuotaBytes: number
  /**
   * Buffer memory all the puts and gets this node serves may hold at once
   * (each its window of chunks, 8 MiB, or its size if smaller); a transfer
   * past it is refused BUSY and its client goes to the next holder.
   */
  transferBufferBytes: number
  /** Bytes of blobs this node stores in all (Infinity: as much as the disk takes, down to its reserve). */
  capacityBytes: number
  /** Free disk space a put must leave on the disk holding the blobs: a full disk fails writes the node needs too. */
  diskReserveBytes: number
}

export const DEFAULT_STORAGE_LIMITS: StorageLimits = {
  maxBlobBytes: 256 * 1024 * 1024,
  appQuotaBytes: 2 * 1024 * 1024 * 1024,
  peerQuotaBytes: 4 * 1024 * 1024 * 1024,
  // 32 large transfers at once, any number of small ones
  transferBufferBytes: 256 * 1024 * 1024,
  capacityBytes: Infinity,
  diskReserveBytes: 1024 * 1024 * 1024
}

export interface StorageComponents {
  host: Host
  attestations: AttestationService
  policies: PolicyService
  datastore: Datastore
  /** Where blob files go (the data dir's blobs/); without one, blobs are datastore values (in-memory nodes). */
  blobDir?: string
  penalise: (peer: PeerId, action: PeerAction, reason: string) => void
  logger: Logger
  metrics?: NodeMetrics
  /** What one peer may ask of this node (default DEFAULT_RATE_LIMITS; --rate-limit). */
  rateLimits?: RateLimits
  inbound?: InboundObserver
}

/** What a holder did with one request: kept (bounded) for tests and operators. */
export interface StorageEvent { kind: 'put' | 'get' | 'replicas' | 'delete' | 'drop', peer: string, cid?: string, policyId?: string, result: string }

/**
 * The storage role's serving side of `/escrin/blob/1`: stores a blob only
 * when this node is itself in the policy's scope (by its own verified view)
 * and the blob fits the size limit and the app's and uploader's quotas;
 * commits it only once every byte hashes to the CID; serves only verified
 * chunks; and announces what it holds as a DHT provider record.
 */
export class StorageService {
  /** Byzantine behaviour for the simulator and tests: serve chunks with a flipped byte; ignore owners' deletions. Off on every real node. */
  readonly faults = { corruptBlob: false, keepDeleted: false }
  readonly store: BlobStore
  /** The owners' deletions applied here, remembered so that what they removed is not copied back. */
  readonly deletions: DeletionLog
  readonly limits: StorageLimits
  private readonly log: Logger
  private readonly reservedByApp = new Map<string, number>()
  private readonly reservedByPeer = new Map<string, number>()
  /** Bytes of the uploads streaming now, all apps together: the capacity and disk checks count them as stored. */
  private reservedTotal = 0
  private readonly transfers: TransferBudget
  private readonly events: StorageEvent[] = []
  /** Provider announcements of blobs stored here, still running. */
  private readonly announcing = new Set<Promise<void>>()
  private accepting = false

  private readonly rateLimits: RateLimits

  constructor (private readonly components: StorageComponents, limits: Partial<StorageLimits> = {}) {
    this.store = new BlobStore(components.datastore, components.blobDir)
    this.deletions = new DeletionLog(components.datastore)
    this.limits = { ...DEFAULT_STORAGE_LIMITS, ...limits }
    this.transfers = new TransferBudget(this.limits.transferBufferBytes)
    this.log = components.logger.child('storage')
    this.rateLimits = components.rateLimits ?? DEFAULT_RATE_LIMITS
    this.handle = this.handle.bind(this)
  }

  async register (): Promise<void> {
    await this.components.host.handle(BLOB_PROTOCOL, limitStreams(BLOB_PROTOCOL, this.rateLimits.blobs, this.handle, this.components), { maxInboundStreams: 64, maxOutboundStreams: 256 })
  }

  async start (): Promise<void> {
    const { blobs, swept, io } = await this.store.start()
    await this.deletions.start()
    if (swept > 0) this.log.info('removed the bytes of uploads cut short', { uploads: swept })
    this.accepting = true
    this.log.debug('blob store open', { blobs, io })
    // provider records live in the DHT's peers, who may have restarted too: announce again
    void (async () => {
      for (const meta of this.store.list()) {
        if (!this.accepting) return
        await this.provide(parseBlobCid(meta.cid))
      }
    })()
  }

  async stop (): Promise<void> {
    this.accepting = false
    await this.components.host.unhandle(BLOB_PROTOCOL).catch(() => {})
  }

  history (): StorageEvent[] {
    return [...this.events]
  }

  /** The app a policy belongs to (owner/name), which quotas count against. */
  appOf (policyId: string): string | undefined {
    const policy = this.components.policies.store.get(policyId)?.policy
    return policy != null ? lineageKey(policy.owner, policy.name) : undefined
  }

  /**
   * The policy a held blob answers to now: the latest version this node knows
   * of its app's policy (owner and name). A blob is stored under the version
   * current at its put; when the owner publishes a new version (a new id, and
   * the old one's scope is dropped) the app's blobs move into the new
   * version's scope: they are served, repaired and read there.
   */
  currentPolicyOf (meta: { app: string, policyId: string }): string {
    // the app's lineage key (lineageKey): an address, which has no slash, then the name
    const slash = meta.app.indexOf('/')
    return this.components.policies.store.latest(meta.app.slice(0, slash), meta.app.slice(slash + 1))?.id ?? meta.policyId
  }

  /** Whether `peerId` is in the storage scope of `policyId` by this node's view (this node included). */
  inStorageScope (policyId: string, peerId: string): boolean {
    return this.components.attestations.scopes.inScope(policyId, peerId) &&
      this.components.attestations.recordOf(peerId)?.roles.includes('storage') === true
  }

  private async handle (stream: Stream, connection: Connection): Promise<void> {
    const peer = connection.remotePeer
    const lp = blobRequestFrames(stream)
    let request: BlobRequest
    try {
      request = decodeBlobRequest((await lp.read({ signal: AbortSignal.timeout(BLOB_HEADER_TIMEOUT_MS) })).subarray())
    } catch (err) {
      if (err instanceof WireError) {
        await this.reply(lp, stream, { failure: failureFromBlobError(new BlobError('MALFORMED', err.message)) })
        this.components.penalise(peer, PeerAction.MalformedMessage, `blob: ${err.message}`)
      } else {
        stream.abort(err as Error)
        if (isOversizeFrame(err)) this.components.penalise(peer, PeerAction.MalformedMessage, 'blob: frame over the bound')
      }
      return
    }
    try {
      if ('put' in request) await this.servePut(lp, stream, peer, request.put)
      else if ('get' in request) await this.serveGet(lp, stream, peer, request.get.cid, request.get.fromChunk ?? 0)
      else if ('has' in request) await this.reply(lp, stream, { held: request.has.cids.filter(cid => this.store.has(cid.toString())), deletions: this.deletionsOf(request.has.cids) }, true)
      else if ('delete' in request) await this.reply(lp, stream, await this.serveDelete(peer, request.delete), true)
      else await this.reply(lp, stream, await this.serveReplicas(peer, request.replicas.cid, request.replicas.replicas), true)
    } catch (err) {
      this.log.debug('blob stream failed', { peer, err })
      stream.abort(err as Error)
    }
  }

  private async reply (lp: LengthPrefixed, stream: Stream, response: BlobResponse, close = true): Promise<void> {
    try {
      await lp.write(encodeBlobResponse(response), { signal: AbortSignal.timeout(BLOB_HEADER_TIMEOUT_MS) })
      if (close) await stream.close({ signal: AbortSignal.timeout(BLOB_HEADER_TIMEOUT_MS) })
    } catch (err) {
      stream.abort(err as Error)
    }
  }

  /** Checks a put before any data flows; the BlobError to refuse it with, if any. */
  private admit (peer: string, put: { policyId: string, size: number }, checkQuota = true): BlobError | undefined {
    if (!this.accepting) return new BlobError('SHUTTING_DOWN', 'this node is stopping')
    const self = this.components.host.peerId.toString()
    const app = this.appOf(put.policyId)
    if (app == null || !this.components.attestations.scopes.hasPolicy(put.policyId)) return new BlobError('OUT_OF_SCOPE', `this node does not know policy ${put.policyId}`)
    if (!this.inStorageScope(put.policyId, self)) {
      const why = this.components.attestations.scopes.explain(put.policyId).find(e => e.peerId === self)
      return new BlobError('OUT_OF_SCOPE', `this node is not in the storage scope of ${put.policyId}${why != null && !why.admitted ? `: ${why.reason}` : ''}`)
    }
    if (!checkQuota) return undefined
    if (put.size > this.limits.maxBlobBytes) return new BlobError('TOO_LARGE', `${put.size} bytes; this node stores blobs of at most ${this.limits.maxBlobBytes}`)
    const appUsed = this.store.appUsage(app) + (this.reservedByApp.get(app) ?? 0)
    if (appUsed + put.size > this.limits.appQuotaBytes) return new BlobError('QUOTA_EXCEEDED', `app ${app} would use ${appUsed + put.size} bytes here; its quota is ${this.limits.appQuotaBytes}`)
    const peerUsed = this.store.uploaderUsage(peer) + (this.reservedByPeer.get(peer) ?? 0)
    if (peerUsed + put.size > this.limits.peerQuotaBytes) return new BlobError('QUOTA_EXCEEDED', `peer ${peer} would have ${peerUsed + put.size} bytes stored here; its quota is ${this.limits.peerQuotaBytes}`)
    const used = this.store.totals().bytes + this.reservedTotal
    if (used + put.size > this.limits.capacityBytes) return new BlobError('QUOTA_EXCEEDED', `this node is full: it stores ${formatByteSize(used)} of its ${formatByteSize(this.limits.capacityBytes)}`)
    return undefined
  }

  /**
   * Whether the disk holding the blobs has room for `size` more bytes and the
   * reserve, counting the uploads still streaming; the refusal if not. Asked
   * of the file system at each put (other data shares the disk).
   */
  private async diskRoom (size: number): Promise<BlobError | undefined> {
    const dir = this.components.blobDir
    if (dir == null) return undefined
    let free: number
    try {
      const fs = await statfs(dir)
      free = fs.bavail * fs.bsize
    } catch {
      // the directory is made at the first write: before it, its parent's disk is the one that counts
      try {
        const fs = await statfs(dirname(dir))
        free = fs.bavail * fs.bsize
      } catch {
        return undefined
      }
    }
    const left = free - this.reservedTotal - size
    if (left < this.limits.diskReserveBytes) return new BlobError('QUOTA_EXCEEDED', `this node's disk is full: ${formatByteSize(Math.max(0, free - this.reservedTotal))} free, and it keeps ${formatByteSize(this.limits.diskReserveBytes)} in reserve`)
    return undefined
  }

  private async servePut (lp: LengthPrefixed, stream: Stream, peer: PeerId, put: Extract<BlobRequest, { put: unknown }>['put']): Promise<void> {
    const from = peer.toString()
    this.components.inbound?.emitInbound({ kind: 'blob', from, policyId: put.policyId })
    if (!this.components.attestations.scopes.hasPolicy(put.policyId)) await this.components.policies.find(put.policyId)
    const refused = this.admit(from, put)
    if (refused != null) {
      this.record({ kind: 'put', peer: from, policyId: put.policyId, result: refused.code })
      await this.reply(lp, stream, { failure: failureFromBlobError(refused) })
      return
    }
    // admitted: the policy, and so its app, is known
    const app = this.appOf(put.policyId) as string
    const deleted = put.cid != null ? this.deletedCopy(put.cid.toString(), app, put.createdAtMs ?? Date.now()) : undefined
    if (deleted != null) {
      this.record({ kind: 'put', peer: from, cid: put.cid?.toString(), policyId: put.policyId, result: deleted.code })
      await this.reply(lp, stream, { failure: failureFromBlobError(deleted) })
      return
    }
    if (put.cid != null && this.store.has(put.cid.toString())) {
      await this.store.setReplicas(put.cid.toString(), [...(this.store.meta(put.cid.toString())?.replicas ?? []), ...replicaIds(put.replicas)])
      this.record({ kind: 'put', peer: from, cid: put.cid.toString(), policyId: put.policyId, result: 'have' })
      await this.reply(lp, stream, { have: true })
      return
    }
    // the disk is asked last (a copy held already needs no room), then the quotas again: nothing waits between them and the reservation
    const full = await this.diskRoom(put.size) ?? this.admit(from, put)
    if (full != null) {
      this.record({ kind: 'put', peer: from, policyId: put.policyId, result: full.code })
      await this.reply(lp, stream, { failure: failureFromBlobError(full) })
      return
    }
    const releaseBuffers = this.transfers.take(put.size)
    if (releaseBuffers == null) {
      this.record({ kind: 'put', peer: from, policyId: put.policyId, result: 'BUSY' })
      await this.reply(lp, stream, { failure: failureFromBlobError(this.busy()) })
      return
    }
    // admitted: the chunks come a window at a time, which the request's small buffer cannot hold (unread bytes carry over)
    lp.unwrap()
    const data = blobFrames(stream)
    let outcome: CID | BlobError
    try {
      outcome = await this.withReservation(app, from, put.size, async () => await this.receive(data, stream, peer, put, app))
    } finally {
      releaseBuffers()
    }
    if (outcome instanceof BlobError) {
      this.record({ kind: 'put', peer: from, policyId: put.policyId, result: outcome.code })
      if (outcome.code === 'CORRUPTED' || outcome.code === 'MALFORMED' || outcome.code === 'TOO_LARGE') this.components.penalise(peer, PeerAction.ProtocolViolation, `blob put: ${outcome.message}`)
      return
    }
    this.record({ kind: 'put', peer: from, cid: outcome.toString(), policyId: put.policyId, result: 'stored' })
    this.announce(outcome)
  }

  /** Reads the chunks of an admitted put into a writer; the stored CID, or the error it was refused with. */
  private async receive (lp: LengthPrefixed, stream: Stream, peer: PeerId, put: Extract<BlobRequest, { put: unknown }>['put'], app: string): Promise<CID | BlobError> {
    const self = this.components.host.peerId.toString()
    const createdAt = put.createdAtMs
    const writer = this.store.writer({ policyId: put.policyId, app, size: put.size, replicas: [...new Set([...replicaIds(put.replicas), self])].sort(), uploader: peer.toString(), ...(createdAt != null ? { createdAt } : {}) })
    try {
      await lp.write(encodeBlobResponse({ ready: true }), { signal: AbortSignal.timeout(BLOB_HEADER_TIMEOUT_MS) })
      while (true) {
        // a chunk stays in the pieces it arrived in: hashed and written to its file without a copy
        const frame = decodeBlobFrame(await lp.read({ signal: AbortSignal.timeout(BLOB_CHUNK_TIMEOUT_MS) }))
        if ('chunk' in frame) {
          await writer.write(frame.chunk)
          await lp.write(encodeBlobResponse({ ok: true }), { signal: AbortSignal.timeout(BLOB_CHUNK_TIMEOUT_MS) })
          continue
        }
        if ('ack' in frame) throw new BlobError('MALFORMED', 'an ack in a put')
        const deleted = this.deletedCopy(frame.end.cid.toString(), app, createdAt ?? Date.now())
        if (deleted != null) throw deleted
        const cid = await writer.commit(frame.end.cid)
        await this.reply(lp, stream, { stored: cid })
        return cid
      }
    } catch (err) {
      await writer.abort()
      const blobError = err instanceof BlobError ? err : err instanceof WireError ? new BlobError('MALFORMED', err.message) : undefined
      if (blobError == null) {
        // the sender went away, stalled or overflowed its frame bound: nothing is kept, nothing to answer
        stream.abort(err as Error)
        if (isOversizeFrame(err)) this.components.penalise(peer, PeerAction.MalformedMessage, 'blob put: frame over the bound')
        return new BlobError('INTERNAL', (err as Error).message)
      }
      await this.reply(lp, stream, { failure: failureFromBlobError(blobError) })
      return blobError
    }
  }

  /** Quota space held for an upload while it streams, so parallel uploads cannot overrun a quota together. */
  private async withReservation<T> (app: string, peer: string, size: number, fn: () => Promise<T>): Promise<T> {
    const release = this.reserve(app, peer, size)
    try {
      return await fn()
    } finally {
      release()
    }
  }

  private reserve (app: string, peer: string, size: number): () => void {
    const add = (map: Map<string, number>, key: string, n: number): void => {
      const next = (map.get(key) ?? 0) + n
      if (next === 0) map.delete(key)
      else map.set(key, next)
    }
    add(this.reservedByApp, app, size)
    add(this.reservedByPeer, peer, size)
    this.reservedTotal += size
    let released = false
    return () => {
      if (released) return
      released = true
      add(this.reservedByApp, app, -size)
      add(this.reservedByPeer, peer, -size)
      this.reservedTotal -= size
    }
  }

  /**
   * A put from this node to itself (it is a holder in the scope it writes
   * to): the same admission checks and verified commit as a remote put,
   * without the network.
   */
  openLocal (put: { policyId: string, size: number, replicas: string[] }): BlobSink {
    return this.localSink(put, false)
  }

  /** Replaces a copy of a blob this node holds but found damaged: its quota is already counted. */
  openLocalRepair (put: { policyId: string, size: number, replicas: string[], uploader: string, createdAt?: number }): BlobSink {
    return this.localSink(put, true)
  }

  private localSink (put: { policyId: string, size: number, replicas: string[], uploader?: string, createdAt?: number }, repair: boolean): BlobSink {
    const self = this.components.host.peerId.toString()
    let writer: BlobWriter | undefined
    let release = (): void => {}
    return {
      peer: self,
      open: async () => {
        const refused = this.admit(self, put, !repair) ?? await this.diskRoom(put.size) ?? this.admit(self, put, !repair)
        if (refused != null) throw refused
        const app = this.appOf(put.policyId) as string
        if (!repair) release = this.reserve(app, self, put.size)
        writer = this.store.writer({ policyId: put.policyId, app, size: put.size, replicas: [...new Set([...put.replicas, self])].sort(), uploader: put.uploader ?? self, ...(put.createdAt != null ? { createdAt: put.createdAt } : {}) })
        return 'ready'
      },
      write: async chunk => { await writer?.write(chunk) },
      end: async cid => {
        try {
          const stored = await (writer as BlobWriter).commit(cid)
          this.record({ kind: 'put', peer: self, cid: stored.toString(), policyId: put.policyId, result: 'stored' })
          this.announce(stored)
          return stored
        } finally {
          release()
        }
      },
      abort: () => {
        void writer?.abort()
        release()
      }
    }
  }

  private async serveGet (lp: LengthPrefixed, stream: Stream, peer: PeerId, cid: CID, fromChunk: number): Promise<void> {
    const id = cid.toString()
    const meta = this.store.meta(id)
    if (meta == null || !this.store.has(id)) {
      this.record({ kind: 'get', peer: peer.toString(), cid: id, result: 'NOT_FOUND' })
      await this.reply(lp, stream, { failure: failureFromBlobError(new BlobError('NOT_FOUND', `this node does not hold ${id}${meta != null ? ' intact' : ''}`)) })
      return
    }
    const releaseBuffers = this.transfers.take(meta.size)
    if (releaseBuffers == null) {
      this.record({ kind: 'get', peer: peer.toString(), cid: id, result: 'BUSY' })
      await this.reply(lp, stream, { failure: failureFromBlobError(this.busy()) })
      return
    }
    try {
      await this.sendChunks(lp, stream, peer, cid, fromChunk, meta)
    } finally {
      releaseBuffers()
    }
  }

  private busy (): BlobError {
    return new BlobError('BUSY', `this node is serving ${formatByteSize(this.transfers.inUse)} of transfers, its limit; try another holder`)
  }

  /** A get's found header and verified chunks, then its end. */
  private async sendChunks (lp: LengthPrefixed, stream: Stream, peer: PeerId, cid: CID, fromChunk: number, meta: BlobMeta): Promise<void> {
    const id = cid.toString()
    await lp.write(encodeBlobResponse({ found: { policyId: this.currentPolicyOf(meta), size: meta.size, ...(meta.manifest != null ? { manifest: new Uint8Array(Buffer.from(meta.manifest, 'base64')) } : {}) } }), { signal: AbortSignal.timeout(BLOB_HEADER_TIMEOUT_MS) })
    try {
      // each chunk is verified by the store before it goes out; a damaged one ends the stream, never sent
      let unacked = 0
      for await (const chunk of this.store.read(id, fromChunk)) {
        // the reader acknowledges each chunk it takes: a slow reader slows this holder, not its buffers
        while (unacked >= BLOB_WINDOW_CHUNKS) {
          let frame
          try {
            frame = decodeBlobFrame(await lp.read({ signal: AbortSignal.timeout(BLOB_CHUNK_TIMEOUT_MS) }))
          } catch (err) {
            throw asPeerFault(err, 'an acknowledgement')
          }
          if (!('ack' in frame)) throw new BlobPeerFault(PeerAction.ProtocolViolation, 'expected an ack')
          unacked--
        }
        const out = this.faults.corruptBlob ? flipFirstByte(chunk) : chunk
        await lp.write(chunkFrameList(out), { signal: AbortSignal.timeout(BLOB_CHUNK_TIMEOUT_MS) })
        unacked++
      }
    } catch (err) {
      // the reader's fault, or else (a BlobError from the store) a copy that failed its verification
      this.record({ kind: 'get', peer: peer.toString(), cid: id, result: err instanceof BlobPeerFault ? 'MALFORMED' : err instanceof BlobError ? err.code : 'error' })
      if (err instanceof BlobPeerFault) this.components.penalise(peer, err.action, `blob get: ${err.message}`)
      else if (err instanceof BlobError) this.log.warn('a stored blob failed verification; not served', { cid: id, err: err.message })
      stream.abort(err as Error)
      return
    }
    await lp.write(encodeBlobFrame({ end: { cid } }), { signal: AbortSignal.timeout(BLOB_CHUNK_TIMEOUT_MS) })
    await stream.close({ signal: AbortSignal.timeout(BLOB_HEADER_TIMEOUT_MS) })
    this.record({ kind: 'get', peer: peer.toString(), cid: id, result: 'served' })
  }

  /** The repair leader's new replica list: taken only from a storage peer in the blob's scope. */
  private async serveReplicas (peer: PeerId, cid: CID, replicas: Uint8Array[]): Promise<BlobResponse> {
    const meta = this.store.meta(cid.toString())
    if (meta == null) return { failure: failureFromBlobError(new BlobError('NOT_FOUND', 'not held here')) }
    if (!this.inStorageScope(this.currentPolicyOf(meta), peer.toString())) return { failure: failureFromBlobError(new BlobError('OUT_OF_SCOPE', 'only a holder in the blob\'s storage scope may update its replicas')) }
    await this.store.setReplicas(cid.toString(), [...replicaIds(replicas), this.components.host.peerId.toString()])
    this.record({ kind: 'replicas', peer: peer.toString(), cid: cid.toString(), result: 'ok' })
    return { ok: true }
  }

  /**
   * Applies an owner's deletion: removes each named blob held here for its
   * app and created up to its date, forgets it in the DHT, and remembers the
   * deletion (DeletionLog). The signature is checked only when the deletion
   * names something held here, so one that names nothing costs nothing.
   * Returns the CIDs removed; a BlobError for a forged or future-dated one.
   */
  async applyDeletion (deletion: BlobDeletion, from: string = this.components.host.peerId.toString()): Promise<string[]> {
    if (this.faults.keepDeleted) return []
    // all of an app's blobs: the store is scanned only when the app has some here (the usage index says so at once)
    const held = deletion.all
      ? (this.store.appUsage(deletionApp(deletion)) > 0 ? this.store.list() : [])
      : deletion.cids.flatMap(cid => this.store.meta(cid) ?? [])
    const covered = held.filter(meta => deletionCovers(deletion, meta.cid, meta.app, createdAtOf(meta))).map(meta => meta.cid)
    if (covered.length === 0) return []
    await verifyBlobDeletion(deletion)
    // remembered first: a crash between the two leaves a deletion that removed less, never a blob that can come back
    await this.deletions.add(deletion)
    const removed: string[] = []
    for (const cid of covered) {
      // the same deletion may arrive from several peers at once: each blob is removed, and reported, once
      if (this.store.meta(cid) == null) continue
      await this.remove(cid, { kind: 'delete', peer: from, cid, result: 'removed' })
      removed.push(cid)
    }
    if (removed.length > 0) this.log.info('blobs removed at their owner\'s request', { owner: deletion.owner, app: deletion.app, removed: removed.length })
    return removed
  }

  /** Removes this node's copy of a blob whose storage scope it left, once enough holders in that scope have it (repair decides). */
  async dropCopy (cid: string, why: string): Promise<void> {
    await this.remove(cid, { kind: 'drop', peer: this.components.host.peerId.toString(), cid, result: 'dropped' })
    this.log.info('dropped a copy of a blob', { cid, why })
  }

  /** Removes a blob here and stops announcing it (its provider records expire on their own). */
  private async remove (cid: string, event: StorageEvent): Promise<void> {
    await this.store.delete(cid)
    void this.components.host.services.dht.cancelReprovide(parseBlobCid(cid)).catch(() => {})
    this.record(event)
  }

  private async serveDelete (peer: PeerId, deletion: BlobDeletion): Promise<BlobResponse> {
    try {
      const removed = await this.applyDeletion(deletion, peer.toString())
      return { removed: removed.map(cid => parseBlobCid(cid)), count: removed.length }
    } catch (err) {
      const blobError = err instanceof BlobError ? err : new BlobError('INTERNAL', (err as Error).message)
      // a node relays only deletions it checked: a forged one is the sender's fault (a date ahead of this
      // node's clock may be an honest relay's clock, ahead of this one's: refused, not held against it)
      if (blobError.code === 'BAD_SIGNATURE') this.components.penalise(peer, PeerAction.ProtocolViolation, `blob delete: ${blobError.message}`)
      this.record({ kind: 'delete', peer: peer.toString(), result: blobError.code })
      return { failure: failureFromBlobError(blobError) }
    }
  }

  /** DELETED when the owner deleted `cid` of `app` after a copy created at `createdAt`. */
  private deletedCopy (cid: string, app: string, createdAt: number): BlobError | undefined {
    const deletion = [this.deletions.of(cid), this.deletions.ofApp(app)].find(d => d != null && deletionCovers(d, cid, app, createdAt))
    if (deletion == null) return undefined
    return new BlobError('DELETED', `the owner deleted ${deletion.all ? `every blob of ${app}` : cid} at ${new Date(deletion.issuedAtMs).toISOString()}`)
  }

  /**
   * What a holder asking `has` may have missed (each once, a bounded number):
   * the remembered deletions of all of an app's blobs (this node cannot tell
   * which app an unheld CID belongs to; the asker can), then those naming any
   * of `cids`.
   */
  private deletionsOf (cids: CID[]): BlobDeletion[] {
    const out = new Set<BlobDeletion>(this.deletions.appWide().slice(0, MAX_HELD_DELETIONS))
    for (const cid of cids) {
      if (out.size >= MAX_HELD_DELETIONS) break
      const deletion = this.deletions.of(cid.toString())
      if (deletion != null) out.add(deletion)
    }
    return [...out]
  }

  /** Announces a blob just stored, in the background: a put's sender does not wait for the DHT. */
  private announce (cid: CID): void {
    const done = this.provide(cid).finally(() => { this.announcing.delete(done) })
    this.announcing.add(done)
  }

  /** Resolves once the provider announcements under way now have finished (never rejects). */
  async announcementsSettled (): Promise<void> {
    await Promise.all([...this.announcing])
  }

  /** Announces this node as a provider of `cid` (best effort: the DHT may be small or still forming). */
  async provide (cid: CID): Promise<void> {
    try {
      for await (const event of this.components.host.services.dht.provide(cid, { signal: AbortSignal.timeout(BLOB_CHUNK_TIMEOUT_MS) })) void event
    } catch (err) {
      this.log.debug('announcing a blob failed', { cid: cid.toString(), err })
    }
  }

  /** Blobs and bytes held, and the transfer buffers in use: what /metrics shows of this node's storage. */
  gauges (): { blobs: number, bytes: number, transferBufferBytes: number } {
    return { ...this.store.totals(), transferBufferBytes: this.transfers.inUse }
  }

  private record (event: StorageEvent): void {
    this.components.metrics?.blobRequests.inc({ kind: event.kind, result: event.result.toLowerCase() })
    this.events.push(event)
    if (this.events.length > 10_000) this.events.shift()
  }
}

/** Peer ids (binary, as on the wire) as strings; the ones that do not parse are dropped. */
export function replicaIds (replicas: Uint8Array[]): string[] {
  return replicas.flatMap(bytes => {
    try {
      return [peerIdFromMultihash(Digest.decode(bytes)).toString()]
    } catch {
      return []
    }
  })
}

/** Peer id strings as the wire's binary form. */
export function replicaBytes (peers: string[]): Uint8Array[] {
  return peers.map(p => peerIdFromString(p).toMultihash().bytes)
}

function flipFirstByte (chunk: Uint8Array): Uint8Array {
  const copy = new Uint8Array(chunk)
  copy[0] ^= 0xff
  return copy
}
