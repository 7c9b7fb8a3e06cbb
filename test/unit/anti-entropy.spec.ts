import assert from 'node:assert/strict'
import { AntiEntropy } from '../../node/sync/index.js'
import { waitFor } from '../helpers/wait.js'
import type { PeerId } from '@libp2p/interface'

const peer = (name: string): PeerId => ({ toString: () => name }) as unknown as PeerId

describe('AntiEntropy', () => {
  const running: AntiEntropy[] = []
  afterEach(() => { for (const a of running.splice(0)) a.stop() })

  it('syncs with one random connected peer per round, and with none when there is none', async () => {
    const asked: string[] = []
    let peers = [peer('a'), peer('b'), peer('c')]
    const ae = new AntiEntropy(() => peers, async p => { asked.push(p.toString()) })
    for (let i = 0; i < 60; i++) await ae.round()
    assert.equal(asked.length, 60)
    assert.deepEqual([...new Set(asked)].sort(), ['a', 'b', 'c'], 'rounds spread over the connected peers')
    peers = []
    assert.equal(await ae.round(), undefined)
    assert.equal(asked.length, 60)
  })

  it('keeps running rounds after a failed sync, until stopped', async () => {
    let calls = 0
    const ae = new AntiEntropy(() => [peer('a')], async () => { calls++; throw new Error('peer went away') }, { firstMs: 5, maxIntervalMs: 20 })
    running.push(ae)
    ae.start()
    await waitFor(() => calls >= 4, { timeoutMs: 5_000, describe: () => `${calls} rounds` })
    ae.stop()
    const atStop = calls
    // longer than the largest interval (20 ms, jittered up to 30 ms): a round still scheduled would have run
    await new Promise(resolve => setTimeout(resolve, 200))
    assert.equal(calls, atStop)
  })
})
