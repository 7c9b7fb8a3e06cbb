import { ScenarioError } from './errors.js'

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }

/** "250ms", "5s", "1.5m", "1h" in milliseconds; a duration is always written with its unit, so "5" cannot mean two things. */
export function parseDuration (value: unknown, path: string): number {
  const match = typeof value === 'string' ? DURATION.exec(value.trim()) : null
  if (match == null) throw new ScenarioError(path, `expected a duration like "5s" (units ms, s, m, h), got ${describe(value)}`)
  return Math.round(Number(match[1]) * UNIT_MS[match[2]])
}

const RATE = /^(\d+(?:\.\d+)?)\s*\/\s*(s|m)$/

/** Events per second from "5/s", "30/m", or a plain number (per second). */
export function parseRate (value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value
  const match = typeof value === 'string' ? RATE.exec(value.trim()) : null
  const rate = match == null ? NaN : Number(match[1]) / (match[2] === 'm' ? 60 : 1)
  if (!(rate > 0)) throw new ScenarioError(path, `expected a positive rate like "5/s" or "30/m", got ${describe(value)}`)
  return rate
}

const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB)$/
const UNIT_BYTES: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 * 1024 }

/** "512B", "64KiB", "1.5MiB" in bytes, within [1, max]. */
export function parseSize (value: unknown, path: string, max: number): number {
  const match = typeof value === 'string' ? SIZE.exec(value.trim()) : null
  const bytes = match == null ? NaN : Math.round(Number(match[1]) * UNIT_BYTES[match[2]])
  if (!(bytes >= 1 && bytes <= max)) throw new ScenarioError(path, `expected a size like "64KiB" (units B, KiB, MiB) of at most ${max / (1024 * 1024)} MiB, got ${describe(value)}`)
  return bytes
}

const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/

/** "10%" as a fraction (0.1), within [0, max]. */
export function parsePercent (value: unknown, path: string, max: number): number {
  const match = typeof value === 'string' ? PERCENT.exec(value.trim()) : null
  const fraction = match == null ? NaN : Number(match[1]) / 100
  if (!(fraction >= 0 && fraction <= max)) throw new ScenarioError(path, `expected a percentage like "10%" of at most ${max * 100}%, got ${describe(value)}`)
  return fraction
}

/** A short rendering of a bad value for error messages. */
export function describe (value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
