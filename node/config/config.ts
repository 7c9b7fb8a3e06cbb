import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import { DEFAULT_RATE_LIMITS, ROLES, type RateLimits, type Role } from '../constants.js'
import { UsageError } from '../errors.js'
import { isLogLevel, type LogFormat, type LogLevel } from '../log/index.js'
import { envName, NODE_OPTIONS, RATE_LIMIT_NAMES, RUNNER_LIMIT_NAMES, STORAGE_LIMIT_NAMES, type OptionSpec, type RunnerSettings } from './options.js'
import { formatByteSize, parseByteSize, parseDuration } from './units.js'
import { MAX_PROTOCOL_BLOB_BYTES } from '../../protocol/blob/index.js'
import { transferFootprint } from '../storage/transfer-budget.js'
import type { StorageLimits } from '../storage/storage-service.js'

/** One option's value and where it came from (a flag, an environment variable, the config file), for errors. */
type Setting = { value: string | undefined, origin: string }

/** The chain a node follows (--chain) and the contracts it reads there. */
export interface ChainConfig {
  url: string
  /** Bonds' EscrinBonds contract (--bond-contract); null: bonds come from the ledger file. */
  bondContract: `0x${string}` | null
  /** The EscrinPolicies registry (--policy-registry): policies are honoured only once registered there. */
  policyRegistry?: `0x${string}`
  /** Blocks a change must be under before it counts (--chain-confirmations). */
  confirmations: number
}

export interface NodeConfig {
  roles: Role[]
  dataDir: string
  listen: Multiaddr[]
  bootstrap: Multiaddr[]
  /** Where the HTTP API listens, or null when it is off. */
  api: { host: string, port: number } | null
  network: string
  /** Whether peers' private addresses are kept in the DHT (see keepsPrivateAddresses). */
  privateAddresses: 'auto' | 'keep' | 'drop'
  attestation: 'dev' | 'nitro'
  /** The command that makes this node's Nitro evidence (--attestation nitro). */
  nitroEvidence: string | null
  /** A root certificate file trusted for Nitro evidence instead of AWS's; null for the pinned AWS root. */
  nitroRoot: string | null
  /**
   * An Ethereum chain (--chain): bonds from its EscrinBonds contract
   * (--bond-contract; null: the local ledger file), and policies honoured only
   * once registered in its EscrinPolicies contract (--policy-registry).
   * null: no chain.
   */
  chain: ChainConfig | null
  /** The local bond ledger file; null means DATA_DIR/bonds.json. */
  bondLedger: string | null
  minConnections: number
  maxConnections: number
  /** Connected peers above which the trimmer closes idle connections, and down to how many. */
  highWater: number
  lowWater: number
  /** What one remote peer may ask of this node, per protocol: the defaults with --rate-limit's changes. */
  rateLimits: RateLimits
  /** What this node takes as a storage node: --storage-limit's changes to DEFAULT_STORAGE_LIMITS. */
  storageLimits: Partial<StorageLimits>
  /** What this node takes on as a runner (--runner-limit); unset values keep their defaults. */
  runner: RunnerSettings
  logLevel: LogLevel
  logFormat: LogFormat
}

/** Raw values from one source, keyed by option name. */
export type RawOptions = Partial<Record<string, string | string[]>>

export interface ConfigSources {
  flags: RawOptions
  env?: NodeJS.ProcessEnv
  /** A config file given explicitly (--config or ESCRIN_CONFIG). */
  configFile?: string
}

/**
 * Resolves the configuration from its sources with the documented precedence:
 * flags > environment > config file > defaults. Every value is validated here,
 * and a bad one raises a UsageError that names where it came from.
 */
