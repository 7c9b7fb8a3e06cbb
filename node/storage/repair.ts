import { peerIdFromString } from '@libp2p/peer-id'
import { BlobError, CHUNK_SIZE, parseBlobCid, rechunk, sha256 } from '../../protocol/blob/index.js'
import { BlobPeerFault, blobCall, RemoteBlobSink } from './transport.js'
import { PeerAction } from '../peer-score/index.js'
import { replicaBytes, type StorageService } from './storage-service.js'
import { MAX_HAS_CIDS } from '../../protocol/blob/index.js'
import type { AttestationService } from '../attestations/index.js'
import type { Host } from '../host/index.js'
import type { Logger } from '../log/index.js'
import { createdAtOf, type BlobMeta } from './blob-store.js'
import type { BlobClient } from './blob-client.js'
import type { CID } from 'multiformats/cid'

export const DEFAULT_REPAIR_INTERVAL_MS = 30_000

export interface RepairComponents {
  host: Host
  attestations: AttestationService
  storage: StorageService
  client: BlobClient
  logger: Logger
}

export interface RepairInit {
  replication: number
  intervalMs: number
  /**
   * A blob stored less than this long ago is not judged yet (default
   * min(30 s, 10 intervals)): the other holders of its put commit at about
   * the same time, and one asked a moment before its commit says it holds
   * nothing, which made this holder copy the blob to a fourth.
   */
  settleMs?: number
}

/** The longest a put's holders take to commit after one another: the client's commit deadline. */
const MAX_SETTLE_MS = 30_000

/** One round's work: blobs checked, copies pushed, damaged copies restored, copies dropped (this node left their scope), failures. */
export interface RepairRound { checked: number, pushed: number, restored: number, dropped: number, failed: number }

/** DHT look-ups for in-scope holders, at most, in one round (a node that left many blobs' scope spreads them over rounds). */
const MAX_LOOKUPS_PER_ROUND = 16

/**
 * Keeps each blob this node holds at r intact replicas inside its storage
 * scope. Every round it asks each other listed holder which blobs it still
 * holds (one `has` per peer, batched); a holder that is gone, left the
 * scope, or lost the blob no longer counts. When fewer than r remain, the
 * live holder with the lowest peer id (the same choice on every holder with
 * the same view, so one of them acts) copies the blob to the nearest
 * in-scope storage peers by XOR distance to the CID and tells the holders
 * the new list. A copy found damaged here is fetched again from a replica.
 * Time to repair is bounded by one interval plus the transfer (a blob
 * stored within the last `settleMs` waits that long first).
 */
export class BlobRepair {
  private timer?: NodeJS.Timeout
  private running?: Promise<RepairRound>
  private readonly log: Logger
  readonly totals: RepairRound = { checked: 0, pushed: 0, restored: 0, dropped: 0, failed: 0 }
  private readonly settleMs: number

  constructor (private readonly components: RepairComponents, private readonly init: RepairInit) {
    this.settleMs = init.settleMs ?? Math.min(MAX_SETTLE_MS, 10 * init.intervalMs)
    this.log = components.logger.child('repair')
  }

  start (): void {
    const tick = (): void => {
      this.timer = setTimeout(() => {
        void this.runOnce().catch(err => { this.log.warn('repair round failed', { err }) }).finally(() => { if (this.timer != null) tick() })
      }, this.init.intervalMs)
      this.timer.unref?.()
    }
    tick()
  }

