import { Counter, Gauge, Histogram, Registry } from 'prom-client'

/**
 * The node's own metrics, defined in one place. Services take them as an
 * optional dependency (`metrics?.hello.inc(...)`) so they also run without.
 * libp2p's metrics (connections, streams, DHT) are registered in the same
 * registry by @libp2p/prometheus-metrics.
 */
export interface NodeMetrics {
  registry: Registry
  hello: Counter<'result'>
  clockSkew: Gauge
  peerActions: Counter<'action'>
  rateLimited: Counter<'protocol'>
  peerBans: Counter
  discoveryWalks: Counter<'result'>
  discoveryDials: Counter<'result'>
  connectionsTrimmed: Counter
  connectionsDead: Counter
  knownPeers: Gauge
  connectedPeers: Gauge
  apiRequests: Counter<'route' | 'status'>
  gossipMessages: Counter<'topic' | 'result'>
  policies: Gauge
  attestedPeers: Gauge
  attestationVerifications: Counter<'result'>
  jobs: Counter<'role' | 'result'>
  jobLatency: Histogram<'role'>
  blobRequests: Counter<'kind' | 'result'>
  blobsStored: Gauge
  blobBytesStored: Gauge
  blobTransferBuffers: Gauge
  ssssRequests: Counter<'kind' | 'result'>
  keyReleases: Counter<'result'>
  keyReleaseLatency: Histogram
  bondsBlock: Gauge
  policyRegistry: Gauge
}

export interface MetricsSources {
  knownPeers: () => Promise<number>
  connectedPeers: () => number
  /** The median of peers' clocks against ours, seconds; undefined until enough peers said Hello. */
  clockSkewSeconds?: () => number | undefined
  /** What this storage node holds and how much of its transfer budget is in use; undefined without the storage role. */
  storage?: () => { blobs: number, bytes: number, transferBufferBytes: number } | undefined
  /** The chain block whose bond changes this node has applied; undefined without --chain. */
  bondsBlock?: () => bigint | undefined
  /** The chain block whose policy registrations this node has applied, and how many policies wait for theirs; undefined without --policy-registry. */
  policyRegistry?: () => { block: bigint | undefined, waiting: number } | undefined
}

