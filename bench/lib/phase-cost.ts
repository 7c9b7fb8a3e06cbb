import { countGcs } from '../gc-count.js'

/** What one phase of a bench cost one process. */
export interface PhaseCost {
  /** Peak growth of RSS over the phase. */
  peakRssBytes: number
  /** Peak growth of heap + array buffers over the phase. */
  peakHeapBytes: number
  /** Full collections (mark-compact) during the phase. */
  fullGcs: number
  /** Time in garbage collection of every kind. */
  gcMs: number
  /** CPU time (user + system). */
  cpuMs: number
}

/**
 * Starts watching this process for one phase: collects first (when run with
 * --expose-gc) so that the phase starts from what is alive, then samples
 * memory every `sampleMs` and counts collections and CPU time. The returned
 * function ends the watch and gives the cost; calling it again gives the same
 * cost, so it can also sit in a `finally`.
 */
export function watchPhase (sampleMs = 5): () => PhaseCost {
  (globalThis as { gc?: () => void }).gc?.()
  const base = process.memoryUsage()
  let peakRssBytes = 0
  let peakHeapBytes = 0
  const sample = (): void => {
    const m = process.memoryUsage()
    peakRssBytes = Math.max(peakRssBytes, m.rss - base.rss)
    peakHeapBytes = Math.max(peakHeapBytes, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers)
  }
  const timer = setInterval(sample, sampleMs)
  const gcs = countGcs()
  const cpu = process.cpuUsage()
  let cost: PhaseCost | undefined
  return () => {
    if (cost != null) return cost
    sample()
    clearInterval(timer)
    const used = process.cpuUsage(cpu)
    cost = { peakRssBytes, peakHeapBytes, ...gcs(), cpuMs: Math.round((used.user + used.system) / 1000) }
    return cost
  }
}
