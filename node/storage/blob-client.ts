import { peerIdFromString } from '@libp2p/peer-id'
import {
  BlobError, blobCid, blobErrorFromFailure, CHUNK_SIZE, commonRefusal, chunkLength, equalBytes, layoutFor, parseBlobCid, piecesLength, rechunk, sha256,
  verifyBlobDeletion, type BlobDeletion, type BlobLayout, type ChunkPieces
} from '../../protocol/blob/index.js'
import { BoundedMap } from '../../protocol/util/index.js'
import { PeerAction } from '../peer-score/index.js'
import { BlobPeerFault, blobCall, openRemoteBlob, RemoteBlobSink, type BlobSink } from './transport.js'
import { chunkHasher } from './chunk-hasher.js'
import { bothSettled } from './chunk-slots.js'
import { replicaBytes } from './storage-service.js'
import type { AttestationService } from '../attestations/index.js'
import type { Host } from '../host/index.js'
import type { Logger } from '../log/index.js'
import type { PolicyService } from '../policies/index.js'
import type { StorageService } from './storage-service.js'
import type { PeerId } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

/** Replicas of each blob by default (the r). */
export const DEFAULT_REPLICATION = 3
/** Holders tried at most for one get. */
const MAX_GET_ATTEMPTS = 8
/**
 * Chunks of a get being hashed while the next arrives: the stream does not
 * wait for each hash, and a reader holds at most this many unverified.
 */
const VERIFY_AHEAD_CHUNKS = 2
/** How long the DHT may take to name providers of a blob. */
const PROVIDER_LOOKUP_MS = 5_000
/** Storage peers asked directly when the DHT names nobody. */
const MAX_DIRECT_ASKS = 32
/** Peers a deletion is sent to at most, and at once. */
const MAX_DELETION_TARGETS = 1_024
const DELETION_BATCH = 32

export interface PutBlobOptions {
  policyId: string
  /** The blob's exact size: holders check it against their limits before any byte is sent. */
  size: number
  replication?: number
  signal?: AbortSignal
}

export interface PutBlobResult {
  cid: string
  size: number
  /** The holders that verified and committed it. */
  replicas: string[]
}

export interface GetBlobOptions {
  /** When given, only holders in this policy's storage scope are read from, and the blob must belong to it. */
  policyId?: string
  signal?: AbortSignal
}

export interface BlobReader {
  cid: string
  policyId: string
  size: number
  /**
   * The blob's bytes in order, in pieces (a chunk as the transport delivered
   * it, not joined; at most a chunk each), every chunk verified before any of
   * its pieces is yielded; fails over to another holder mid-blob if one
   * misbehaves or goes away. `rechunk` makes whole chunks of them.
   */
  chunks: AsyncGenerator<Uint8Array>
}

export interface DeleteBlobsResult {
  /** Each named CID (each one removed, for a deletion of all of an app's), with the holders that removed their copy (this node included). */
  removed: Record<string, string[]>
  /** Copies removed, over all holders (a holder lists at most 4,096 of its own). */
  copiesRemoved: number
  /** Peers that could not be asked, or refused the deletion. */
  failed: Array<{ peer: string, error: string }>
  /** Peers the deletion went to (this node included when it stores blobs). */
  asked: number
}

export interface BlobClientComponents {
  host: Host
  attestations: AttestationService
  policies: PolicyService
  penalise: (peer: PeerId, action: PeerAction, reason: string) => void
  logger: Logger
  /** This node's own storage role, if it has one: used without the network. */
  local?: StorageService
}

/**
 * The client side of blobs, on any node: puts a blob on r storage nodes of
 * the app's scope, as this node verified it (never outside it: the scope is
 * checked right before each holder is opened), streaming one chunk at a time
 * to all of them at once; gets a blob from the holders the DHT names,
 * checking every chunk against the CID before it is passed on.
 */
export class BlobClient {
  private readonly log: Logger
  /** Where this node put blobs (bounded): a get of one of them starts there, without a DHT look-up. */
  private readonly placed = new BoundedMap<string, string[]>(10_000)

  constructor (private readonly components: BlobClientComponents) {
    this.log = components.logger.child('blobs')
  }

