import { escrin } from '../../proto/gen/escrin.js'
import { checkLength, decodeMessage, encodeMessage, WireError } from '../wire/index.js'
import { CHUNK_SIZE, MAX_PROTOCOL_BLOB_BYTES, parseBlobCid } from './cid.js'
import { BlobError } from './errors.js'
import type { CID } from 'multiformats/cid'

export const BLOB_PROTOCOL = '/escrin/blob/1'
/** Every frame on a blob stream: a chunk and its framing, or a manifest of the largest blob. */
export const MAX_BLOB_FRAME_BYTES = CHUNK_SIZE + 1024
/** CIDs in one `has` request (the repair loop batches by peer). */
export const MAX_HAS_CIDS = 4096
const MAX_REPLICAS = 32
const MAX_PEER_ID_BYTES = 64

export type BlobRequest =
  | { put: { policyId: string, size: number, replicas: Uint8Array[], cid?: CID } }
  | { get: { cid: CID, fromChunk?: number } }
  | { has: { cids: CID[] } }
  | { replicas: { cid: CID, replicas: Uint8Array[] } }

export type BlobResponse =
  | { ready: true } | { have: true } | { ok: true }
  | { stored: CID }
  | { found: { policyId: string, size: number, manifest?: Uint8Array } }
  | { held: CID[] }
  | { failure: { code: number, message: string } }

export type BlobFrame = { chunk: Uint8Array } | { end: { cid: CID } } | { ack: true }
/**
 * Chunks in flight without an acknowledgement, each way: enough to keep a
 * loopback or LAN link busy while the receiver hashes and writes, few enough
 * that a receiver's buffer (BLOB_STREAM_BUFFER_BYTES) never overflows however
 * fast the sender is.
 */
export const BLOB_WINDOW_CHUNKS = 8
/** What each side of a blob stream buffers at most: the window and one frame being read. */
export const BLOB_STREAM_BUFFER_BYTES = (BLOB_WINDOW_CHUNKS + 2) * MAX_BLOB_FRAME_BYTES

const u8 = (b: Uint8Array | null | undefined): Uint8Array => b == null ? new Uint8Array() : new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

/** A CID field: WireError (not BlobError) on the wire, so every decoding failure is one type. */
function cidField (field: string, bytes: Uint8Array | null | undefined): CID {
  try {
    return parseBlobCid(u8(bytes))
  } catch (err) {
    throw new WireError('INVALID_FIELD', `${field}: ${(err as BlobError).message}`)
  }
}

function peers (field: string, list: Uint8Array[] | null | undefined): Uint8Array[] {
  const out = (list ?? []).map(u8)
  if (out.length > MAX_REPLICAS) throw new WireError('INVALID_FIELD', `${field}: ${out.length} peers, more than ${MAX_REPLICAS}`)
  for (const p of out) {
    if (p.length === 0) throw new WireError('INVALID_FIELD', `${field}[]: empty`)
    checkLength(`${field}[]`, p, MAX_PEER_ID_BYTES)
  }
  return out
}

function policyId (field: string, s: string | null | undefined): string {
  if (s == null || !/^[0-9a-f]{64}$/.test(s)) throw new WireError('INVALID_FIELD', `${field}: not a 64-hex-digit policy id`)
  return s
}

function size (field: string, v: unknown): number {
  const n = Number(v ?? 0)
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_PROTOCOL_BLOB_BYTES) throw new WireError('INVALID_FIELD', `${field}: ${String(v)} is not 1..${MAX_PROTOCOL_BLOB_BYTES}`)
  return n
}

export function encodeBlobRequest (r: BlobRequest): Uint8Array {
  if ('put' in r) return encodeMessage(escrin.BlobRequest, { put: { policyId: r.put.policyId, size: r.put.size, replicas: r.put.replicas, ...(r.put.cid != null ? { cid: r.put.cid.bytes } : {}) } })
  if ('get' in r) return encodeMessage(escrin.BlobRequest, { get: { cid: r.get.cid.bytes, fromChunk: r.get.fromChunk ?? 0 } })
  if ('has' in r) return encodeMessage(escrin.BlobRequest, { has: { cids: r.has.cids.map(c => c.bytes) } })
  return encodeMessage(escrin.BlobRequest, { replicas: { cid: r.replicas.cid.bytes, replicas: r.replicas.replicas } })
}