export function resolveConfig (sources: ConfigSources): NodeConfig {
  const env = sources.env ?? {}
  const fromEnv = readEnv(env)
  const configFile = sources.configFile ?? env.ESCRIN_CONFIG
  const fromFile = configFile != null ? readConfigFile(configFile) : {}

  const layers: Array<[string, RawOptions]> = [['flag', sources.flags], ['environment', fromEnv], ['config file', fromFile]]
  const pick = (spec: OptionSpec): { value: string | string[] | undefined, origin: string } => {
    for (const [origin, layer] of layers) {
      const value = layer[spec.name]
      if (value !== undefined) return { value, origin: origin === 'flag' ? `--${spec.name}` : origin === 'environment' ? envName(spec.name) : `"${spec.name}" in ${configFile}` }
    }
    return { value: spec.default, origin: `default ${spec.name}` }
  }
  const option = (name: string): { value: string | string[] | undefined, origin: string } => {
    const spec = NODE_OPTIONS.find(o => o.name === name)
    if (spec == null) throw new Error(`no option ${name}`)
    return pick(spec)
  }
  const str = (name: string): { value: string | undefined, origin: string } => {
    const { value, origin } = option(name)
    return { value: Array.isArray(value) ? value.at(-1) : value, origin }
  }
  const list = (name: string): { value: string[], origin: string } => {
    const { value, origin } = option(name)
    const items = value === undefined ? [] : Array.isArray(value) ? value : [value]
    // a list may also be given comma-separated: --roles runner,ssss
    return { value: items.flatMap(v => v.split(',')).map(v => v.trim()).filter(v => v !== ''), origin }
  }

  const minConnections = parseCount(str('min-connections'))
  const maxConnections = parseCount(str('max-connections'))
  if (maxConnections < minConnections) {
    throw new UsageError(`max-connections (${maxConnections}) is below min-connections (${minConnections})`)
  }
  const highWater = parseCount(str('high-water'))
  const lowWater = parseCount(str('low-water'))
  if (lowWater > highWater) throw new UsageError(`low-water (${lowWater}) is above high-water (${highWater})`)

  const bondLedger = str('bond-ledger').value
  const attestation = parseChoice(str('attestation'), ['dev', 'nitro'] as const)
  const nitroEvidence = str('nitro-evidence').value ?? null
  if (nitroEvidence != null && attestation !== 'nitro') throw new UsageError('nitro-evidence makes Nitro evidence: it needs --attestation nitro')
  const nitroRoot = str('nitro-root').value
  return {
    roles: parseRoles(list('roles')),
    dataDir: resolve(str('data-dir').value ?? '.'),
    listen: parseMultiaddrs(list('listen'), false),
    bootstrap: parseMultiaddrs(list('bootstrap'), true),
    api: parseApi(str('api')),
    network: parseNetwork(str('network')),
    privateAddresses: parseChoice(str('private-addresses'), ['auto', 'keep', 'drop'] as const),
    attestation,
    nitroEvidence,
    nitroRoot: nitroRoot != null ? resolve(nitroRoot) : null,
    chain: parseChain(str('chain'), str('bond-contract'), str('policy-registry'), str('chain-confirmations'), bondLedger != null),
    bondLedger: bondLedger != null ? resolve(bondLedger) : null,
    minConnections,
    maxConnections,
    highWater,
    lowWater,
    rateLimits: parseRateLimits(list('rate-limit')),
    storageLimits: parseStorageLimits(list('storage-limit')),
    runner: parseRunnerLimits(list('runner-limit')),
    logLevel: parseLogLevel(str('log-level')),
    logFormat: parseChoice(str('log-format'), ['text', 'json'] as const)
  }
}

function readEnv (env: NodeJS.ProcessEnv): RawOptions {
  const out: RawOptions = {}
  for (const spec of NODE_OPTIONS) {
    const value = env[envName(spec.name)]
    if (value !== undefined && value !== '') out[spec.name] = value
  }
  return out
}

function readConfigFile (path: string): RawOptions {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new UsageError(`cannot read config file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(err as Error).message}`)
  }
  if (parsed == null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`config file ${path} must hold a JSON object`)
  }
  const out: RawOptions = {}
  for (const [key, value] of Object.entries(parsed)) {
    const spec = NODE_OPTIONS.find(o => o.name === key)
    if (spec == null) {
      throw new UsageError(`config file ${path}: unknown key "${key}" (known: ${NODE_OPTIONS.map(o => o.name).join(', ')})`)
    }
    if (typeof value === 'string' || typeof value === 'number') {
      out[key] = String(value)
    } else if (spec.kind === 'list' && Array.isArray(value) && value.every(v => typeof v === 'string')) {
      out[key] = value
    } else {
      throw new UsageError(`config file ${path}: "${key}" must be ${spec.kind === 'list' ? 'a string or an array of strings' : 'a string'}`)
    }
  }
  return out
}

function parseRoles ({ value, origin }: { value: string[], origin: string }): Role[] {
  const roles = new Set<Role>()
  for (const role of value) {
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`${origin}: unknown role "${role}" (valid roles: ${ROLES.join(', ')})`)
    }
    roles.add(role as Role)
  }
  return [...roles]
}

function parseMultiaddrs ({ value, origin }: { value: string[], origin: string }, needPeerId: boolean): Multiaddr[] {
  return value.map(text => {
    let ma: Multiaddr
    try {
      ma = multiaddr(text)
    } catch (err) {
      throw new UsageError(`${origin}: invalid multiaddr "${text}": ${(err as Error).message}`)
    }
    if (needPeerId && ma.getComponents().find(c => c.name === 'p2p') == null) {
      throw new UsageError(`${origin}: "${text}" has no /p2p/<peer id>: a bootstrap address must name the peer`)
    }
    return ma
  })
}

