import { resolve } from 'node:path'
import { formatUnits, isAddress, parseUnits, type Hex, type PublicClient } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { BONDS_OPERATOR_ABI, TOKEN_ABI } from '../../protocol/chain/index.js'
import { loadOrCreateEnclaveKeys } from '../attestations/index.js'
import { sendContractCall } from '../bonds/index.js'
import { chainAccount, chainClient, describeChainError } from '../chain/index.js'
import { DEFAULT_DATA_DIR } from '../constants.js'
import { StartupError, UsageError } from '../errors.js'
import { parseCommandArgs } from './args.js'
import { chainUrlOption, contractOption } from './chain-options.js'

export const BOND_HELP = `Usage: escrin-node bond show [--operator ADDRESS] --chain URL --bond-contract ADDRESS [--data-dir D]
       escrin-node bond lock AMOUNT --chain URL --bond-contract ADDRESS [--data-dir D]
       escrin-node bond unlock AMOUNT --chain URL --bond-contract ADDRESS [--data-dir D]
       escrin-node bond withdraw --chain URL --bond-contract ADDRESS [--data-dir D]

The bond of this node's operator (the Ethereum key in its data dir, which
signs its attestation records) in the EscrinBonds contract: the fact trust
policies read as "bond". AMOUNT is in ESCRIN (up to 18 decimals, e.g. 1000
or 2.5). The operator's address pays the gas: send it ETH first, and the
ESCRIN to lock.

show:     the bond, what is unlocking and when it can be withdrawn, and the
          operator's ESCRIN and ETH (--operator: of another operator)
lock:     approves and locks AMOUNT more
unlock:   takes AMOUNT out of the bond now; withdrawable after the delay
withdraw: sends back what finished unlocking

Options:
  --chain URL              Ethereum JSON-RPC URL (or env ESCRIN_CHAIN)
  --bond-contract ADDRESS  the EscrinBonds contract (or env ESCRIN_BOND_CONTRACT)
  --data-dir D             the node's data dir (default ${DEFAULT_DATA_DIR}, or env ESCRIN_DATA_DIR)
  --operator ADDRESS       show: an operator other than this node's`

const DECIMALS = 18

export async function bond (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], {
    chain: { type: 'string' },
    'bond-contract': { type: 'string' },
    'data-dir': { type: 'string' },
    operator: { type: 'string' }
  }, 2)
  const [sub, amountText] = parsed.positionals
  if (sub !== 'show' && sub !== 'lock' && sub !== 'unlock' && sub !== 'withdraw') {
    throw new UsageError(sub === undefined ? 'missing subcommand (use: bond show | lock AMOUNT | unlock AMOUNT | withdraw)' : `unknown subcommand "${sub}" (use: show, lock, unlock, withdraw)`)
  }
  const takesAmount = sub === 'lock' || sub === 'unlock'
  if (takesAmount && amountText === undefined) throw new UsageError(`bond ${sub} needs an AMOUNT of ESCRIN`)
  if (!takesAmount && amountText !== undefined) throw new UsageError(`unexpected argument "${amountText}"`)
  if (sub !== 'show' && parsed.values.operator !== undefined) throw new UsageError('--operator is for show: a bond is changed only with its operator\'s key')
  const amount = takesAmount ? parseAmount(amountText as string) : 0n

  const url = chainUrlOption(parsed.values)
  const bonds = contractOption(parsed.values, 'bond-contract', 'EscrinBonds')
  const client = chainClient(url)

  let operator: Hex
  let key: Hex | undefined
  if (typeof parsed.values.operator === 'string') {
    if (!isAddress(parsed.values.operator, { strict: false })) throw new UsageError(`--operator "${parsed.values.operator}" is not a 0x Ethereum address`)
    operator = parsed.values.operator.toLowerCase() as Hex
  } else {
    const dataDir = resolve((parsed.values['data-dir'] as string | undefined) ?? process.env.ESCRIN_DATA_DIR ?? DEFAULT_DATA_DIR)
    key = (await loadOrCreateEnclaveKeys(dataDir)).operatorKey
    operator = privateKeyToAccount(key).address.toLowerCase() as Hex
  }

  try {
    if (sub !== 'show') await change(client, url, bonds, key as Hex, sub, amount)
    await show(client, bonds, operator)
    return 0
  } catch (err) {
    throw new StartupError(describeChainError(err))
  }
}

/** An amount of ESCRIN as its smallest unit: digits, up to 18 decimals, above zero. */
function parseAmount (text: string): bigint {
  if (!/^\d+(\.\d{1,18})?$/.test(text)) throw new UsageError(`"${text}" is not an amount of ESCRIN (e.g. 1000, or 2.5; at most 18 decimals)`)
  const wei = parseUnits(text, DECIMALS)
  if (wei === 0n) throw new UsageError('an amount of 0 changes nothing')
  return wei
}

async function change (client: PublicClient, url: string, bonds: Hex, key: Hex, sub: 'lock' | 'unlock' | 'withdraw', amount: bigint): Promise<void> {
  const { wallet, account, chain } = await chainAccount(url, key, 'operator', client)
  // each call is simulated first (sendContractCall): a refusal names the contract's reason, and nothing is sent
  const send = async (address: Hex, abi: typeof BONDS_OPERATOR_ABI | typeof TOKEN_ABI, functionName: string, args: readonly unknown[]): Promise<void> => {
    console.log(`${functionName}: ${await sendContractCall(client, wallet, { address, abi, functionName, args, account, chain })}`)
  }
  if (sub === 'lock') {
    const token = await client.readContract({ address: bonds, abi: BONDS_OPERATOR_ABI, functionName: 'token' })
    const balance = await client.readContract({ address: token, abi: TOKEN_ABI, functionName: 'balanceOf', args: [account.address] })
    if (balance < amount) throw new Error(`the operator ${account.address.toLowerCase()} has ${formatUnits(balance, DECIMALS)} ESCRIN, not ${formatUnits(amount, DECIMALS)}`)
    await send(token, TOKEN_ABI, 'approve', [bonds, amount])
    await send(bonds, BONDS_OPERATOR_ABI, 'lock', [amount])
  } else if (sub === 'unlock') {
    await send(bonds, BONDS_OPERATOR_ABI, 'requestUnlock', [amount])
  } else {
    await send(bonds, BONDS_OPERATOR_ABI, 'withdraw', [])
  }
}

async function show (client: PublicClient, bonds: Hex, operator: Hex): Promise<void> {
  const [locked, unlocking, unlockAt] = await client.readContract({ address: bonds, abi: BONDS_OPERATOR_ABI, functionName: 'bonds', args: [operator] })
  const token = await client.readContract({ address: bonds, abi: BONDS_OPERATOR_ABI, functionName: 'token' })
  const balance = await client.readContract({ address: token, abi: TOKEN_ABI, functionName: 'balanceOf', args: [operator] })
  const eth = await client.getBalance({ address: operator })
  console.log(`operator: ${operator}`)
  console.log(`bond: ${formatUnits(locked, DECIMALS)} ESCRIN (${locked} wei)`)
  if (unlocking > 0n) console.log(`unlocking: ${formatUnits(unlocking, DECIMALS)} ESCRIN, withdrawable from ${new Date(Number(unlockAt) * 1000).toISOString()}`)
  console.log(`balance: ${formatUnits(balance, DECIMALS)} ESCRIN, ${formatUnits(eth, 18)} ETH`)
}
