import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import { CONNECTION_HIGH_WATER, CONNECTION_LOW_WATER, DEFAULT_NETWORK, DEFAULT_RATE_LIMITS, MIN_CONNECTIONS, MAX_CONNECTIONS, ROLES } from '../constants.js'
import { FileBondLedger } from '../bonds/index.js'
import { EscrinNode } from '../escrin-node.js'
import { createLogger, type LogFormat, type Logger, type LogLevel } from '../log/index.js'
import { deployBonds, deployPolicyRegistry, lockBond, startLocalChain, type BondContracts, type LocalChain } from './local-chain.js'
import type { NodeConfig } from '../config/index.js'

export const DEVNET_DEFAULT_NODES = 5
/** A devnet chain's contracts: the token and bonds, and the policy registry. */
export type DevnetContracts = BondContracts & { policies: `0x${string}` }

/** The bond a devnet gives node i's operator: (i + 1) ETH (or ESCRIN, on a chain), so policies on `bond` have something to tell apart. */
export function devnetBond (index: number): bigint {
  return BigInt(index + 1) * 10n ** 18n
}
export const DEVNET_MAX_NODES = 100
/** How long a devnet operator's unlock request waits before it can withdraw. */
const DEVNET_UNLOCK_DELAY_S = 600n

export interface DevnetOptions {
  nodes?: number
  /** Keep node i's data in `dataDir/node-i`; default a temporary directory removed on stop. */
  dataDir?: string
  logLevel?: LogLevel
  logFormat?: LogFormat
  logger?: Logger
  /** A local chain (anvil): bonds from its bond contracts instead of a ledger file, and policies honoured once registered in its policy registry. */
  chain?: boolean
}

export interface Devnet {
  nodes: EscrinNode[]
  /** With `chain`: the local chain's JSON-RPC URL and the contracts. */
  chain?: { url: string, contracts: DevnetContracts }
  stop(): Promise<void>
}

/** The embedded defaults of a devnet node: loopback only, ephemeral ports, every role. */
export function devnetNodeConfig (dataDir: string, bootstrap: string[], overrides: Partial<NodeConfig> = {}): NodeConfig {
  return {
    roles: [...ROLES],
    dataDir,
    listen: [multiaddr('/ip4/127.0.0.1/tcp/0')],
    bootstrap: bootstrap.map(a => multiaddr(a)),
    api: { host: '127.0.0.1', port: 0 },
    network: DEFAULT_NETWORK,
    privateAddresses: 'keep',
    attestation: 'dev',
    chain: null,
    bondLedger: null,
    nitroEvidence: null,
    nitroRoot: null,
    minConnections: MIN_CONNECTIONS,
    maxConnections: MAX_CONNECTIONS,
    highWater: CONNECTION_HIGH_WATER,
    lowWater: CONNECTION_LOW_WATER,
    rateLimits: DEFAULT_RATE_LIMITS,
    // a devnet shares a developer's (or a CI machine's) disk, which may have little free: a small reserve
    storageLimits: { diskReserveBytes: 64 * 1024 * 1024 },
    runner: {},
    logLevel: 'warn',
    logFormat: 'text',
    ...overrides
  }
}

/**
 * Starts a local network: node 0, then the others knowing only node 0, and
 * relies on the DHT for the rest of the mesh. Every node is a full EscrinNode
 * with its own data dir, the same code `escrin-node start` runs.
 */
export async function startDevnet (options: DevnetOptions = {}): Promise<Devnet> {
  const count = options.nodes ?? DEVNET_DEFAULT_NODES
  const temporary = options.dataDir == null
  const root = options.dataDir ?? await mkdtemp(join(tmpdir(), 'escrin-devnet-'))
  const logger = options.logger ?? createLogger('devnet', { level: options.logLevel ?? 'warn', format: options.logFormat ?? 'text' })
  const nodes: EscrinNode[] = []
  let chain: LocalChain | undefined
  const stop = async (): Promise<void> => {
    await Promise.allSettled(nodes.map(async node => { await node.stop() }))
    await chain?.stop()
    if (temporary) await rm(root, { recursive: true, force: true })
  }
  try {
    // bonds: on a local chain, each operator locking its own; or one ledger file the nodes all watch
    let bonds: { chain: NodeConfig['chain'] } | { bondLedger: string }
    let assign: (operator: `0x${string}`, wei: bigint) => Promise<void>
    let contracts: DevnetContracts | undefined
    if (options.chain === true) {
      const started = chain = await startLocalChain()
      const deployed = contracts = { ...await deployBonds(started, DEVNET_UNLOCK_DELAY_S), policies: await deployPolicyRegistry(started) }
      bonds = { chain: { url: started.url, bondContract: deployed.bonds.toLowerCase() as `0x${string}`, policyRegistry: deployed.policies.toLowerCase() as `0x${string}`, confirmations: 0 } }
      assign = async (operator, wei) => { await lockBond(started, deployed, operator, wei) }
    } else {
      const ledger = new FileBondLedger(join(root, 'bonds.json'))
      bonds = { bondLedger: ledger.path }
      assign = async (operator, wei) => { await ledger.set([[operator, wei]]) }
    }
    for (let i = 0; i < count; i++) {
      const bootstrap = i === 0 ? [] : [nodes[0].host.getMultiaddrs()[0].toString()]
      const node = await EscrinNode.create(devnetNodeConfig(join(root, `node-${i}`), bootstrap, bonds), { logger: logger.child(`node-${i}`) })
      nodes.push(node)
      await assign(node.operator, devnetBond(i))
      await node.start()
    }
    return { nodes, ...(chain != null && contracts != null ? { chain: { url: chain.url, contracts } } : {}), stop }
  } catch (err) {
    await stop()
    throw err
  }
}