/** A registry per node: many nodes share one process in devnets and the simulator. */
export function createNodeMetrics (sources: MetricsSources, registry = new Registry()): NodeMetrics {
  const registers = [registry]
  return {
    registry,
    hello: new Counter({ name: 'escrin_hello_total', help: 'Hello exchanges by result', labelNames: ['result'], registers }),
    clockSkew: new Gauge({
      name: 'escrin_clock_skew_seconds',
      help: 'How far peers\' clocks are ahead of this node\'s: the median over their last Hellos (once 3 peers said one)',
      registers,
      // computed when scraped, not at every Hello: a median over up to 10,000 peers
      collect () {
        const seconds = sources.clockSkewSeconds?.()
        if (seconds != null) this.set(seconds)
      }
    }),
    peerActions: new Counter({ name: 'escrin_peer_score_actions_total', help: 'Peer score actions applied, by action', labelNames: ['action'], registers }),
    rateLimited: new Counter({ name: 'escrin_rate_limited_total', help: 'Streams (and share requests) refused because their peer was over its rate, by protocol', labelNames: ['protocol'], registers }),
    peerBans: new Counter({ name: 'escrin_peer_bans_total', help: 'Peers banned for their score', registers }),
    discoveryWalks: new Counter({ name: 'escrin_discovery_walks_total', help: 'DHT random walks by result', labelNames: ['result'], registers }),
    discoveryDials: new Counter({ name: 'escrin_discovery_dials_total', help: 'Dials of discovered peers by result', labelNames: ['result'], registers }),
    connectionsTrimmed: new Counter({ name: 'escrin_connections_trimmed_total', help: 'Peers whose idle connections the trimmer closed to bound the degree', registers }),
    connectionsDead: new Counter({ name: 'escrin_connections_dead_total', help: 'Connections closed because a ping on their muxer went unanswered', registers }),
    knownPeers: new Gauge({
      name: 'escrin_known_peers',
      help: 'Peers in the peer store',
      registers,
      async collect () { this.set(await sources.knownPeers()) }
    }),
    connectedPeers: new Gauge({
      name: 'escrin_connected_peers',
      help: 'Peers with an open connection',
      registers,
      collect () { this.set(sources.connectedPeers()) }
    }),
    apiRequests: new Counter({ name: 'escrin_api_requests_total', help: 'HTTP API requests by route and status', labelNames: ['route', 'status'], registers }),
    gossipMessages: new Counter({ name: 'escrin_gossip_messages_total', help: 'Gossip messages validated, by topic and verdict', labelNames: ['topic', 'result'], registers }),
    policies: new Gauge({ name: 'escrin_policies', help: 'Policies known (latest version of each)', registers }),
    attestedPeers: new Gauge({ name: 'escrin_attested_peers', help: 'Peers with a valid, verified attestation record', registers }),
    attestationVerifications: new Counter({ name: 'escrin_attestation_verifications_total', help: 'Attestation records verified (each distinct record once, however many peers send it), by result', labelNames: ['result'], registers }),
    jobs: new Counter({ name: 'escrin_jobs_total', help: 'Jobs by role (client or runner) and result', labelNames: ['role', 'result'], registers }),
    jobLatency: new Histogram({
      name: 'escrin_job_seconds',
      help: 'Job round trips (client) and executions (runner)',
      labelNames: ['role'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
      registers
    }),
    blobRequests: new Counter({ name: 'escrin_blob_requests_total', help: 'Blob requests this storage node answered (put, get, replicas, delete) and blobs it dropped (drop), by result', labelNames: ['kind', 'result'], registers }),
    blobsStored: new Gauge({
      name: 'escrin_blobs_stored',
      help: 'Blobs this storage node holds',
      registers,
      collect () { const s = sources.storage?.(); if (s != null) this.set(s.blobs) }
    }),
    blobBytesStored: new Gauge({
      name: 'escrin_blob_bytes_stored',
      help: 'Bytes of the blobs this storage node holds',
      registers,
      collect () { const s = sources.storage?.(); if (s != null) this.set(s.bytes) }
    }),
    blobTransferBuffers: new Gauge({
      name: 'escrin_blob_transfer_buffer_bytes',
      help: 'Buffer memory the puts and gets this storage node serves hold now (past its limit, more are answered BUSY)',
      registers,
      collect () { const s = sources.storage?.(); if (s != null) this.set(s.transferBufferBytes) }
    }),
    ssssRequests: new Counter({ name: 'escrin_ssss_requests_total', help: 'SSSS requests this holder answered, by kind (deal, control, get) and result (ok, share, or the failure code)', labelNames: ['kind', 'result'], registers }),
    keyReleases: new Counter({ name: 'escrin_key_releases_total', help: 'App keys this runner reconstructed from holders\' shares, by result (ok, or the failure code)', labelNames: ['result'], registers }),
    keyReleaseLatency: new Histogram({
      name: 'escrin_key_release_seconds',
      help: 'Key releases that succeeded: share requests to t holders, checks, reconstruction',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers
    }),
    bondsBlock: new Gauge({
      name: 'escrin_bonds_block',
      help: 'The chain block whose bond changes this node has applied (--chain): one that stops rising means bonds are no longer followed',
      registers,
      collect () { const b = sources.bondsBlock?.(); if (b != null) this.set(Number(b)) }
    }),
    policyRegistry: new Gauge({
      name: 'escrin_policy_registry',
      help: 'With --policy-registry: the chain block whose registrations this node has applied (what="block"), and the policies it holds unapplied until their version is registered (what="waiting")',
      labelNames: ['what'],
      registers,
      collect () {
        const r = sources.policyRegistry?.()
        if (r == null) return
        if (r.block != null) this.set({ what: 'block' }, Number(r.block))
        this.set({ what: 'waiting' }, r.waiting)
      }
    })
  }
}
