/** Resolves when a writable with a full buffer drains, or closes (then the writer sees it destroyed). */
export async function drained (stream: { once: (event: string, fn: () => void) => unknown, off: (event: string, fn: () => void) => unknown }): Promise<void> {
  await new Promise<void>(resolve => {
    const done = (): void => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.once('drain', done)
    stream.once('close', done)
  })
}
