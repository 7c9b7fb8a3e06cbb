import assert from 'node:assert/strict'
import { admitConnectedContactsOnly } from '../../node/host/dht-contacts.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { EscrinNode } from '../../node/escrin-node.js'
import type { PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

/** What the test reaches of kad-dht 16's internals: the event a DHT response raises for each peer it names, and the table. */
interface KadInternals {
  network: { safeDispatchEvent(type: 'peer', init: { detail: { id: PeerId, multiaddrs: Multiaddr[] } }): void }
  routingTable: { find(peer: PeerId): Promise<PeerId | undefined>, routingTableUpdateQueue: { size: number, running: number } }
}

function kad (node: EscrinNode): KadInternals {
  return node.host.services.dht as unknown as KadInternals
}

/** Raises at `node` what a DHT response naming `peer` raises: kad-dht offers the peer to its routing table. */
function nameInResponse (node: EscrinNode, peer: EscrinNode): void {
  kad(node).network.safeDispatchEvent('peer', { detail: { id: peer.host.peerId, multiaddrs: peer.host.getMultiaddrs() } })
}

/**
 * kad-dht used to ping, and so dial, every peer a DHT response named before
 * adding it to the routing table; in a network of a hundred nodes every
 * newcomer was dialled by nearly everyone at once. A node's table now admits
 * peers it is connected to (pinged over that connection) and leaves the rest
 * until it connects to them.
 */
describe('DHT routing-table contacts', function () {
  this.timeout(60_000)
  let net: TestNetwork
  let node: EscrinNode
  let connected: EscrinNode
  let stranger: EscrinNode

  before(async () => {
    // minConnections 0: the peer finder dials no one, so any connection is the DHT's doing
    net = await startNetwork(1, { minConnections: 0 })
    node = net.nodes[0]
    connected = await net.add(null)
    stranger = await net.add(null)
    await node.host.dial(connected.host.getMultiaddrs()[0])
    // the connection's identify already offered `connected` to the table; wait until it is in
    await waitFor(async () => await kad(node).routingTable.find(connected.host.peerId), { timeoutMs: 10_000 })
  })

  after(async () => {
    await net?.close()
  })

  it('reports a kad-dht whose internals moved instead of failing', () => {
    assert.equal(admitConnectedContactsOnly({} as never, () => true), false)
  })

  it('does not dial a peer that a response names, nor admit it', async () => {
    nameInResponse(node, stranger)
    nameInResponse(node, connected)
    const queue = kad(node).routingTable.routingTableUpdateQueue
    await waitFor(() => queue.size === 0 && queue.running === 0, { timeoutMs: 10_000 })
    assert.equal(node.host.getConnections(stranger.host.peerId).length, 0, 'the stranger was dialled')
    assert.equal(stranger.host.getConnections(node.host.peerId).length, 0, 'the stranger saw a connection')
    assert.equal(await kad(node).routingTable.find(stranger.host.peerId), undefined)
    assert.ok(await kad(node).routingTable.find(connected.host.peerId) != null)
  })

  it('admits the peer once connected to it', async () => {
    await node.host.dial(stranger.host.getMultiaddrs()[0])
    // identify on the new connection offers the peer to the table; a response
    // naming it does too, and a ping that timed out on a loaded machine
    // (kad-dht's own deadline) would otherwise leave it out for this test
    await waitFor(async () => {
      if (await kad(node).routingTable.find(stranger.host.peerId) != null) return true
      nameInResponse(node, stranger)
      return false
    }, {
      timeoutMs: 20_000,
      intervalMs: 500,
      describe: () => `connections to the stranger: ${node.host.getConnections(stranger.host.peerId).length}`
    })
  })
})
