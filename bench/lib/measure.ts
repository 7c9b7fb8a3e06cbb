import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Polls `done` every `intervalMs` until true or the deadline; returns elapsed ms or null on timeout. */
export async function timeUntil (start: number, done: () => Promise<boolean>, timeoutMs: number, intervalMs = 25): Promise<number | null> {
  while (Date.now() - start < timeoutMs) {
    if (await done()) return Date.now() - start
    await new Promise(resolve => setTimeout(resolve, intervalMs))
  }
  return null
}

/** Heap and RSS after a full GC (needs --expose-gc; otherwise as they are). */
export function memoryNow (): { heapUsed: number, rss: number } {
  (globalThis as { gc?: () => void }).gc?.()
  const { heapUsed, rss } = process.memoryUsage()
  return { heapUsed, rss }
}

/**
 * Runs `script` with `args` in a fresh Node process (the same Node, with
 * --expose-gc) and parses the JSON object it prints last on stdout. One
 * process per measurement keeps memory figures of one variant out of another's.
 */
export async function runChild (script: string, args: string[], timeoutMs: number): Promise<any> {
  const child = spawn(process.execPath, ['--expose-gc', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${script} ${args.join(' ')} timed out`)) }, timeoutMs)
    child.once('exit', c => { clearTimeout(timer); resolve(c) })
  })
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited ${code}`)
  const last = out.trim().split('\n').at(-1) ?? ''
  return JSON.parse(last)
}

export function ratio (value: number | null, baseline: number | null): number | null {
  if (value == null || baseline == null || baseline === 0) return null
  return Math.round((value / baseline) * 100) / 100
}

/**
 * Waits until this process is (nearly) idle: CPU use over a `windowMs`
 * window below `maxCpu` (a fraction of one core), at least `minMs` after the
 * call, or until `timeoutMs`. Steady-state latencies are measured from here,
 * so that start-up work (discovery walks, dials, syncs) of either variant
 * does not count against it. Returns the time waited.
 */
export async function settle (options: { minMs?: number, windowMs?: number, maxCpu?: number, timeoutMs?: number } = {}): Promise<number> {
  const { minMs = 2_000, windowMs = 500, maxCpu = 0.2, timeoutMs = 30_000 } = options
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    const before = process.cpuUsage()
    const t = Date.now()
    await new Promise(resolve => setTimeout(resolve, windowMs))
    const used = process.cpuUsage(before)
    const busy = (used.user + used.system) / 1000 / (Date.now() - t)
    if (busy < maxCpu && Date.now() - start >= minMs) break
  }
  return Date.now() - start
}

/**
 * Rounds a latency bench runs before it measures, in every variant: enough
 * for V8 to optimise the request path in each process (a holder in its own
 * process sees only t/n of them), so that the measured rounds are the steady
 * state of a running node, not its first requests after start.
 */
export const DEFAULT_WARMUP_ROUNDS = 200

/** clock ticks a second of /proc/stat's counters (USER_HZ: 100 on every Linux Node supports) */
const USER_HZ = 100

/**
 * CPU time the whole machine has spent busy (every process, every core; not
 * idle or waiting for I/O) since boot, in ms; null where /proc/stat is not.
 * With holders in processes of their own, the bench's process.cpuUsage()
 * counts the runner's share alone; this counts theirs too. 10 ms granularity:
 * meaningful summed over many rounds.
 */
export function machineBusyMs (): number | null {
  let stat: string
  try {
    stat = readFileSync('/proc/stat', 'utf8')
  } catch {
    return null
  }
  const fields = stat.slice(0, stat.indexOf('\n')).trim().split(/\s+/).slice(1).map(Number)
  // user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait
  const busy = fields.reduce((sum, v, i) => i === 3 || i === 4 ? sum : sum + v, 0)
  return busy * 1000 / USER_HZ
}
