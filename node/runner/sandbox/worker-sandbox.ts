import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { CallbackServer, type TokenGrant } from './callback-server.js'
import { workerdConfig } from './config.js'
import {
  DEFAULT_PROCESSES, DEFAULT_QUEUE_PER_PROCESS, DEFAULT_SANDBOX_LIMITS, HEAP_SHARE, RESTART_BACKOFF_BASE_MS,
  RESTART_BACKOFF_MAX_MS, RESTART_STABLE_MS, USAGE_POLL_MS
} from './constants.js'
import { SandboxError } from './errors.js'
import { hostWorkerSource } from './host-worker.js'
import type { SandboxJob, SandboxLimits, SandboxResult, SandboxStats, WorkerSandboxInit } from './types.js'
import { WorkerdProcess } from './workerd-process.js'

/** How long to wait for a dead process's exit event when classifying a failed job (the socket closes first). */
const EXIT_GRACE_MS = 1_000
/** workerd's stderr when V8 aborts the process at its heap limit. */
const HEAP_ABORT = /heap out of memory|Reached heap limit/

interface Slot {
  index: number
  process?: WorkerdProcess
  /** The next process, while it starts (after a backoff delay if the last one crashed). */
  starting?: Promise<WorkerdProcess>
  busy: boolean
  /** Set when the sandbox kills the process itself, so its exit is not a crash. */
  killedOnPurpose?: WorkerdProcess
  /** Crashes in a row, for the restart backoff. */
  crashes: number
  backoff?: AbortController
}

interface Waiter { resolve: (slot: Slot) => void, reject: (err: Error) => void }

/**
 * Runs smart workers in a pool of warm workerd processes.
 *
 * Each process runs one job at a time, because workerd bounds neither CPU nor memory of the
 * workers it loads (measured: a `while (true) {}` in a loaded worker blocks the whole process,
 * health checks included, for as long as it runs). So the node bounds each job from outside:
 * wall time by a deadline, CPU time and resident memory by sampling /proc every
 * USAGE_POLL_MS (the whole process's figures are the job's, since it runs alone), the V8
 * heap by `--max-old-space-size`, output while reading it. A job past a bound gets its process
 * SIGKILLed and replaced; only that job fails, and other jobs run in other processes.
 * Loaded code stays warm in its process (the Worker Loader caches it per app and code id).
 */
export class WorkerSandbox {
  private readonly limits: SandboxLimits
  private readonly slots: Slot[]
  private readonly queue: Waiter[] = []
  private readonly queueLimit: number
  private readonly grants = new Map<string, TokenGrant>()
  private dir?: string
  private callbacks?: CallbackServer
  private started?: Promise<void>
  private stopped = false
  private restarts = 0

  constructor (private readonly init: WorkerSandboxInit = {}) {
    this.limits = { ...DEFAULT_SANDBOX_LIMITS, ...init.limits }
    const processes = Math.max(1, Math.floor(init.processes ?? DEFAULT_PROCESSES))
    this.slots = Array.from({ length: processes }, (_, index) => ({ index, busy: false, crashes: 0 }))
    this.queueLimit = Math.max(0, init.queueLimit ?? processes * DEFAULT_QUEUE_PER_PROCESS)
  }

  /** Starts the callback server and every workerd process; safe to call twice. */
  async start (): Promise<void> {
    if (this.stopped) throw new SandboxError('UNAVAILABLE', 'the sandbox is stopped')
    this.started ??= (async () => {
      try {
        this.dir = await mkdtemp(join(this.init.tmpDir ?? tmpdir(), 'escrin-sandbox-')) // mode 0700
        await writeFile(join(this.dir, 'host.js'), hostWorkerSource())
        this.callbacks = new CallbackServer(join(this.dir, 'node.sock'), token => this.grants.get(token))
        await this.callbacks.start()
        await Promise.all(this.slots.map(async slot => { await this.ensureProcess(slot) }))
        this.init.logger?.info('workerd sandbox started', { processes: this.slots.length, pids: this.stats().pids })
      } catch (err) {
        await this.stop()
        throw err instanceof SandboxError ? err : new SandboxError('UNAVAILABLE', `the sandbox cannot start: ${(err as Error).message}`, { cause: err })
      }
    })()
    await this.started
  }

