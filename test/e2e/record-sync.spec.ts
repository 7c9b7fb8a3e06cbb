import assert from 'node:assert/strict'
import { NO_ANTI_ENTROPY, startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { EscrinNode } from '../../node/escrin-node.js'

/** Attestation records this node verified, by result. */
async function verifications (node: EscrinNode): Promise<{ ok: number, error: number }> {
  const { values } = await node.metrics.attestationVerifications.get()
  const of = (result: string): number => values.find(v => v.labels.result === result)?.value ?? 0
  return { ok: of('ok'), error: of('error') }
}

describe('record sync', function () {
  this.timeout(90_000)
  let net: TestNetwork
  afterEach(async () => { await net?.close() })

  it('a node that joins through many peers at once verifies each record once', async () => {
    net = await startNetwork(5)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 5), { timeoutMs: 30_000 })
    // the newcomer dials all five at once: five syncs, each answering with the same five records
    const late = await net.add(null)
    await Promise.all(net.nodes.slice(0, 5).map(async n => await late.host.dial(n.host.getMultiaddrs()[0])))
    await waitFor(() => late.attestations.size === 6, { timeoutMs: 20_000, describe: () => `late holds ${late.attestations.size} records` })
    // its own record and the five others, each verified once whatever the number of copies
    assert.deepEqual(await verifications(late), { ok: 6, error: 0 })
  })

  it('copies of one record that arrive together (gossip, syncs) are verified once; all but one are duplicates', async () => {
    net = await startNetwork(1)
    const [a] = net.nodes
    const c = await net.add(null, {}, NO_ANTI_ENTROPY)
    const record = c.attestations.ownRecord
    assert.ok(record != null)
    const before = await verifications(a)
    const apply = (a.attestations as unknown as { apply: (bytes: Uint8Array) => Promise<void> }).apply.bind(a.attestations)
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, async () => { await apply(record) }))
    assert.equal(outcomes.filter(o => o.status === 'fulfilled').length, 1)
    for (const o of outcomes) if (o.status === 'rejected') assert.match(String((o.reason as Error).message), /already known/)
    const after = await verifications(a)
    assert.deepEqual({ ok: after.ok - before.ok, error: after.error - before.error }, { ok: 1, error: 0 })
  })

  it('anti-entropy brings a record that neither gossip nor a new connection delivered', async () => {
    net = await startNetwork(2, {}, () => ({ antiEntropy: { firstMs: 200, maxIntervalMs: 500 } }))
    const [a, b] = net.nodes
    await waitFor(() => a.attestations.size === 2 && b.attestations.size === 2, { timeoutMs: 20_000 })
    // a third node's record reaches B by a path A does not see (no gossip, no connection of A's)
    const c = await net.add(null, {}, NO_ANTI_ENTROPY)
    const cId = c.peerId.toString()
    const record = c.attestations.ownRecord
    assert.ok(record != null)
    await (b.attestations as unknown as { apply: (bytes: Uint8Array) => Promise<void> }).apply(record)
    assert.ok(b.attestations.factsOf(cId) != null)
    assert.equal(a.attestations.factsOf(cId), undefined)
    await waitFor(() => a.attestations.factsOf(cId) != null, { timeoutMs: 10_000, describe: () => 'A never pulled C\'s record from B' })
    assert.deepEqual(a.host.getConnections(c.peerId), [], 'A and C never connected: the record came by anti-entropy')
  })
})
