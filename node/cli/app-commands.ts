import { readFile } from 'node:fs/promises'
import { privateKeyToAccount } from 'viem/accounts'
import { createPolicy, PolicyError, signedPolicyToJson, signPolicy } from '../../protocol/policy/index.js'
import { StartupError, UsageError } from '../errors.js'
import { parseCommandArgs } from './args.js'

export const POLICY_HELP = `Usage: escrin-node policy publish FILE --key HEX --api URL

Signs the policy in FILE with the app owner's Ethereum key (EIP-712, as a
wallet would) and publishes it through a node's API. FILE is JSON:
  { "name": "payroll", "version": 1, "predicate": { "eq": ["tee.kind", "nitro"] } }
Prints the policy id. A newer version from the same owner and name replaces the old.

Options:
  --key HEX          the owner's secp256k1 private key (or env ESCRIN_APP_KEY)
  --api URL          a node's API, e.g. http://127.0.0.1:7001`

export const SCOPE_HELP = `Usage: escrin-node scope POLICY_ID --api URL [--explain]

Prints the peers in the policy's scope as a node sees them; with --explain,
every known peer and the clause that admitted or excluded it.`

async function callApi (method: 'GET' | 'POST', url: string, body?: unknown): Promise<any> {
  let res: Response
  try {
    res = await fetch(url, { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}), signal: AbortSignal.timeout(10_000) })
  } catch (err) {
    throw new StartupError(`cannot reach ${url}: ${(err as { cause?: Error }).cause?.message ?? (err as Error).message}`)
  }
  const json = await res.json().catch(() => undefined) as any
  if (!res.ok) throw new StartupError(`the node refused: ${json?.error?.code ?? res.status}: ${json?.error?.message ?? res.statusText}`)
  return json
}

function apiBase (value: unknown): string {
  if (typeof value !== 'string') throw new UsageError('--api URL is required (a node\'s API, e.g. http://127.0.0.1:7001)')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`--api: "${value}" is not a URL`)
  }
  return url.toString().replace(/\/$/, '')
}

export async function policy (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], { key: { type: 'string' }, api: { type: 'string' } }, 2)
  const [sub, file] = parsed.positionals
  if (sub !== 'publish') throw new UsageError(sub === undefined ? 'missing subcommand (use: policy publish FILE --key HEX --api URL)' : `unknown subcommand "${sub}" (use: publish)`)
  if (file === undefined) throw new UsageError('missing FILE: the policy to publish')
  const key = (parsed.values.key as string | undefined) ?? process.env.ESCRIN_APP_KEY
  if (key === undefined || !/^(0x)?[0-9a-fA-F]{64}$/.test(key)) throw new UsageError('--key must be a 32-byte hex private key')
  const hexKey = (key.startsWith('0x') ? key : `0x${key}`) as `0x${string}`
  const base = apiBase(parsed.values.api)

  let doc: { name?: unknown, version?: unknown, predicate?: unknown, createdAt?: unknown }
  try {
    doc = JSON.parse(await readFile(file, 'utf8'))
  } catch (err) {
    throw new UsageError(`cannot read policy ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  let signed
  try {
    const policyDoc = createPolicy({
      owner: privateKeyToAccount(hexKey).address,
      name: doc.name as string,
      version: doc.version as number,
      predicate: typeof doc.predicate === 'string' ? doc.predicate : JSON.stringify(doc.predicate),
      ...(typeof doc.createdAt === 'number' ? { createdAt: doc.createdAt } : { createdAt: Math.floor(Date.now() / 1000) })
    })
    signed = await signPolicy(policyDoc, hexKey)
  } catch (err) {
    if (err instanceof PolicyError) throw new UsageError(`policy ${file}: ${err.message}`)
    throw err
  }
  const result = await callApi('POST', `${base}/v1/policies`, signedPolicyToJson(signed))
  console.log(JSON.stringify(result))
  return 0
}

export async function scope (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], { api: { type: 'string' }, explain: { type: 'boolean' } }, 1)
  const [policyId] = parsed.positionals
  if (policyId === undefined || !/^[0-9a-f]{64}$/.test(policyId)) throw new UsageError('POLICY_ID must be the 64-hex-digit policy id')
  const base = apiBase(parsed.values.api)
  const explain = parsed.values.explain === true
  const result = await callApi('GET', `${base}/v1/scopes/${policyId}${explain ? '?explain=1' : ''}`)
  if (!explain) {
    console.log(`${result.members.length} member${result.members.length === 1 ? '' : 's'}`)
    for (const member of result.members) console.log(member)
    return 0
  }
  for (const entry of result.explain as Array<{ peerId: string, admitted: boolean, clause: string, reason: string }>) {
    console.log(`${entry.admitted ? 'IN ' : 'OUT'} ${entry.peerId}  ${entry.clause}: ${entry.reason}`)
  }
  return 0
}
