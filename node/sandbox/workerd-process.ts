import { spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { createRequire } from 'node:module'
import { SandboxError } from './errors.js'

/**
 * workerd's binary, from the npm package's per-platform dependency. Not
 * `workerd/bin/workerd`: without the package's postinstall that is a Node
 * launcher which spawns the binary as its child, so its pid's memory is not
 * the worker's and killing it leaves the real workerd running.
 */
export function workerdBinary (): string {
  const require = createRequire(import.meta.url)
  const platform = `@cloudflare/workerd-${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch === 'x64' ? '64' : process.arch}`
  try {
    return require.resolve(`${platform}/bin/workerd${process.platform === 'win32' ? '.exe' : ''}`)
  } catch {
    throw new SandboxError('UNAVAILABLE', `workerd has no binary for ${process.platform}-${process.arch} (${platform} is not installed)`)
  }
}

/**
 * Starts workerd under a watchdog shell that kills it when the node's end of
 * the shell's stdin closes: when the node exits, even by SIGKILL, no workerd
 * (and no looping worker) outlives it. The shell prints workerd's pid first,
 * and exits when workerd does.
 */
// (a background job's stdin is /dev/null unless redirected: the watcher reads the node's pipe through fd 3)
const WATCHDOG = 'exec 3<&0; "$0" "$@" </dev/null & pid=$!; echo "$pid"; (read _ignored <&3; kill -9 "$pid" 2>/dev/null) & wait "$pid"'

/** Bound on workerd's stderr kept for diagnostics. */
const STDERR_KEEP = 8 * 1024
const READY_TIMEOUT_MS = 10_000

export interface WorkerdResponse {
  status: number
  failure?: string
  body: Uint8Array
}

/**
 * One workerd process: started with a config, ready when its socket answers,
 * killed with SIGKILL (a looping isolate ignores anything gentler). Requests
 * go over its unix socket.
 */
export class WorkerdProcess {
  private child?: ChildProcess
  private workerdPid?: number
  private stderr = ''
  exited = false

  constructor (private readonly configFile: string, private readonly socket: string, private readonly cwd: string) {}

  /** workerd's own pid (not the watchdog's). */
  get pid (): number | undefined {
    return this.workerdPid
  }

  get diagnostics (): string {
    return this.stderr
  }

  async start (): Promise<void> {
    const child = spawn('/bin/sh', ['-c', WATCHDOG, workerdBinary(), 'serve', this.configFile, '--experimental'], { cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'] })
    this.child = child
    child.stderr?.on('data', (d: Buffer) => { this.stderr = (this.stderr + d.toString()).slice(-STDERR_KEEP) })
    child.stdout?.once('data', (d: Buffer) => { this.workerdPid = Number.parseInt(d.toString(), 10) })
    child.once('exit', () => { this.exited = true })
    const deadline = Date.now() + READY_TIMEOUT_MS
    while (true) {
      if (this.exited) throw new SandboxError('UNAVAILABLE', `workerd exited at start: ${this.stderr.trim().split('\n').slice(-3).join(' | ')}`)
      try {
        const res = await this.request('/health', {}, new Uint8Array(), 1024, AbortSignal.timeout(1_000))
        if (res.status === 200) return
      } catch {}
      if (Date.now() > deadline) {
        this.kill()
        throw new SandboxError('UNAVAILABLE', `workerd did not answer within ${READY_TIMEOUT_MS} ms`)
      }
      await new Promise(resolve => setTimeout(resolve, 10))
    }
  }

  /** Kills workerd (a looping isolate ignores anything gentler than SIGKILL), then its watchdog. */
  kill (): void {
    if (this.workerdPid != null) {
      try { process.kill(this.workerdPid, 'SIGKILL') } catch {}
    }
    if (this.child != null && !this.exited) {
      this.child.stdin?.end() // the watchdog kills workerd too, should the pid not be known yet
      this.child.kill('SIGKILL')
    }
  }

  async waitExit (): Promise<void> {
    if (this.child == null || this.exited) return
    await new Promise<void>(resolve => this.child?.once('exit', () => { resolve() }))
  }

  /** Resident memory of the process, from /proc (Linux); undefined elsewhere. */
  async rssBytes (): Promise<number | undefined> {
    if (this.workerdPid == null) return undefined
    try {
      const status = await readFile(`/proc/${this.workerdPid}/status`, 'utf8')
      const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1]
      return kb != null ? Number(kb) * 1024 : undefined
    } catch {
      return undefined
    }
  }

  /** POSTs to the host worker; the response body is read up to `maxBody` bytes (OUTPUT_TOO_LARGE beyond). */
  async request (path: string, headers: Record<string, string>, body: Uint8Array, maxBody: number, signal: AbortSignal): Promise<WorkerdResponse> {
    return await new Promise((resolve, reject) => {
      const req = request({ socketPath: this.socket, path, method: 'POST', headers: { ...headers, 'content-length': String(body.byteLength) }, signal }, res => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.byteLength
          if (size > maxBody) {
            res.destroy()
            reject(new SandboxError('OUTPUT_TOO_LARGE', `the worker's output exceeds ${maxBody} bytes`))
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () => {
          const failure = res.headers['x-escrin-failure']
          resolve({ status: res.statusCode ?? 0, ...(typeof failure === 'string' ? { failure } : {}), body: new Uint8Array(Buffer.concat(chunks)) })
        })
        res.on('error', reject)
      })
      req.on('error', reject)
      req.end(body)
    })
  }
}