  /** The storage peers of a policy's scope, by this node's view; the DHT is asked when it knows none. */
  async storageScope (policyId: string): Promise<string[]> {
    const { attestations, policies } = this.components
    if (!attestations.scopes.hasPolicy(policyId)) await policies.find(policyId)
    if (!attestations.scopes.hasPolicy(policyId)) throw new BlobError('NO_STORAGE_IN_SCOPE', `policy ${policyId} is not known to this node or the DHT`)
    const members = attestations.scopeMembersWithRole(policyId, 'storage')
    return members.length > 0 ? members : await attestations.discoverScopeMembers(policyId, 'storage')
  }

  async put (source: AsyncIterable<Uint8Array>, options: PutBlobOptions): Promise<PutBlobResult> {
    const { policyId, size } = options
    if (!Number.isSafeInteger(size) || size < 1) throw new BlobError('EMPTY', 'a blob has at least one byte')
    const r = Math.max(1, options.replication ?? DEFAULT_REPLICATION)
    const candidates = this.rankHolders(await this.storageScope(policyId), randomSeed())
    if (candidates.length === 0) throw new BlobError('NO_STORAGE_IN_SCOPE', this.explainEmptyScope(policyId))
    const planned = candidates.slice(0, r)
    const sinks = await this.openSinks(candidates, planned, r, policyId, size)
    if (sinks.length === 0) throw new BlobError('UNAVAILABLE', `no storage node in the scope of ${policyId} took the blob`)

    // one pass over the source: each chunk is hashed and written to every holder before the next is read
    let live = sinks
    const hashes: Uint8Array[] = []
    let sent = 0
    try {
      for await (const chunk of rechunk(source, CHUNK_SIZE, size)) {
        options.signal?.throwIfAborted()
        sent += chunk.length
        // hashed on the hashing thread while the event loop sends the chunk
        const [hash, written] = await bothSettled(chunkHasher().hash(chunk), this.writeAll(live, chunk))
        hashes.push(hash)
        live = written
        if (live.length === 0) throw new BlobError('UNAVAILABLE', 'every holder failed during the upload')
      }
      if (sent !== size) throw new BlobError('MALFORMED', `the source had ${sent} bytes, not the declared ${size}`)
    } catch (err) {
      for (const sink of live) sink.abort(err as Error)
      throw err
    }
    const { cid } = blobCid({ size, chunkSize: CHUNK_SIZE, hashes })
    const ended = await Promise.allSettled(live.map(async sink => { await sink.end(cid); return sink.peer }))
    const replicas = ended.flatMap(e => e.status === 'fulfilled' ? [e.value] : [])
    ended.forEach((e, i) => {
      if (e.status === 'fulfilled') return
      this.blame(live[i].peer, e.reason)
      this.log.debug('a holder did not commit', { peer: live[i].peer, err: (e.reason as Error).message })
    })
    const quorum = Math.min(Math.floor(r / 2) + 1, sinks.length)
    if (replicas.length < quorum) throw new BlobError('UNAVAILABLE', `only ${replicas.length} of ${r} holders committed ${cid.toString()} (${quorum} needed)`)
    if (replicas.slice().sort().join() !== planned.slice().sort().join()) await this.announceReplicas(cid, replicas)
    this.placed.set(cid.toString(), replicas)
    return { cid: cid.toString(), size, replicas: replicas.sort() }
  }

