import { readFile } from 'node:fs/promises'
import type { Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { describeChainError } from '../chain/index.js'
import { createPolicy, PolicyError, signPolicy } from '../../protocol/policy/index.js'
import { EscrinApiError, EscrinClient, registerPolicy } from '../sdk/index.js'
import { describePeerFailures, StartupError, UsageError } from '../errors.js'
import { parseCommandArgs, type ParsedArgs } from './args.js'
import { chainUrlOption, contractOption } from './chain-options.js'
import { POLICY_HISTORY_HELP, policyHistory } from './policy-history.js'

export const POLICY_HELP = `Usage: escrin-node policy publish FILE --key HEX --api URL [--chain URL --policy-registry ADDRESS]
       escrin-node policy history --owner ADDRESS --name NAME --chain URL --policy-registry ADDRESS [--from-block N] [--json]

Signs the policy in FILE with the app owner's Ethereum key (EIP-712, as a
wallet would) and publishes it through a node's API. FILE is JSON:
  { "name": "payroll", "version": 1, "predicate": { "eq": ["tee.kind", "nitro"] } }
Prints the policy id. A newer version from the same owner and name replaces the old.

With --policy-registry, the signed version is first registered in the
EscrinPolicies contract on --chain (the key's address pays the gas): the
public record of the app's trust boundary. Nodes started with
--policy-registry honour a policy only once its version is registered.

Options:
  --key HEX                  the owner's secp256k1 private key (or env ESCRIN_APP_KEY)
  --api URL                  a node's API, e.g. http://127.0.0.1:7001
  --chain URL                Ethereum JSON-RPC URL (or env ESCRIN_CHAIN)
  --policy-registry ADDRESS  the EscrinPolicies contract (or env ESCRIN_POLICY_REGISTRY)

${POLICY_HISTORY_HELP}`

export const SCOPE_HELP = `Usage: escrin-node scope POLICY_ID --api URL [--explain]

Prints the peers in the policy's scope as a node sees them; with --explain,
every known peer and the clause that admitted or excluded it.`

/** The SDK's errors as the CLI reports them: one line, exit 1. */
export async function viaApi<T> (call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    if (err instanceof EscrinApiError) {
      throw new StartupError(err.code === 'UNREACHABLE' ? err.message : `the node refused: ${err.code}: ${err.message}`)
    }
    throw err
  }
}

export function apiBase (value: unknown): string {
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
  if (args[0] === 'history') return await policyHistory(args.slice(1))
  const parsed = parseCommandArgs(args, [], { key: { type: 'string' }, api: { type: 'string' }, chain: { type: 'string' }, 'policy-registry': { type: 'string' } }, 2)
  const [sub, file] = parsed.positionals
  if (sub !== 'publish') throw new UsageError(sub === undefined ? 'missing subcommand (use: policy publish FILE --key HEX --api URL, or policy history)' : `unknown subcommand "${sub}" (use: publish, history)`)
  if (file === undefined) throw new UsageError('missing FILE: the policy to publish')
  const key = (parsed.values.key as string | undefined) ?? process.env.ESCRIN_APP_KEY
  if (key === undefined || !/^(0x)?[0-9a-fA-F]{64}$/.test(key)) throw new UsageError('--key must be a 32-byte hex private key')
  const hexKey = (key.startsWith('0x') ? key : `0x${key}`) as `0x${string}`
  const base = apiBase(parsed.values.api)
  const registry = registryOption(parsed.values)

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
  if (registry != null) {
    try {
      const { transaction } = await registerPolicy(signed, { url: registry.url, registry: registry.contract, senderKey: hexKey })
      console.error(transaction == null ? 'registered already' : `registered: ${transaction}`)
    } catch (err) {
      throw new StartupError(`cannot register the policy: ${describeChainError(err)}`)
    }
  }
  const result = await viaApi(async () => await new EscrinClient(base).publishPolicy(signed))
  console.log(JSON.stringify(result))
  return 0
}

/** --chain and --policy-registry (or their environment variables): both or neither. */
function registryOption (values: ParsedArgs['values']): { url: string, contract: Hex } | null {
  if (values['policy-registry'] === undefined && process.env.ESCRIN_POLICY_REGISTRY === undefined) {
    if (values.chain !== undefined) throw new UsageError('--chain is for registering the policy: give --policy-registry too')
    return null
  }
  return { url: chainUrlOption(values), contract: contractOption(values, 'policy-registry', 'EscrinPolicies') }
}

