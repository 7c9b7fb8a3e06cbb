import assert from 'node:assert/strict'
import { TransferBudget, transferFootprint } from '../../node/storage/index.js'
import { BLOB_WINDOW_CHUNKS, CHUNK_SIZE } from '../../protocol/blob/index.js'

describe('TransferBudget: the buffers a storage node\'s transfers hold at once', () => {
  const WINDOW = BLOB_WINDOW_CHUNKS * CHUNK_SIZE

  it('a transfer holds its window, or its size when smaller (never nothing)', () => {
    assert.equal(transferFootprint(100), 100)
    assert.equal(transferFootprint(0), 1)
    assert.equal(transferFootprint(WINDOW * 4), WINDOW)
  })

  it('refuses what does not fit, gives back on release, and a second release gives back nothing more', () => {
    const budget = new TransferBudget(2 * WINDOW)
    const a = budget.take(64 * WINDOW)
    const b = budget.take(WINDOW)
    assert.ok(a != null && b != null)
    assert.equal(budget.take(1), undefined, 'full')
    a()
    a()
    assert.equal(budget.inUse, WINDOW)
    assert.ok(budget.take(WINDOW) != null)
    assert.equal(budget.take(1), undefined, 'a double release must not have made room twice')
    b()
    assert.ok(budget.take(1000) != null)
    assert.equal(budget.inUse, WINDOW + 1000)
  })
})
