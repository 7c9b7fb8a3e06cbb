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
