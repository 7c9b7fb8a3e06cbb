// Sizes and durations as operators write them on the command line and in config files.

/** Units a size may carry: binary (KiB...) as disks and memory are sized, decimal (KB...) as vendors sell them. */
const UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1], ['b', 1],
  ['kib', 2 ** 10], ['mib', 2 ** 20], ['gib', 2 ** 30], ['tib', 2 ** 40],
  ['kb', 1e3], ['mb', 1e6], ['gb', 1e9], ['tb', 1e12]
])

/**
 * A size as an operator writes it (`4096`, `256MiB`, `1.5 GiB`, `2TB`; units
 * in any case) in bytes, or undefined for anything else (a negative or
 * fractional byte count, an unknown unit, a size past 2^53).
 */
export function parseByteSize (text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text)
  if (match == null) return undefined
  const unit = UNITS.get(match[2].toLowerCase())
  if (unit == null) return undefined
  const bytes = Number(match[1]) * unit
  return Number.isSafeInteger(bytes) ? bytes : undefined
}

/** A byte count as a person reads it: the largest binary unit it fills (`256 MiB`, `1.5 GiB`). */
export function formatByteSize (bytes: number): string {
  for (const [unit, size] of [['TiB', 2 ** 40], ['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(2))} ${unit}`
  }
  return `${bytes} B`
}

const DURATION_UNITS: ReadonlyMap<string, number> = new Map([['ms', 1], ['s', 1_000], ['m', 60_000], ['h', 3_600_000]])

/** A duration as an operator writes it (`500ms`, `10s`, `1.5m`; a bare number is milliseconds) in whole milliseconds, or undefined. */
export function parseDuration (text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text)
  if (match == null) return undefined
  const ms = Number(match[1]) * (DURATION_UNITS.get((match[2] ?? 'ms').toLowerCase()) as number)
  return Number.isSafeInteger(ms) ? ms : undefined
}
