import type { RateLimit } from './peer-score/rate-limiter.js'

/**
 * Defaults of the node, each with the reason for its value. Every Init field of
 * every service is optional and falls back to a constant here.
 */

/** The software version announced in Hello messages and /v1/status. */
export const VERSION = '0.1.0'

/** Protocol id prefix: every escrin protocol is `/escrin/<name>/<major>`. */
export const PROTOCOL_PREFIX = '/escrin'

/** Kademlia protocol of the escrin network, kept apart from the public IPFS DHT. */
export const DHT_PROTOCOL = `${PROTOCOL_PREFIX}/kad/1.0.0`
/**
 * Parallel requests per DHT query (Kademlia's alpha). kad-dht 16 defaults to
 * 10, sized for the public IPFS DHT's thousands of peers. In a network of
 * tens to hundreds of nodes a query then asks most of the network, and every
 * node's table refresh (a query per bucket every 5 min) and each scope
 * announcement cost that much; 3 is the paper's value and still finds the
 * closest peers in a few rounds.
 */
export const DHT_ALPHA = 3
/**
 * Kademlia's k: the size of a routing-table bucket, of a query's result and
 * of a record's replica set. kad-dht adds (after a ping, which dials) every
 * peer named in any response while its bucket has room, so with the usual 20
 * a network of up to about a hundred nodes ends up fully meshed: every join
 * costs every node a handshake, identify, Hello and syncs, and every idle
 * connection its pings. 8 still keeps each record on 8 peers.
 */
export const DHT_K = 8
/**
 * How often kad-dht refreshes its routing table (a query per bucket: about
 * eight in a network of a hundred nodes) and looks itself up. kad-dht 16 does
 * both every 5 min; go-libp2p-kad-dht refreshes every 10 min. Each query dials
 * the peers it asks, and in a network of a hundred nodes most of those are
 * peers the node is not connected to, whose connections the trimmer then
 * closes again: a handshake, identify, Hello and record syncs at both ends,
 * each time. At 10 min, the refreshes of a 100-node simulation were the
 * largest source of new connections once it had formed (about 1,000 a
 * minute, with the peer finder's walks). The table is kept in use between
 * refreshes: the peer finder walks every DISCOVERY_IDLE_INTERVAL_MS, every
 * connection that speaks the DHT adds its peer, and every query its answers.
 */
export const DHT_REFRESH_INTERVAL_MS = 30 * 60_000
/**
 * How often kad-dht recomputes its closest peers to tag them keep-alive
 * (kad-dht 16: every 5 s). Each time it rebuilds peer sets from strings, which
 * in a settled 100-node network was about 2% of a node's CPU; the set only
 * changes with the routing table, and a new connection is safe from the
 * trimmer for its first CONNECTION_GRACE_MS anyway.
 */
export const DHT_CLOSEST_PEERS_INTERVAL_MS = 30_000

/**
 * Gossipsub's lazy gossip (see node/host/create-host): IHAVE goes to
 * max(GOSSIP_LAZY_PEERS, factor x non-mesh peers) peers per topic, about the
 * messages of the last GOSSIP_HISTORY_WINDOWS heartbeats (gossipsub's
 * defaults: Dlazy 6, factor 0.25, 3 heartbeats). With these values each
 * validated message is announced once, in the heartbeat after it arrived, to 3
 * peers outside the mesh, by every node that has it, so a node hears of each
 * message from about 3 peers besides its mesh. (A message whose validation
 * outlasts that heartbeat is not announced by this node; the mesh still relays
 * it once valid.) Measured in the simulator, a 60-node network at 6 peers and
 * 2 heartbeats: IHAVE was 58% of all gossip RPCs and 1 in 110 got an IWANT.
 */
export const GOSSIP_LAZY_PEERS = 3
export const GOSSIP_LAZY_FACTOR = 0
export const GOSSIP_HISTORY_WINDOWS = 1

/** The network a node joins unless told otherwise. Peers on other networks are disconnected. */
export const DEFAULT_NETWORK = 'escrin-devnet'

export const ROLES = ['runner', 'ssss', 'storage'] as const
export type Role = typeof ROLES[number]

