import { escrin } from '../../proto/gen/escrin.js'

export type BlobErrorCode =
  | 'MALFORMED' | 'NOT_FOUND' | 'TOO_LARGE' | 'QUOTA_EXCEEDED' | 'OUT_OF_SCOPE' | 'CORRUPTED' | 'BUSY' | 'SHUTTING_DOWN' | 'INTERNAL'
  /** A deletion not signed by the app's owner; a copy of a blob its owner deleted. */
  | 'BAD_SIGNATURE' | 'DELETED'
  /** Client-side only: not a blob CID, no storage node in scope, no holder could serve, wrong key. */
  | 'BAD_CID' | 'EMPTY' | 'NO_STORAGE_IN_SCOPE' | 'UNAVAILABLE' | 'DECRYPT_FAILED'

/** Errors another holder may not have: the client tries the next one. */
const RETRYABLE = new Set<BlobErrorCode>(['NOT_FOUND', 'CORRUPTED', 'BUSY', 'SHUTTING_DOWN', 'INTERNAL', 'UNAVAILABLE', 'QUOTA_EXCEEDED', 'OUT_OF_SCOPE'])

export class BlobError extends Error {
  override readonly name = 'BlobError'
  constructor (readonly code: BlobErrorCode, message: string) {
    super(message)
  }

  get retryable (): boolean {
    return RETRYABLE.has(this.code)
  }
}

/** Failures that say a holder could not take part now, not what it thinks of the blob. */
const NOT_AN_ANSWER = new Set<BlobErrorCode>(['UNAVAILABLE', 'BUSY', 'SHUTTING_DOWN', 'INTERNAL'])

/**
 * What a set of holders' failures tells the client: the refusal shared by
 * every holder that answered (too large, over quota, out of scope), else
 * UNAVAILABLE. Holders that could not be reached, or were busy or stopping,
 * do not vote: one restarting peer must not hide that the blob is too large
 * for all the others.
 */
export function commonRefusal (failures: readonly unknown[]): BlobErrorCode {
  const codes = new Set<BlobErrorCode>()
  for (const f of failures) if (f instanceof BlobError && !NOT_AN_ANSWER.has(f.code)) codes.add(f.code)
  return codes.size === 1 ? [...codes][0] : 'UNAVAILABLE'
}

const TO_WIRE: Partial<Record<BlobErrorCode, escrin.BlobErrorCode>> = {
  MALFORMED: escrin.BlobErrorCode.BLOB_MALFORMED,
  NOT_FOUND: escrin.BlobErrorCode.BLOB_NOT_FOUND,
  TOO_LARGE: escrin.BlobErrorCode.BLOB_TOO_LARGE,
  QUOTA_EXCEEDED: escrin.BlobErrorCode.BLOB_QUOTA_EXCEEDED,
  OUT_OF_SCOPE: escrin.BlobErrorCode.BLOB_OUT_OF_SCOPE,
  CORRUPTED: escrin.BlobErrorCode.BLOB_CORRUPTED,
  BAD_CID: escrin.BlobErrorCode.BLOB_MALFORMED,
  EMPTY: escrin.BlobErrorCode.BLOB_MALFORMED,
  BUSY: escrin.BlobErrorCode.BLOB_BUSY,
  SHUTTING_DOWN: escrin.BlobErrorCode.BLOB_SHUTTING_DOWN,
  BAD_SIGNATURE: escrin.BlobErrorCode.BLOB_BAD_SIGNATURE,
  DELETED: escrin.BlobErrorCode.BLOB_DELETED
}

const FROM_WIRE = new Map<number, BlobErrorCode>([
  [escrin.BlobErrorCode.BLOB_MALFORMED, 'MALFORMED'],
  [escrin.BlobErrorCode.BLOB_NOT_FOUND, 'NOT_FOUND'],
  [escrin.BlobErrorCode.BLOB_TOO_LARGE, 'TOO_LARGE'],
  [escrin.BlobErrorCode.BLOB_QUOTA_EXCEEDED, 'QUOTA_EXCEEDED'],
  [escrin.BlobErrorCode.BLOB_OUT_OF_SCOPE, 'OUT_OF_SCOPE'],
  [escrin.BlobErrorCode.BLOB_CORRUPTED, 'CORRUPTED'],
  [escrin.BlobErrorCode.BLOB_BUSY, 'BUSY'],
  [escrin.BlobErrorCode.BLOB_SHUTTING_DOWN, 'SHUTTING_DOWN'],
  [escrin.BlobErrorCode.BLOB_INTERNAL, 'INTERNAL'],
  [escrin.BlobErrorCode.BLOB_BAD_SIGNATURE, 'BAD_SIGNATURE'],
  [escrin.BlobErrorCode.BLOB_DELETED, 'DELETED']
])

/** The BlobErrorCode numbers a failure on the wire may carry (UNSPECIFIED is not one): decoders refuse others. */
export const BLOB_FAILURE_CODES: ReadonlySet<number> = new Set(FROM_WIRE.keys())

export function failureFromBlobError (err: BlobError): { code: number, message: string } {
  return { code: TO_WIRE[err.code] ?? escrin.BlobErrorCode.BLOB_INTERNAL, message: err.message }
}

/** A decoded failure as a BlobError; the decoder has refused codes outside BLOB_FAILURE_CODES, a local caller's read as INTERNAL. */
export function blobErrorFromFailure (failure: { code: number, message: string }): BlobError {
  return new BlobError(FROM_WIRE.get(failure.code) ?? 'INTERNAL', failure.message)
}