  /** Kills every workerd process and waits for them to exit; queued and running jobs fail with UNAVAILABLE. Safe to call twice. */
  async stop (): Promise<void> {
    this.stopped = true
    for (const waiter of this.queue.splice(0)) waiter.reject(new SandboxError('UNAVAILABLE', 'the sandbox stopped'))
    await Promise.allSettled(this.slots.map(async slot => {
      slot.backoff?.abort()
      const process = slot.process ?? await slot.starting?.catch(() => undefined)
      slot.process = undefined
      if (process == null) return
      slot.killedOnPurpose = process
      process.kill()
      await process.exited
    }))
    await this.callbacks?.stop()
    this.callbacks = undefined
    if (this.dir != null) await rm(this.dir, { recursive: true, force: true })
    this.dir = undefined
  }

  stats (): SandboxStats {
    const live = this.slots.flatMap(s => s.process?.alive === true && s.process.pid != null ? [s.process.pid] : [])
    return {
      processes: live.length,
      restarts: this.restarts,
      busy: this.slots.filter(s => s.busy).length,
      queued: this.queue.length,
      pids: live
    }
  }

  /** What this sandbox was set up with: its processes and each job's default limits. */
  settings (): { processes: number, limits: SandboxLimits } {
    return { processes: this.slots.length, limits: { ...this.limits } }
  }

  /** The tails of the live processes' stderr, for diagnostics. */
  diagnostics (): string[] {
    return this.slots.map(s => s.process?.diagnostics ?? '')
  }

  async run (job: SandboxJob, options: { signal?: AbortSignal } = {}): Promise<SandboxResult> {
    if (this.stopped) throw new SandboxError('UNAVAILABLE', 'the sandbox is stopped')
    const limits = { ...this.limits, ...job.limits }
    if (job.code.byteLength > limits.codeBytes) throw new SandboxError('CODE_TOO_LARGE', `the worker's code is ${job.code.byteLength} bytes; at most ${limits.codeBytes}`)
    if (options.signal?.aborted === true) throw new SandboxError('ABORTED', 'the job was aborted before it ran')
    await this.start()
    const slot = await this.acquire(options.signal)
    const token = randomBytes(24).toString('base64url')
    this.grants.set(token, { code: job.code, ...(job.onGetKey != null ? { onGetKey: job.onGetKey } : {}) })
    try {
      const process = await this.ensureProcess(slot)
      return await this.execute(slot, process, job, token, limits, options.signal)
    } finally {
      this.grants.delete(token)
      this.release(slot)
    }
  }

