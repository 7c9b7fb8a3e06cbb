import { performance } from 'node:perf_hooks'

/** The shortest span the utilisation is measured over; a call sooner gets the last figure. */
const WINDOW_MS = 100

let previous = performance.eventLoopUtilization()
let previousAt = performance.now()
let utilization = 0

/**
 * The share of the last span (WINDOW_MS or more) this thread's event loop
 * spent running code rather than waiting for I/O: 0 idle, 1 saturated.
 * Sampled lazily, so it costs nothing while nobody asks.
 */
export function eventLoopUtilization (): number {
  const now = performance.now()
  if (now - previousAt >= WINDOW_MS) {
    const current = performance.eventLoopUtilization()
    utilization = performance.eventLoopUtilization(current, previous).utilization
    previous = current
    previousAt = now
  }
  return utilization
}

/**
 * Whether CPU work that can run in libuv's thread pool should go there: when
 * the event loop is mostly busy it is the bottleneck, and work moved off it
 * runs on another core while the loop serves other streams; when it is mostly
 * idle, the hand-over to a pool thread and back only adds latency (two thread
 * switches, which on a machine with more runnable threads than cores cost
 * more than a 100 us check).
 */
export function offloadCpuWork (): boolean {
  return eventLoopUtilization() >= 0.5
}
