import { Key, type Datastore } from 'interface-datastore'
import { deletionApp, sha256 } from '../../protocol/blob/index.js'
import type { BlobDeletion } from '../../protocol/blob/index.js'

const DELETIONS = '/escrin/blobs/deletions'
/**
 * How long a holder remembers an owner's deletion it applied: the longest a
 * holder may be away and still learn of it from the others (and a copy made
 * before it be refused) instead of copying the blob back.
 */
export const DELETION_KEEP_MS = 30 * 24 * 60 * 60_000
/** CIDs remembered at most, over all deletions; past it the oldest deletions are forgotten first. */
export const MAX_REMEMBERED_DELETED_CIDS = 100_000

/**
 * The owners' deletions this holder applied, kept in the node's datastore:
 * a copy of a deleted blob made before its deletion is refused, and the
 * other holders of a blob learn of its deletion when they ask what this one
 * holds (repair), so a holder that was away when it was sent removes its copy
 * instead of replicating it again. Only deletions that removed a blob here
 * are kept, so what an owner can make a holder remember is bounded by what it
 * stored there; entries go after DELETION_KEEP_MS.
 */
export class DeletionLog {
  /** By the hash of the signature: each signed deletion once. */
  private readonly byId = new Map<string, BlobDeletion>()
  /** The latest deletion naming each CID. */
  private readonly byCid = new Map<string, BlobDeletion>()
  /** The latest deletion of every blob of each app (owner/name). */
  private readonly byApp = new Map<string, BlobDeletion>()
  private cidCount = 0

  constructor (private readonly datastore: Datastore, private readonly now: () => number = Date.now) {}

  async start (): Promise<void> {
    for await (const { key, value } of this.datastore.query({ prefix: DELETIONS })) {
      try {
        this.index(key.baseNamespace(), JSON.parse(new TextDecoder().decode(value)) as BlobDeletion)
      } catch {
        await this.datastore.delete(key)
      }
    }
    await this.prune()
  }

  /** The latest remembered deletion naming `cid`. */
  of (cid: string): BlobDeletion | undefined {
    return this.byCid.get(cid)
  }

  /** The latest remembered deletion of every blob of `app` (owner/name). */
  ofApp (app: string): BlobDeletion | undefined {
    return this.byApp.get(app)
  }

  /** The remembered deletions of every blob of an app, latest first (few: an app is wiped rarely). */
  appWide (): BlobDeletion[] {
    return [...this.byApp.values()].sort((a, b) => b.issuedAtMs - a.issuedAtMs)
  }

  get size (): number {
    return this.byId.size
  }

  /** Remembers a deletion (already verified) that removed a blob here. */
  async add (deletion: BlobDeletion): Promise<void> {
    const id = idOf(deletion)
    if (this.byId.has(id)) return
    await this.datastore.put(new Key(`${DELETIONS}/${id}`), new TextEncoder().encode(JSON.stringify(deletion)))
    this.index(id, deletion)
    await this.prune()
  }

  private index (id: string, deletion: BlobDeletion): void {
    this.byId.set(id, deletion)
    this.cidCount += weight(deletion)
    this.point(deletion)
  }

  /** Makes the maps name `deletion` wherever it is the latest for a CID or an app. */
  private point (deletion: BlobDeletion): void {
    if (deletion.all) {
      const app = deletionApp(deletion)
      const known = this.byApp.get(app)
      if (known == null || known.issuedAtMs < deletion.issuedAtMs) this.byApp.set(app, deletion)
    }
    for (const cid of deletion.cids) {
      const known = this.byCid.get(cid)
      if (known == null || known.issuedAtMs < deletion.issuedAtMs) this.byCid.set(cid, deletion)
    }
  }

  /** Forgets expired deletions, and the oldest ones while too many CIDs are remembered. */
  private async prune (): Promise<void> {
    const cutoff = this.now() - DELETION_KEEP_MS
    if (this.cidCount <= MAX_REMEMBERED_DELETED_CIDS && [...this.byId.values()].every(d => d.issuedAtMs >= cutoff)) return
    const oldestFirst = [...this.byId].sort(([, a], [, b]) => a.issuedAtMs - b.issuedAtMs)
    for (const [id, deletion] of oldestFirst) {
      if (deletion.issuedAtMs >= cutoff && this.cidCount <= MAX_REMEMBERED_DELETED_CIDS) break
      this.byId.delete(id)
      this.cidCount -= weight(deletion)
      for (const cid of deletion.cids) if (this.byCid.get(cid) === deletion) this.byCid.delete(cid)
      if (this.byApp.get(deletionApp(deletion)) === deletion) this.byApp.delete(deletionApp(deletion))
      await this.datastore.delete(new Key(`${DELETIONS}/${id}`))
    }
    // a CID or an app another remembered deletion names still points at one
    for (const deletion of this.byId.values()) this.point(deletion)
  }
}

/** What a deletion counts against MAX_REMEMBERED_DELETED_CIDS: its CIDs, or one for all of an app's. */
function weight (deletion: BlobDeletion): number {
  return Math.max(1, deletion.cids.length)
}

function idOf (deletion: BlobDeletion): string {
  return Buffer.from(sha256(Buffer.from(deletion.signature.slice(2), 'hex'))).toString('hex')
}
