import { escrin } from '../../proto/gen/escrin.js'
import { checkLength, decodeMessage, encodeMessage, WireError, wireInteger } from '../wire/index.js'
import { CHUNK_SIZE, MAX_PROTOCOL_BLOB_BYTES, parseBlobCid } from './cid.js'
import { BLOB_FAILURE_CODES, BlobError } from './errors.js'
import { checkDeletionFields, MAX_DELETION_CIDS, type BlobDeletion } from './deletion.js'
import type { CID } from 'multiformats/cid'
import type { Uint8ArrayList } from 'uint8arraylist'

export const BLOB_PROTOCOL = '/escrin/blob/1'
/** Every frame on a blob stream: a chunk and its tag, or a manifest of the largest blob. */
export const MAX_BLOB_FRAME_BYTES = CHUNK_SIZE + 1024
/** CIDs in one `has` request (the repair loop batches by peer). */
export const MAX_HAS_CIDS = 4096
const MAX_REPLICAS = 32
const MAX_PEER_ID_BYTES = 64
/** Deletions one `held` answer carries at most (each up to ~9 KiB): more wait for the next round. */
export const MAX_HELD_DELETIONS = 32

export type BlobRequest =
  /** `createdAtMs`: a repair copy's first store (deletions compare with it). */
  | { put: { policyId: string, size: number, replicas: Uint8Array[], cid?: CID, createdAtMs?: number } }
  | { get: { cid: CID, fromChunk?: number } }
  | { has: { cids: CID[] } }
  | { replicas: { cid: CID, replicas: Uint8Array[] } }
  | { delete: BlobDeletion }

export type BlobResponse =
  | { ready: true } | { have: true } | { ok: true }
  | { stored: CID }
  | { found: { policyId: string, size: number, manifest?: Uint8Array } }
  | { held: CID[], deletions?: BlobDeletion[] }
  /** `count`: how many were removed; `removed` lists the first MAX_HAS_CIDS of them. */
  | { removed: CID[], count: number }
  | { failure: { code: number, message: string } }

/**
 * A chunk as it came off the wire: its bytes in the pieces the transport
 * delivered them in (hash and write them piece by piece; join them only
 * where one contiguous array is needed).
 */
export type ChunkPieces = readonly Uint8Array[]
export type BlobFrame = { chunk: ChunkPieces } | { end: { cid: CID } } | { ack: true }
/**
 * The first byte of every frame after a blob stream's header: a chunk's bytes
 * follow as they are, or a BlobFrame message (end, ack). A chunk is not a
 * protobuf field so that 1 MiB is neither copied into a message by the sender
 * nor out of one by the receiver.
 */
export const FRAME_CONTROL = 0
export const FRAME_CHUNK = 1
const CHUNK_TAG = Uint8Array.of(FRAME_CHUNK)
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

function encodeDeletion (d: BlobDeletion): escrin.IBlobDeletion {
  return { owner: Buffer.from(d.owner.slice(2), 'hex'), app: d.app, all: d.all, cids: d.cids.map(c => parseBlobCid(c).bytes), issuedAtMs: d.issuedAtMs, signature: Buffer.from(d.signature.slice(2), 'hex') }
}

/** A deletion as it came off the wire: well formed (its signature is the holder's to check). */
function deletionField (field: string, m: escrin.IBlobDeletion | null | undefined): BlobDeletion {
  const owner = u8(m?.owner)
  if (owner.length !== 20) throw new WireError('INVALID_FIELD', `${field}.owner: ${owner.length} bytes, expected 20`)
  const cids = m?.cids ?? []
  if (cids.length > MAX_DELETION_CIDS) throw new WireError('INVALID_FIELD', `${field}.cids: ${cids.length}, more than ${MAX_DELETION_CIDS}`)
  const signature = u8(m?.signature)
  if (signature.length !== 65) throw new WireError('INVALID_FIELD', `${field}.signature: ${signature.length} bytes, expected 65`)
  checkLength(`${field}.app`, m?.app, 128)
  const issuedAtMs = wireInteger(m?.issuedAtMs)
  const d: BlobDeletion = {
    owner: `0x${Buffer.from(owner).toString('hex')}`,
    app: m?.app ?? '',
    all: m?.all === true,
    cids: cids.map(c => cidField(`${field}.cids[]`, c).toString()),
    issuedAtMs,
    signature: `0x${Buffer.from(signature).toString('hex')}`
  }
  try {
    checkDeletionFields(d)
  } catch (err) {
    throw new WireError('INVALID_FIELD', `${field}: ${(err as Error).message}`)
  }
  return d
}