  /**
   * Opens up to r holders before any data flows; a holder that refuses or
   * cannot be reached is replaced by the next candidate, which is cheap now
   * and impossible once the source is being read.
   */
  private async openSinks (candidates: string[], planned: string[], r: number, policyId: string, size: number): Promise<BlobSink[]> {
    const open: BlobSink[] = []
    const queue = [...candidates]
    const problems: string[] = []
    const failures: unknown[] = []
    while (open.length < r && queue.length > 0) {
      const batch = queue.splice(0, r - open.length)
      const results = await Promise.allSettled(batch.map(async peer => {
        const sink = this.sinkFor(peer, policyId, size, planned)
        await sink.open()
        return sink
      }))
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') open.push(result.value)
        else {
          this.blame(batch[i], result.reason)
          problems.push(`${batch[i].slice(-8)}: ${(result.reason as Error).message}`)
          failures.push(result.reason)
        }
      })
    }
    if (open.length === 0 && problems.length > 0) {
      throw new BlobError(commonRefusal(failures), `no storage node took the blob: ${problems.join('; ')}`)
    }
    return open
  }

  private sinkFor (peer: string, policyId: string, size: number, planned: string[]): BlobSink {
    // the scope may have changed since the list was made: checked again right before anything is sent
    if (!this.inStorageScope(policyId, peer)) throw new BlobError('OUT_OF_SCOPE', `${peer} left the storage scope of ${policyId}`)
    const local = this.components.local
    if (peer === this.components.host.peerId.toString()) {
      if (local == null) throw new BlobError('OUT_OF_SCOPE', 'this node has no storage role')
      return local.openLocal({ policyId, size, replicas: planned })
    }
    return new RemoteBlobSink(this.components.host, peerIdFromString(peer), { policyId, size, replicas: replicaBytes(planned) })
  }

  /** Writes a chunk to every holder at once; the ones that fail are dropped (the rest go on). */
  private async writeAll (sinks: BlobSink[], chunk: Uint8Array): Promise<BlobSink[]> {
    const results = await Promise.allSettled(sinks.map(async sink => { await sink.write(chunk) }))
    return sinks.filter((sink, i) => {
      const result = results[i]
      if (result.status === 'fulfilled') return true
      this.blame(sink.peer, result.reason)
      this.log.debug('a holder failed mid-upload', { peer: sink.peer, err: (result.reason as Error).message })
      sink.abort(result.reason as Error)
      return false
    })
  }

  private async announceReplicas (cid: CID, replicas: string[]): Promise<void> {
    const self = this.components.host.peerId.toString()
    await Promise.allSettled(replicas.map(async peer => {
      if (peer === self) {
        await this.components.local?.store.setReplicas(cid.toString(), replicas)
        return
      }
      await blobCall(this.components.host, peerIdFromString(peer), { replicas: { cid, replicas: replicaBytes(replicas) } }).catch(err => { this.blame(peer, err) })
    }))
  }

  /**
   * Relays an owner's deletion (checked here first: this node never passes on
   * one its owner did not sign) to every peer that may hold a named blob: the
   * storage nodes it knows, where it put them, and the providers the DHT
   * names (a holder whose attestation lapsed or that left the scope keeps its
   * copy, and must drop it too). Each removes what it holds of the app from
   * before the deletion; holders that were away learn of it from the others.
   */
  async delete (deletion: BlobDeletion): Promise<DeleteBlobsResult> {
    await verifyBlobDeletion(deletion)
    const { host, local } = this.components
    const self = host.peerId.toString()
    const removed: Record<string, string[]> = Object.fromEntries(deletion.cids.map(cid => [cid, []]))
    const failed: DeleteBlobsResult['failed'] = []
    let copiesRemoved = 0
    // a deletion of all of an app's blobs names none: each one a holder reports removing is listed
    const holdersOf = (cid: string): string[] | undefined => deletion.all ? (removed[cid] ??= []) : removed[cid]
    if (local != null) {
      const mine = await local.applyDeletion(deletion)
      copiesRemoved += mine.length
      for (const cid of mine) holdersOf(cid)?.push(self)
    }
    const targets = await this.deletionTargets(deletion)
    for (let i = 0; i < targets.length; i += DELETION_BATCH) {
      await Promise.all(targets.slice(i, i + DELETION_BATCH).map(async peer => {
        try {
          const response = await blobCall(host, peerIdFromString(peer), { delete: deletion })
          if ('removed' in response) {
            copiesRemoved += response.count
            for (const cid of response.removed) holdersOf(cid.toString())?.push(peer)
          } else if ('failure' in response) {
            failed.push({ peer, error: blobErrorFromFailure(response.failure).message })
          } else {
            throw new BlobPeerFault(PeerAction.ProtocolViolation, `expected removed, got ${Object.keys(response)[0]}`)
          }
        } catch (err) {
          this.blame(peer, err)
          failed.push({ peer, error: (err as Error).message })
        }
      }))
    }
    for (const cid of deletion.cids) this.placed.delete(cid)
    return { removed, copiesRemoved, failed, asked: targets.length + (local != null ? 1 : 0) }
  }

  private async deletionTargets (deletion: BlobDeletion): Promise<string[]> {
    const { host, attestations } = this.components
    // where this node put the blobs and the DHT's providers first: past the cap, the storage nodes merely known go
    const peers = new Set<string>()
    for (const cid of deletion.cids) for (const peer of this.placed.get(cid) ?? []) peers.add(peer)
    for (let i = 0; i < deletion.cids.length; i += DELETION_BATCH) {
      await Promise.all(deletion.cids.slice(i, i + DELETION_BATCH).map(async cid => await this.providers(parseBlobCid(cid), peers)))
    }
    for (const peer of attestations.peersWithRole('storage')) peers.add(peer)
    peers.delete(host.peerId.toString())
    return [...peers].slice(0, MAX_DELETION_TARGETS)
  }

  /**
   * Penalises a holder whose reply broke the protocol (BlobPeerFault: bytes
   * that do not decode, a message out of turn); any other failure (a
   * refusal, a lost stream, a timeout) is not held against it here.
   */
  blame (peer: string, err: unknown): void {
    if (err instanceof BlobPeerFault) this.components.penalise(peerIdFromString(peer), err.action, `blob: ${err.message}`)
  }

  /**
   * Opens a blob for reading. The first holder that answers with a layout
   * matching the CID is read; every chunk is verified before it is yielded,
   * and a holder that sends a bad one is penalised and replaced mid-blob.
   */
  async get (cidText: string, options: GetBlobOptions = {}): Promise<BlobReader> {
    const cid = parseBlobCid(cidText)
    const tried = new Set<string>()
    const problems: string[] = []
    const failures: unknown[] = []
    const holders = await this.findHolders(cid)
    for (let round = 0; round < 2; round++) {
      for (const holder of holders.filter(h => !tried.has(h)).slice(0, MAX_GET_ATTEMPTS)) {
        options.signal?.throwIfAborted()
        tried.add(holder)
        try {
          const opened = await this.openVerified(holder, cid, 0, options.policyId)
          return {
            cid: cid.toString(),
            policyId: opened.policyId,
            size: opened.layout.size,
            chunks: this.readWithFailover(cid, opened, holders, tried, options)
          }
        } catch (err) {
          this.blame(holder, err)
          failures.push(err)
          problems.push(`${holder.slice(-8)}: ${(err as Error).message}`)
        }
      }
      // the first look-up is quick (where this node put it, or the DHT's first answer) and may
      // name only holders that are gone; a full one names the rest. One that found nobody was full.
      if (round > 0 || holders.length === 0 || await this.lookFurther(cid, holders, tried) === 0) break
    }
    if (holders.length === 0) throw new BlobError('NOT_FOUND', `no node is known to hold ${cid.toString()}`)
    // every holder named (a provider record outlives a deletion by up to a day) answered that it has no such blob
    if (failures.every(f => f instanceof BlobError && f.code === 'NOT_FOUND')) throw new BlobError('NOT_FOUND', `none of the ${failures.length} nodes named as holders of ${cid.toString()} has it (${problems.join('; ')})`)
    throw new BlobError('UNAVAILABLE', `no holder served ${cid.toString()}: ${problems.join('; ')}`)
  }

  /** Reads a whole blob into memory (small blobs, worker code); bounded by `maxBytes`. */
  async getBytes (cidText: string, maxBytes: number, options: GetBlobOptions = {}): Promise<Uint8Array> {
    const reader = await this.get(cidText, options)
    if (reader.size > maxBytes) {
      await reader.chunks.return(undefined)
      throw new BlobError('TOO_LARGE', `${cidText} is ${reader.size} bytes; at most ${maxBytes} wanted`)
    }
    const parts: Uint8Array[] = []
    for await (const chunk of reader.chunks) parts.push(chunk)
    return new Uint8Array(Buffer.concat(parts))
  }

  private async openVerified (holder: string, cid: CID, fromChunk: number, policyId?: string): Promise<{ holder: string, policyId: string, layout: BlobLayout, chunks: AsyncGenerator<ChunkPieces>, abort: (err: Error) => void }> {
    const self = this.components.host.peerId.toString()
    if (holder === self) {
      const local = this.components.local as StorageService
      const meta = local.store.meta(cid.toString())
      if (meta == null) throw new BlobError('NOT_FOUND', 'not held here')
      const current = local.currentPolicyOf(meta)
      if (policyId != null && current !== policyId) throw new BlobError('NOT_FOUND', `held here for another policy (${current})`)
      // the local store verifies every chunk itself
      return { holder, policyId: current, layout: local.store.layout(cid.toString()), chunks: asPieces(local.store.read(cid.toString(), fromChunk)), abort: () => {} }
    }
    const source = await openRemoteBlob(this.components.host, peerIdFromString(holder), cid, fromChunk)
    try {
      if (policyId != null && source.found.policyId !== policyId) throw new BlobError('NOT_FOUND', `held there for another policy (${source.found.policyId})`)
      if (!this.components.attestations.scopes.hasPolicy(source.found.policyId)) await this.components.policies.find(source.found.policyId)
      // read only from holders of the blob's own storage scope, as this node verified it
      if (!this.inStorageScope(source.found.policyId, holder)) throw new BlobError('OUT_OF_SCOPE', `the holder is not in the storage scope of ${source.found.policyId}`)
      let layout: BlobLayout
      try {
        layout = layoutFor(cid, source.found.size, source.found.manifest)
      } catch (err) {
        this.components.penalise(peerIdFromString(holder), PeerAction.ProtocolViolation, `blob: ${(err as Error).message}`)
        throw err
      }
      return { holder, policyId: source.found.policyId, layout, chunks: source.chunks, abort: source.abort }
    } catch (err) {
      source.abort(err as Error)
      throw err
    }
  }

  private async * readWithFailover (cid: CID, first: Awaited<ReturnType<BlobClient['openVerified']>>, holders: string[], tried: Set<string>, options: GetBlobOptions): AsyncGenerator<Uint8Array> {
    let current = first
    // chunks passed on (verified): a holder that fails is replaced by the next from here
    let next = 0
    const total = current.layout.hashes.length
    const hasher = chunkHasher()
    while (next < total) {
      // chunks taken from the holder and being hashed (on the hashing thread, while the next one arrives)
      const hashing: Array<{ pieces: ChunkPieces, hash: Promise<Uint8Array> }> = []
      const mismatch = (at: number): BlobError => {
        this.components.penalise(peerIdFromString(current.holder), PeerAction.ProtocolViolation, `blob: chunk ${at} of ${cid.toString()} does not match its hash`)
        return new BlobError('CORRUPTED', `chunk ${at} from ${current.holder.slice(-8)} does not match the CID`)
      }
      const passOn = async (): Promise<ChunkPieces> => {
        const { pieces, hash } = hashing.shift() as (typeof hashing)[number]
        if (!equalBytes(await hash, current.layout.hashes[next])) throw mismatch(next)
        next++
        return pieces
      }
      try {
        for await (const pieces of current.chunks) {
          const at = next + hashing.length
          if (at >= total || piecesLength(pieces) !== chunkLength(current.layout, at)) throw mismatch(at)
          hashing.push({ pieces, hash: hasher.hash(pieces) })
          if (hashing.length > VERIFY_AHEAD_CHUNKS) yield * await passOn()
        }
        while (hashing.length > 0) yield * await passOn()
        if (next < total) throw new BlobError('UNAVAILABLE', `${current.holder.slice(-8)} ended after ${next} of ${total} chunks`)
      } catch (err) {
        current.abort(err as Error)
        this.blame(current.holder, err)
        if (err instanceof BlobError && !err.retryable) throw err
        this.log.debug('blob holder failed mid-read; trying the next', { cid: cid.toString(), holder: current.holder, at: next, err: (err as Error).message })
        current = await this.resume(cid, next, holders, tried, options, err as Error)
      }
    }
  }

  private async resume (cid: CID, fromChunk: number, holders: string[], tried: Set<string>, options: GetBlobOptions, cause: Error): Promise<Awaited<ReturnType<BlobClient['openVerified']>>> {
    // the known holders are used up: a fresh look-up (the DHT, then asking storage peers) may name others
    if (holders.every(h => tried.has(h))) await this.lookFurther(cid, holders, tried)
    for (const holder of holders) {
      if (tried.has(holder)) continue
      tried.add(holder)
      try {
        return await this.openVerified(holder, cid, fromChunk, options.policyId)
      } catch {}
    }
    throw new BlobError('UNAVAILABLE', `no other holder could continue ${cid.toString()} at chunk ${fromChunk} (${cause.message})`)
  }

  /** A full look-up, for when the holders known so far failed: adds the holders it names to `holders`; how many it added. */
  private async lookFurther (cid: CID, holders: string[], tried: ReadonlySet<string>): Promise<number> {
    const more = (await this.findHolders(cid, { hints: false, exhaustive: true, exclude: tried })).filter(h => !holders.includes(h))
    holders.push(...more)
    return more.length
  }

  /**
   * Who holds a blob, nearest first: this node, then where this node put it
   * (`hints`), else the DHT's providers, connected ones first; when that
   * names nobody new, the storage peers this node knows are asked directly.
   * A quick look-up stops at the DHT's first answer with holders; an
   * `exhaustive` one (a failover's) runs the whole query. Peers in `exclude`
   * (already tried) do not count as found.
   */
  async findHolders (cid: CID, options: { hints?: boolean, exhaustive?: boolean, exclude?: ReadonlySet<string> } = {}): Promise<string[]> {
    const { hints = true, exhaustive = false, exclude = new Set<string>() } = options
    const self = this.components.host.peerId.toString()
    const found = new Set<string>()
    const fresh = (): number => [...found].filter(p => p !== self && !exclude.has(p)).length
    if (this.components.local?.store.has(cid.toString()) === true) found.add(self)
    if (hints) for (const peer of this.placed.get(cid.toString()) ?? []) if (peer !== self) found.add(peer)
    if (found.size === 0 || exhaustive) await this.providers(cid, found, exhaustive ? undefined : () => fresh() > 0)
    if (fresh() === 0) {
      const asked = this.rankHolders(this.components.attestations.peersWithRole('storage').filter(p => p !== self && !exclude.has(p)), cid.multihash.digest).slice(0, MAX_DIRECT_ASKS)
      for (const peer of await this.confirmHolders(asked, cid)) found.add(peer)
    }
    const connected = new Set(this.components.host.getPeers().map(String))
    return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    function rank (peer: string): number {
      return peer === self ? 0 : connected.has(peer) ? 1 : 2
    }
  }

  /**
   * Adds to `found` the peers (not this node) the DHT names as providers of
   * `cid`, until `enough` says so or the query ends (within
   * PROVIDER_LOOKUP_MS; a failed look-up adds what it had found).
   */
  async providers (cid: CID, found: Set<string>, enough?: () => boolean): Promise<Set<string>> {
    const { host } = this.components
    try {
      for await (const event of host.services.dht.findProviders(cid, { signal: AbortSignal.timeout(PROVIDER_LOOKUP_MS) })) {
        if (event.name !== 'PROVIDER') continue
        for (const p of event.providers) if (!p.id.equals(host.peerId)) found.add(p.id.toString())
        if (enough?.() === true) break
      }
    } catch (err) {
      this.log.debug('blob provider look-up failed', { cid: cid.toString(), err })
    }
    return found
  }

  /** Those of `peers` that answer that they hold `cid` intact (each asked with one `has`). */
  async confirmHolders (peers: string[], cid: CID): Promise<string[]> {
    const answers = await Promise.allSettled(peers.map(async peer => {
      const response = await blobCall(this.components.host, peerIdFromString(peer), { has: { cids: [cid] } }).catch(err => { this.blame(peer, err); throw err })
      return 'held' in response && response.held.some(c => c.equals(cid)) ? [peer] : []
    }))
    return answers.flatMap(a => a.status === 'fulfilled' ? a.value : [])
  }

  inStorageScope (policyId: string, peerId: string): boolean {
    const { attestations } = this.components
    return attestations.scopes.inScope(policyId, peerId) && attestations.recordOf(peerId)?.roles.includes('storage') === true
  }

  /** This node first (no network), then connected peers, then the rest by XOR distance to `seed` (spreads blobs). */
  private rankHolders (peers: string[], seed: Uint8Array): string[] {
    const self = this.components.host.peerId.toString()
    const connected = new Set(this.components.host.getPeers().map(String))
    const distance = new Map(peers.map(p => [p, xorDistance(sha256(new TextEncoder().encode(p)), seed)]))
    const tier = (p: string): number => p === self ? 0 : connected.has(p) ? 1 : 2
    return [...peers].sort((a, b) => tier(a) - tier(b) || Buffer.compare(distance.get(a) as Uint8Array, distance.get(b) as Uint8Array))
  }

  private explainEmptyScope (policyId: string): string {
    const storage = this.components.attestations.peersWithRole('storage')
    if (storage.length === 0) return `no storage node in the scope of ${policyId}: this node knows no verified storage node at all`
    const explained = this.components.attestations.scopes.explain(policyId).filter(e => storage.includes(e.peerId))
    const reasons = explained.slice(0, 5).map(e => `${e.peerId.slice(-8)}: ${e.admitted ? 'admitted' : e.reason}`)
    return `no storage node in the scope of ${policyId}; ${storage.length} known storage nodes are excluded (${reasons.join('; ')}${explained.length > 5 ? '; …' : ''})`
  }
}

async function * asPieces (chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ChunkPieces> {
  for await (const chunk of chunks) yield [chunk]
}

function xorDistance (a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(32)
  for (let i = 0; i < 32; i++) out[i] = (a[i] ?? 0) ^ (b[i] ?? 0)
  return out
}

/** A placement seed for a put, before the CID is known: random, so an app's blobs spread over its scope. */
function randomSeed (): Uint8Array {
  return sha256(crypto.getRandomValues(new Uint8Array(16)))
}

