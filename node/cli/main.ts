import { resolve } from 'node:path'
import { NODE_OPTIONS, resolveConfig } from '../config/index.js'
import { DEFAULT_DATA_DIR, SHUTDOWN_TIMEOUT_MS, VERSION } from '../constants.js'
import { DEVNET_DEFAULT_NODES, DEVNET_MAX_NODES, startDevnet } from '../devnet/index.js'
import { StartupError, UsageError } from '../errors.js'
import { EscrinNode } from '../escrin-node.js'
import { loadOrCreateIdentity } from '../identity/index.js'
import { createLogger, isLogLevel } from '../log/index.js'
import { configFlags, parseCommandArgs } from './args.js'
import { attestation, ATTESTATION_HELP } from './attestation.js'
import { job, JOB_HELP, policy, POLICY_HELP, scope, SCOPE_HELP, secret, SECRET_HELP } from './app-commands.js'
import { blob, BLOB_HELP } from './blob-commands.js'
import { bond, BOND_HELP } from './bond-commands.js'
import { DEVNET_HELP, ID_HELP, MAIN_HELP, START_HELP } from './help.js'
import { SIM_HELP } from './sim-help.js'
import { logUnhandledRejections, waitForShutdownSignal, withDeadline } from './signals.js'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'

type Command = (args: string[]) => Promise<number>

const COMMANDS: Record<string, { run: Command, help: string }> = {
  start: { run: start, help: START_HELP },
  devnet: { run: devnet, help: DEVNET_HELP },
  id: { run: id, help: ID_HELP },
  attestation: { run: attestation, help: ATTESTATION_HELP },
  policy: { run: policy, help: POLICY_HELP },
  scope: { run: scope, help: SCOPE_HELP },
  job: { run: job, help: JOB_HELP },
  secret: { run: secret, help: SECRET_HELP },
  blob: { run: blob, help: BLOB_HELP },
  bond: { run: bond, help: BOND_HELP },
  sim: { run: sim, help: SIM_HELP }
}

/** Runs the CLI and returns the exit code; the only place that prints errors. */
export async function main (argv: string[]): Promise<number> {
  const [name, ...args] = argv
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      const topic = name === 'help' ? args[0] : undefined
      console.log(topic !== undefined && COMMANDS[topic] != null ? COMMANDS[topic].help : MAIN_HELP)
      return name === undefined ? 2 : 0
    }
    if (name === '--version' || name === 'version') {
      console.log(VERSION)
      return 0
    }
    const command = COMMANDS[name]
    if (command == null) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`)
    if (args.includes('--help') || args.includes('-h')) {
      console.log(command.help)
      return 0
    }
    return await command.run(args)
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`escrin-node: ${err.message}`)
      console.error(`Run "escrin-node ${name !== undefined && COMMANDS[name] != null ? name + ' ' : ''}--help" for usage.`)
      return err.exitCode
    }
    if (err instanceof StartupError) {
      console.error(`escrin-node: ${err.message}`)
      return err.exitCode
    }
    console.error(`escrin-node: unexpected error: ${(err as Error).message ?? String(err)}`)
    if (process.env.ESCRIN_DEBUG != null) console.error((err as Error).stack)
    return 1
  }
}

async function start (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, NODE_OPTIONS, { config: { type: 'string' } })
  const config = resolveConfig({
    flags: configFlags(parsed.values, NODE_OPTIONS),
    env: process.env,
    configFile: parsed.values.config as string | undefined
  })
  const logger = createLogger('escrin', { level: config.logLevel, format: config.logFormat })
  logUnhandledRejections((message, fields) => { logger.error(message, fields) })
  const node = await EscrinNode.create(config, { logger })
  await node.start()
  console.log(`peer id: ${node.peerId.toString()}`)
  for (const addr of node.host.getMultiaddrs()) console.log(`listening: ${addr.toString()}`)
  if (node.api?.address != null) console.log(`api: http://${node.api.address}`)

  const signal = await waitForShutdownSignal()
  logger.info('shutting down', { signal })
  const clean = await withDeadline(node.stop(), SHUTDOWN_TIMEOUT_MS)
  if (!clean) logger.error('shutdown timed out', { timeoutMs: SHUTDOWN_TIMEOUT_MS })
  return clean ? 0 : 1
}

async function devnet (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], {
    nodes: { type: 'string', short: 'n' },
    'data-dir': { type: 'string' },
    'log-level': { type: 'string' },
    'log-format': { type: 'string' },
    chain: { type: 'boolean' }
  })
  const nodesText = (parsed.values.nodes as string | undefined) ?? String(DEVNET_DEFAULT_NODES)
  const nodes = Number(nodesText)
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > DEVNET_MAX_NODES) {
    throw new UsageError(`--nodes: "${nodesText}" is not a whole number from 1 to ${DEVNET_MAX_NODES}`)
  }
  const logLevel = (parsed.values['log-level'] as string | undefined) ?? 'warn'
  if (!isLogLevel(logLevel)) throw new UsageError(`--log-level: unknown log level "${logLevel}"`)
  const logFormat = (parsed.values['log-format'] as string | undefined) ?? 'text'
  if (logFormat !== 'text' && logFormat !== 'json') throw new UsageError(`--log-format: "${logFormat}" is not text or json`)
  const dataDir = parsed.values['data-dir'] as string | undefined

  logUnhandledRejections((message, fields) => { console.error(`${message}: ${String(fields.stack ?? fields.error)}`) })
  const net = await startDevnet({ nodes, dataDir: dataDir != null ? resolve(dataDir) : undefined, logLevel, logFormat, chain: parsed.values.chain === true })
  console.log(`escrin devnet: ${nodes} node${nodes === 1 ? '' : 's'} on 127.0.0.1 (Ctrl-C to stop)`)
  if (net.chain != null) console.log(`chain ${net.chain.url}  bond contract ${net.chain.contracts.bonds}  token ${net.chain.contracts.token}  policy registry ${net.chain.contracts.policies}`)
  for (const [i, node] of net.nodes.entries()) {
    console.log(`node ${i}  ${node.peerId.toString()}  api http://${node.api?.address ?? '-'}  ${node.host.getMultiaddrs()[0]?.toString() ?? ''}`)
  }
  const signal = await waitForShutdownSignal()
  console.log(`\n${signal}: stopping ${nodes} node${nodes === 1 ? '' : 's'}`)
  const clean = await withDeadline(net.stop(), SHUTDOWN_TIMEOUT_MS)
  if (!clean) console.error('escrin-node: devnet shutdown timed out')
  return clean ? 0 : 1
}

async function id (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], { 'data-dir': { type: 'string' } })
  const dataDir = resolve((parsed.values['data-dir'] as string | undefined) ?? process.env.ESCRIN_DATA_DIR ?? DEFAULT_DATA_DIR)
  const { key } = await loadOrCreateIdentity(dataDir)
  console.log(peerIdFromPrivateKey(key).toString())
  return 0
}

/**
 * The simulator lives in sim/ (which imports node/, not the other way round);
 * the command loads it only when asked, so no other command pays for it.
 */
async function sim (args: string[]): Promise<number> {
  const { simCommand } = await import('../../sim/cli.js')
  return await simCommand(args)
}
