import assert from 'node:assert/strict'
import { PeerAction } from '../../node/peer-score/index.js'
import { ATTESTATION_TOPIC, stringifyTopic } from '../../protocol/gossip/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'

/** The parts of gossipsub this test reads: its score of a peer and its mesh of a topic. */
interface GossipsubView {
  getScore: (peerId: string) => number
  getMeshPeers: (topic: string) => string[]
}

/**
 * Gossipsub prunes every peer with a negative score from its meshes and
 * refuses its GRAFTs; the node's own penalties are its app-specific score. A
 * peer that missed a deadline must stay a mesh peer, one that sent invalid
 * gossip must not.
 */
describe('gossip score', function () {
  this.timeout(90_000)
  let net: TestNetwork
  const topic = stringifyTopic(ATTESTATION_TOPIC)

  before(async () => {
    net = await startNetwork(3)
  })

  after(async () => {
    await net?.close()
  })

  it('keeps a peer that timed out in the mesh, and drops one that sent invalid gossip', async () => {
    const [a, slow, hostile] = net.nodes
    const pubsub = a.host.services.pubsub as unknown as GossipsubView
    await waitFor(() => {
      const mesh = pubsub.getMeshPeers(topic)
      return mesh.includes(slow.peerId.toString()) && mesh.includes(hostile.peerId.toString())
    }, { timeoutMs: 30_000, describe: () => `a's mesh: ${pubsub.getMeshPeers(topic).join(', ')}` })

    a.penalise(slow.peerId, PeerAction.Timeout, 'test: a missed deadline')
    a.penalise(slow.peerId, PeerAction.Timeout, 'test: another missed deadline')
    a.penalise(hostile.peerId, PeerAction.InvalidGossip, 'test: invalid gossip')

    // the heartbeat that drops the hostile peer has also scored the slow one
    await waitFor(() => pubsub.getScore(hostile.peerId.toString()) < 0 && !pubsub.getMeshPeers(topic).includes(hostile.peerId.toString()), {
      timeoutMs: 30_000,
      describe: () => `hostile peer's gossipsub score ${pubsub.getScore(hostile.peerId.toString())}, mesh ${pubsub.getMeshPeers(topic).join(', ')}`
    })
    assert.equal(pubsub.getScore(slow.peerId.toString()), 0)
    assert.ok(pubsub.getMeshPeers(topic).includes(slow.peerId.toString()), 'the peer that timed out left the mesh')
  })
})
