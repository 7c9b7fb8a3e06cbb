import assert from 'node:assert/strict'
import { lpStream } from '@libp2p/utils'
import { privateKeyToAccount } from 'viem/accounts'
import { ATTESTATION_SYNC_PROTOCOL } from '../../node/attestations/attestation-service.js'
import { POLICY_SYNC_PROTOCOL } from '../../node/policies/policy-service.js'
import { createBareHost } from '../../bench/lib/raw-host.js'
import { encodeSignedPolicy } from '../../protocol/gossip/index.js'
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
