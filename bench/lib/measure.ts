import { spawn } from 'node:child_process'

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