function parseApi ({ value, origin }: { value: string | undefined, origin: string }): NodeConfig['api'] {
  if (value === undefined || value === 'off' || value === 'none') return null
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5})$/.exec(value)
  const port = match != null ? Number(match[2]) : NaN
  if (match == null || port > 65535) {
    throw new UsageError(`${origin}: "${value}" is not HOST:PORT (e.g. 127.0.0.1:7001, or "off")`)
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port }
}

function parseNetwork ({ value, origin }: { value: string | undefined, origin: string }): string {
  if (value === undefined || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(value)) {
    throw new UsageError(`${origin}: network id "${value}" must be 1-64 characters of a-z, 0-9 and -`)
  }
  return value
}

function parseCount ({ value, origin }: { value: string | undefined, origin: string }): number {
  const n = Number(value)
  if (value === undefined || !Number.isSafeInteger(n) || n < 0) {
    throw new UsageError(`${origin}: "${value}" is not a non-negative whole number`)
  }
  return n
}

/** `--rate-limit ssss-requests=2000/4000`: a limit's name in kebab case, its rate a second and its burst. */
function parseRateLimits ({ value, origin }: { value: string[], origin: string }): RateLimits {
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS }
  for (const item of value) {
    const match = /^([a-z-]+)=(\d+(?:\.\d+)?)\/(\d+)$/.exec(item)
    if (match == null) {
      throw new UsageError(`${origin}: "${item}" is not NAME=PER_SECOND/BURST (e.g. jobs=2000/4000)`)
    }
    const name = RATE_LIMIT_NAMES.get(match[1])
    if (name == null) {
      throw new UsageError(`${origin}: unknown rate limit "${match[1]}" (known: ${[...RATE_LIMIT_NAMES.keys()].join(', ')})`)
    }
    const perSecond = Number(match[2])
    const burst = Number(match[3])
    // a zero rate or burst would refuse every honest peer as well
    if (!(perSecond > 0) || !Number.isSafeInteger(burst) || burst < 1) {
      throw new UsageError(`${origin}: rate limit "${item}" needs a rate above 0 and a burst of at least 1`)
    }
    limits[name] = { perSecond, burst }
  }
  return limits
}

/** One `NAME=VALUE` of a repeatable setting: the key its known name stands for, and the value's text. */
function namedSetting<K> (item: string, names: ReadonlyMap<string, K>, origin: string, shape: string, example: string): { key: K, name: string, text: string } {
  const eq = item.indexOf('=')
  const name = item.slice(0, Math.max(0, eq))
  const key = names.get(name)
  if (eq < 0 || key == null) throw new UsageError(`${origin}: "${item}" is not ${shape} with NAME one of ${[...names.keys()].join(', ')} (e.g. ${example})`)
  return { key, name, text: item.slice(eq + 1) }
}

/** `--storage-limit capacity=2TiB`: a limit's name and a size. */
function parseStorageLimits ({ value, origin }: { value: string[], origin: string }): Partial<StorageLimits> {
  const limits: Partial<StorageLimits> = {}
  for (const item of value) {
    const { key: name, text } = namedSetting(item, STORAGE_LIMIT_NAMES, origin, 'NAME=SIZE', 'capacity=500GiB')
    const bytes = parseByteSize(text)
    if (bytes == null) throw new UsageError(`${origin}: "${text}" is not a size (bytes, or a number with KiB, MiB, GiB, TiB, KB, MB, GB or TB)`)
    if (name === 'maxBlobBytes' && (bytes < 1 || bytes > MAX_PROTOCOL_BLOB_BYTES)) throw new UsageError(`${origin}: max-blob must be 1 byte to ${formatByteSize(MAX_PROTOCOL_BLOB_BYTES)}, the protocol's bound`)
    // one large transfer holds a window of chunks: a smaller budget would refuse every large blob
    if (name === 'transferBufferBytes' && bytes < transferFootprint(Infinity)) throw new UsageError(`${origin}: transfer-buffers must be at least ${formatByteSize(transferFootprint(Infinity))}, one transfer's window`)
    limits[name] = bytes
  }
  return limits
}

