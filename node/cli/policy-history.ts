import { isAddress, keccak256, toBytes, type Hex } from 'viem'
import { POLICY_REGISTRY_ABI } from '../../protocol/chain/index.js'
import { chainClient, describeChainError } from '../chain/index.js'
import { StartupError, UsageError } from '../errors.js'
import { parseCommandArgs } from './args.js'
import { chainUrlOption, contractOption } from './chain-options.js'

/** The history subcommand's part of `policy --help`. */
export const POLICY_HISTORY_HELP = `history: every version of the owner's policy NAME registered in the EscrinPolicies
contract, oldest first, read from the contract's events (which carry the
whole policy): when it was registered, its digest, and its predicate. This
is the public record nodes started with --policy-registry act on.

History options (and --chain, --policy-registry as above):
  --owner ADDRESS            the app owner (the policy's signer)
  --name NAME                the policy's name
  --from-block N             where to start reading (default 0; the registry's deployment block saves queries)
  --json                     one JSON array instead of text`

/** Blocks read in one log query: providers bound eth_getLogs ranges. */
const LOG_RANGE = 10_000n

interface RegisteredVersion {
  version: string
  digest: Hex
  block: string
  registeredAt: string
  transaction: Hex
  predicate: string
  createdAt: number
}

export async function policyHistory (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], {
    json: { type: 'boolean' },
    owner: { type: 'string' },
    name: { type: 'string' },
    chain: { type: 'string' },
    'policy-registry': { type: 'string' },
    'from-block': { type: 'string' }
  }, 0)
  const owner = parsed.values.owner
  if (typeof owner !== 'string' || !isAddress(owner, { strict: false })) throw new UsageError('--owner ADDRESS is needed: the app owner\'s 0x address')
  const name = parsed.values.name
  if (typeof name !== 'string' || name === '') throw new UsageError('--name NAME is needed: the policy\'s name')
  const url = chainUrlOption(parsed.values)
  const registry = contractOption(parsed.values, 'policy-registry', 'EscrinPolicies')
  const fromText = (parsed.values['from-block'] as string | undefined) ?? '0'
  if (!/^\d{1,18}$/.test(fromText)) throw new UsageError(`--from-block "${fromText}" is not a block number`)

  let versions: RegisteredVersion[]
  try {
    versions = await registeredVersions(url, registry, owner.toLowerCase() as Hex, name, BigInt(fromText))
  } catch (err) {
    throw new StartupError(`cannot read the registry: ${describeChainError(err)}`)
  }
  if (parsed.values.json === true) {
    console.log(JSON.stringify(versions, null, 2))
  } else if (versions.length === 0) {
    console.log(`no version of "${name}" by ${owner.toLowerCase()} is registered`)
  } else {
    for (const v of versions) {
      console.log(`version ${v.version}  block ${v.block}  ${v.registeredAt}  digest ${v.digest}  tx ${v.transaction}`)
      console.log(`  ${v.predicate}`)
    }
  }
  return 0
}

/** The lineage's PolicyRegistered events, oldest first, found by their indexed owner and name hash. */
async function registeredVersions (url: string, registry: Hex, owner: Hex, name: string, fromBlock: bigint): Promise<RegisteredVersion[]> {
  const client = chainClient(url)
  const latest = await client.getBlockNumber()
  const nameHash = keccak256(toBytes(name))
  const versions: RegisteredVersion[] = []
  const timestamps = new Map<bigint, string>()
  for (let from = fromBlock; from <= latest; from += LOG_RANGE) {
    const to = from + LOG_RANGE - 1n < latest ? from + LOG_RANGE - 1n : latest
    const logs = await client.getContractEvents({ address: registry, abi: POLICY_REGISTRY_ABI, eventName: 'PolicyRegistered', args: { owner, nameHash }, fromBlock: from, toBlock: to, strict: true })
    for (const log of logs) {
      const block = log.blockNumber
      if (!timestamps.has(block)) timestamps.set(block, new Date(Number((await client.getBlock({ blockNumber: block })).timestamp) * 1000).toISOString())
      versions.push({
        version: log.args.version.toString(),
        digest: log.args.digest,
        block: block.toString(),
        registeredAt: timestamps.get(block) as string,
        transaction: log.transactionHash,
        predicate: log.args.predicate,
        createdAt: Number(log.args.createdAt)
      })
    }
  }
  return versions
}
