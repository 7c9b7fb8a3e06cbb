import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { gossipsub, type GossipSub } from '@libp2p/gossipsub'
import { identify } from '@libp2p/identify'
import { kadDHT, passthroughMapper, removePrivateAddressesMapper, type KadDHT } from '@libp2p/kad-dht'
import { memory } from '@libp2p/memory'
import { ping } from '@libp2p/ping'
import { prometheusMetrics } from '@libp2p/prometheus-metrics'
import { tcp } from '@libp2p/tcp'
import { createLibp2p, type Libp2p } from 'libp2p'
import { POLICY_DHT_NAMESPACE, validatePolicyRecord } from '../../protocol/gossip/index.js'
import { CONNECTION_CLOSE_TIMEOUT_MS, DHT_ALPHA, DHT_K, DHT_PROTOCOL, DHT_REFRESH_INTERVAL_MS, DHT_CLOSEST_PEERS_INTERVAL_MS, GOSSIP_HISTORY_WINDOWS, GOSSIP_LAZY_FACTOR, GOSSIP_LAZY_PEERS, INBOUND_CONNECTION_THRESHOLD, YAMUX_KEEPALIVE_INTERVAL_MS } from '../constants.js'
import { coalesceSends } from './coalesced-writes.js'
import { lingerOnClose } from './lingering-close.js'
import { withCheapLengthDecoding } from './noise-length-decoding.js'
import { withRawConnectionPatches } from './raw-connections.js'
import { admitConnectedContactsOnly } from './dht-contacts.js'
import { setDhtIntervals } from './dht-refresh.js'
import { gossipFastMessageId } from './gossip-message-id.js'
import { pingConnectedPeersOnMuxer } from './muxer-ping.js'
import { skipRedundantPeerStoreMerges } from './peer-store-merges.js'
import { applyYamuxWindowHysteresis } from './yamux-window-updates.js'
import type { Identify } from '@libp2p/identify'
import { isPeerId, type PeerId, type PrivateKey } from '@libp2p/interface'
import type { Ping } from '@libp2p/ping'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { Datastore } from 'interface-datastore'
import type { Registry } from 'prom-client'

export interface HostServices {
  identify: Identify
  pubsub: GossipSub
  ping: Ping
  dht: KadDHT
  [key: string]: unknown
}

export type Host = Libp2p<HostServices>

export interface HostInit {
  privateKey: PrivateKey
  listen: Multiaddr[]
  maxConnections: number
  datastore?: Datastore
  /** Prometheus registry for libp2p's own metrics; none means no metrics. */
  registry?: Registry
  /**
   * Keep loopback and private addresses in the DHT. True for devnets and
   * tests on one machine; on the public internet they would only be noise.
   */
  allowPrivateAddresses: boolean
  /** Refuse connections from these peers (banned by the peer score). */
  isDenied: (peerId: PeerId) => boolean
  /** The application's score of a peer, folded into gossipsub's peer score. */
  appScore: (peerId: string) => number
  /** Latency in ms the in-memory transport adds to each buffer, both ways, on the links this host accepts (the simulator's links). */
  memoryLatencyMs?: number
}

function tcpTransport (): ReturnType<typeof tcp> {
  return withRawConnectionPatches(tcp(), [coalesceSends, lingerOnClose])
}

/**
 * Assembles the libp2p host every escrin node runs: TCP (and the in-memory
 * transport for in-process simulations), noise, yamux, identify, ping and a
 * Kademlia DHT in server mode under the escrin protocol id.
 */