export async function scope (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], { api: { type: 'string' }, explain: { type: 'boolean' } }, 1)
  const [policyId] = parsed.positionals
  if (policyId === undefined || !/^[0-9a-f]{64}$/.test(policyId)) throw new UsageError('POLICY_ID must be the 64-hex-digit policy id')
  const base = apiBase(parsed.values.api)
  const explain = parsed.values.explain === true
  const result = await viaApi(async () => await new EscrinClient(base).scope(policyId, { explain }))
  if (!explain) {
    console.log(`${result.members.length} member${result.members.length === 1 ? '' : 's'}`)
    for (const member of result.members) console.log(member)
    return 0
  }
  for (const entry of (result.explain ?? []) as Array<{ peerId: string, admitted: boolean, clause: string, reason: string }>) {
    console.log(`${entry.admitted ? 'IN ' : 'OUT'} ${entry.peerId}  ${entry.clause}: ${entry.reason}`)
  }
  return 0
}

export const JOB_HELP = `Usage: escrin-node job submit --policy ID (--worker FILE | --worker-cid CID) [--input FILE] --api URL [--timeout MS]

Runs a smart worker (an ES module: export default { async fetch (request, env) {...} })
on a runner in the policy's scope. The node encrypts the input to the runner's attested
enclave key, verifies the runner's signed receipt and decrypts the output, which is
printed to stdout (the receipt and runner go to stderr). Exits 1 with the reason when
no runner in scope can run it.

Options:
  --policy ID        the app's policy id (64 hex)
  --worker FILE      the worker module, sent inline
  --worker-cid CID   instead: a worker module put with \`blob put --plain\`; runners fetch it from storage
  --input FILE       the job input (default: empty; "-" reads stdin)
  --timeout MS       wall-time budget of the job (default 30000)
  --api URL          a node's API, e.g. http://127.0.0.1:7001`

export async function job (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], { policy: { type: 'string' }, worker: { type: 'string' }, 'worker-cid': { type: 'string' }, input: { type: 'string' }, timeout: { type: 'string' }, api: { type: 'string' } }, 1)
  const [sub] = parsed.positionals
  if (sub !== 'submit') throw new UsageError(sub === undefined ? 'missing subcommand (use: job submit --policy ID --worker FILE --api URL)' : `unknown subcommand "${sub}" (use: submit)`)
  const policyId = parsed.values.policy
  if (typeof policyId !== 'string' || !/^[0-9a-f]{64}$/.test(policyId)) throw new UsageError('--policy must be the 64-hex-digit policy id')
  const workerCid = parsed.values['worker-cid']
  if ((typeof parsed.values.worker !== 'string') === (typeof workerCid !== 'string')) throw new UsageError('one of --worker FILE or --worker-cid CID is required')
  const timeoutText = parsed.values.timeout
  const timeoutMs = timeoutText === undefined ? undefined : Number(timeoutText)
  if (timeoutMs !== undefined && (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0)) throw new UsageError(`--timeout: "${String(timeoutText)}" is not a positive number of milliseconds`)
  const base = apiBase(parsed.values.api)
  const code = typeof parsed.values.worker === 'string' ? await readInput(parsed.values.worker, 'worker') : undefined
  const input = typeof parsed.values.input === 'string' ? await readInput(parsed.values.input, 'input') : new Uint8Array()
  const result = await viaApi(async () => await new EscrinClient(base).submitJob({ policyId, ...(code != null ? { code } : { codeCid: workerCid as string }), input, ...(timeoutMs != null ? { timeoutMs } : {}) }))
  process.stderr.write(`job ${result.jobId} ran on ${result.runner} (status ${result.status}, ${result.durationMs} ms); receipt signature ${result.receipt.signature.slice(0, 16)}…\n`)
  process.stdout.write(result.output)
  return 0
}

