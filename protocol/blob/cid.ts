import { createHash } from 'node:crypto'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'
import { BlobError } from './errors.js'

/** Blobs are stored, sent and verified in chunks of this many bytes (the last may be shorter). */
export const CHUNK_SIZE = 1024 * 1024
/** The largest blob the protocol can describe: its manifest stays under 512 KiB. */
export const MAX_PROTOCOL_BLOB_BYTES = 16 * 1024 * CHUNK_SIZE
export const RAW_CODEC = 0x55
/**
 * A chunk manifest (multicodec private-use range): the CID of a blob larger
 * than one chunk hashes the list of its chunk hashes, so every chunk can be
 * checked as it arrives, before the next one, rather than only at the end.
 */
export const MANIFEST_CODEC = 0x300e5c
const SHA2_256 = 0x12
const HASH_BYTES = 32
const MANIFEST_VERSION = 1
const MANIFEST_HEADER_BYTES = 1 + 8 + 4

export function sha256 (bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest())
}

/** sha256 of bytes held in pieces (a chunk as it came off the wire), without joining them. */
export function sha256Pieces (pieces: readonly Uint8Array[]): Uint8Array {
  const hash = createHash('sha256')
  for (const piece of pieces) hash.update(piece)
  return new Uint8Array(hash.digest())
}

/** What a blob's CID commits to: its size and the sha256 of each chunk. */
export interface BlobLayout {
  size: number
  chunkSize: number
  hashes: Uint8Array[]
}

export function chunkCount (size: number, chunkSize = CHUNK_SIZE): number {
  return Math.ceil(size / chunkSize)
}

/**
 * The CID of a blob from its chunk hashes: a single-chunk blob is CIDv1 raw
 * sha256 of its bytes (so a worker's code CID is its blob CID); a larger one
 * is the sha256 of its manifest, with the manifest codec.
 */
export function blobCid (layout: BlobLayout): { cid: CID, manifest?: Uint8Array } {
  if (layout.size === 0 || layout.hashes.length === 0) throw new BlobError('EMPTY', 'a blob has at least one byte')
  if (layout.hashes.length !== chunkCount(layout.size, layout.chunkSize)) throw new BlobError('MALFORMED', `${layout.hashes.length} chunk hashes for ${layout.size} bytes`)
  if (layout.hashes.length === 1) return { cid: CID.createV1(RAW_CODEC, Digest.create(SHA2_256, layout.hashes[0])) }
  const manifest = encodeManifest(layout)
  return { cid: CID.createV1(MANIFEST_CODEC, Digest.create(SHA2_256, sha256(manifest))), manifest }
}

/** The CID of bytes held in memory (small blobs, worker code, tests). */
export function blobCidOf (bytes: Uint8Array, chunkSize = CHUNK_SIZE): CID {
  const hashes: Uint8Array[] = []
  for (let offset = 0; offset < bytes.length; offset += chunkSize) hashes.push(sha256(bytes.subarray(offset, offset + chunkSize)))
  return blobCid({ size: bytes.length, chunkSize, hashes }).cid
}

function encodeManifest (layout: BlobLayout): Uint8Array {
  const out = new Uint8Array(MANIFEST_HEADER_BYTES + HASH_BYTES * layout.hashes.length)
  const view = new DataView(out.buffer)
  out[0] = MANIFEST_VERSION
  view.setBigUint64(1, BigInt(layout.size))
  view.setUint32(9, layout.chunkSize)
  layout.hashes.forEach((h, i) => { out.set(h, MANIFEST_HEADER_BYTES + HASH_BYTES * i) })
  return out
}

/** A blob CID from text or bytes; BAD_CID unless it is v1, sha256, raw or manifest. */
export function parseBlobCid (input: string | Uint8Array): CID {
  let cid: CID
  try {
    cid = typeof input === 'string' ? CID.parse(input) : CID.decode(input)
  } catch (err) {
    throw new BlobError('BAD_CID', `not a CID: ${(err as Error).message}`)
  }
  if (cid.version !== 1 || cid.multihash.code !== SHA2_256 || cid.multihash.digest.length !== HASH_BYTES || (cid.code !== RAW_CODEC && cid.code !== MANIFEST_CODEC)) {
    throw new BlobError('BAD_CID', `${cid.toString()} is not a blob CID (CIDv1, raw or escrin manifest, sha2-256)`)
  }
  return cid
}

/**
 * The layout a holder's answer must match: for a raw CID the CID itself; for a
 * manifest CID the manifest, checked against the CID and decoded strictly.
 * CORRUPTED when the manifest is not the one the CID names.
 */
export function layoutFor (cid: CID, size: number, manifest: Uint8Array | undefined): BlobLayout {
  if (cid.code === RAW_CODEC) {
    if (size < 1 || size > CHUNK_SIZE) throw new BlobError('CORRUPTED', `a raw blob of ${size} bytes (raw blobs are 1..${CHUNK_SIZE})`)
    return { size, chunkSize: CHUNK_SIZE, hashes: [cid.multihash.digest] }
  }
  if (manifest == null || !equalBytes(sha256(manifest), cid.multihash.digest)) throw new BlobError('CORRUPTED', `the manifest does not hash to ${cid.toString()}`)
  if (manifest.length < MANIFEST_HEADER_BYTES || manifest[0] !== MANIFEST_VERSION || (manifest.length - MANIFEST_HEADER_BYTES) % HASH_BYTES !== 0) {
    throw new BlobError('MALFORMED', 'not a version-1 manifest')
  }
  const view = new DataView(manifest.buffer, manifest.byteOffset, manifest.byteLength)
  const total = Number(view.getBigUint64(1))
  const chunkSize = view.getUint32(9)
  const count = (manifest.length - MANIFEST_HEADER_BYTES) / HASH_BYTES
  if (chunkSize < 1 || chunkSize > CHUNK_SIZE || total !== size || total > MAX_PROTOCOL_BLOB_BYTES || count !== chunkCount(total, chunkSize) || count < 2) {
    throw new BlobError('MALFORMED', `the manifest's size ${total} and chunk size ${chunkSize} do not fit ${count} chunks of a ${size}-byte blob`)
  }
  const hashes: Uint8Array[] = []
  for (let i = 0; i < count; i++) hashes.push(manifest.subarray(MANIFEST_HEADER_BYTES + HASH_BYTES * i, MANIFEST_HEADER_BYTES + HASH_BYTES * (i + 1)))
  return { size: total, chunkSize, hashes }
}

/** Byte length of chunk `index` of a blob with this layout. */
export function chunkLength (layout: BlobLayout, index: number): number {
  return Math.min(layout.chunkSize, layout.size - index * layout.chunkSize)
}

export function equalBytes (a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i]
  return diff === 0
}
