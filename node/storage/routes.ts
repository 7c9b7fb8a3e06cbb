import { BlobError, type BlobDeletion } from '../../protocol/blob/index.js'
import { ApiError, type Route } from '../api/index.js'
import { describePeerFailures } from '../errors.js'
import type { BlobClient } from './blob-client.js'
import type { StorageService } from './storage-service.js'
import type { BlobRepair } from './repair.js'
import type { StoreUsage } from './blob-store.js'

const STATUS: Partial<Record<BlobError['code'], number>> = {
  BAD_CID: 400,
  EMPTY: 400,
  MALFORMED: 400,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  QUOTA_EXCEEDED: 507,
  OUT_OF_SCOPE: 403,
  NO_STORAGE_IN_SCOPE: 503,
  UNAVAILABLE: 502,
  CORRUPTED: 502,
  BAD_SIGNATURE: 403,
  DELETED: 410
}

function apiError (err: unknown): unknown {
  if (err instanceof BlobError) return new ApiError(STATUS[err.code] ?? 500, err.code, err.message)
  return err
}

/**
 * `POST /v1/blobs?policy=ID[&replicas=N]`: the request body is the blob
 * (already encrypted by the app; this node never sees plaintext app data),
 * streamed to r storage nodes of the policy's scope; answers `{cid, size,
 * replicas}`. `GET /v1/blobs/:cid[?policy=ID]`: the verified bytes.
 * `POST /v1/blobs/delete`: `{deletion}`, the app owner's signed deletion
 * (`signBlobDeletion`), checked and relayed to every peer that may hold one
 * of its blobs; answers which holders removed each.
 * `GET /v1/storage[?offset=N&limit=N]`: what this node holds, a page of its blobs at a time, when it has the storage role.
 */
export function blobRoutes (client: BlobClient, storage?: StorageService, repair?: BlobRepair): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/blobs',
      stream: true,
      handler: async ({ query, raw }) => {
        const policyId = query.get('policy')
        if (policyId == null || !/^[0-9a-f]{64}$/.test(policyId)) throw new ApiError(400, 'MALFORMED', '?policy= must be the 64-hex-digit policy id')
        const declared = raw?.headers['content-length']
        const size = Number(declared)
        if (declared == null || !Number.isSafeInteger(size)) throw new ApiError(411, 'LENGTH_REQUIRED', 'a blob upload needs a Content-Length (holders check it before any byte is sent)')
        const replicasParam = query.get('replicas')
        const replication = replicasParam != null ? Number(replicasParam) : undefined
        if (replication != null && (!Number.isInteger(replication) || replication < 1 || replication > 16)) throw new ApiError(400, 'MALFORMED', '?replicas= must be 1..16')
        try {
          return await client.put(raw as AsyncIterable<Uint8Array>, { policyId, size, ...(replication != null ? { replication } : {}) })
        } catch (err) {
          throw apiError(err)
        }
      }
    },
    {
      method: 'GET',
      path: '/v1/blobs/:cid',
      handler: async ({ params, query }) => {
        const policyId = query.get('policy') ?? undefined
        try {
          const reader = await client.get(params.cid, policyId != null ? { policyId } : {})
          return {
            stream: reader.chunks,
            contentType: 'application/octet-stream',
            headers: { 'content-length': String(reader.size), 'x-escrin-policy': reader.policyId, 'x-escrin-cid': reader.cid }
          }
        } catch (err) {
          throw apiError(err)
        }
      }
    },
    {
      method: 'POST',
      path: '/v1/blobs/delete',
      handler: async ({ body }) => {
        const deletion = deletionFromBody(body)
        try {
          const result = await client.delete(deletion)
          if (result.copiesRemoved === 0) {
            if (result.failed.length === 0) throw new ApiError(404, 'NOT_FOUND', `none of the ${result.asked} nodes asked holds ${deletion.all ? 'a blob' : `any of the ${deletion.cids.length} blobs`} of "${deletion.app}"${deletion.all ? '' : ' named'}`)
            throw new ApiError(502, 'NOT_DELETED', `no node removed a blob: ${describePeerFailures(result.failed)}`)
          }
          return result
        } catch (err) {
          throw apiError(err)
        }
      }
    },
    {
      method: 'GET',
      path: '/v1/storage',
      handler: async ({ query }) => {
        if (storage == null) throw new ApiError(404, 'NO_STORAGE_ROLE', 'this node does not serve the storage role')
        // a page of the blobs held: a storage node may hold millions
        const offset = pageNumber(query.get('offset'), 0, Number.MAX_SAFE_INTEGER, 'offset')
        const limit = pageNumber(query.get('limit'), STORAGE_PAGE_DEFAULT, STORAGE_PAGE_MAX, 'limit')
        const held = storage.store.list()
        const page = held.slice(offset, offset + limit)
        return {
          limits: storage.limits,
          // 'direct' (past the page cache), 'buffered', or 'datastore' for a node without a data dir
          io: await storage.store.ioMode(),
          usage: usageView(storage.store.usage()),
          repair: repair?.totals,
          // the owners' deletions this holder applied and remembers (a copy made before one is refused)
          deletionsRemembered: storage.deletions.size,
          blobs: page.map(m => ({ cid: m.cid, policyId: m.policyId, size: m.size, replicas: m.replicas, damaged: storage.store.isDamaged(m.cid), storedAt: new Date(m.storedAt).toISOString() })),
          ...(offset + page.length < held.length ? { next: `/v1/storage?offset=${offset + page.length}&limit=${limit}` } : {})
        }
      }
    }
  ]
}

