import assert from 'node:assert/strict'
import { eventLoopUtilization, offloadCpuWork } from '../../node/runtime/index.js'

/** Keeps the event loop running code for `ms` (what a saturated node's loop does). */
function spin (ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) {}
}

/** Leaves the event loop waiting for `ms` (what an idle node's loop does); idleness is what is measured here, not a synchronisation. */
async function idle (ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms))
}

describe('event loop load', () => {
  it('reads a loop that ran code as busy, and one that waited as idle, once a window has passed', async () => {
    // a window that starts now: the one before may hold the test runner's own start-up
    await idle(150)
    eventLoopUtilization()
    await idle(150)
    assert.ok(eventLoopUtilization() < 0.5, 'an idle loop')
    assert.equal(offloadCpuWork(), false)
    spin(150)
    assert.ok(eventLoopUtilization() > 0.8, 'a loop that ran code throughout')
    assert.equal(offloadCpuWork(), true)
  })
})
