import { openStream } from '../../node/host/index.js'
import assert from 'node:assert/strict'
import { lpStream } from '@libp2p/utils'
import { privateKeyToAccount } from 'viem/accounts'
import { ATTESTATION_SYNC_PROTOCOL } from '../../node/attestations/attestation-service.js'
import { POLICY_SYNC_PROTOCOL } from '../../node/policies/policy-service.js'
import { createBareHost } from '../../bench/lib/raw-host.js'
import { encodeSignedPolicy } from '../../protocol/gossip/index.js'
import { recordId } from '../../node/sync/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { EscrinNode } from '../../node/escrin-node.js'
import type { Libp2p } from 'libp2p'

const KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'

const count = (n: number): Uint8Array => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n); return b }

/** A policy whose signature was made over other contents: encodes fine, fails verification. */
async function forgedPolicy (): Promise<Uint8Array> {
  const owner = privateKeyToAccount(KEY).address
  const signed = await signPolicy(createPolicy({ owner, name: 'forged', version: 1, predicate: '{"has":["roles","runner"]}' }), KEY)
  return encodeSignedPolicy({ ...signed, policy: { ...signed.policy, predicate: '{"has":["roles","ssss"]}' } })
}

const SYNCS: Array<{ name: string, protocol: string, size: (n: EscrinNode) => number }> = [
  { name: 'attestation sync', protocol: ATTESTATION_SYNC_PROTOCOL, size: n => n.attestations.size },
  { name: 'policy sync', protocol: POLICY_SYNC_PROTOCOL, size: n => n.policies.store.size }
]

const CASES: Array<[string, () => Promise<Uint8Array[]>, string[]?]> = [
  ['records that are not records', async () => [count(2), Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)]],
  ['an absurd record count', async () => [count(1_000_000)]],
  ['a header that is not a count', async () => [Uint8Array.of(1, 2)]],
  ['a policy with a forged signature', async () => [count(1), await forgedPolicy()], [POLICY_SYNC_PROTOCOL]]
]

for (const sync of SYNCS) {
  describe(`a peer that answers ${sync.name} with forgeries`, function () {
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

    for (const [name, frames, only] of CASES) {
      if (only != null && !only.includes(sync.protocol)) continue
      it(`is penalised for ${name}, and nothing enters the node's tables`, async () => {
        const sent = await frames()
        await attacker.handle(sync.protocol, async stream => {
          const lp = lpStream(stream)
          await lp.writeV(sent)
          await stream.close()
        })
        const target = net.nodes[0]
        const before = sync.size(target)
        await attacker.dial(target.host.getMultiaddrs()[0])
        await waitFor(() => target.scores.score(attacker.peerId.toString()) < 0, { timeoutMs: 15_000 })
        assert.equal(sync.size(target), before)
        assert.equal(target.attestations.factsOf(attacker.peerId.toString()), undefined)
        assert.equal(target.isRunning, true)
      })
    }
  })
}

for (const sync of SYNCS) {
  describe(`${sync.name} by set difference`, function () {
    this.timeout(60_000)
    let net: TestNetwork
    let peer: Libp2p

    before(async () => {
      net = await startNetwork(2)
      peer = await createBareHost()
      await waitFor(() => net.nodes.every(n => n.attestations.size === 2), { timeoutMs: 20_000 })
      if (sync.protocol === POLICY_SYNC_PROTOCOL) {
        await net.nodes[0].policies.publish(await signPolicy(createPolicy({ owner: privateKeyToAccount(KEY).address, name: 'sync', version: 1, predicate: '{"has":["roles","runner"]}' }), KEY))
        await waitFor(() => net.nodes.every(n => n.policies.store.size === 1), { timeoutMs: 20_000 })
      }
    })
    after(async () => {
      await peer?.stop()
      await net?.close()
    })

    /** Asks node 0 for its records, listing `held` as already known; returns what it sends back. */
    async function ask (held: Uint8Array): Promise<Uint8Array[]> {
      const stream = await openStream(peer, net.nodes[0].host.getMultiaddrs()[0], sync.protocol, { signal: AbortSignal.timeout(10_000) })
      const lp = lpStream(stream)
      await lp.write(held)
      const header = (await lp.read()).subarray()
      const n = new DataView(header.buffer, header.byteOffset, 4).getUint32(0)
      const records: Uint8Array[] = []
      for (let i = 0; i < n; i++) records.push((await lp.read()).subarray())
      await stream.close() // the node allows two sync streams per connection at a time
      return records
    }

    it('sends every record to a peer that lists none, and none to a peer that lists them all', async () => {
      const all = await ask(new Uint8Array(0))
      assert.equal(all.length, sync.size(net.nodes[0]))
      assert.ok(all.length > 0)
      assert.deepEqual(await ask(Buffer.concat(all.map(r => recordId(r)))), [])
      // listing all but one: exactly that one comes back
      const rest = await ask(Buffer.concat(all.slice(1).map(r => recordId(r))))
      assert.deepEqual(rest.map(r => Buffer.from(r).toString('hex')), [Buffer.from(all[0]).toString('hex')])
    })

    it('penalises a requester whose request is not a list of ids, and keeps serving others', async () => {
      const target = net.nodes[0]
      const stream = await openStream(peer, target.host.getMultiaddrs()[0], sync.protocol, { signal: AbortSignal.timeout(10_000) })
      await lpStream(stream).write(Uint8Array.of(1, 2, 3))
      await stream.close()
      await waitFor(() => target.scores.score(peer.peerId.toString()) < 0, { timeoutMs: 15_000 })
      assert.equal(target.isRunning, true)
      assert.equal((await ask(new Uint8Array(0))).length, sync.size(target))
    })
  })
}
