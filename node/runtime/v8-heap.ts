import { setFlagsFromString } from 'node:v8'
import { StartupError } from '../errors.js'

/**
 * How far V8 lets the old generation grow past what the last full
 * collection left alive before it collects again, in percent (100: to twice
 * the live size).
 *
 * V8 counts memory held outside its heap (the ArrayBuffers under every
 * socket read, chunk and ciphertext) against the same limit and picks the
 * growing factor itself; for a node's heap (30-40 MB live) it picked about
 * 1.1, so a storage node receiving a 64 MB blob ran about ten full
 * collections (350-580 ms of its CPU), one per 6 MB or so received. At 100 it runs one or
 * two: a put of 64 MB to three holders went from 28-36 to 51-63 MB/s on the
 * project machine, and each holder's heap grew by 37 MB at most instead of 31.
 */
export const HEAP_GROWING_PERCENT = 100
/** Environment variable that overrides it; 0 leaves V8's own heuristic. */
export const HEAP_GROWING_ENV = 'ESCRIN_HEAP_GROWING_PERCENT'

/** The growing percentage `env` asks for (the default when it asks for none); a StartupError for a bad value. */
export function heapGrowingPercentFrom (env: NodeJS.ProcessEnv): number {
  const text = env[HEAP_GROWING_ENV]
  if (text == null || text.trim() === '') return HEAP_GROWING_PERCENT
  const percent = Number(text)
  if (!/^\d+$/.test(text.trim()) || percent > 1000) throw new StartupError(`${HEAP_GROWING_ENV} must be a whole number 0..1000 (0: V8's own heuristic), not "${text}"`)
  return percent
}

let applied: number | undefined

/**
 * Sets V8's heap growing factor for this process, once (the first node
 * created in a process decides; later calls return what is in effect).
 * V8 reads the flag each time it sets the next collection's limit, so it
 * takes effect when set at run time; the flags that size the heap at start
 * (--initial-old-space-size) would not, and NODE_OPTIONS refuses them.
 */
export function tuneV8Heap (env: NodeJS.ProcessEnv = process.env): number {
  if (applied !== undefined) return applied
  const percent = heapGrowingPercentFrom(env)
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`)
  applied = percent
  return percent
}