/** The default listen address: all interfaces, a fixed port as operators expect of a daemon. */
export const DEFAULT_LISTEN = ['/ip4/0.0.0.0/tcp/4001']

/** The HTTP API binds to loopback by default: it is an operator interface, not a public one. */
export const DEFAULT_API = '127.0.0.1:7001'

/** Where `start` keeps its key and databases unless --data-dir says otherwise. */
export const DEFAULT_DATA_DIR = '.escrin/node'

/** Name of the file that holds the node's libp2p private key inside the data dir. */
export const IDENTITY_FILE = 'identity.key'

/**
 * Connection targets. The network is small and scopes need direct links to
 * their members, so a node keeps connections to many peers; past MAX the
 * connection manager prunes the lowest-value ones.
 */
export const MIN_CONNECTIONS = 8
export const MAX_CONNECTIONS = 300

/**
 * Degree bounds of the connection trimmer (node/discovery/connection-trimmer):
 * above HIGH_WATER connected peers it closes idle connections of the least
 * valued peers down to LOW_WATER. kad-dht keeps its 20 closest peers
 * connected and gossipsub wants up to 12 mesh peers per topic, so the low
 * mark leaves room for both; a network smaller than HIGH_WATER + 1 stays a
 * full mesh, as cheap there as any other shape.
 */
export const CONNECTION_LOW_WATER = 32
export const CONNECTION_HIGH_WATER = 48
/** A connection younger than this is never trimmed (the query, job or join that dialled it is using it). */
export const CONNECTION_GRACE_MS = 30_000
/** How often the trimmer counts connections, besides after each burst of new ones. */
export const CONNECTION_TRIM_INTERVAL_MS = 10_000
/** A peer that dials back right after a trim wants the link; it is kept this long. */
export const CONNECTION_WANTED_MS = 30 * 60_000
/** Trimmed peers remembered to recognise one dialling back. */
export const TRIMMED_PEERS_REMEMBERED = 1_024

/**
 * Anti-entropy (node/sync/anti-entropy): each record kind is synced with one
 * random connected peer, first this soon after start, then at doubling
 * intervals up to the maximum (each jittered by +-50%).
 */
export const ANTI_ENTROPY_FIRST_MS = 5_000
export const ANTI_ENTROPY_MAX_INTERVAL_MS = 60_000

/**
 * Per-host inbound connection attempts allowed per second. The libp2p default
 * (5) silently refuses simultaneous dials when every peer is on 127.0.0.1.
 */
export const INBOUND_CONNECTION_THRESHOLD = 1000

/** How often each connection is pinged on its muxer (node/host/connection-liveness.ts; libp2p's monitor pinged every 10 s by default). */
export const CONNECTION_PING_INTERVAL_MS = 60_000
/** Yamux's own keep-alive pings (its default is 30 s; they never close a connection); ConnectionLiveness watches each connection. */
export const YAMUX_KEEPALIVE_INTERVAL_MS = 10 * 60_000
/**
 * The longest a closing TCP connection waits for the peer to close its side,
 * reading and dropping what it still sends (node/host/lingering-close.ts),
 * before the socket is destroyed anyway (within CONNECTION_CLOSE_TIMEOUT_MS).
 */
export const TCP_CLOSE_LINGER_MS = 2_000
/**
 * How long a graceful close of a connection may take, the muxer's close and
 * the lingering TCP close together, before libp2p aborts the connection (a
 * reset, which drops what the peer had received and not yet read). libp2p's
 * default, 1 s, ran out on a loaded machine before the peer's FIN: a reply
 * sent just before a hang-up was lost (lingering-close.spec, with three busy
 * loops on the two cores: 2 of 24 runs lost one of their 30 replies; with
 * 3 s, none of 16).
 */
export const CONNECTION_CLOSE_TIMEOUT_MS = TCP_CLOSE_LINGER_MS + 1_000
/** The shortest ping timeout before a connection is judged dead, whatever the measured RTT. */
export const CONNECTION_PING_MIN_TIMEOUT_MS = 10_000

