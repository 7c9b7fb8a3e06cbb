import assert from 'node:assert/strict'
import { join } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import type { Connection } from '@libp2p/interface'
import { devnetNodeConfig } from '../../node/devnet/index.js'
import { EscrinNode, type EscrinNodeOptions } from '../../node/escrin-node.js'
import { silentLogger } from '../../node/log/index.js'
import { dealSecret } from '../../node/ssss/index.js'
import { defaultVerifiers } from '../../protocol/attestation/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { testEvidence, testVerifier } from '../helpers/test-evidence.js'
import { waitFor } from '../helpers/wait.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase() as `0x${string}`
const CUSTODY_M = 'c3'.repeat(48)
const RUNNER_M = 'd3'.repeat(48)

/** Nodes 0-2 hold (custody measurement), node 3 is the app's runner. */
function optionsOf (i: number): EscrinNodeOptions {
  const verifiers = defaultVerifiers()
  verifiers.set('test', testVerifier)
  return { verifiers, sandbox: { processes: 1 }, evidence: testEvidence(i <= 2 ? CUSTODY_M : RUNNER_M) }
}

describe('key release reaches a holder that restarted on a new port (stale address, DHT lookup, one retry)', function () {
  this.timeout(120_000)
  let net: TestNetwork
  let appPolicy: string
  let custodyPolicy: string

  before(async () => {
    net = await startNetwork(4, {}, optionsOf)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 4), { timeoutMs: 30_000 })
    const publish = async (name: string, m: string, role: string): Promise<string> =>
      (await net.nodes[0].policies.publish(await signPolicy(createPolicy({ owner: OWNER, name, version: 1, predicate: JSON.stringify({ all: [{ eq: ['tee.measurement', m] }, { has: ['roles', role] }] }) }), OWNER_KEY))).id
    custodyPolicy = await publish('custody', CUSTODY_M, 'ssss')
    appPolicy = await publish('app', RUNNER_M, 'runner')
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(custodyPolicy).length === 3 && n.attestations.scopes.members(appPolicy).length === 1), { timeoutMs: 30_000 })
  })

  after(async () => { await net?.close() })

  it('the runner, knowing only the old address, finds the new one and gets the key', async () => {
    const runner = net.nodes[3]
    // 3 of 3: the moved holder's share is needed
    const dealt = await dealSecret(runner, { ownerKey: OWNER_KEY, app: 'app', custody: 'custody', threshold: 3 })
    assert.equal(dealt.committed.length, 3)
    const key = await runner.keyRelease.appKey(OWNER, 'app')

    const moved = net.nodes[2]
    const id = moved.peerId
    const oldAddr = moved.host.getMultiaddrs()[0]
    await moved.stop()
    const restarted = await EscrinNode.create(devnetNodeConfig(join(net.root, 'node-2'), [net.nodes[0].host.getMultiaddrs()[0].toString()]), { logger: silentLogger(), ...optionsOf(2) })
    await restarted.start()
    net.nodes[2] = restarted
    assert.ok(restarted.peerId.equals(id), 'same identity')
    const newAddr = restarted.host.getMultiaddrs()[0]
    assert.notEqual(newAddr.toString(), oldAddr.toString(), 'listens on a new port')
    // the restarted holder serves again once it knows the policies and the runner's record
    await waitFor(() => restarted.attestations.scopes.inScope(appPolicy, runner.peerId.toString()) && restarted.attestations.scopes.inScope(custodyPolicy, id.toString()), { timeoutMs: 30_000 })
    // the node it bootstrapped through knows where it is now
    await waitFor(() => net.nodes[0].host.getConnections(id).length > 0, { timeoutMs: 10_000 })

    // the runner knows only the old address and has no connection, and the
    // holder cannot connect to it (its finder would): the runner must dial
    const refuseInbound = (event: CustomEvent<Connection>): void => {
      if (event.detail.remotePeer.equals(id) && event.detail.direction === 'inbound') void event.detail.close()
    }
    runner.host.addEventListener('connection:open', refuseInbound)
    const routing = runner.host.services.dht
    const findPeer = routing.findPeer.bind(routing)
    const looked: string[] = []
    routing.findPeer = (peer, options) => { looked.push(peer.toString()); return findPeer(peer, options) }
    try {
      // the runner's own DHT walks may reach the holder at its new address between the setup and
      // the release (then there is no failed dial to mend): set the stale state again, a few times at most
      for (let attempt = 0; attempt < 5 && looked.length === 0; attempt++) {
        await runner.host.peerStore.patch(id, { multiaddrs: [oldAddr] })
        await runner.host.hangUp(id)
        await waitFor(() => runner.host.getConnections(id).length === 0, { timeoutMs: 5_000 })
        assert.deepEqual(await runner.keyRelease.appKey(OWNER, 'app'), key)
      }
    } finally {
      routing.findPeer = findPeer
      runner.host.removeEventListener('connection:open', refuseInbound)
    }
    assert.deepEqual(looked, [id.toString()], 'one lookup, of the moved holder')
    const addresses = (await runner.host.peerStore.get(id)).addresses.map(a => a.multiaddr.toString())
    assert.ok(addresses.some(a => a.startsWith(newAddr.toString().replace(/\/p2p\/.*$/, ''))), `the new address was stored: ${addresses.join(', ')}`)
    assert.equal(restarted.holder?.history().filter(e => e.kind === 'get' && e.peer === runner.peerId.toString()).at(-1)?.result, 'released')
  })
})
