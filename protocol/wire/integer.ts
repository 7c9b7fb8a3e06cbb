/** The bits of a long.js Long, which protobufjs decodes 64-bit integer fields to (long.js is installed). */
interface LongBits { low: number, high: number, unsigned: boolean }

function isLong (v: object): v is LongBits {
  return typeof (v as LongBits).low === 'number' && typeof (v as LongBits).high === 'number'
}

/**
 * A decoded integer field (a number, or a Long for 64-bit types) as a
 * number: exact within ±(2^53 - 1), and outside that range a number that is
 * not a safe integer, so a caller's Number.isSafeInteger check refuses it.
 * Reads a Long's bits: Number(long) converts it through its decimal string
 * (~0.4 us; two per share request).
 */
export function wireInteger (v: unknown): number {
  if (typeof v === 'number') return v
  if (v == null) return 0
  if (typeof v === 'object' && isLong(v)) return (v.unsigned ? v.high >>> 0 : v.high) * 2 ** 32 + (v.low >>> 0)
  return Number(v)
}

const TWO_POW_32 = 2n ** 32n
/** The largest value a uint64 field carries. */
export const UINT64_MAX = 2n ** 64n - 1n

/**
 * A decoded uint64 field as an exact bigint (a number below 2^53, or a Long):
 * for amounts in wei, which pass 2^53 at ~0.009 ETH.
 */
export function wireUint64 (v: unknown): bigint {
  if (v == null) return 0n
  if (typeof v === 'object' && isLong(v)) return BigInt(v.high >>> 0) * TWO_POW_32 + BigInt(v.low >>> 0)
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v)
  throw new RangeError(`not a uint64: ${String(v)}`)
}

/** A bigint in 0..UINT64_MAX as the bits protobufjs writes a uint64 field from; RangeError outside. */
export function uint64Bits (v: bigint): LongBits {
  if (v < 0n || v > UINT64_MAX) throw new RangeError(`${v} is outside a uint64 (0..2^64 - 1)`)
  return { low: Number(v & 0xffffffffn) | 0, high: Number(v >> 32n) | 0, unsigned: true }
}
