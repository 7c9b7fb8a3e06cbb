import type { SandboxLimits } from './types.js'

/** Per-job bounds unless the sandbox or the job says otherwise. */
export const DEFAULT_SANDBOX_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  /** Wall time of one job, from the moment a process is assigned until the last output byte. */
  wallTimeMs: 30_000,
  /** CPU time of the job's workerd process while the job runs (sampled from /proc; Linux only). */
  cpuTimeMs: 10_000,
  /**
   * Resident memory of the job's workerd process. An idle process with the host worker takes
   * about 65 MiB, so this is that plus what the job may use.
   */
  memoryBytes: 256 * 1024 * 1024,
  outputBytes: 1024 * 1024,
  codeBytes: 1024 * 1024
})

/** Warm workerd processes; each runs one job at a time. */
export const DEFAULT_PROCESSES = 2
/** Jobs waiting for a process at most, per process; beyond, BUSY. */
export const DEFAULT_QUEUE_PER_PROCESS = 32
/** How often a running job's process is sampled for memory and CPU time: the overrun a hog gets before it is stopped. */
export const USAGE_POLL_MS = 20
/** Deadline for a fresh workerd process to answer its health check (it takes ~50-100 ms). */
export const READY_TIMEOUT_MS = 10_000
/** Interval between readiness probes while a process starts. */
export const READY_POLL_MS = 5
/** Restart backoff after a process dies unexpectedly: doubles from BASE up to MAX, reset after a stable minute. */
export const RESTART_BACKOFF_BASE_MS = 100
export const RESTART_BACKOFF_MAX_MS = 10_000
export const RESTART_STABLE_MS = 60_000
/** Bytes of workerd's stderr kept per process for diagnostics. */
export const STDERR_KEEP_BYTES = 16 * 1024
/** Bound on an error message a worker's exception produces. */
export const MAX_ERROR_MESSAGE = 1024
/** Key names a worker may ask for: short and printable. */
export const KEY_NAME = /^[\x20-\x7e]{1,128}$/
/** Bound on a key request from a worker (JSON with the name). */
export const MAX_KEY_REQUEST_BYTES = 1024
/** Bound on a released key returned to a worker. */
export const MAX_KEY_BYTES = 64 * 1024
/** Compatibility date of the host worker and of loaded workers: fixed so behaviour does not drift with the binary. */
export const COMPATIBILITY_DATE = '2025-06-01'
/**
 * The V8 heap limit of a workerd process is this share of the sandbox's memory bound (half: the
 * process's own ~65 MiB and V8's overhead fit in the rest, so a heap hog hits this first): a JS heap
 * hog then aborts the process inside V8 (fast, no polling race); memory outside the heap
 * (ArrayBuffers, wasm) is caught by RSS sampling.
 */
export const HEAP_SHARE = 0.5
/** The clock tick /proc reports CPU time in (USER_HZ, 100 on every Linux ABI). */
export const PROC_TICKS_PER_SECOND = 100