export async function createHost (init: HostInit): Promise<Host> {
  applyYamuxWindowHysteresis()
  const listen = init.listen.map(ma => ma.toString())
  const usesMemory = listen.some(ma => ma.startsWith('/memory/'))
  const host = await createLibp2p({
    // the node starts it, after every escrin service has been wired
    start: false,
    privateKey: init.privateKey,
    addresses: { listen },
    // each send of a TCP connection in one socket write; a close that lets
    // the last bytes sent reach the peer (see coalesced-writes, lingering-close)
    transports: usesMemory ? [tcpTransport(), memory({ latency: init.memoryLatencyMs ?? 0 })] : [tcpTransport()],
    // noise, reading message lengths without building an error per read (see noise-length-decoding)
    connectionEncrypters: [withCheapLengthDecoding(noise())],
    // yamux pings each connection once at the start (its RTT sizes the stream
    // windows) and then every 30 s by default, on top of ConnectionLiveness's
    // pings on the same session (CONNECTION_PING_INTERVAL_MS), which also
    // close a connection that stops answering: one keep-alive is enough
    streamMuxers: [yamux({ keepAliveInterval: YAMUX_KEEPALIVE_INTERVAL_MS })],
    datastore: init.datastore,
    connectionManager: {
      maxConnections: init.maxConnections,
      inboundConnectionThreshold: INBOUND_CONNECTION_THRESHOLD,
      connectionCloseTimeout: CONNECTION_CLOSE_TIMEOUT_MS
    },
    // libp2p's connection monitor pings every connection on a new /ipfs/ping
    // stream (a stream open, multistream-select and a peer-store write at
    // both ends, per connection and interval): the largest share of the
    // streams a settled node opens. ConnectionLiveness (node/host) watches
    // connections with a ping frame on their yamux session instead.
    connectionMonitor: { enabled: false },
    connectionGater: {
      // loopback and private addresses are how devnets and tests connect
      denyDialMultiaddr: () => false,
      denyDialPeer: (peerId) => init.isDenied(peerId),
      denyInboundEncryptedConnection: (peerId) => init.isDenied(peerId),
      denyOutboundEncryptedConnection: (peerId) => init.isDenied(peerId)
    },
    // @libp2p/prometheus-metrics caches metric objects in a module-global map;
    // clearing it on creation (preserveExistingMetrics: false) makes each host
    // register its metrics in its own registry, which matters when a devnet or
    // the simulator runs many hosts in one process.
    metrics: init.registry != null
      ? prometheusMetrics({ registry: init.registry, preserveExistingMetrics: false, collectDefaultMetrics: false })
      : undefined,
    services: {
      identify: identify(),
      // libp2p's connection monitor pings every connection each 10 s on this
      // protocol and aborts the connection when a ping fails; with the default
      // of one outbound ping stream, a heartbeat that starts while the previous
      // one is still closing (a busy event loop) fails with "too many outbound
      // protocol streams" and resets every stream on a healthy connection
      // (seen resetting SSSS dealings). A dead connection still fails its ping.
      ping: ping({ maxOutboundStreams: 4 }),
      pubsub: gossipsub({
        // validation is asynchronous (signatures, evidence); nothing is
        // forwarded before node/gossip reports a verdict
        asyncValidation: true,
        // a lone node must still be able to publish (its record reaches peers as they join)
        allowPublishToZeroTopicPeers: true,
        fallbackToFloodsub: false,
        // duplicates are recognised by their bytes before any signature check (see gossip-message-id)
        fastMsgIdFn: gossipFastMessageId,
        // Lazy gossip (IHAVE) is the backup for a node its mesh missed, and
        // with gossipsub's defaults it was most of the gossip traffic: a node
        // of a hundred-node network (degree ~40) sent IHAVE to 9 peers per
        // topic in about two heartbeats of three, since records are
        // re-published every few minutes and one is nearly always recent. On
        // two cores shared by a hundred nodes those small RPCs (each a
        // frame, an encryption, a write and a wake-up of the receiving
        // process) kept the cores busy enough that every event queued behind
        // them. Announcing each message once to 3 peers outside the mesh
        // still reaches every node several times; flood publishing, the mesh
        // and anti-entropy are unchanged.
        Dlazy: GOSSIP_LAZY_PEERS,
        gossipFactor: GOSSIP_LAZY_FACTOR,
        mcacheGossip: GOSSIP_HISTORY_WINDOWS,
        scoreParams: {
          appSpecificScore: init.appScore,
          appSpecificWeight: 1,
          // Gossipsub penalises more than 10 peers sharing an IP (-5 x excess^2), a
          // sybil defence. On a devnet every peer is 127.0.0.1: at 20 nodes the
          // penalty put each peer below the graylist threshold and gossip stopped.
          // Loopback only; private and public addresses keep the defence.
          ...(init.allowPrivateAddresses ? { IPColocationFactorWhitelist: new Set(['127.0.0.1', '::1']) } : {})
        }
      }),
      dht: kadDHT({
        protocol: DHT_PROTOCOL,
        alpha: DHT_ALPHA,
        kBucketSize: DHT_K,
        querySelfInterval: DHT_REFRESH_INTERVAL_MS,
        clientMode: false,
        peerInfoMapper: init.allowPrivateAddresses ? passthroughMapper : removePrivateAddressesMapper,
        // signed policies live under /escrin-policy/<id>; every copy of a key is the same document
        validators: { [POLICY_DHT_NAMESPACE]: async (key, value) => { await validatePolicyRecord(key, value) } },
        selectors: { [POLICY_DHT_NAMESPACE]: () => 0 }
      })
    }
  })
  skipRedundantPeerStoreMerges(host.peerStore, host)
  // false only if kad-dht's internals changed; test/e2e/dht-refresh catches that
  setDhtIntervals(host.services.dht, { refreshMs: DHT_REFRESH_INTERVAL_MS, closestPeersMs: DHT_CLOSEST_PEERS_INTERVAL_MS })
  // false only if kad-dht's internals changed; test/e2e/dht-contacts catches that
  admitConnectedContactsOnly(host.services.dht, peer => host.getConnections(peer).length > 0)
  pingConnectedPeersOnMuxer(host.services.ping, peer => isPeerId(peer) ? host.getConnections(peer) : [])
  return host
}