function size (field: string, v: unknown): number {
  const n = wireInteger(v)
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_PROTOCOL_BLOB_BYTES) throw new WireError('INVALID_FIELD', `${field}: ${String(v)} is not 1..${MAX_PROTOCOL_BLOB_BYTES}`)
  return n
}

export function encodeBlobRequest (r: BlobRequest): Uint8Array {
  if ('put' in r) return encodeMessage(escrin.BlobRequest, { put: { policyId: r.put.policyId, size: r.put.size, replicas: r.put.replicas, ...(r.put.cid != null ? { cid: r.put.cid.bytes } : {}), ...(r.put.createdAtMs != null ? { createdAtMs: r.put.createdAtMs } : {}) } })
  if ('get' in r) return encodeMessage(escrin.BlobRequest, { get: { cid: r.get.cid.bytes, fromChunk: r.get.fromChunk ?? 0 } })
  if ('has' in r) return encodeMessage(escrin.BlobRequest, { has: { cids: r.has.cids.map(c => c.bytes) } })
  if ('delete' in r) return encodeMessage(escrin.BlobRequest, { delete: encodeDeletion(r.delete) })
  return encodeMessage(escrin.BlobRequest, { replicas: { cid: r.replicas.cid.bytes, replicas: r.replicas.replicas } })
}

export function decodeBlobRequest (bytes: Uint8Array): BlobRequest {
  const m = decodeMessage(escrin.BlobRequest, bytes, MAX_BLOB_FRAME_BYTES)
  if (m.put != null) {
    const cid = m.put.cid != null && m.put.cid.length > 0 ? cidField('put.cid', m.put.cid) : undefined
    const createdAtMs = wireInteger(m.put.createdAtMs ?? 0)
    if (!Number.isSafeInteger(createdAtMs) || createdAtMs < 0) throw new WireError('INVALID_FIELD', 'put.created_at_ms: not a safe integer')
    return { put: { policyId: policyId('put.policy_id', m.put.policyId), size: size('put.size', m.put.size), replicas: peers('put.replicas', m.put.replicas), ...(cid != null ? { cid } : {}), ...(createdAtMs > 0 ? { createdAtMs } : {}) } }
  }
  if (m.get != null) return { get: { cid: cidField('get.cid', m.get.cid), fromChunk: m.get.fromChunk ?? 0 } }
  if (m.has != null) {
    const cids = m.has.cids ?? []
    if (cids.length > MAX_HAS_CIDS) throw new WireError('INVALID_FIELD', `has.cids: ${cids.length}, more than ${MAX_HAS_CIDS}`)
    return { has: { cids: cids.map(c => cidField('has.cids[]', c)) } }
  }
  if (m.replicas != null) return { replicas: { cid: cidField('replicas.cid', m.replicas.cid), replicas: peers('replicas.replicas', m.replicas.replicas) } }
  if (m.delete != null) return { delete: deletionField('delete', m.delete) }
  throw new WireError('INVALID_FIELD', 'a blob request needs one of put, get, has, replicas, delete')
}

