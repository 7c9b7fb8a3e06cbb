import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createPublicClient, createTestClient, createWalletClient, http, type Abi, type Hex, type PublicClient, type TestClient, type WalletClient } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { sendContractCall } from '../bonds/index.js'
import { StartupError } from '../errors.js'

/**
 * A local Ethereum chain with the escrin contracts (the bond contracts, the
 * policy registry), for a devnet on a chain (`devnet --chain`) and the tests:
 * anvil (from the @foundry-rs/anvil package) and the contracts of
 * protocol/chain/contracts compiled with solc-js. Both are development
 * dependencies, loaded only when asked for.
 */

/** anvil's first default account (its well-known development key): deploys, mints, slashes. */
export const DEPLOYER_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
/** One ESCRIN in the token's smallest unit (18 decimals). */
export const ESCRIN = 10n ** 18n

export interface Compiled { abi: Abi, bytecode: Hex }
/** Each contract of protocol/chain/contracts, by its source file's (and contract's) name. */
const CONTRACTS = ['EscrinToken', 'EscrinBonds', 'EscrinPolicies'] as const
export type ContractName = typeof CONTRACTS[number]
export type ContractsCode = Record<ContractName, Compiled>

const require = createRequire(import.meta.url)
let compiled: ContractsCode | undefined

/** The directory of the contracts' sources: protocol/chain/contracts, found from this module (in dist/ or the bundle). */
function contractsDir (): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'protocol', 'chain', 'contracts')
    if (existsSync(join(candidate, 'EscrinBonds.sol'))) return candidate
    dir = dirname(dir)
  }
  throw new StartupError('cannot find protocol/chain/contracts (the escrin contracts\' sources)')
}

function devDependency<T> (name: string): T {
  try {
    return require(name) as T
  } catch {
    throw new StartupError(`a local chain needs ${name}, a development dependency of escrin-node: run npm install (not --omit=dev)`)
  }
}

/** The escrin contracts, compiled with solc-js (once a process; about a second). */
export function compileContracts (): ContractsCode {
  if (compiled != null) return compiled
  const solc = devDependency<{ compile: (input: string) => string }>('solc')
  const dir = contractsDir()
  const sources = Object.fromEntries(CONTRACTS.map(name => [`${name}.sol`, { content: readFileSync(join(dir, `${name}.sol`), 'utf8') }]))
  const output = JSON.parse(solc.compile(JSON.stringify({
    language: 'Solidity',
    sources,
    settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } }
  }))) as { errors?: Array<{ severity: string, formattedMessage: string }>, contracts: Record<string, Record<string, { abi: Abi, evm: { bytecode: { object: string } } }>> }
  const errors = (output.errors ?? []).filter(e => e.severity === 'error')
  if (errors.length > 0) throw new StartupError(`solc: ${errors.map(e => e.formattedMessage).join('\n')}`)
  const of = (name: ContractName): [ContractName, Compiled] => {
    const c = output.contracts[`${name}.sol`][name]
    return [name, { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` }]
  }
  compiled = Object.fromEntries(CONTRACTS.map(of)) as ContractsCode
  return compiled
}

/** The anvil binary of this platform, from the @foundry-rs/anvil package's platform dependency. */
function anvilBinary (): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch
  const name = `@foundry-rs/anvil-${process.platform}-${arch}`
  try {
    return require.resolve(`${name}/bin/anvil`)
  } catch {
    throw new StartupError(`a local chain needs anvil (${name}, from @foundry-rs/anvil, a development dependency of escrin-node): run npm install (not --omit=dev)`)
  }
}

export interface LocalChain {
  url: string
  process: ChildProcess
  public: PublicClient
  test: TestClient
  deployer: WalletClient
  stop: () => Promise<void>
}

/** Starts anvil on a free loopback port (it mines each transaction at once). */
export async function startLocalChain (): Promise<LocalChain> {
  const child = spawn(anvilBinary(), ['--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  // its banner names the port; the log it writes afterwards is drained and dropped
  let output = ''
  let listening = false
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new StartupError(`anvil did not start within 20 s: ${output}`)) }, 20_000)
    child.on('error', err => { clearTimeout(timer); reject(err) })
    child.on('exit', code => { clearTimeout(timer); reject(new StartupError(`anvil exited (${code}): ${output}`)) })
    const read = (chunk: Buffer): void => {
      if (listening) return
      output += chunk.toString()
      const match = /Listening on (\S+:\d+)/.exec(output)
      if (match != null) {
        listening = true
        output = ''
        clearTimeout(timer)
        resolve(`http://${match[1]}`)
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
  })
  child.removeAllListeners('exit')
  const transport = http(url)
  return {
    url,
    process: child,
    // no cache: a test reads the block number right after mining, and viem would answer from its last call for 4 s
    public: createPublicClient({ chain: foundry, transport, cacheTime: 0 }),
    test: createTestClient({ chain: foundry, mode: 'anvil', transport }),
    deployer: createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(DEPLOYER_KEY) }),
    stop: async () => {
      if (child.exitCode != null) return
      const exited = new Promise(resolve => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }
}

