import assert from 'node:assert/strict'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'

/**
 * `tableVersion` is how the simulator's agent knows, without rebuilding it,
 * that a node's peer table did not change; it must grow with every stored,
 * replaced or expired record, whether or not a scope changed. Two real nodes
 * on TCP loopback, records valid for 4 s.
 */
describe('attestation table version', function () {
  this.timeout(60_000)
  let net: TestNetwork

  before(async () => {
    net = await startNetwork(2, {}, () => ({ attestationTtlMs: 4_000 }))
  })

  after(async () => {
    await net?.close()
  })

  it('grows when a peer\'s record arrives, is replaced, and expires', async () => {
    const [a, b] = net.nodes
    const peer = b.peerId.toString()
    await waitFor(() => a.attestations.recordOf(peer) != null, { timeoutMs: 20_000, describe: () => 'a never got b\'s record' })

    const before = a.attestations.tableVersion
    const seq = a.attestations.recordOf(peer)?.seq ?? 0
    await b.attestations.publishOwn()
    await waitFor(() => (a.attestations.recordOf(peer)?.seq ?? 0) > seq, { timeoutMs: 10_000, describe: () => 'b\'s new record did not reach a' })
    assert.ok(a.attestations.tableVersion > before, 'a replaced record left the version as it was')

    const replaced = a.attestations.tableVersion
    await b.stop()
    await waitFor(() => a.attestations.recordOf(peer) == null, { timeoutMs: 15_000, describe: () => 'b\'s record never expired at a' })
    assert.ok(a.attestations.tableVersion > replaced, 'an expired record left the version as it was')
  })
})
