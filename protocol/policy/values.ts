import { getAddress } from 'viem/utils'
import { MAX_BOND, MAX_BOND_DIGITS, MAX_HEX_LENGTH } from './constants.js'

/**
 * Normalisers for the value kinds of the language. Each returns the one
 * canonical form of a value, or undefined when the input is not a value of that
 * kind. They are shared by the predicate parser and by `normalizeFacts`, so a
 * policy value and a peer fact that denote the same thing always compare equal.
 */

const HEX = /^[0-9a-f]*$/
const ADDRESS = /^0x[0-9a-fA-F]{40}$/
const TEE_KIND = /^[a-z0-9][a-z0-9._-]{0,31}$/
// base58btc (Ed25519/secp256k1 peer ids) and base32 CIDs are both alphanumeric
const PEER_ID = /^[A-Za-z0-9]{1,128}$/
const DECIMAL = /^[0-9]+$/
const LEADING_ZEROS = /^0+(?=.)/

/** Digests are compared as bare lowercase hex: `0xAB01` and `ab01` are the same measurement. */
export function normalizeHex (value: string, allowEmpty = false): string | undefined {
  let hex = value.startsWith('0x') || value.startsWith('0X') ? value.slice(2) : value
  if (hex.length > MAX_HEX_LENGTH || hex.length % 2 !== 0 || (!allowEmpty && hex.length === 0)) {
    return undefined
  }
  hex = hex.toLowerCase()
  return HEX.test(hex) ? hex : undefined
}

/**
 * Addresses are compared lowercase. A mixed-case address must carry a valid
 * EIP-55 checksum: that is the one typo check an address has, and a policy that
 * names the wrong operator fails silently, so it is worth keeping.
 */
export function normalizeAddress (value: string): string | undefined {
  if (!ADDRESS.test(value)) return undefined
  const lower = value.toLowerCase()
  const body = value.slice(2)
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase()
  if (mixedCase && getAddress(lower) !== value) return undefined
  return lower
}

/** TEE kinds are short lowercase tokens (`dev`, `nitro`, `tdx`, `sev-snp`); matching ignores case. */
export function normalizeTeeKind (value: string): string | undefined {
  const kind = value.toLowerCase()
  return TEE_KIND.test(kind) ? kind : undefined
}

/** Peer ids are case-sensitive multibase strings; they are checked, never rewritten. */
export function normalizePeerId (value: string): string | undefined {
  return PEER_ID.test(value) ? value : undefined
}

/** Bonds are uint256 wei written as decimal strings (JSON numbers cannot hold them exactly). Leading zeros are dropped. */
export function parseBond (value: string): bigint | undefined {
  if (!DECIMAL.test(value)) return undefined
  const digits = value.replace(LEADING_ZEROS, '')
  // checked before BigInt() so a hostile string of digits costs nothing
  if (digits.length > MAX_BOND_DIGITS) return undefined
  const bond = BigInt(digits)
  return bond <= MAX_BOND ? bond : undefined
}

/** Reliability is an observed fraction in [0, 1]; -0 is folded into 0 so it has one encoding. */
export function normalizeReliability (value: number): number | undefined {
  if (!Number.isFinite(value) || value < 0 || value > 1) return undefined
  return value === 0 ? 0 : value
}
