/**
 * Polls `check` until it returns a truthy value or the deadline passes; the
 * error then carries `describe()`'s account of the last state, so a failing
 * multi-node test says what it saw rather than just "timeout".
 */
export async function waitFor<T> (check: () => Promise<T | undefined | false> | T | undefined | false, options: { timeoutMs: number, intervalMs?: number, describe?: () => Promise<string> | string }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs
  let lastError: unknown
  while (true) {
    try {
      const result = await check()
      if (result !== undefined && result !== false) return result
    } catch (err) {
      lastError = err
    }
    if (Date.now() > deadline) {
      const state = options.describe != null ? await options.describe() : ''
      throw new Error(`condition not met within ${options.timeoutMs} ms${state !== '' ? ': ' + state : ''}${lastError != null ? ` (last error: ${(lastError as Error).message})` : ''}`)
    }
    await new Promise(resolve => setTimeout(resolve, options.intervalMs ?? 100))
  }
}
