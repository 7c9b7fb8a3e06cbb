import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'

export interface GcTally {
  /** Full collections (mark-compact). */
  fullGcs: number
  /** Time in every kind of collection (scavenges, incremental marking steps, mark-compacts), as V8 reports it. */
  gcMs: number
}

/**
 * Counts this process's garbage collections from now until the returned
 * function is called. A storage node that collected once per 6 MB received
 * is how the heap growing factor was found (node/runtime/v8-heap.ts); the
 * blob bench reports the count and the time per phase.
 */
export function countGcs (): () => GcTally {
  const tally: GcTally = { fullGcs: 0, gcMs: 0 }
  const add = (entries: PerformanceEntry[]): void => {
    for (const entry of entries) {
      tally.gcMs += entry.duration
      if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) tally.fullGcs++
    }
  }
  const observer = new PerformanceObserver(list => { add(list.getEntries()) })
  observer.observe({ entryTypes: ['gc'] })
  return () => {
    // entries not yet delivered to the callback
    add(observer.takeRecords())
    observer.disconnect()
    return { fullGcs: tally.fullGcs, gcMs: Math.round(tally.gcMs) }
  }
}