/** `--runner-limit capacity=64`: jobs at once and workerd processes are counts, memory a size, cpu-time a duration. */
function parseRunnerLimits ({ value, origin }: { value: string[], origin: string }): RunnerSettings {
  const settings: RunnerSettings = {}
  for (const item of value) {
    const { key: name, name: given, text } = namedSetting(item, RUNNER_LIMIT_NAMES, origin, 'NAME=VALUE', 'processes=8')
    if (name === 'memoryBytes') {
      const bytes = parseByteSize(text)
      // a workerd process with its host worker takes ~65 MiB before any job
      if (bytes == null || bytes < 128 * 2 ** 20) throw new UsageError(`${origin}: memory "${text}" must be a size of at least 128MiB (an idle workerd process takes ~65 MiB)`)
      settings.memoryBytes = bytes
    } else if (name === 'cpuTimeMs') {
      const ms = parseDuration(text)
      if (ms == null || ms < 10) throw new UsageError(`${origin}: cpu-time "${text}" must be a duration of at least 10ms (e.g. 10s, 500ms)`)
      settings.cpuTimeMs = ms
    } else {
      const n = Number(text)
      if (!Number.isSafeInteger(n) || n < 1 || n > 10_000) throw new UsageError(`${origin}: ${given} "${text}" must be a whole number from 1 to 10000`)
      settings[name] = n
    }
  }
  return settings
}

/**
 * `--chain URL [--bond-contract 0x...] [--policy-registry 0x...] [--chain-confirmations N]`:
 * a chain needs a contract to follow, a contract needs its chain, and bonds
 * come from the chain or from a ledger file, not both.
 */
function parseChain (chain: Setting, contract: Setting, registry: Setting, confirmations: Setting, hasLedgerFile: boolean): NodeConfig['chain'] {
  if (chain.value == null) {
    if (contract.value != null) throw new UsageError(`${contract.origin}: a bond contract needs --chain, the JSON-RPC URL of its chain`)
    if (registry.value != null) throw new UsageError(`${registry.origin}: a policy registry needs --chain, the JSON-RPC URL of its chain`)
    if (confirmations.value !== undefined && confirmations.value !== '0') throw new UsageError(`${confirmations.origin}: confirmations are of a chain: they need --chain`)
    return null
  }
  let url: URL
  try {
    url = new URL(chain.value)
  } catch {
    throw new UsageError(`${chain.origin}: "${chain.value}" is not a URL (e.g. http://127.0.0.1:8545)`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${chain.origin}: "${chain.value}" is not an http(s) JSON-RPC URL`)
  if (contract.value == null && registry.value == null) throw new UsageError(`${chain.origin}: a chain is followed for its contracts: give --bond-contract (the EscrinBonds contract), --policy-registry (the EscrinPolicies contract), or both`)
  const address = (setting: Setting): `0x${string}` | null => {
    if (setting.value == null) return null
    if (!/^0x[0-9a-fA-F]{40}$/.test(setting.value)) throw new UsageError(`${setting.origin}: "${setting.value}" is not a 0x Ethereum address`)
    return setting.value.toLowerCase() as `0x${string}`
  }
  const bondContract = address(contract)
  const policyRegistry = address(registry)
  if (bondContract != null && hasLedgerFile) throw new UsageError(`${chain.origin}: bonds come from the chain or from a --bond-ledger file, not both`)
  const depth = parseCount(confirmations)
  if (depth > 1_000) throw new UsageError(`${confirmations.origin}: ${depth} confirmations; at most 1000`)
  return { url: chain.value, bondContract, ...(policyRegistry != null ? { policyRegistry } : {}), confirmations: depth }
}

function parseLogLevel ({ value, origin }: { value: string | undefined, origin: string }): LogLevel {
  if (value === undefined || !isLogLevel(value)) {
    throw new UsageError(`${origin}: unknown log level "${value}" (use error, warn, info, debug or trace)`)
  }
  return value
}

function parseChoice<T extends string> ({ value, origin }: { value: string | undefined, origin: string }, choices: readonly T[]): T {
  if (value === undefined || !(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${origin}: "${value}" is not one of ${choices.join(', ')}`)
  }
  return value as T
}

/**
 * Whether a node keeps peers' private and loopback addresses in its DHT (and
 * exempts loopback from gossipsub's same-IP penalty). On the public internet
 * they are unreachable, or worse, reach another host on the dialler's own
 * network; on a LAN, a VPC or one machine they are the only addresses there
 * are. `auto` keeps them only for a node listening on loopback or memory
 * alone: the wildcard 0.0.0.0 says nothing about where the peers are.
 */
export function keepsPrivateAddresses (config: Pick<NodeConfig, 'privateAddresses' | 'listen'>): boolean {
  if (config.privateAddresses !== 'auto') return config.privateAddresses === 'keep'
  return config.listen.every(ma => /^\/(ip4\/127\.|ip6\/::1\/|memory\/)/.test(ma.toString()))
}
