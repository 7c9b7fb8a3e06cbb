import { privateKeyToAccount } from 'viem/accounts'
import { recoverTypedDataAddress } from 'viem/utils'
import { hasHighS } from '../crypto/index.js'
import { lineageKey, POLICY_EIP712_DOMAIN } from '../policy/index.js'
import { MAX_POLICY_NAME_LENGTH } from '../policy/constants.js'
import { BlobError } from './errors.js'
import { parseBlobCid } from './cid.js'

/** CIDs one deletion names at most: a signed message a holder checks in one go, a few KiB on the wire. */
export const MAX_DELETION_CIDS = 256
/**
 * How far ahead of a holder's clock a deletion may be dated. A deletion
 * removes what was stored up to its date, and a copy made before it is
 * refused: a date far ahead would refuse the app's own new uploads until then.
 */
export const DELETION_CLOCK_SKEW_MS = 5 * 60_000

const TYPES = {
  BlobDeletion: [
    { name: 'owner', type: 'address' },
    { name: 'app', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'cids', type: 'string[]' },
    { name: 'issuedAtMs', type: 'uint64' }
  ]
} as const

/**
 * The app owner's word that blobs of the app (owner, policy name) are to go:
 * each named CID, or with `all` every blob, that a holder stored for the app
 * at or before `issuedAtMs`. Anyone may carry it; only its signature counts.
 * Because it reaches back in time only, replaying it later removes nothing
 * its owner had not asked to remove: an upload after it stays.
 */
export interface BlobDeletion {
  owner: `0x${string}`
  /** The app's policy name. */
  app: string
  /** Every blob of the app (an app's data wiped, or the app retired): `cids` is then empty. */
  all: boolean
  /** Canonical CID strings (base32), 1..MAX_DELETION_CIDS, no repeats; none when `all`. */
  cids: string[]
  issuedAtMs: number
  signature: `0x${string}`
}

/** The fields of a deletion, checked (not its signature): a BlobError('MALFORMED') for any that is not well formed. */
export function checkDeletionFields (d: Omit<BlobDeletion, 'signature'>): void {
  if (!/^0x[0-9a-f]{40}$/.test(d.owner)) throw new BlobError('MALFORMED', 'deletion: owner must be a lower-case 20-byte address')
  if (d.app.length === 0 || d.app.length > MAX_POLICY_NAME_LENGTH) throw new BlobError('MALFORMED', `deletion: app must be a policy name of 1..${MAX_POLICY_NAME_LENGTH} characters`)
  if (d.all) {
    if (d.cids.length > 0) throw new BlobError('MALFORMED', 'deletion: of all the app\'s blobs, yet naming CIDs')
  } else if (d.cids.length === 0 || d.cids.length > MAX_DELETION_CIDS) {
    throw new BlobError('MALFORMED', `deletion: ${d.cids.length} CIDs, expected 1..${MAX_DELETION_CIDS} (or all)`)
  }
  if (new Set(d.cids).size !== d.cids.length) throw new BlobError('MALFORMED', 'deletion: a CID is named twice')
  for (const cid of d.cids) {
    // canonical form only: the signed strings are what every holder compares with its own
    let canonical: string | undefined
    try {
      canonical = parseBlobCid(cid).toString()
    } catch {}
    if (canonical !== cid) throw new BlobError('MALFORMED', `deletion: ${cid} is not a blob CID in its canonical form`)
  }
  if (!Number.isSafeInteger(d.issuedAtMs) || d.issuedAtMs <= 0) throw new BlobError('MALFORMED', 'deletion: issuedAtMs must be a positive whole number of milliseconds')
}

function message (d: Omit<BlobDeletion, 'signature'>): { owner: `0x${string}`, app: string, all: boolean, cids: string[], issuedAtMs: bigint } {
  return { owner: d.owner, app: d.app, all: d.all, cids: d.cids, issuedAtMs: BigInt(d.issuedAtMs) }
}

/** The owner's signed deletion of `cids` (or `all` the blobs) of its app `app`, dated now unless `issuedAtMs` says otherwise. */
export async function signBlobDeletion (input: { app: string, cids?: string[], all?: boolean, issuedAtMs?: number }, ownerKey: `0x${string}`): Promise<BlobDeletion> {
  const account = privateKeyToAccount(ownerKey)
  const unsigned = { owner: account.address.toLowerCase() as `0x${string}`, app: input.app, all: input.all === true, cids: (input.cids ?? []).map(c => parseBlobCid(c).toString()), issuedAtMs: input.issuedAtMs ?? Date.now() }
  checkDeletionFields(unsigned)
  const signature = await account.signTypedData({ domain: POLICY_EIP712_DOMAIN, types: TYPES, primaryType: 'BlobDeletion', message: message(unsigned) })
  return { ...unsigned, signature }
}

/**
 * Resolves when `d` is well formed, signed by its owner and dated at most
 * DELETION_CLOCK_SKEW_MS past `now`; else a BlobError (MALFORMED,
 * BAD_SIGNATURE). The signature is checked before the date: a forgery is
 * always reported as one, whatever its date.
 */
export async function verifyBlobDeletion (d: BlobDeletion, now: number = Date.now()): Promise<void> {
  checkDeletionFields(d)
  if (hasHighS(d.signature)) throw new BlobError('BAD_SIGNATURE', 'deletion signature has a high s value (malleable form)')
  let signer: string
  try {
    signer = await recoverTypedDataAddress({ domain: POLICY_EIP712_DOMAIN, types: TYPES, primaryType: 'BlobDeletion', message: message(d), signature: d.signature })
  } catch (err) {
    throw new BlobError('BAD_SIGNATURE', `deletion signature: ${(err as Error).message.split('\n')[0]}`)
  }
  if (signer.toLowerCase() !== d.owner) throw new BlobError('BAD_SIGNATURE', 'the deletion is not signed by the app\'s owner')
  if (d.issuedAtMs > now + DELETION_CLOCK_SKEW_MS) throw new BlobError('MALFORMED', `the deletion is dated ${new Date(d.issuedAtMs).toISOString()}, ahead of this node's clock`)
}

/** The app a deletion speaks for, keyed as holders key quotas: its policies' lineage. */
export function deletionApp (d: Pick<BlobDeletion, 'owner' | 'app'>): string {
  return lineageKey(d.owner, d.app)
}

/** Whether a blob of `app` first stored at `createdAt` is one `d` removes. */
export function deletionCovers (d: BlobDeletion, cid: string, app: string, createdAt: number): boolean {
  return deletionApp(d) === app && createdAt <= d.issuedAtMs && (d.all || d.cids.includes(cid))
}
