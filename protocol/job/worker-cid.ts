import { createHash } from 'node:crypto'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'

const RAW_CODEC = 0x55
const SHA2_256 = 0x12

/** A worker's content address: CIDv1, raw codec, sha256 of the module's bytes. */
export function workerCid (code: Uint8Array): CID {
  return CID.createV1(RAW_CODEC, Digest.create(SHA2_256, createHash('sha256').update(code).digest()))
}

/** True when `code` hashes to the CID in `cidBytes` (which must be a raw sha256 CIDv1). */
export function checkCodeMatchesCid (code: Uint8Array, cidBytes: Uint8Array): boolean {
  let cid: CID
  try {
    cid = CID.decode(cidBytes)
  } catch {
    return false
  }
  return cid.version === 1 && cid.code === RAW_CODEC && cid.multihash.code === SHA2_256 && cid.equals(workerCid(code))
}
