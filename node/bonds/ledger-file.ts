import { BondLedgerError } from './bond-ledger.js'

/** Largest bond: bonds are uint256 amounts of wei on chain. */
const MAX_BOND = (1n << 256n) - 1n
/** A ledger file bigger than this is refused rather than parsed (about 50k operators). */
export const MAX_LEDGER_FILE_BYTES = 8 * 1024 * 1024

/**
 * The local ledger file format:
 *   { "version": 1, "bonds": { "0xoperator…": "1000000000000000000", … } }
 * Amounts are decimal strings of wei, since JSON numbers lose precision long
 * before uint256. Addresses are case-insensitive and kept lowercase.
 */
export function parseLedgerFile (text: string, path: string): Map<string, bigint> {
  if (text.length > MAX_LEDGER_FILE_BYTES) throw new BondLedgerError(`${path} is larger than ${MAX_LEDGER_FILE_BYTES} bytes`)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw new BondLedgerError(`${path} is not valid JSON: ${(err as Error).message}`)
  }
  if (parsed == null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BondLedgerError(`${path} must hold a JSON object`)
  const { version, bonds } = parsed as { version?: unknown, bonds?: unknown }
  if (version !== 1) throw new BondLedgerError(`${path}: "version" must be 1`)
  if (bonds == null || typeof bonds !== 'object' || Array.isArray(bonds)) throw new BondLedgerError(`${path}: "bonds" must be an object of address → wei`)
  const out = new Map<string, bigint>()
  for (const [address, amount] of Object.entries(bonds)) {
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new BondLedgerError(`${path}: "${address}" is not a 0x Ethereum address`)
    if (typeof amount !== 'string' || !/^(0|[1-9][0-9]{0,77})$/.test(amount) || BigInt(amount) > MAX_BOND) {
      throw new BondLedgerError(`${path}: the bond of ${address} must be a decimal string of wei (uint256), got ${JSON.stringify(amount)}`)
    }
    out.set(address.toLowerCase(), BigInt(amount))
  }
  return out
}

export function formatLedgerFile (bonds: ReadonlyMap<string, bigint>): string {
  const sorted = [...bonds.entries()].sort(([a], [b]) => a.localeCompare(b))
  return JSON.stringify({ version: 1, bonds: Object.fromEntries(sorted.map(([a, v]) => [a, v.toString()])) }, null, 2) + '\n'
}
