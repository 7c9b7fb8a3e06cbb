import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CallbackServer } from './callback-server.js'
import { SandboxError } from './errors.js'
import { hostSource } from './host-worker.js'
import { workerdConfig } from './workerd-config.js'
import { WorkerdProcess } from './workerd-process.js'
import type { Logger } from '../log/index.js'

export interface SandboxLimits {
  /** Wall time of one job. workerd does not bound CPU time by itself (a loop blocks its whole process), so this is the CPU bound too. */
  wallTimeMs: number
  /** Resident memory of the job's workerd process. */
  memoryBytes: number
  outputBytes: number
  codeBytes: number
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  wallTimeMs: 30_000,
  memoryBytes: 512 * 1024 * 1024,
  outputBytes: 1024 * 1024,
  codeBytes: 1024 * 1024
}

export interface SandboxJob {
  jobId: string
  /** The code's content id (CID): with the app, the key warm isolates are cached under. */
  codeId: string
  /** The ES module source (Cloudflare Workers format). */
  code: Uint8Array
  input: Uint8Array
  appId: string
  policyId: string
  /** What the worker sees as env.escrin.attestation (JSON). */
  attestation: unknown
  /** Key release for env.escrin.getKey; without it, getKey rejects. */
  onGetKey?: (name: string) => Promise<Uint8Array>
  limits?: Partial<SandboxLimits>
}

export interface SandboxResult {
  status: number
  output: Uint8Array
  durationMs: number
}

export interface SandboxOptions {
  /** workerd processes; each runs one job at a time, so one runaway job never delays another. */
  processes?: number
  limits?: Partial<SandboxLimits>
  /** Jobs waiting for a process at most; beyond, BUSY. */
  queueLimit?: number
  logger?: Logger
}

/** How often a running job's process memory is sampled. */
const MEMORY_POLL_MS = 50

interface Slot {
  index: number
  process?: WorkerdProcess
  starting?: Promise<WorkerdProcess>
  busy: boolean
}

interface Running { job: SandboxJob, token: string }

/**
 * Runs smart workers in a pool of warm workerd processes. Each process runs
 * one job at a time and keeps loaded code warm (per app and code id); a job
 * that overruns its wall time or memory gets its process killed and
 * replaced, failing only that job. Everything workerd needs (config, host
 * worker, sockets) lives in a private temporary directory.
 */
export class WorkerSandbox {
  private readonly limits: SandboxLimits
  private readonly slots: Slot[]
  private readonly queue: Array<{ resolve: (slot: Slot) => void, reject: (err: Error) => void }> = []
  private readonly codes = new Map<string, { code: Uint8Array, users: number }>()
  private readonly running = new Map<string, Running>()
  private dir?: string
  private callbacks?: CallbackServer
  private started?: Promise<void>
  private stopped = false
  private restarts = 0

  constructor (private readonly options: SandboxOptions = {}) {
    this.limits = { ...DEFAULT_SANDBOX_LIMITS, ...options.limits }
    this.slots = Array.from({ length: Math.max(1, options.processes ?? 2) }, (_, index) => ({ index, busy: false }))
  }

  /** Starts the callback server and every workerd process (about 50 ms each). */
  async start (): Promise<void> {
    this.started ??= (async () => {
      this.dir = await mkdtemp(join(tmpdir(), 'escrin-sandbox-'))
      await writeFile(join(this.dir, 'host.js'), hostSource())
      this.callbacks = new CallbackServer(join(this.dir, 'node.sock'), {
        code: id => this.codes.get(id)?.code,
        getKey: (token, name) => {
          const running = [...this.running.values()].find(r => r.token === token)
          return running?.job.onGetKey != null ? running.job.onGetKey(name) : undefined
        }
      })
      await this.callbacks.start()
      await Promise.all(this.slots.map(async slot => { await this.ensureProcess(slot) }))
    })()
    await this.started
  }

  async stop (): Promise<void> {
    this.stopped = true
    for (const waiter of this.queue.splice(0)) waiter.reject(new SandboxError('UNAVAILABLE', 'the sandbox stopped'))
    await Promise.allSettled(this.slots.map(async slot => {
      const process = slot.process ?? await slot.starting?.catch(() => undefined)
      process?.kill()
      await process?.waitExit()
    }))
    await this.callbacks?.stop()
    if (this.dir != null) await rm(this.dir, { recursive: true, force: true })
  }

  stats (): { processes: number, restarts: number, busy: number, queued: number, pids: number[] } {
    return {
      processes: this.slots.filter(s => s.process != null && !s.process.exited).length,
      restarts: this.restarts,
      busy: this.slots.filter(s => s.busy).length,
      queued: this.queue.length,
      pids: this.slots.flatMap(s => s.process?.pid != null ? [s.process.pid] : [])
    }
  }

  async run (job: SandboxJob, options: { signal?: AbortSignal } = {}): Promise<SandboxResult> {
    if (this.stopped) throw new SandboxError('UNAVAILABLE', 'the sandbox is stopped')
    const limits = { ...this.limits, ...job.limits }
    if (job.code.byteLength > limits.codeBytes) throw new SandboxError('CODE_TOO_LARGE', `worker code is ${job.code.byteLength} bytes; at most ${limits.codeBytes}`)
    await this.start()
    const slot = await this.acquire()
    const token = randomBytes(24).toString('base64url')
    this.addCode(job.codeId, job.code)
    this.running.set(job.jobId, { job, token })
    const started = Date.now()
    try {
      const process = await this.ensureProcess(slot)
      return await this.execute(process, slot, job, token, limits, started, options.signal)
    } finally {
      this.running.delete(job.jobId)
      this.dropCode(job.codeId)
      this.release(slot)
    }
  }

