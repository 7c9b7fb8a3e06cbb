import { createHash } from 'node:crypto'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'

/** The multicodec of raw bytes, and the multihash code and digest size of sha2-256. */
export const RAW_CODEC = 0x55
export const SHA2_256 = 0x12
const SHA2_256_BYTES = 32

/** A worker's content address: CIDv1, raw codec, sha256 of the module's bytes. */
export function workerCid (code: Uint8Array): CID {
  return CID.createV1(RAW_CODEC, Digest.create(SHA2_256, new Uint8Array(createHash('sha256').update(code).digest())))
}

/**
 * `bytes` as a worker CID (v1, raw, sha256), or undefined if it is anything
 * else: not a CID, trailing bytes, another version, codec or hash.
 */
export function parseWorkerCid (bytes: Uint8Array): CID | undefined {
  let cid: CID
  try {
    cid = CID.decode(bytes)
  } catch {
    return undefined
  }
  const ok = cid.version === 1 && cid.code === RAW_CODEC && cid.multihash.code === SHA2_256 && cid.multihash.digest.length === SHA2_256_BYTES
  return ok ? cid : undefined
}

/** True when `code` hashes to the worker CID in `cidBytes`. */
export function checkCodeMatchesCid (code: Uint8Array, cidBytes: Uint8Array): boolean {
  return parseWorkerCid(cidBytes)?.equals(workerCid(code)) ?? false
}
