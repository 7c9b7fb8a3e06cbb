import assert from 'node:assert/strict'
import { GOSSIP_HISTORY_WINDOWS, GOSSIP_LAZY_FACTOR, GOSSIP_LAZY_PEERS } from '../../node/constants.js'
import { ATTESTATION_TOPIC, stringifyTopic } from '../../protocol/gossip/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { PeerId } from '@libp2p/interface'
import type { RPC } from '@libp2p/gossipsub/message'

/** The parts of gossipsub's class this test reaches into: where a received message is checked, and its message-id function (run only after the signature check). */
interface GossipsubInternals {
  handleReceivedMessage: (from: PeerId, msg: RPC.Message) => Promise<void>
  validateReceivedMessage: (from: PeerId, msg: RPC.Message) => Promise<{ code: string }>
  msgIdFn: (msg: unknown) => Promise<Uint8Array> | Uint8Array
  opts: { gossipFactor: number, mcacheGossip: number, Dlazy: number }
}

/**
 * Two real nodes on TCP loopback. A copy of a gossip message that a node has
 * already accepted must be dropped as a duplicate before its signature is
 * checked again (each node receives a message once per mesh peer, plus the
 * origin's flood publish).
 */
describe('gossip duplicates', function () {
  this.timeout(60_000)
  let net: TestNetwork

  before(async () => {
    net = await startNetwork(2)
  })

  after(async () => {
    await net?.close()
  })

  it('recognises a copy of an accepted message by its bytes, without checking its signature again', async () => {
    const [a, b] = net.nodes
    await waitFor(() => b.host.services.pubsub.getSubscribers(stringifyTopic(ATTESTATION_TOPIC)).some(p => p.equals(a.peerId)), { timeoutMs: 20_000, describe: () => 'b does not see a subscribed' })
    const pubsub = b.host.services.pubsub as unknown as GossipsubInternals
    const received: Array<{ from: PeerId, msg: RPC.Message }> = []
    const handle = pubsub.handleReceivedMessage.bind(pubsub)
    pubsub.handleReceivedMessage = async (from, msg) => { received.push({ from, msg }); await handle(from, msg) }
    const msgIdFn = pubsub.msgIdFn
    let checked = 0
    pubsub.msgIdFn = msg => { checked++; return msgIdFn(msg) }

    await a.attestations.publishOwn()
    const topic = stringifyTopic(ATTESTATION_TOPIC)
    const first = await waitFor(() => received.find(r => r.msg.topic === topic), { timeoutMs: 10_000, describe: () => 'a\'s record did not arrive at b' })
    await waitFor(() => checked >= 1, { timeoutMs: 10_000, describe: () => 'the record was never checked' })
    const checkedBefore = checked

    const copy = await pubsub.validateReceivedMessage(first.from, { ...first.msg, data: first.msg.data?.slice() })
    assert.equal(copy.code, 'duplicate')
    assert.equal(checked, checkedBefore, 'the copy went through the signature check')

    // a copy with other bytes is not taken for the message: it is checked (and fails)
    const tampered = { ...first.msg, data: Uint8Array.from(first.msg.data ?? [], (byte, i) => i === 0 ? byte ^ 1 : byte) }
    const verdict = await pubsub.validateReceivedMessage(first.from, tampered)
    assert.equal(verdict.code, 'invalid')
  })

  it('announces each message lazily to the peers and heartbeats the node intends', () => {
    const { opts } = net.nodes[0].host.services.pubsub as unknown as GossipsubInternals
    assert.equal(opts.gossipFactor, GOSSIP_LAZY_FACTOR)
    assert.equal(opts.mcacheGossip, GOSSIP_HISTORY_WINDOWS)
    assert.equal(opts.Dlazy, GOSSIP_LAZY_PEERS)
  })
})