  stop (): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }

  /** One round over every held blob; rounds never overlap. */
  async runOnce (): Promise<RepairRound> {
    this.running ??= this.round().finally(() => { this.running = undefined })
    return await this.running
  }

  private async round (): Promise<RepairRound> {
    const { storage, host } = this.components
    const self = host.peerId.toString()
    const round: RepairRound = { checked: 0, pushed: 0, restored: 0, dropped: 0, failed: 0 }
    const blobs = storage.store.list()
    if (blobs.length === 0) return round
    const holds = await this.probe(blobs)
    let lookups = 0
    for (const meta of blobs) {
      if (this.timer == null && this.running == null) break
      // removed since the round began: its owner deleted it (another holder told us, below)
      if (storage.store.meta(meta.cid) == null) continue
      round.checked++
      try {
        const policyId = storage.currentPolicyOf(meta)
        // a damaged copy is fetched again, by a holder still in the blob's scope (one that left it only drops it)
        if (storage.store.isDamaged(meta.cid) && storage.inStorageScope(policyId, self)) {
          if (await this.restore(meta)) round.restored++
          continue
        }
        if (Date.now() - meta.storedAt < this.settleMs) continue
        // the listed holders that hold it, in its scope (only those were asked)
        const live = meta.replicas.filter(p => p !== self && holds.get(p)?.has(meta.cid) === true)
        if (!storage.inStorageScope(policyId, self)) {
          // this node left the blob's scope (its attestation, or a new version of the policy): its copy counts for
          // nothing there. Once r holders in the scope have the blob, the copy goes; until then it is kept.
          if (live.length > 0 && live.length < this.init.replication && lookups++ < MAX_LOOKUPS_PER_ROUND) live.push(...await this.moreHolders(meta, policyId, live))
          if (live.length >= this.init.replication) {
            await storage.dropCopy(meta.cid, `this node left the storage scope of ${policyId}; ${live.length} holders in it have the blob`)
            round.dropped++
          } else if (live.length === 0 && !storage.store.isDamaged(meta.cid)) {
            // no holder in the scope has it (every holder left it at once): this one copies it there
            round.pushed += await this.replicate(meta, [])
          }
          continue
        }
        live.push(self)
        if (live.length >= this.init.replication) continue
        // one holder acts: the lowest peer id among the live ones
        if (live.slice().sort()[0] !== self) continue
        round.pushed += await this.replicate(meta, live)
      } catch (err) {
        round.failed++
        this.log.debug('repair of a blob failed', { cid: meta.cid, err })
      }
    }
    this.totals.checked += round.checked
    this.totals.pushed += round.pushed
    this.totals.restored += round.restored
    this.totals.dropped += round.dropped
    this.totals.failed += round.failed
    return round
  }

  /**
   * Which blobs each other listed holder still holds; holders out of scope or
   * unreachable hold nothing. A holder also names the owners' deletions it
   * applied to the blobs asked about: one this node missed (it was away) is
   * applied here too, so the blob is removed instead of copied back.
   */
  private async probe (blobs: BlobMeta[]): Promise<Map<string, Set<string>>> {
    const { storage, host } = this.components
    const self = host.peerId.toString()
    const asks = new Map<string, CID[]>()
    for (const meta of blobs) {
      for (const peer of meta.replicas) {
        if (peer === self || !storage.inStorageScope(storage.currentPolicyOf(meta), peer)) continue
        const list = asks.get(peer) ?? []
        if (list.length < MAX_HAS_CIDS) list.push(parseBlobCid(meta.cid))
        asks.set(peer, list)
      }
    }
    const holds = new Map<string, Set<string>>()
    await Promise.allSettled([...asks].map(async ([peer, cids]) => {
      const response = await blobCall(host, peerIdFromString(peer), { has: { cids } }).catch(err => { this.components.client.blame(peer, err); throw err })
      if (!('held' in response)) return
      holds.set(peer, new Set(response.held.map(String)))
      for (const deletion of response.deletions ?? []) {
        await storage.applyDeletion(deletion, peer).catch(err => {
          // a holder passing on a deletion its owner did not sign: the holder's fault (not one dated ahead of this clock)
          if (err instanceof BlobError && err.code === 'BAD_SIGNATURE') this.components.client.blame(peer, new BlobPeerFault(PeerAction.ProtocolViolation, `a deletion that does not hold: ${(err as Error).message}`))
        })
      }
    }))
    return holds
  }

  /**
   * Holders of a blob in the scope of `policyId` beyond `known`: the DHT's
   * providers, each asked whether it holds the blob. How a node that left a
   * blob's scope learns where repair put the copies that replaced its own
   * (the new list goes to holders in the scope only).
   */
  private async moreHolders (meta: BlobMeta, policyId: string, known: string[]): Promise<string[]> {
    const { storage, client } = this.components
    const cid = parseBlobCid(meta.cid)
    const providers = await client.providers(cid, new Set())
    return await client.confirmHolders([...providers].filter(p => !known.includes(p) && storage.inStorageScope(policyId, p)), cid)
  }

  /** Copies the blob to in-scope storage peers that lack it until r hold it; returns how many copies were made. */
  private async replicate (meta: BlobMeta, live: string[]): Promise<number> {
    const { storage, attestations, host } = this.components
    const cid = parseBlobCid(meta.cid)
    const policyId = storage.currentPolicyOf(meta)
    const candidates = attestations.scopeMembersWithRole(policyId, 'storage')
      .filter(p => !live.includes(p) && storage.inStorageScope(policyId, p))
      .sort((a, b) => Buffer.compare(distance(a, cid), distance(b, cid)))
    const holders = [...live]
    let pushed = 0
    for (const peer of candidates) {
      if (holders.length >= this.init.replication) break
      const target = [...holders, peer].sort()
      const sink = new RemoteBlobSink(host, peerIdFromString(peer), { policyId, size: meta.size, replicas: replicaBytes(target), cid, createdAtMs: createdAtOf(meta) })
      try {
        if (await sink.open() === 'ready') {
          for await (const chunk of storage.store.read(meta.cid)) await sink.write(chunk)
          await sink.end(cid)
          pushed++
        }
        holders.push(peer)
      } catch (err) {
        sink.abort(err as Error)
        this.components.client.blame(peer, err)
        if (err instanceof BlobError && err.code === 'CORRUPTED' && storage.store.isDamaged(meta.cid)) throw err
        this.log.debug('repair copy refused or failed', { cid: meta.cid, peer, err: (err as Error).message })
      }
    }
    if (holders.length > live.length) {
      const list = holders.sort()
      await storage.store.setReplicas(meta.cid, list)
      await Promise.allSettled(list.filter(p => p !== host.peerId.toString()).map(async p => {
        await blobCall(host, peerIdFromString(p), { replicas: { cid, replicas: replicaBytes(list) } }).catch(err => { this.components.client.blame(p, err) })
      }))
      this.log.info('blob re-replicated', { cid: meta.cid, holders: list.length, copies: pushed })
    }
    return pushed
  }

  /** Replaces a damaged local copy with a verified one from another holder. */
  private async restore (meta: BlobMeta): Promise<boolean> {
    const { storage, client, host } = this.components
    const policyId = storage.currentPolicyOf(meta)
    const reader = await client.get(meta.cid, { policyId })
    const sink = storage.openLocalRepair({ policyId, size: meta.size, replicas: meta.replicas, uploader: host.peerId.toString(), createdAt: createdAtOf(meta) })
    try {
      await sink.open()
      // the reader yields pieces; a holder takes whole chunks
      for await (const chunk of rechunk(reader.chunks, CHUNK_SIZE, meta.size)) await sink.write(chunk)
      await sink.end(parseBlobCid(meta.cid))
      this.log.info('damaged blob restored from a replica', { cid: meta.cid })
      return true
    } catch (err) {
      sink.abort(err as Error)
      throw err
    }
  }
}

function distance (peer: string, cid: CID): Buffer {
  const a = sha256(new TextEncoder().encode(peer))
  const b = cid.multihash.digest
  return Buffer.from(a.map((x, i) => x ^ (b[i] ?? 0)))
}
