import assert from 'node:assert/strict'
import { deadline, underDeadline } from '../../node/runtime/index.js'

/** Resolves when `signal` aborts, or with false once `ms` passed without it (the bound of the check, not a synchronisation). */
async function abortedWithin (signal: AbortSignal, ms: number): Promise<boolean> {
  if (signal.aborted) return true
  return await new Promise(resolve => {
    const timer = setTimeout(() => { resolve(false) }, ms)
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(true) }, { once: true })
  })
}

describe('deadline', () => {
  it('aborts its signal with a TimeoutError once the time is up, as AbortSignal.timeout does', async () => {
    const { signal } = deadline(20)
    assert.equal(signal.aborted, false)
    assert.equal(await abortedWithin(signal, 5_000), true)
    assert.equal((signal.reason as Error).name, 'TimeoutError')
  })

  it('a cleared deadline never fires', async () => {
    const { signal, clear } = deadline(20)
    clear()
    assert.equal(await abortedWithin(signal, 200), false)
  })

  it('underDeadline gives the work its signal and disarms it whichever way the work ends', async () => {
    let seen: AbortSignal | undefined
    assert.equal(await underDeadline(20, async signal => { seen = signal; return 7 }), 7)
    await assert.rejects(underDeadline(20, async signal => { seen = signal; throw new Error('failed') }), /failed/)
    assert.ok(seen != null)
    assert.equal(await abortedWithin(seen, 200), false, 'disarmed after a failure too')
    // and work that outlives it sees the abort
    await assert.rejects(underDeadline(20, async signal => { await new Promise((resolve, reject) => { signal.addEventListener('abort', () => { reject(signal.reason) }) }) }), (err: Error) => err.name === 'TimeoutError')
  })
})
