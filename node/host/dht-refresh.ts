import type { KadDHT } from '@libp2p/kad-dht'

/** The parts of kad-dht's internals this module sets; its public type leaves them out. */
interface KadDhtInternals {
  routingTableRefresh?: { refreshInterval?: unknown }
  routingTable?: { closestPeerTagger?: { refreshInterval?: unknown } }
}

export interface DhtIntervals {
  /** Routing-table refresh (a query per bucket); see DHT_REFRESH_INTERVAL_MS. */
  refreshMs: number
  /** Recomputing which peers are closest, to tag them keep-alive; see DHT_CLOSEST_PEERS_INTERVAL_MS. */
  closestPeersMs: number
}

/**
 * Sets two intervals of kad-dht 16 that its init does not take. Both timers
 * read their interval when they are scheduled, so this must run before the
 * host starts. Returns which of them could be set: false for one means
 * kad-dht's internals changed and the node runs with kad-dht's default
 * (test/e2e/dht-refresh checks both are set).
 */
export function setDhtIntervals (dht: KadDHT, intervals: DhtIntervals): { refresh: boolean, closestPeers: boolean } {
  const internals = dht as unknown as KadDhtInternals
  const refresher = internals.routingTableRefresh
  const tagger = internals.routingTable?.closestPeerTagger
  const refresh = typeof refresher?.refreshInterval === 'number'
  const closestPeers = typeof tagger?.refreshInterval === 'number'
  if (refresh && refresher != null) refresher.refreshInterval = intervals.refreshMs
  if (closestPeers && tagger != null) tagger.refreshInterval = intervals.closestPeersMs
  return { refresh, closestPeers }
}