  private async execute (slot: Slot, process: WorkerdProcess, job: SandboxJob, token: string, limits: SandboxLimits, signal?: AbortSignal): Promise<SandboxResult> {
    const started = performance.now()
    const abort = new AbortController()
    let overrun: SandboxError | undefined
    const fail = (err: SandboxError): void => {
      if (overrun != null) return
      overrun = err
      // a looping or bloated isolate can only be stopped with its process
      this.replace(slot, process, err.code)
      abort.abort(err)
    }
    const baseline = process.usage()
    const onDeadline = (): void => {
      // a job that spent its wall time on the CPU is told so; one that waited is a TIMEOUT
      void Promise.all([baseline, process.usage()]).then(([before, now]) => {
        const cpuMs = before != null && now != null ? now.cpuMs - before.cpuMs : undefined
        fail(cpuMs != null && cpuMs >= limits.wallTimeMs * 0.8
          ? new SandboxError('CPU_EXCEEDED', `the worker computed for the whole of its ${limits.wallTimeMs} ms wall time`)
          : new SandboxError('TIMEOUT', `the worker ran longer than ${limits.wallTimeMs} ms`))
      })
    }
    const deadline = setTimeout(onDeadline, limits.wallTimeMs)
    const onAbort = (): void => { fail(new SandboxError('ABORTED', 'the job was aborted')) }
    signal?.addEventListener('abort', onAbort)
    let sampling = false
    const sampler = setInterval(() => {
      if (sampling) return
      sampling = true
      void Promise.all([baseline, process.usage()]).then(([before, now]) => {
        sampling = false
        if (now == null) return
        if (now.rssBytes > limits.memoryBytes) fail(new SandboxError('MEMORY_EXCEEDED', `the worker's process used ${mib(now.rssBytes)} MiB; at most ${mib(limits.memoryBytes)} MiB`))
        else if (before != null && now.cpuMs - before.cpuMs > limits.cpuTimeMs) fail(new SandboxError('CPU_EXCEEDED', `the worker used more than ${limits.cpuTimeMs} ms of CPU time`))
      })
    }, USAGE_POLL_MS)
    try {
      const header = JSON.stringify({ jobId: job.jobId, appId: job.appId, policyId: job.policyId, codeId: job.codeId, attestation: job.attestation ?? null, token })
      const response = await process.request('/run', { 'x-escrin-job': header }, job.input, limits.outputBytes, abort.signal)
      if (overrun != null) throw overrun
      switch (response.failure) {
        case undefined:
          slot.crashes = 0 // a process that serves a job is healthy: restarts of this slot start without backoff again
          return { status: response.status, output: response.body, durationMs: performance.now() - started }
        case 'bad-worker': throw new SandboxError('BAD_WORKER', new TextDecoder().decode(response.body))
        case 'unavailable': throw new SandboxError('UNAVAILABLE', new TextDecoder().decode(response.body))
        default: throw new SandboxError('WORKER_THREW', new TextDecoder().decode(response.body))
      }
    } catch (err) {
      if (this.stopped) throw new SandboxError('UNAVAILABLE', 'the sandbox stopped while the job ran')
      if (overrun != null) throw overrun
      if (err instanceof SandboxError) {
        // the worker may still be producing output: that process is not reusable mid-response
        if (err.code === 'OUTPUT_TOO_LARGE') this.replace(slot, process, err.code)
        throw err
      }
      // the connection failed: did workerd die under the job?
      await Promise.race([process.exited, delay(EXIT_GRACE_MS, undefined, { ref: false })])
      if (!process.alive) {
        const heap = HEAP_ABORT.test(process.diagnostics)
        throw new SandboxError(heap ? 'MEMORY_EXCEEDED' : 'WORKER_THREW', heap
          ? 'the worker exceeded the V8 heap limit'
          : `workerd died while running the job: ${process.lastLines(2)}`)
      }
      this.replace(slot, process, 'UNAVAILABLE')
      throw new SandboxError('UNAVAILABLE', `the sandbox failed: ${(err as Error).message}`, { cause: err })
    } finally {
      clearTimeout(deadline)
      clearInterval(sampler)
      signal?.removeEventListener('abort', onAbort)
    }
  }

  /** The slot's live process, or the one starting, or a new one. */
  private async ensureProcess (slot: Slot): Promise<WorkerdProcess> {
    if (slot.process?.alive === true) return slot.process
    if (this.stopped) throw new SandboxError('UNAVAILABLE', 'the sandbox is stopped')
    slot.starting ??= this.spawn(slot, 0).finally(() => { slot.starting = undefined })
    return await slot.starting
  }

