import assert from 'node:assert/strict'
import { describePeerFailures } from '../../node/errors.js'

describe('describePeerFailures (one line naming the peers that failed)', () => {
  const failures = Array.from({ length: 7 }, (_, i) => ({ peer: `12D3KooWpeer${i}abcdefgh`.slice(0, 20) + String(i).repeat(8), error: `error ${i}` }))

  it('names each peer by the end of its id, with its error', () => {
    assert.equal(describePeerFailures(failures.slice(0, 2)), '00000000: error 0; 11111111: error 1')
  })

  it('names the first five and counts the rest', () => {
    const line = describePeerFailures(failures)
    assert.equal(line.split('; ').length, 6)
    assert.ok(line.startsWith('00000000: error 0; '))
    assert.ok(line.endsWith('44444444: error 4; and 2 more'), line)
    assert.equal(describePeerFailures(failures, 7).includes('more'), false)
  })

  it('is empty for no failures', () => {
    assert.equal(describePeerFailures([]), '')
  })
})