  private async execute (process: WorkerdProcess, slot: Slot, job: SandboxJob, token: string, limits: SandboxLimits, started: number, signal?: AbortSignal): Promise<SandboxResult> {
    const deadline = AbortSignal.timeout(limits.wallTimeMs)
    const abort = new AbortController()
    let overrun: SandboxError | undefined
    const fail = (err: SandboxError): void => {
      overrun ??= err
      abort.abort(err)
      // a looping or bloated isolate can only be stopped with its process
      this.replace(slot, process)
    }
    const onDeadline = (): void => { fail(new SandboxError('TIMEOUT', `the worker ran longer than ${limits.wallTimeMs} ms`)) }
    const onAbort = (): void => { fail(new SandboxError('TIMEOUT', 'the job was cancelled')) }
    deadline.addEventListener('abort', onDeadline)
    signal?.addEventListener('abort', onAbort)
    const memory = setInterval(() => {
      void process.rssBytes().then(rss => {
        if (rss != null && rss > limits.memoryBytes) fail(new SandboxError('MEMORY_EXCEEDED', `the worker used more than ${Math.round(limits.memoryBytes / 1048576)} MiB`))
      })
    }, MEMORY_POLL_MS)
    try {
      const header = JSON.stringify({ jobId: job.jobId, appId: job.appId, policyId: job.policyId, attestation: job.attestation ?? null, token })
      const response = await process.request('/run', {
        'x-escrin-loader-id': `${job.policyId}/${job.codeId}`,
        'x-escrin-code-id': job.codeId,
        'x-escrin-job': header
      }, job.input, limits.outputBytes, abort.signal)
      if (response.failure != null) {
        const message = new TextDecoder().decode(response.body)
        throw new SandboxError(response.failure === 'bad-worker' ? 'BAD_WORKER' : 'WORKER_THREW', message)
      }
      return { status: response.status, output: response.body, durationMs: Date.now() - started }
    } catch (err) {
      if (this.stopped) throw new SandboxError('UNAVAILABLE', 'the sandbox stopped while the job ran')
      if (overrun != null) throw overrun
      if (err instanceof SandboxError) {
        // an output over the bound may still be streaming: that process is not reusable mid-response
        if (err.code === 'OUTPUT_TOO_LARGE') this.replace(slot, process)
        throw err
      }
      if (process.exited) {
        this.replace(slot, process)
        throw new SandboxError('WORKER_THREW', `workerd died while running the job: ${process.diagnostics.trim().split('\n').at(-1) ?? ''}`)
      }
      throw new SandboxError('UNAVAILABLE', `the sandbox failed: ${(err as Error).message}`)
    } finally {
      clearInterval(memory)
      deadline.removeEventListener('abort', onDeadline)
      signal?.removeEventListener('abort', onAbort)
    }
  }

  private addCode (id: string, code: Uint8Array): void {
    const entry = this.codes.get(id)
    if (entry != null) entry.users++
    else this.codes.set(id, { code, users: 1 })
  }

  private dropCode (id: string): void {
    const entry = this.codes.get(id)
    if (entry == null) return
    if (--entry.users === 0) this.codes.delete(id)
  }

  private async ensureProcess (slot: Slot): Promise<WorkerdProcess> {
    if (slot.process != null && !slot.process.exited) return slot.process
    slot.starting ??= (async () => {
      const dir = this.dir as string
      const socket = join(dir, `workerd-${slot.index}.sock`)
      const configFile = join(dir, `workerd-${slot.index}.capnp`)
      await rm(socket, { force: true })
      await writeFile(configFile, workerdConfig({ socket, nodeSocket: this.callbacks?.socket as string, hostFile: 'host.js' /* embed paths are relative to the config file */ }))
      const process = new WorkerdProcess(configFile, socket, dir)
      await process.start()
      slot.process = process
      return process
    })().finally(() => { slot.starting = undefined })
    return await slot.starting
  }

  /** Kills a slot's process; the next job on the slot starts a fresh one. */
  private replace (slot: Slot, process: WorkerdProcess): void {
    if (slot.process !== process) return
    process.kill()
    slot.process = undefined
    this.restarts++
    this.options.logger?.warn('workerd process replaced', { slot: slot.index, restarts: this.restarts })
  }

  private async acquire (): Promise<Slot> {
    const free = this.slots.find(s => !s.busy)
    if (free != null) {
      free.busy = true
      return free
    }
    if (this.queue.length >= (this.options.queueLimit ?? this.slots.length * 64)) {
      throw new SandboxError('BUSY', `all ${this.slots.length} workerd processes are busy and ${this.queue.length} jobs wait`)
    }
    return await new Promise((resolve, reject) => { this.queue.push({ resolve, reject }) })
  }

  private release (slot: Slot): void {
    const next = this.queue.shift()
    if (next != null) next.resolve(slot) // stays busy, handed over
    else slot.busy = false
  }
}