export function decodeBlobRequest (bytes: Uint8Array): BlobRequest {
  const m = decodeMessage(escrin.BlobRequest, bytes, MAX_BLOB_FRAME_BYTES)
  if (m.put != null) {
    const cid = m.put.cid != null && m.put.cid.length > 0 ? cidField('put.cid', m.put.cid) : undefined
    return { put: { policyId: policyId('put.policy_id', m.put.policyId), size: size('put.size', m.put.size), replicas: peers('put.replicas', m.put.replicas), ...(cid != null ? { cid } : {}) } }
  }
  if (m.get != null) return { get: { cid: cidField('get.cid', m.get.cid), fromChunk: m.get.fromChunk ?? 0 } }
  if (m.has != null) {
    const cids = m.has.cids ?? []
    if (cids.length > MAX_HAS_CIDS) throw new WireError('INVALID_FIELD', `has.cids: ${cids.length}, more than ${MAX_HAS_CIDS}`)
    return { has: { cids: cids.map(c => cidField('has.cids[]', c)) } }
  }
  if (m.replicas != null) return { replicas: { cid: cidField('replicas.cid', m.replicas.cid), replicas: peers('replicas.replicas', m.replicas.replicas) } }
  throw new WireError('INVALID_FIELD', 'a blob request needs one of put, get, has, replicas')
}

export function encodeBlobResponse (r: BlobResponse): Uint8Array {
  if ('ready' in r) return encodeMessage(escrin.BlobResponse, { ready: true })
  if ('have' in r) return encodeMessage(escrin.BlobResponse, { have: true })
  if ('ok' in r) return encodeMessage(escrin.BlobResponse, { ok: true })
  if ('stored' in r) return encodeMessage(escrin.BlobResponse, { stored: r.stored.bytes })
  if ('found' in r) return encodeMessage(escrin.BlobResponse, { found: { policyId: r.found.policyId, size: r.found.size, manifest: r.found.manifest ?? new Uint8Array() } })
  if ('held' in r) return encodeMessage(escrin.BlobResponse, { held: { cids: r.held.map(c => c.bytes) } })
  return encodeMessage(escrin.BlobResponse, { failure: r.failure })
}

export function decodeBlobResponse (bytes: Uint8Array): BlobResponse {
  const m = decodeMessage(escrin.BlobResponse, bytes, MAX_BLOB_FRAME_BYTES)
  switch (m.result) {
    case 'ready': return { ready: true }
    case 'have': return { have: true }
    case 'ok': return { ok: true }
    case 'stored': return { stored: cidField('stored', m.stored) }
    case 'found': {
      const f = m.found as escrin.IBlobFound
      const manifest = u8(f.manifest)
      return { found: { policyId: policyId('found.policy_id', f.policyId), size: size('found.size', f.size), ...(manifest.length > 0 ? { manifest } : {}) } }
    }
    case 'held': {
      const cids = m.held?.cids ?? []
      if (cids.length > MAX_HAS_CIDS) throw new WireError('INVALID_FIELD', `held.cids: more than ${MAX_HAS_CIDS}`)
      return { held: cids.map(c => cidField('held.cids[]', c)) }
    }
    case 'failure':
      checkLength('failure.message', m.failure?.message, 1024)
      return { failure: { code: m.failure?.code ?? 0, message: m.failure?.message ?? '' } }
    default:
      throw new WireError('INVALID_FIELD', 'a blob response needs a result')
  }
}

export function encodeBlobFrame (f: BlobFrame): Uint8Array {
  if ('ack' in f) return encodeMessage(escrin.BlobFrame, { ack: true })
  return 'chunk' in f ? encodeMessage(escrin.BlobFrame, { chunk: f.chunk }) : encodeMessage(escrin.BlobFrame, { end: { cid: f.end.cid.bytes } })
}

export function decodeBlobFrame (bytes: Uint8Array): BlobFrame {
  const m = decodeMessage(escrin.BlobFrame, bytes, MAX_BLOB_FRAME_BYTES)
  if (m.kind === 'chunk') {
    const chunk = u8(m.chunk)
    if (chunk.length === 0 || chunk.length > CHUNK_SIZE) throw new WireError('INVALID_FIELD', `chunk: ${chunk.length} bytes, expected 1..${CHUNK_SIZE}`)
    return { chunk }
  }
  if (m.kind === 'end') return { end: { cid: cidField('end.cid', m.end?.cid) } }
  if (m.kind === 'ack' && m.ack === true) return { ack: true }
  throw new WireError('INVALID_FIELD', 'a blob frame needs one of chunk, end')
}