async function readInput (file: string, what: string): Promise<Uint8Array> {
  try {
    if (file === '-') {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return new Uint8Array(Buffer.concat(chunks))
    }
    return new Uint8Array(await readFile(file))
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
}

export const SECRET_HELP = `Usage: escrin-node secret deal --app NAME --custody NAME --key HEX --api URL [--threshold T]
       escrin-node secret delete --app NAME --version V --key HEX --api URL

Deals a fresh app key t-of-n (Pedersen VSS over secp256k1) to the SSSS nodes in
the scope of the owner's custody policy NAME. Shares are made and sealed to each
holder's attested enclave key here; the node only relays them. Runners in the
scope of the owner's policy --app can then derive keys with env.escrin.getKey(name).
A later deal rotates the key (the old version is served until t holders commit
the new one). Prints the version, the threshold and which holders stored a share.

delete signs the owner's deletion of version V (as "deal" printed it) and of every
older version; the node sends it to every SSSS node it knows, and the holders
delete their shares and refuse the dealing if it is ever replayed. After it no
runner can get the key. Prints which nodes deleted; exits 1 when none held it, or
when some could not be reached (run it again: deleting twice is harmless).

Options:
  --app NAME         the app's policy name (same owner)
  --custody NAME     the custody policy's name (same owner; deal only)
  --version V        the version to delete, with all older ones (delete only)
  --key HEX          the owner's secp256k1 private key (or env ESCRIN_APP_KEY)
  --threshold T      shares needed (default ceil(2n/3), at least 2; deal only)
  --api URL          a node's API, e.g. http://127.0.0.1:7001`

export async function secret (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], { app: { type: 'string' }, custody: { type: 'string' }, key: { type: 'string' }, threshold: { type: 'string' }, version: { type: 'string' }, api: { type: 'string' } }, 1)
  const [sub] = parsed.positionals
  if (sub === 'delete') return await deleteSecret(parsed.values)
  if (sub !== 'deal') throw new UsageError(sub === undefined ? 'missing subcommand (use: secret deal --app NAME --custody NAME --key HEX --api URL, or secret delete --app NAME --version V --key HEX --api URL)' : `unknown subcommand "${sub}" (use: deal, delete)`)
  if (parsed.values.version !== undefined) throw new UsageError('--version is for secret delete (a dealing picks its own version)')
  const { app, custody } = parsed.values
  if (typeof app !== 'string' || app === '') throw new UsageError('--app NAME is required (the app\'s policy name)')
  if (typeof custody !== 'string' || custody === '') throw new UsageError('--custody NAME is required (the custody policy\'s name)')
  const key = (parsed.values.key as string | undefined) ?? process.env.ESCRIN_APP_KEY
  if (key === undefined || !/^(0x)?[0-9a-fA-F]{64}$/.test(key)) throw new UsageError('--key must be a 32-byte hex private key')
  const thresholdText = parsed.values.threshold
  const threshold = thresholdText === undefined ? undefined : Number(thresholdText)
  if (threshold !== undefined && (!Number.isSafeInteger(threshold) || threshold < 2)) throw new UsageError(`--threshold: "${String(thresholdText)}" must be a whole number of at least 2`)
  const base = apiBase(parsed.values.api)
  const ownerKey = (key.startsWith('0x') ? key : `0x${key}`) as `0x${string}`
  const result = await viaApi(async () => await new EscrinClient(base).dealSecret({ ownerKey, app, custody, ...(threshold != null ? { threshold } : {}) }))
  console.log(JSON.stringify(result))
  return 0
}

async function deleteSecret (values: Record<string, unknown>): Promise<number> {
  if (values.custody !== undefined || values.threshold !== undefined) throw new UsageError(`--${values.custody !== undefined ? 'custody' : 'threshold'} is for secret deal (a deletion names --app and --version)`)
  const { app } = values
  if (typeof app !== 'string' || app === '') throw new UsageError('--app NAME is required (the app\'s policy name)')
  const versionText = values.version
  if (typeof versionText !== 'string') throw new UsageError('--version V is required (the version "secret deal" printed)')
  const version = /^[0-9]+$/.test(versionText) ? Number(versionText) : NaN
  if (!Number.isSafeInteger(version) || version < 1) throw new UsageError(`--version: "${versionText}" is not a positive whole number`)
  const key = (values.key as string | undefined) ?? process.env.ESCRIN_APP_KEY
  if (key === undefined || !/^(0x)?[0-9a-fA-F]{64}$/.test(key)) throw new UsageError('--key must be a 32-byte hex private key')
  const base = apiBase(values.api)
  const ownerKey = (key.startsWith('0x') ? key : `0x${key}`) as `0x${string}`
  const result = await viaApi(async () => await new EscrinClient(base).deleteSecret({ ownerKey, app, version }))
  console.log(JSON.stringify(result))
  if (result.failed.length > 0) {
    throw new StartupError(`deleted at ${result.deleted.length} SSSS node${result.deleted.length === 1 ? '' : 's'}, but ${result.failed.length} may still hold it (${describePeerFailures(result.failed.map(f => ({ peer: f.holder, error: f.error })))}); run the command again`)
  }
  return 0
}
