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
