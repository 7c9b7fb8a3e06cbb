import { createReadStream, createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import { BlobError, MAX_DELETION_CIDS, parseBlobCid } from '../../protocol/blob/index.js'
import { EscrinClient } from '../sdk/index.js'
import { describePeerFailures, StartupError, UsageError } from '../errors.js'
import { parseCommandArgs } from './args.js'
import { apiBase, viaApi } from './app-commands.js'

export const BLOB_HELP = `Usage: escrin-node blob put FILE --policy ID --api URL (--key HEX | --plain) [--replicas N]
       escrin-node blob get CID --api URL [--key HEX] [--out FILE] [--policy ID]
       escrin-node blob delete (CID... | --all) --app NAME --owner-key HEX --api URL

put: encrypts FILE with the app's 32-byte data key (ChaCha20-Poly1305, here,
before it leaves) and stores it on r storage nodes of the policy's scope
(default 3). Prints the CID. --plain stores it unencrypted: for public
content such as worker code, which runners fetch by CID (job submit --worker-cid).

get: streams the blob back, verified chunk by chunk against its CID by the
node, decrypted here with --key; to --out FILE, or standard output.

delete: the app owner's deletion of blobs of the app NAME (its policy name),
the CIDs named or --all of them, signed here with --owner-key; every holder
removes its copy of what it stored for the app until now, and frees the
quota. Prints which holders removed each.

Options:
  --policy ID        the app policy whose storage scope holds the blob
  --key HEX          the app's data key, 32 bytes hex (or env ESCRIN_BLOB_KEY)
  --plain            store without encryption (public content only)
  --replicas N       holders to place it on (default 3)
  --out FILE         where get writes the blob (default standard output)
  --app NAME         delete: the app's policy name
  --all              delete: every blob of the app (instead of CIDs)
  --owner-key HEX    delete: the app owner's secp256k1 private key (or env ESCRIN_APP_KEY)
  --api URL          a node's API, e.g. http://127.0.0.1:7001`

function blobKey (value: unknown): Uint8Array | undefined {
  const text = (value as string | undefined) ?? process.env.ESCRIN_BLOB_KEY
  if (text === undefined) return undefined
  if (!/^(0x)?[0-9a-fA-F]{64}$/.test(text)) throw new UsageError('--key must be 32 bytes of hex (the app\'s data key)')
  return new Uint8Array(Buffer.from(text.replace(/^0x/, ''), 'hex'))
}

export async function blob (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], {
    policy: { type: 'string' },
    api: { type: 'string' },
    key: { type: 'string' },
    plain: { type: 'boolean' },
    replicas: { type: 'string' },
    out: { type: 'string' },
    app: { type: 'string' },
    all: { type: 'boolean' },
    'owner-key': { type: 'string' }
  }, 1 + MAX_DELETION_CIDS)
  const [sub, target] = parsed.positionals
  if (sub !== 'put' && sub !== 'get' && sub !== 'delete') throw new UsageError(sub === undefined ? 'missing subcommand (use: blob put FILE ... | blob get CID ... | blob delete CID ...)' : `unknown subcommand "${sub}" (use: put, get, delete)`)
  if (sub === 'delete') return await deleteBlobs(parsed.positionals.slice(1), parsed.values)
  if (parsed.positionals.length > 2) throw new UsageError(`unexpected argument "${parsed.positionals[2]}"`)
  if (target === undefined) throw new UsageError(sub === 'put' ? 'missing FILE: the blob to put' : 'missing CID: the blob to get')
  const base = apiBase(parsed.values.api)
  const key = blobKey(parsed.values.key)
  const policyId = parsed.values.policy as string | undefined
  if (policyId !== undefined && !/^[0-9a-f]{64}$/.test(policyId)) throw new UsageError('--policy must be the 64-hex-digit policy id')
  const client = new EscrinClient(base)

  if (sub === 'put') {
    if (policyId === undefined) throw new UsageError('--policy ID is required')
    if (key === undefined && parsed.values.plain !== true) throw new UsageError('--key HEX (the app\'s data key) or --plain is required: blobs are encrypted unless you say otherwise')
    if (key !== undefined && parsed.values.plain === true) throw new UsageError('--key and --plain exclude each other')
    const replicas = parsed.values.replicas !== undefined ? Number(parsed.values.replicas) : undefined
    if (replicas !== undefined && (!Number.isInteger(replicas) || replicas < 1 || replicas > 16)) throw new UsageError('--replicas must be 1..16')
    let size: number
    try {
      size = (await stat(target)).size
    } catch (err) {
      throw new StartupError(`cannot read ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
    }
    if (size === 0) throw new UsageError(`${target} is empty`)
    const put = await viaApi(async () => await client.putBlob({ policyId, data: createReadStream(target), size, ...(key != null ? { key } : {}), ...(replicas != null ? { replicas } : {}) }))
    console.log(put.cid)
    console.error(`stored ${size} bytes${key != null ? ' (encrypted)' : ''} on ${put.replicas.length} holders: ${put.replicas.join(', ')}`)
    return 0
  }

  const got = await viaApi(async () => await client.getBlob(target, { ...(key != null ? { key } : {}), ...(policyId != null ? { policyId } : {}) }))
  const out = parsed.values.out as string | undefined
  try {
    await pipeline(Readable.from(got.data), out !== undefined ? createWriteStream(out) : process.stdout)
  } catch (err) {
    if (err instanceof BlobError && err.code === 'DECRYPT_FAILED') throw new StartupError(`${err.message}`)
    throw new StartupError(`the blob could not be read whole: ${(err as Error).message}`)
  }
  return 0
}

async function deleteBlobs (cids: string[], values: Record<string, unknown>): Promise<number> {
  const all = values.all === true
  if (cids.length === 0 && !all) throw new UsageError('missing CID: the blobs to delete (or --all)')
  if (cids.length > 0 && all) throw new UsageError('--all deletes every blob of the app: name no CID with it')
  for (const cid of cids) {
    try {
      parseBlobCid(cid)
    } catch (err) {
      throw new UsageError(`"${cid}" is not a blob CID: ${(err as Error).message}`)
    }
  }
  const app = values.app as string | undefined
  if (app === undefined || app === '') throw new UsageError('--app NAME (the app\'s policy name) is required')
  const key = (values['owner-key'] as string | undefined) ?? process.env.ESCRIN_APP_KEY
  if (key === undefined || !/^(0x)?[0-9a-fA-F]{64}$/.test(key)) throw new UsageError('--owner-key must be a 32-byte hex private key (the app owner\'s)')
  const ownerKey = (key.startsWith('0x') ? key : `0x${key}`) as `0x${string}`
  const client = new EscrinClient(apiBase(values.api))
  const result = await viaApi(async () => await client.deleteBlobs({ ownerKey, app, ...(all ? { all } : { cids }) }))
  for (const [cid, holders] of Object.entries(result.removed)) {
    console.log(`${cid}: ${holders.length > 0 ? `removed by ${holders.length} holder${holders.length === 1 ? '' : 's'}` : 'held by none of the nodes asked'}`)
  }
  if (all) console.error(`${result.copiesRemoved} copies removed`)
  if (result.failed.length > 0) console.error(`${result.failed.length} of ${result.asked} nodes did not answer: ${describePeerFailures(result.failed)}`)
  return 0
}
