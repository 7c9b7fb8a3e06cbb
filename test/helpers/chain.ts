import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { createPublicClient, createTestClient, createWalletClient, http, type Abi, type Hex, type PublicClient, type TestClient, type WalletClient } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'

const require = createRequire(import.meta.url)
/** The repository's root, from dist/test/helpers/. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
/** One ESCRIN in the token's smallest unit (18 decimals). */
export const ESCRIN = 10n ** 18n
/** anvil's first default account (its well-known development key): deploys, mints, slashes. */
export const DEPLOYER_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

export interface Compiled { abi: Abi, bytecode: Hex }

let compiled: Record<'EscrinToken' | 'EscrinBonds', Compiled> | undefined

/** protocol/chain/contracts, compiled with solc-js (once a process; a few seconds). */
export function compileContracts (): Record<'EscrinToken' | 'EscrinBonds', Compiled> {
  if (compiled != null) return compiled
  const solc = require('solc') as { compile: (input: string) => string }
  const sources = Object.fromEntries(['EscrinToken.sol', 'EscrinBonds.sol'].map(file => [file, { content: readFileSync(`${ROOT}protocol/chain/contracts/${file}`, 'utf8') }]))
  const output = JSON.parse(solc.compile(JSON.stringify({
    language: 'Solidity',
    sources,
    settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } }
  }))) as { errors?: Array<{ severity: string, formattedMessage: string }>, contracts: Record<string, Record<string, { abi: Abi, evm: { bytecode: { object: string } } }>> }
  const errors = (output.errors ?? []).filter(e => e.severity === 'error')
  if (errors.length > 0) throw new Error(`solc: ${errors.map(e => e.formattedMessage).join('\n')}`)
  const of = (file: string, name: string): Compiled => {
    const c = output.contracts[file][name]
    return { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` }
  }
  compiled = { EscrinToken: of('EscrinToken.sol', 'EscrinToken'), EscrinBonds: of('EscrinBonds.sol', 'EscrinBonds') }
  return compiled
}

/** The anvil binary of this platform, from the @foundry-rs/anvil package's platform dependency. */
function anvilBinary (): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch
  return require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/bin/anvil`)
}

export interface Anvil {
  url: string
  process: ChildProcess
  public: PublicClient
  test: TestClient
  deployer: WalletClient
  stop: () => Promise<void>
}

/** A local chain on a free port (anvil mines each transaction at once). */
export async function startAnvil (): Promise<Anvil> {
  const child = spawn(anvilBinary(), ['--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  // its banner names the port; the log it writes afterwards is drained and dropped
  let output = ''
  let listening = false
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`anvil did not start within 20 s: ${output}`)) }, 20_000)
    child.on('error', err => { clearTimeout(timer); reject(err) })
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`anvil exited (${code}): ${output}`)) })
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
    public: createPublicClient({ chain: foundry, transport }),
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

/** Deploys the token and the bond contract (the deployer mints, and is the slasher). */
export async function deployBonds (anvil: Anvil, unlockDelaySeconds = 3600n): Promise<BondContracts> {
  const { EscrinToken, EscrinBonds } = compileContracts()
  const deploy = async (c: Compiled, args: unknown[]): Promise<Hex> => {
    const hash = await anvil.deployer.deployContract({ abi: c.abi, bytecode: c.bytecode, args, account: anvil.deployer.account ?? null, chain: foundry })
    const receipt = await anvil.public.waitForTransactionReceipt({ hash })
    if (receipt.contractAddress == null) throw new Error('no contract deployed')
    return receipt.contractAddress
  }
  const token = await deploy(EscrinToken, [])
  const bonds = await deploy(EscrinBonds, [token, anvil.deployer.account?.address, unlockDelaySeconds])
  return { token, bonds }
}

/** Sends a transaction as `from` without its key (anvil's impersonation): how a test acts as a node's operator. */
export async function sendAs (anvil: Anvil, from: Hex, to: Hex, abi: Abi, functionName: string, args: unknown[]): Promise<void> {
  await anvil.test.impersonateAccount({ address: from })
  await anvil.test.setBalance({ address: from, value: 10n ** 20n })
  const wallet = createWalletClient({ chain: foundry, transport: http(anvil.url), account: from })
  // simulated first: a revert throws with the contract's error by name, not only a failed receipt
  await anvil.public.simulateContract({ address: to, abi, functionName, args, account: from })
  const hash = await wallet.writeContract({ address: to, abi, functionName, args, account: from, chain: foundry })
  const receipt = await anvil.public.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new Error(`${functionName} reverted`)
}

/** Mints `amount` to `operator` and has it lock the lot (approve, then lock). */
export async function lockBond (anvil: Anvil, contracts: BondContracts, operator: Hex, amount: bigint): Promise<void> {
  const { EscrinToken, EscrinBonds } = compileContracts()
  const hash = await anvil.deployer.writeContract({ address: contracts.token, abi: EscrinToken.abi, functionName: 'mint', args: [operator, amount], account: anvil.deployer.account ?? null, chain: foundry })
  await anvil.public.waitForTransactionReceipt({ hash })
  await sendAs(anvil, operator, contracts.token, EscrinToken.abi, 'approve', [contracts.bonds, amount])
  await sendAs(anvil, operator, contracts.bonds, EscrinBonds.abi, 'lock', [amount])
}

/** The slasher burns `amount` of the operator's bond. */
export async function slash (anvil: Anvil, contracts: BondContracts, operator: Hex, amount: bigint): Promise<void> {
  const { EscrinBonds } = compileContracts()
  const account = anvil.deployer.account
  if (account == null) throw new Error('no deployer account')
  await anvil.public.simulateContract({ address: contracts.bonds, abi: EscrinBonds.abi, functionName: 'slash', args: [operator, amount], account })
  const hash = await anvil.deployer.writeContract({ address: contracts.bonds, abi: EscrinBonds.abi, functionName: 'slash', args: [operator, amount], account, chain: foundry })
  const receipt = await anvil.public.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new Error('slash reverted')
}