/** How often the peer finder runs a random walk while the node still lacks peers, and when it has enough. */
export const DISCOVERY_FAST_INTERVAL_MS = 1_000
export const DISCOVERY_SLOW_INTERVAL_MS = 30_000
/** The longest interval between walks of a node short of minConnections whose walks find no one it is not connected to (a small network, a partition). */
export const DISCOVERY_SHORT_INTERVAL_MS = 10_000
/** The longest interval between walks of a node that has all the connections it dials for. */
export const DISCOVERY_IDLE_INTERVAL_MS = 5 * 60_000
/** A random walk that takes longer than this is abandoned. */
export const DISCOVERY_QUERY_TIMEOUT_MS = 10_000
/** How many discovered peers the finder dials at once. */
export const DISCOVERY_DIAL_CONCURRENCY = 8
/** Peers the finder remembers as candidates to dial; oldest dropped first. */
export const DISCOVERY_MAX_CANDIDATES = 1_000

/** Deadline of a whole Hello exchange (open, write, read). */
export const HELLO_TIMEOUT_MS = 5_000
/** A Hello is a few dozen bytes; anything much larger is hostile. */
export const HELLO_MAX_BYTES = 1_024

/** Peer score thresholds (scores decay toward 0; see node/peer-score). */
export const SCORE_DISCONNECT_THRESHOLD = -50
export const SCORE_BAN_THRESHOLD = -100
export const SCORE_HALF_LIFE_MS = 10 * 60_000
export const SCORE_BAN_DURATION_MS = 60 * 60_000
/**
 * Penalties smaller than this (in sum, after decay) are not passed on to
 * gossipsub (see gossipAppScore in node/peer-score): gossipsub drops every
 * peer with a negative score from its meshes and grafts none, so one missed
 * deadline (-1) would keep an honest peer out of this node's meshes for hours.
 */
export const SCORE_GOSSIP_TOLERANCE = 5
/** Peers whose score is tracked; the ones closest to zero are forgotten first. */
export const SCORE_MAX_PEERS = 10_000

/** HTTP API bounds: request bodies and how long a request may take. */
export const API_MAX_BODY_BYTES = 1 << 20
export const API_REQUEST_TIMEOUT_MS = 10_000
/** Streaming routes (blobs) move data for longer; they have idle deadlines of their own. */
export const API_STREAM_TIMEOUT_MS = 15 * 60_000

/** How long a clean shutdown may take before the process exits anyway. */
export const SHUTDOWN_TIMEOUT_MS = 10_000

/**
 * What one remote peer may ask of this node, per protocol: new streams a
 * second and the burst above that (node/peer-score/limit-streams: a stream
 * over it is reset unread, and a peer that keeps on is penalised), and
 * `ssssRequests`, share requests over its channels to a holder (over it a
 * request is answered RATE_LIMITED without a signature check). Far above
 * what an honest peer opens (a Hello per connection, a sync per anti-entropy
 * round, one share request channel per holder, a stream per job or blob),
 * low enough that one peer cannot keep this node busy serving it: past it, a
 * refusal costs next to nothing. Operators change them with
 * `--rate-limit NAME=PER_SECOND/BURST` (names in kebab case: ssss-channel).
 */
export const DEFAULT_RATE_LIMITS = {
  hello: { perSecond: 2, burst: 10 },
  /** attestation and policy sync, each */
  sync: { perSecond: 5, burst: 20 },
  /** a runner's capacity bounds the jobs in flight; this, how fast one client may start them (bench/jobs: 125/s on one core) */
  jobs: { perSecond: 1_000, burst: 2_000 },
  /** one-shot SSSS messages: deals, commits and deletes, share requests outside a channel */
  ssss: { perSecond: 200, burst: 500 },
  ssssChannel: { perSecond: 2, burst: 10 },
  /** a runner asks once per key release, and a busy runner releases keys for hundreds of jobs a second */
  ssssRequests: { perSecond: 1_000, burst: 2_000 },
  blobs: { perSecond: 500, burst: 1_000 }
} as const satisfies Record<string, RateLimit>

export type RateLimitName = keyof typeof DEFAULT_RATE_LIMITS
export type RateLimits = Record<RateLimitName, RateLimit>
