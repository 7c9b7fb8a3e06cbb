import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { Agent, request } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { workerdBinary } from './binary.js'
import { PROC_TICKS_PER_SECOND, READY_POLL_MS, READY_TIMEOUT_MS, STDERR_KEEP_BYTES } from './constants.js'
import { SandboxError } from './errors.js'

export interface WorkerdResponse {
  status: number
  /** Set by the host worker when the job failed rather than answered: 'threw' | 'bad-worker' | 'unavailable'. */
  failure?: string
  body: Uint8Array
}

export interface ProcessUsage {
  rssBytes: number
  cpuMs: number
}

/**
 * Children alive right now, killed synchronously if the node exits (process 'exit' covers a
 * normal exit, process.exit() and an uncaught exception). A node killed by a signal cannot run
 * that hook; on Linux workerd is started through `setpriv --pdeathsig KILL`, so the kernel kills
 * it when the node dies however it dies.
 */
const live = new Set<ChildProcess>()
const killLive = (): void => { for (const child of live) child.kill('SIGKILL') }

const SETPRIV = process.platform === 'linux' ? ['/usr/bin/setpriv', '/bin/setpriv'].find(p => existsSync(p)) : undefined

/**
 * One workerd process: spawned with a config, ready once its socket answers /health, killed
 * with SIGKILL (a looping isolate blocks workerd's event loop, so nothing gentler works).
 */
export class WorkerdProcess {
  private child?: ChildProcess
  private stderr = ''
  private readonly agent: Agent
  readonly exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
  private resolveExit!: (info: { code: number | null, signal: NodeJS.Signals | null }) => void
  exitInfo?: { code: number | null, signal: NodeJS.Signals | null }
  startedAt = 0

  constructor (private readonly configFile: string, readonly socket: string, private readonly cwd: string) {
    this.exited = new Promise(resolve => { this.resolveExit = resolve })
    // one kept-alive connection: a process runs one job at a time
    this.agent = new Agent({ keepAlive: true, maxSockets: 1 })
  }

  get pid (): number | undefined { return this.child?.pid }
  get alive (): boolean { return this.child != null && this.exitInfo == null }
  /** The tail of workerd's stderr. */
  get diagnostics (): string { return this.stderr }

  /** Spawns workerd and resolves once it serves; UNAVAILABLE if it exits or stays silent past the deadline. */
  async start (): Promise<void> {
    const args = ['serve', this.configFile, '--experimental']
    const binary = workerdBinary()
    const child = SETPRIV != null
      ? spawn(SETPRIV, ['--pdeathsig', 'KILL', '--', binary, ...args], { cwd: this.cwd, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn(binary, args, { cwd: this.cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    this.child = child
    this.startedAt = Date.now()
    if (live.size === 0) process.on('exit', killLive)
    live.add(child)
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (d: string) => { this.stderr = (this.stderr + d).slice(-STDERR_KEEP_BYTES) })
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      live.delete(child)
      if (live.size === 0) process.off('exit', killLive)
      this.agent.destroy()
      this.exitInfo = { code, signal }
      this.resolveExit(this.exitInfo)
    }
    child.once('exit', onExit)
    child.once('error', err => {
      this.stderr += `\nspawn failed: ${err.message}`
      if (this.exitInfo == null) onExit(null, null)
    })
    const deadline = Date.now() + READY_TIMEOUT_MS
    while (true) {
      if (this.exitInfo != null) throw new SandboxError('UNAVAILABLE', `workerd exited at start (${this.exitInfo.code ?? this.exitInfo.signal}): ${this.lastLines(3)}`)
      if (Date.now() > deadline) {
        this.kill()
        throw new SandboxError('UNAVAILABLE', `workerd did not answer within ${READY_TIMEOUT_MS} ms: ${this.lastLines(3)}`)
      }
      try {
        const res = await this.request('/health', {}, new Uint8Array(), 64, AbortSignal.timeout(1_000))
        if (res.status === 200) return
      } catch {}
      await delay(READY_POLL_MS)
    }
  }

  kill (): void {
    if (this.alive) this.child?.kill('SIGKILL')
    this.agent.destroy()
  }

  lastLines (n: number): string {
    return this.stderr.trim().split('\n').slice(-n).join(' | ')
  }

  /** Resident memory and CPU time so far, from /proc (Linux); undefined elsewhere or once gone. */
  async usage (): Promise<ProcessUsage | undefined> {
    const pid = this.child?.pid
    if (pid == null || !this.alive) return undefined
    try {
      const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')])
      const rssKiB = /VmRSS:\s+(\d+)/.exec(status)?.[1]
      // fields after the parenthesised command name: state is field 3, utime 14, stime 15
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const ticks = Number(fields[11]) + Number(fields[12])
      if (rssKiB == null || !Number.isFinite(ticks)) return undefined
      return { rssBytes: Number(rssKiB) * 1024, cpuMs: ticks * 1000 / PROC_TICKS_PER_SECOND }
    } catch {
      return undefined
    }
  }

  /**
   * POSTs to the host worker over the unix socket. The response body is read up to `maxBody`
   * bytes; beyond, the response is destroyed and the promise rejects with OUTPUT_TOO_LARGE.
   */
  async request (path: string, headers: Record<string, string>, body: Uint8Array, maxBody: number, signal: AbortSignal): Promise<WorkerdResponse> {
    return await new Promise((resolve, reject) => {
      let settled = false
      const settle = (fn: () => void): void => {
        if (settled) return
        settled = true
        fn()
      }
      const fail = (err: Error): void => { settle(() => { reject(err) }) }
      const req = request({ socketPath: this.socket, agent: this.agent, path, method: 'POST', headers: { ...headers, 'content-length': String(body.byteLength) }, signal }, res => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.byteLength
          if (size > maxBody) {
            fail(new SandboxError('OUTPUT_TOO_LARGE', `the worker's output exceeds ${maxBody} bytes`))
            res.destroy()
            return
          }
          chunks.push(chunk)
        })
        res.once('end', () => {
          const failure = res.headers['x-escrin-failure']
          const output = new Uint8Array(Buffer.concat(chunks, size))
          settle(() => { resolve({ status: res.statusCode ?? 0, ...(typeof failure === 'string' ? { failure } : {}), body: output }) })
        })
        res.once('error', fail)
        res.once('aborted', () => { fail(new Error('workerd closed the response early')) })
      })
      req.once('error', fail)
      req.end(body)
    })
  }
}