  private async spawn (slot: Slot, backoffMs: number): Promise<WorkerdProcess> {
    if (backoffMs > 0) {
      slot.backoff = new AbortController()
      try {
        await delay(backoffMs, undefined, { signal: slot.backoff.signal })
      } catch {
        throw new SandboxError('UNAVAILABLE', 'the sandbox stopped')
      } finally {
        slot.backoff = undefined
      }
    }
    const dir = this.dir
    const nodeSocket = this.callbacks?.socket
    if (this.stopped || dir == null || nodeSocket == null) throw new SandboxError('UNAVAILABLE', 'the sandbox is stopped')
    const socket = join(dir, `workerd-${slot.index}.sock`)
    const configFile = join(dir, `workerd-${slot.index}.capnp`)
    await rm(socket, { force: true })
    await writeFile(configFile, workerdConfig({ socket, nodeSocket, hostModule: 'host.js', heapMiB: this.limits.memoryBytes * HEAP_SHARE / 1048576 }))
    const process = new WorkerdProcess(configFile, socket, dir)
    void process.exited.then(() => { this.onExit(slot, process) })
    try {
      await process.start()
    } catch (err) {
      slot.crashes++
      this.init.logger?.error('workerd failed to start', { slot: slot.index, crashes: slot.crashes, error: (err as Error).message })
      throw err
    }
    if (this.stopped) {
      process.kill()
      throw new SandboxError('UNAVAILABLE', 'the sandbox stopped')
    }
    slot.process = process
    return process
  }

  /** A process exited: if the sandbox did not kill it, it crashed; either way a fresh one is started in the background. */
  private onExit (slot: Slot, process: WorkerdProcess): void {
    if (slot.process === process) slot.process = undefined
    if (this.stopped) return
    if (slot.killedOnPurpose === process) {
      slot.killedOnPurpose = undefined
    } else if (process.startedAt > 0) {
      if (Date.now() - process.startedAt > RESTART_STABLE_MS) slot.crashes = 0
      slot.crashes++
      this.restarts++
      this.init.logger?.error('workerd exited unexpectedly', { slot: slot.index, exit: process.exitInfo, stderr: process.lastLines(5) })
    }
    if (slot.starting != null || slot.process != null) return
    const backoffMs = slot.crashes === 0 ? 0 : Math.min(RESTART_BACKOFF_BASE_MS * 2 ** (slot.crashes - 1), RESTART_BACKOFF_MAX_MS)
    slot.starting = this.spawn(slot, backoffMs).finally(() => { slot.starting = undefined })
    slot.starting.catch(() => {}) // a job waiting on it sees the error; the next exit retries
  }

  /** Kills a slot's process after a job overran; its exit starts a fresh one. */
  private replace (slot: Slot, process: WorkerdProcess, reason: string): void {
    if (slot.killedOnPurpose === process || !process.alive) return
    slot.killedOnPurpose = process
    if (slot.process === process) slot.process = undefined
    process.kill()
    this.restarts++
    this.init.logger?.warn('workerd process replaced', { slot: slot.index, pid: process.pid, reason, restarts: this.restarts })
  }

  private async acquire (signal?: AbortSignal): Promise<Slot> {
    const free = this.slots.find(s => !s.busy && s.process?.alive === true) ?? this.slots.find(s => !s.busy)
    if (free != null) {
      free.busy = true
      return free
    }
    if (this.queue.length >= this.queueLimit) {
      throw new SandboxError('BUSY', `all ${this.slots.length} workerd processes are busy and ${this.queue.length} jobs wait`)
    }
    return await new Promise<Slot>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: slot => { signal?.removeEventListener('abort', onAbort); resolve(slot) },
        reject: err => { signal?.removeEventListener('abort', onAbort); reject(err) }
      }
      const onAbort = (): void => {
        const i = this.queue.indexOf(waiter)
        if (i >= 0) this.queue.splice(i, 1)
        waiter.reject(new SandboxError('ABORTED', 'the job was aborted while it waited for a process'))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.queue.push(waiter)
    })
  }

  private release (slot: Slot): void {
    const next = this.queue.shift()
    if (next != null) next.resolve(slot) // stays busy, handed over
    else slot.busy = false
  }
}

function mib (bytes: number): number {
  return Math.round(bytes / 1048576)
}
