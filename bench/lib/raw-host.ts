import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { createLibp2p } from 'libp2p'
import type { Datastore } from 'interface-datastore'

/**
 * The baseline: a js-libp2p host with the same transports and services as an
 * escrin node (TCP, noise, yamux, identify, ping, kad-dht in server mode with
 * loopback addresses kept) and no escrin code at all. With a datastore it
 * persists its peer store as an escrin node does.
 */
export async function createRawHost (datastore?: Datastore) {
  const host = await createLibp2p({
    datastore,
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    connectionManager: { inboundConnectionThreshold: 1000 },
    services: {
      identify: identify(),
      ping: ping(),
      dht: kadDHT({ clientMode: false, peerInfoMapper: passthroughMapper })
    }
  })
  await host.services.dht.setMode('server')
  return host
}
