import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { gossipsub } from '@libp2p/gossipsub'
import { identify } from '@libp2p/identify'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { createLibp2p } from 'libp2p'
import type { Datastore } from 'interface-datastore'

/**
 * Plain js-libp2p hosts with no escrin code: the baselines of the benchmarks
 * and the hostile or foreign peers of the tests. They share the transport
 * stack of an escrin node (TCP on loopback, noise, yamux).
 */
function base () {
  return {
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    // the libp2p default refuses simultaneous dials when every peer is on 127.0.0.1
    connectionManager: { inboundConnectionThreshold: 1000 }
  }
}

/** The discovery baseline: identify, ping and kad-dht in server mode (loopback addresses kept). With a datastore it persists its peer store as an escrin node does. */
export async function createRawHost (datastore?: Datastore) {
  const host = await createLibp2p({
    ...base(),
    datastore,
    services: {
      identify: identify(),
      ping: ping(),
      dht: kadDHT({ clientMode: false, peerInfoMapper: passthroughMapper })
    }
  })
  await host.services.dht.setMode('server')
  return host
}

/** A gossipsub host that validates nothing: the gossip baseline, and a hostile publisher in tests. */
export async function createRawGossipHost () {
  return await createLibp2p({
    ...base(),
    services: { identify: identify(), pubsub: gossipsub({
        allowPublishToZeroTopicPeers: true,
        fallbackToFloodsub: false,
        // all hosts share 127.0.0.1: without this, more than 10 of them are graylisted (as for escrin nodes)
        scoreParams: { IPColocationFactorWhitelist: new Set(['127.0.0.1', '::1']) }
      }) }
  })
}

/** A host with no services at all, to speak raw bytes at escrin protocols. */
export async function createBareHost () {
  return await createLibp2p(base())
}