/** Apps and uploaders GET /v1/storage names in its usage: the largest; the rest are counted. */
const USAGE_TOP = 100

/** What a store holds, with its per-app and per-uploader breakdowns cut to the USAGE_TOP largest (a node may serve thousands). */
export function usageView (usage: StoreUsage): Record<string, unknown> {
  const top = (bytes: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(bytes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, USAGE_TOP))
  return {
    blobs: usage.blobs,
    bytes: usage.bytes,
    apps: Object.keys(usage.byApp).length,
    uploaders: Object.keys(usage.byUploader).length,
    byApp: top(usage.byApp),
    byUploader: top(usage.byUploader)
  }
}

/** Blobs listed by GET /v1/storage at once: by default, and at most. */
const STORAGE_PAGE_DEFAULT = 1_000
const STORAGE_PAGE_MAX = 10_000

/** A whole number from a query string, `fallback` when absent; a 400 naming it otherwise. */
function pageNumber (text: string | null, fallback: number, max: number, name: string): number {
  if (text == null) return fallback
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n > max) throw new ApiError(400, 'MALFORMED', `${name} must be a whole number up to ${max}`)
  return n
}

/** The body's deletion, with the types checked (its fields and signature are checked by the client). */
function deletionFromBody (body: unknown): BlobDeletion {
  const d = (body as { deletion?: Partial<Record<keyof BlobDeletion, unknown>> } | undefined)?.deletion
  if (d == null || typeof d.owner !== 'string' || typeof d.app !== 'string' || !Array.isArray(d.cids) || !d.cids.every(c => typeof c === 'string') || (d.all !== undefined && typeof d.all !== 'boolean') ||
    typeof d.issuedAtMs !== 'number' || typeof d.signature !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(d.signature) || !/^0x[0-9a-fA-F]{40}$/.test(d.owner)) {
    throw new ApiError(400, 'MALFORMED', 'expected {deletion: {owner, app, all, cids: [CID...], issuedAtMs, signature}}, as signBlobDeletion makes it')
  }
  return { owner: d.owner.toLowerCase() as `0x${string}`, app: d.app, all: d.all === true, cids: d.cids as string[], issuedAtMs: d.issuedAtMs, signature: d.signature as `0x${string}` }
}
