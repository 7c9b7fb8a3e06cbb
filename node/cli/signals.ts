/**
 * Resolves on the first SIGINT or SIGTERM. A second signal while shutting
 * down exits at once, as users expect of Ctrl-C pressed twice.
 */
export async function waitForShutdownSignal (): Promise<NodeJS.Signals> {
  return await new Promise(resolve => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.removeListener('SIGINT', onSignal)
      process.removeListener('SIGTERM', onSignal)
      process.once('SIGINT', () => process.exit(130))
      process.once('SIGTERM', () => process.exit(143))
      resolve(signal)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}

/** Runs `work`, but gives up after `ms`: a stuck shutdown must not hang the process forever. */
export async function withDeadline (work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<false>(resolve => { timer = setTimeout(() => { resolve(false) }, ms) })
  try {
    return await Promise.race([work.then(() => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A rejected promise nobody awaited (a library's background task, say) would
 * end the process under Node's default, taking a running node off the
 * network for one stray error. Logged with its stack instead; the node goes
 * on. Uncaught exceptions still end the process: their state is unknown.
 */
export function logUnhandledRejections (log: (message: string, fields: Record<string, unknown>) => void): void {
  process.on('unhandledRejection', reason => {
    const err = reason as Error | undefined
    log('unhandled rejection', { error: err?.message ?? String(reason), stack: err?.stack })
  })
}