export function encodeBlobResponse (r: BlobResponse): Uint8Array {
  if ('ready' in r) return encodeMessage(escrin.BlobResponse, { ready: true })
  if ('have' in r) return encodeMessage(escrin.BlobResponse, { have: true })
  if ('ok' in r) return encodeMessage(escrin.BlobResponse, { ok: true })
  if ('stored' in r) return encodeMessage(escrin.BlobResponse, { stored: r.stored.bytes })
  if ('found' in r) return encodeMessage(escrin.BlobResponse, { found: { policyId: r.found.policyId, size: r.found.size, manifest: r.found.manifest ?? new Uint8Array() } })
  if ('held' in r) return encodeMessage(escrin.BlobResponse, { held: { cids: r.held.map(c => c.bytes), deletions: (r.deletions ?? []).map(encodeDeletion) } })
  if ('removed' in r) return encodeMessage(escrin.BlobResponse, { removed: { cids: r.removed.slice(0, MAX_HAS_CIDS).map(c => c.bytes), count: r.count } })
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
      const deletions = m.held?.deletions ?? []
      if (deletions.length > MAX_HELD_DELETIONS) throw new WireError('INVALID_FIELD', `held.deletions: more than ${MAX_HELD_DELETIONS}`)
      return { held: cids.map(c => cidField('held.cids[]', c)), ...(deletions.length > 0 ? { deletions: deletions.map(d => deletionField('held.deletions[]', d)) } : {}) }
    }
    case 'removed': {
      const cids = m.removed?.cids ?? []
      if (cids.length > MAX_HAS_CIDS) throw new WireError('INVALID_FIELD', `removed.cids: more than ${MAX_HAS_CIDS}`)
      const count = m.removed?.count ?? 0
      if (count < cids.length) throw new WireError('INVALID_FIELD', `removed.count: ${count}, fewer than the ${cids.length} CIDs listed`)
      return { removed: cids.map(c => cidField('removed.cids[]', c)), count }
    }
    case 'failure':
      checkLength('failure.message', m.failure?.message, 1024)
      if (!BLOB_FAILURE_CODES.has(m.failure?.code ?? 0)) throw new WireError('INVALID_FIELD', `failure.code: unknown or unspecified value ${m.failure?.code ?? 0}`)
      return { failure: { code: m.failure?.code ?? 0, message: m.failure?.message ?? '' } }
    default:
      throw new WireError('INVALID_FIELD', 'a blob response needs a result')
  }
}

/** A control frame (end, ack); chunks go as chunkFrame(chunk). */
export function encodeBlobFrame (f: Exclude<BlobFrame, { chunk: unknown }>): Uint8Array {
  const body = 'ack' in f ? encodeMessage(escrin.BlobFrame, { ack: true }) : encodeMessage(escrin.BlobFrame, { end: { cid: f.end.cid.bytes } })
  const out = new Uint8Array(1 + body.length)
  out[0] = FRAME_CONTROL
  out.set(body, 1)
  return out
}

/** A chunk frame as pieces to write back to back (tag, then the chunk itself, not copied). */
export function chunkFrame (chunk: Uint8Array): [Uint8Array, Uint8Array] {
  if (chunk.length === 0 || chunk.length > CHUNK_SIZE) throw new BlobError('MALFORMED', `a chunk of ${chunk.length} bytes (1..${CHUNK_SIZE})`)
  return [CHUNK_TAG, chunk]
}

/** A frame after the header, as bytes or as the list a length-prefixed reader returns (a chunk's pieces are kept, not joined). */
export function decodeBlobFrame (frame: Uint8Array | Uint8ArrayList): BlobFrame {
  if (frame.byteLength > MAX_BLOB_FRAME_BYTES) throw new WireError('TOO_LARGE', `a frame of ${frame.byteLength} bytes exceeds the ${MAX_BLOB_FRAME_BYTES}-byte bound`)
  if (frame.byteLength === 0) throw new WireError('MALFORMED', 'an empty blob frame')
  const tag = frame instanceof Uint8Array ? frame[0] : frame.get(0)
  if (tag === FRAME_CHUNK) {
    const length = frame.byteLength - 1
    if (length === 0 || length > CHUNK_SIZE) throw new WireError('INVALID_FIELD', `chunk: ${length} bytes, expected 1..${CHUNK_SIZE}`)
    return { chunk: frame instanceof Uint8Array ? [frame.subarray(1)] : [...frame.sublist(1)] }
  }
  if (tag !== FRAME_CONTROL) throw new WireError('INVALID_FIELD', `unknown blob frame tag ${tag}`)
  const m = decodeMessage(escrin.BlobFrame, frame.subarray(1), MAX_BLOB_FRAME_BYTES)
  if (m.kind === 'end') return { end: { cid: cidField('end.cid', m.end?.cid) } }
  if (m.kind === 'ack' && m.ack === true) return { ack: true }
  throw new WireError('INVALID_FIELD', 'a blob control frame needs one of end, ack')
}

/** How many bytes a chunk's pieces hold together. */
export function piecesLength (pieces: ChunkPieces): number {
  let length = 0
  for (const p of pieces) length += p.byteLength
  return length
}

/** A chunk's pieces as one array: the piece itself when there is one, else a copy. */
export function joinPieces (pieces: ChunkPieces): Uint8Array {
  if (pieces.length === 1) return pieces[0]
  const out = new Uint8Array(piecesLength(pieces))
  let offset = 0
  for (const p of pieces) {
    out.set(p, offset)
    offset += p.byteLength
  }
  return out
}
