/** A signal that aborts at a deadline, and the means to stand the deadline down. */
export interface Deadline {
  signal: AbortSignal
  /** Stops the timer: call once the work is done, whichever way it ended. */
  clear: () => void
}

/**
 * A signal that aborts with a TimeoutError (as AbortSignal.timeout's does)
 * after `ms`, and a `clear` that disarms it.
 *
 * AbortSignal.timeout cannot be disarmed: its timer stays set until it fires,
 * and a signal still alive then aborts, building a DOMException with its
 * stack for work long finished. On a hot path that is one more wake-up of the
 * process per request, `ms` later: a holder answering a share request every
 * few milliseconds woke about as often for the deadlines of requests it had
 * answered 10 s before as for new ones. Not keeping the process alive, like
 * AbortSignal.timeout's.
 */
export function deadline (ms: number): Deadline {
  const controller = new AbortController()
  const timer = setTimeout(() => { controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')) }, ms)
  timer.unref()
  return { signal: controller.signal, clear: () => { clearTimeout(timer) } }
}

/** Runs `work` with a signal that aborts after `ms`; the deadline is disarmed when it settles. */
export async function underDeadline<T> (ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const { signal, clear } = deadline(ms)
  try {
    return await work(signal)
  } finally {
    clear()
  }
}
