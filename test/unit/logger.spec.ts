import assert from 'node:assert/strict'
import { createLogger } from '../../node/log/index.js'

describe('logger', () => {
  const now = (): Date => new Date('2026-01-01T00:00:00Z')

  it('writes one JSON object per line with component and context', () => {
    const lines: string[] = []
    const log = createLogger('escrin', { format: 'json', sink: l => lines.push(l), now, context: { node: 1 } })
    log.child('discovery').info('walk done', { found: 3, err: new RangeError('x'), big: 10n })
    assert.equal(lines.length, 1)
    assert.deepEqual(JSON.parse(lines[0]), {
      time: '2026-01-01T00:00:00.000Z', level: 'info', component: 'escrin.discovery', msg: 'walk done', node: 1, found: 3, err: { name: 'RangeError', message: 'x' }, big: '10'
    })
  })

  it('filters by level and writes readable text by default', () => {
    const lines: string[] = []
    const log = createLogger('escrin', { level: 'warn', sink: l => lines.push(l), now })
    log.info('hidden')
    log.warn('shown', { reason: 'two words' })
    assert.deepEqual(lines, ['2026-01-01T00:00:00.000Z WARN  escrin: shown reason="two words"'])
    assert.equal(log.isEnabled('debug'), false)
  })
})