export interface BondContracts { token: Hex, bonds: Hex }

/** Deploys one of the contracts from the deployer's account; returns its address. */
async function deploy (chain: LocalChain, name: ContractName, args: unknown[]): Promise<Hex> {
  const c = compileContracts()[name]
  const hash = await chain.deployer.deployContract({ abi: c.abi, bytecode: c.bytecode, args, account: chain.deployer.account ?? null, chain: foundry })
  const receipt = await chain.public.waitForTransactionReceipt({ hash })
  if (receipt.contractAddress == null) throw new StartupError(`${name} was not deployed`)
  return receipt.contractAddress
}

/** Deploys the token and the bond contract (the deployer mints, and is the slasher). */
export async function deployBonds (chain: LocalChain, unlockDelaySeconds = 3600n): Promise<BondContracts> {
  const token = await deploy(chain, 'EscrinToken', [])
  const bonds = await deploy(chain, 'EscrinBonds', [token, chain.deployer.account?.address, unlockDelaySeconds])
  return { token, bonds }
}

/** Deploys the policy registry (EscrinPolicies: no constructor arguments, no owner); returns its address. */
export async function deployPolicyRegistry (chain: LocalChain): Promise<Hex> {
  return await deploy(chain, 'EscrinPolicies', [])
}

/** Sends a transaction as `from` without its key (anvil's impersonation), through sendContractCall. */
export async function sendAs (chain: LocalChain, from: Hex, to: Hex, abi: Abi, functionName: string, args: unknown[]): Promise<void> {
  await chain.test.impersonateAccount({ address: from })
  await chain.test.setBalance({ address: from, value: 10n ** 20n })
  const wallet = createWalletClient({ chain: foundry, transport: http(chain.url), account: from })
  await sendContractCall(chain.public, wallet, { address: to, abi, functionName, args, account: from, chain: foundry })
}

/** Mints `amount` to `operator` and has it lock the lot (approve, then lock). */
export async function lockBond (chain: LocalChain, contracts: BondContracts, operator: Hex, amount: bigint): Promise<void> {
  const { EscrinToken, EscrinBonds } = compileContracts()
  const deployer = chain.deployer.account
  if (deployer == null) throw new StartupError('the local chain has no deployer account')
  await sendContractCall(chain.public, chain.deployer, { address: contracts.token, abi: EscrinToken.abi, functionName: 'mint', args: [operator, amount], account: deployer, chain: foundry })
  await sendAs(chain, operator, contracts.token, EscrinToken.abi, 'approve', [contracts.bonds, amount])
  await sendAs(chain, operator, contracts.bonds, EscrinBonds.abi, 'lock', [amount])
}
