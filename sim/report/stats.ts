/** The p-th percentile (0..1) by nearest rank; null for no values. */
export function percentile (values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]
}

export interface Percentiles { count: number, p50: number | null, p90: number | null, p99: number | null, max: number | null }

export function percentiles (values: readonly number[]): Percentiles {
  return { count: values.length, p50: percentile(values, 0.5), p90: percentile(values, 0.9), p99: percentile(values, 0.99), max: values.length === 0 ? null : Math.max(...values) }
}

/** Splits `items` into consecutive time bins of `binMs` over [0, endMs). */
export function bins<T> (items: readonly T[], at: (item: T) => number, endMs: number, binMs: number): Array<{ t: number, items: T[] }> {
  const out = Array.from({ length: Math.max(1, Math.ceil(endMs / binMs)) }, (_, i) => ({ t: i * binMs, items: [] as T[] }))
  for (const item of items) {
    const index = Math.min(out.length - 1, Math.max(0, Math.floor(at(item) / binMs)))
    out[index].items.push(item)
  }
  return out
}

export function formatMs (ms: number | null): string {
  if (ms == null) return '-'
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1_000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`
}

export function formatBytes (bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`
}
