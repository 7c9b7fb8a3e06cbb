import type { StorageLimits } from '../storage/storage-service.js'
import { DEFAULT_RUNNER_CAPACITY } from '../jobs/runner-service.js'
import { DEFAULT_PROCESSES, DEFAULT_SANDBOX_LIMITS } from '../runner/sandbox/constants.js'
import { CONNECTION_HIGH_WATER, CONNECTION_LOW_WATER, DEFAULT_API, DEFAULT_DATA_DIR, DEFAULT_LISTEN, DEFAULT_NETWORK, DEFAULT_RATE_LIMITS, MAX_CONNECTIONS, MIN_CONNECTIONS, type RateLimitName } from '../constants.js'

/**
 * The node's settings, one table for all three sources: a flag `--NAME`, a key
 * `NAME` in the JSON config file, and an environment variable `ESCRIN_<NAME>`
 * (upper case, dashes as underscores). Lists are repeated flags, JSON arrays,
 * or comma-separated environment values.
 */
export interface OptionSpec {
  name: string
  kind: 'string' | 'list'
  description: string
  /** The default as a user would write it, shown in --help. */
  default?: string | string[]
}

/** The names `--rate-limit` takes: DEFAULT_RATE_LIMITS' keys in kebab case (ssssChannel is ssss-channel). */
export const RATE_LIMIT_NAMES: ReadonlyMap<string, RateLimitName> = new Map(
  Object.keys(DEFAULT_RATE_LIMITS).map(key => [key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`), key as RateLimitName])
)

/** The names `--storage-limit` takes, and the StorageLimits field each sets. */
export const STORAGE_LIMIT_NAMES: ReadonlyMap<string, keyof StorageLimits> = new Map([
  ['max-blob', 'maxBlobBytes'],
  ['app-quota', 'appQuotaBytes'],
  ['peer-quota', 'peerQuotaBytes'],
  ['capacity', 'capacityBytes'],
  ['disk-reserve', 'diskReserveBytes'],
  ['transfer-buffers', 'transferBufferBytes']
])

/** The names `--runner-limit` takes, and what each sets. */
export const RUNNER_LIMIT_NAMES: ReadonlyMap<string, keyof RunnerSettings> = new Map([
  ['capacity', 'capacity'],
  ['processes', 'processes'],
  ['memory', 'memoryBytes'],
  ['cpu-time', 'cpuTimeMs']
])

/** What --runner-limit sets: jobs at once, workerd processes, and each job's memory and CPU time. */
export interface RunnerSettings {
  capacity?: number
  processes?: number
  memoryBytes?: number
  cpuTimeMs?: number
}

export const NODE_OPTIONS: readonly OptionSpec[] = [
  { name: 'roles', kind: 'list', description: 'roles to serve: runner, ssss, storage (comma-separated)', default: ['runner', 'ssss', 'storage'] },
  { name: 'data-dir', kind: 'string', description: 'where the key and databases live', default: DEFAULT_DATA_DIR },
  { name: 'listen', kind: 'list', description: 'multiaddr to listen on (repeatable)', default: DEFAULT_LISTEN },
  { name: 'bootstrap', kind: 'list', description: 'multiaddr with /p2p/<peer id> of a peer to join through (repeatable)', default: [] },
  { name: 'api', kind: 'string', description: 'HOST:PORT of the HTTP API, or "off"', default: DEFAULT_API },
  { name: 'network', kind: 'string', description: 'network id; peers on other networks are dropped', default: DEFAULT_NETWORK },
  { name: 'attestation', kind: 'string', description: 'evidence this node produces: nitro (in an AWS Nitro Enclave) or dev (software keys; local networks)', default: 'nitro' },
  { name: 'private-addresses', kind: 'string', description: 'keep (a LAN or VPC network) or drop (the public internet) peers\' private and loopback addresses in the DHT; auto keeps them only when every listen address is loopback', default: 'auto' },
  { name: 'nitro-evidence', kind: 'string', description: `with --attestation nitro: a command run by /bin/sh in the enclave that prints an NSM attestation document (binary, hex or base64) carrying $ESCRIN_ENCLAVE_BINDING (hex) as user_data or public_key` },
  { name: 'nitro-root', kind: 'string', description: 'root certificate (PEM or DER) trusted for Nitro evidence instead of the pinned AWS Nitro root: private test PKIs only' },
  { name: 'bond-ledger', kind: 'string', description: 'JSON file of operator bonds, the embedded local ledger (default: DATA_DIR/bonds.json)' },
  { name: 'chain', kind: 'string', description: 'Ethereum JSON-RPC URL (http or https) of the chain with --bond-contract and/or --policy-registry (default: no chain; bonds from the embedded local ledger)' },
  { name: 'bond-contract', kind: 'string', description: 'address of the EscrinBonds contract on --chain (protocol/chain/contracts/EscrinBonds.sol)' },
  { name: 'policy-registry', kind: 'string', description: 'address of the EscrinPolicies contract on --chain: honour a policy only once its version is registered there (protocol/chain/contracts/EscrinPolicies.sol)' },
  { name: 'chain-confirmations', kind: 'string', description: 'blocks a bond change or a policy registration must be under before it counts (a chain that reorganises often wants a few)', default: '0' },
  { name: 'min-connections', kind: 'string', description: 'below this many connections the node searches for peers actively', default: String(MIN_CONNECTIONS) },
  { name: 'max-connections', kind: 'string', description: 'connections kept at most; at the limit new ones are refused', default: String(MAX_CONNECTIONS) },
  { name: 'high-water', kind: 'string', description: 'above this many connected peers, idle connections are closed...', default: String(CONNECTION_HIGH_WATER) },
  { name: 'low-water', kind: 'string', description: '...down to this many', default: String(CONNECTION_LOW_WATER) },
  { name: 'rate-limit', kind: 'list', description: `NAME=PER_SECOND/BURST: what one peer may open or ask a second, and the burst above it (repeatable; names: ${[...RATE_LIMIT_NAMES.keys()].join(', ')}; defaults in the README)` },
  { name: 'storage-limit', kind: 'list', description: `NAME=SIZE: what this storage node takes, SIZE in bytes or with a unit (KiB, MiB, GiB, TiB, KB...) (repeatable; names: ${[...STORAGE_LIMIT_NAMES.keys()].join(', ')}; defaults in the README)` },
  { name: 'runner-limit', kind: 'list', description: `NAME=VALUE: what this runner takes on: capacity (jobs at once, attested; default ${DEFAULT_RUNNER_CAPACITY}), processes (workerd processes; default ${DEFAULT_PROCESSES}), memory (a job's workerd process RSS; default ${DEFAULT_SANDBOX_LIMITS.memoryBytes / 2 ** 20}MiB), cpu-time (a job's CPU; default ${DEFAULT_SANDBOX_LIMITS.cpuTimeMs / 1000}s) (repeatable)` },
  { name: 'log-level', kind: 'string', description: 'error, warn, info, debug or trace', default: 'info' },
  { name: 'log-format', kind: 'string', description: 'text or json', default: 'text' }
]

export function envName (option: string): string {
  return `ESCRIN_${option.toUpperCase().replaceAll('-', '_')}`
}
