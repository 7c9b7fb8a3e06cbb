import assert from 'node:assert/strict'
import { lpStream } from '@libp2p/utils'
import { ATTESTATION_SYNC_PROTOCOL } from '../../node/attestations/attestation-service.js'
import { createBareHost } from '../../bench/lib/raw-host.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { Libp2p } from 'libp2p'

describe('a peer that answers attestation sync with forgeries', function () {
  this.timeout(60_000)
  let net: TestNetwork
  let attacker: Libp2p

  beforeEach(async () => {
    net = await startNetwork(2)
    attacker = await createBareHost()
    await waitFor(() => net.nodes.every(n => n.attestations.size === 2), { timeoutMs: 20_000 })
  })
  afterEach(async () => {
    await attacker?.stop()
    await net?.close()
  })

  async function serve (frames: Uint8Array[]): Promise<void> {
    await attacker.handle(ATTESTATION_SYNC_PROTOCOL, async stream => {
      const lp = lpStream(stream)
      await lp.writeV(frames)
      await stream.close()
    })
  }

  const count = (n: number): Uint8Array => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n); return b }

  const cases: Array<[string, () => Uint8Array[]]> = [
    ['records that are not records', () => [count(2), Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)]],
    ['an absurd record count', () => [count(1_000_000)]],
    ['a header that is not a count', () => [Uint8Array.of(1, 2)]]
  ]

  for (const [name, frames] of cases) {
    it(`is penalised for ${name}, and nothing enters the peer table`, async () => {
      await serve(frames())
      const target = net.nodes[0]
      const before = target.attestations.size
      await attacker.dial(target.host.getMultiaddrs()[0])
      await waitFor(() => target.scores.score(attacker.peerId.toString()) < 0, { timeoutMs: 15_000 })
      assert.equal(target.attestations.size, before)
      assert.equal(target.attestations.factsOf(attacker.peerId.toString()), undefined)
      assert.equal(target.isRunning, true)
    })
  }
})
