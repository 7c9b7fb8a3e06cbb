import assert from 'node:assert/strict'
import { StartupError } from '../../node/errors.js'
import { HEAP_GROWING_ENV, HEAP_GROWING_PERCENT, heapGrowingPercentFrom, tuneV8Heap } from '../../node/runtime/index.js'

describe('V8 heap growing factor', () => {
  it('defaults to HEAP_GROWING_PERCENT; the environment overrides it, 0 leaving V8\'s heuristic', () => {
    assert.equal(heapGrowingPercentFrom({}), HEAP_GROWING_PERCENT)
    assert.equal(heapGrowingPercentFrom({ [HEAP_GROWING_ENV]: ' ' }), HEAP_GROWING_PERCENT)
    assert.equal(heapGrowingPercentFrom({ [HEAP_GROWING_ENV]: '0' }), 0)
    assert.equal(heapGrowingPercentFrom({ [HEAP_GROWING_ENV]: '250' }), 250)
  })

  it('refuses a value that is not a whole number 0..1000 with a StartupError', () => {
    for (const bad of ['-1', '1.5', '2x', '1001', '1e2']) {
      assert.throws(() => heapGrowingPercentFrom({ [HEAP_GROWING_ENV]: bad }), (err: unknown) => err instanceof StartupError && err.message.includes(HEAP_GROWING_ENV), bad)
    }
  })

  it('is set once per process: later calls report what is in effect', () => {
    const first = tuneV8Heap({})
    assert.equal(tuneV8Heap({ [HEAP_GROWING_ENV]: '7' }), first)
  })
})
