import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'

/**
 * Counts this process's full garbage collections (mark-compact) from now
 * until the returned function is called. A storage node that collected once
 * per 6 MB received is how the heap growing factor was found
 * (node/runtime/v8-heap.ts); the blob bench reports the count per phase.
 */
export function countFullGcs (): () => number {
  let full = 0
  const tally = (entries: PerformanceEntry[]): void => {
    for (const entry of entries) if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++
  }
  const observer = new PerformanceObserver(list => { tally(list.getEntries()) })
  observer.observe({ entryTypes: ['gc'] })
  return () => {
    // entries not yet delivered to the callback
    tally(observer.takeRecords())
    observer.disconnect()
    return full
  }
}
