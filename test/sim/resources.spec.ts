import assert from 'node:assert/strict'
import { ResourceMeter } from '../../sim/engine/resources.js'

const stats = (opened: number, pid = 1): { rss: number, heapUsed: number, cpuUs: number, connections: number, opened: number, pid: number, uptimeMs: number } =>
  ({ rss: 1, heapUsed: 1, cpuUs: 0, connections: 3, opened, pid, uptimeMs: 1_000 })

describe('resource meter: connections opened', () => {
  it('counts each node\'s new connections once, across samples', () => {
    const meter = new ResourceMeter('process')
    meter.report('a', 1_000, stats(5))
    meter.report('b', 1_000, stats(2, 2))
    assert.equal(meter.openedSinceLast(['a', 'b']), 7)
    meter.report('a', 2_000, stats(8))
    assert.equal(meter.openedSinceLast(['a', 'b']), 3)
    assert.equal(meter.openedSinceLast(['a', 'b']), 0)
  })

  it('starts again with a restarted node, in its own process or in the simulator\'s', () => {
    for (const pidAfter of [1, 9]) {
      const meter = new ResourceMeter('process')
      meter.report('a', 1_000, stats(40))
      assert.equal(meter.openedSinceLast(['a']), 40)
      // restarted: the node's count begins at zero again
      meter.report('a', 2_000, stats(4, pidAfter))
      assert.equal(meter.openedSinceLast(['a']), 4)
    }
  })
})
