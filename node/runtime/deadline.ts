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
 * stack for work long finished. On the share request path that was one timer
 * run and, often, one DOMException per request, 10 s after it was answered
 * (58 ms of a runner's profile over 2,000 key releases). The timer does not
 * keep the process alive, as AbortSignal.timeout's does not.
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
