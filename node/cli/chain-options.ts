import { isAddress, type Hex } from 'viem'
import { UsageError } from '../errors.js'
import type { ParsedArgs } from './args.js'

/** --chain, or ESCRIN_CHAIN: the http(s) JSON-RPC URL of the chain a command talks to. */
export function chainUrlOption (values: ParsedArgs['values']): string {
  const url = (values.chain as string | undefined) ?? process.env.ESCRIN_CHAIN
  if (url === undefined || !/^https?:\/\//.test(url)) throw new UsageError('--chain URL is needed: the http(s) JSON-RPC URL of the chain')
  return url
}

/** A contract's address from its flag, or the environment variable named: lowercase, or a UsageError naming the contract. */
export function contractOption (values: ParsedArgs['values'], flag: 'bond-contract' | 'policy-registry', contract: string): Hex {
  const env = `ESCRIN_${flag.toUpperCase().replace('-', '_')}`
  const value = (values[flag] as string | undefined) ?? process.env[env]
  if (value === undefined) throw new UsageError(`--${flag} ADDRESS is needed: the ${contract} contract (or env ${env})`)
  if (!isAddress(value, { strict: false })) throw new UsageError(`--${flag} "${value}" is not a 0x Ethereum address`)
  return value.toLowerCase() as Hex
}
