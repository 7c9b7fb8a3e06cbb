import type { KadDHT } from '@libp2p/kad-dht'

/** What this module needs of kad-dht's routing-table refresher, which its public type leaves out. */
interface RoutingTableRefreshLike { refreshInterval: number }

/**
 * Sets how often kad-dht refreshes its routing table (see
 * DHT_REFRESH_INTERVAL_MS for why). kad-dht 16 takes no option for it. The refresher reads the interval each time it schedules itself
 * and when it decides whether a bucket is due, so setting it before start
 * is enough. Returns false (and changes nothing) when this kad-dht has no
 * such refresher, so a change of libp2p's internals shows in a test rather
 * than as a silent default.
 */
export function setDhtRefreshInterval (dht: KadDHT, intervalMs: number): boolean {
  const refresher = (dht as unknown as { routingTableRefresh?: Partial<RoutingTableRefreshLike> }).routingTableRefresh
  if (typeof refresher?.refreshInterval !== 'number') return false
  refresher.refreshInterval = intervalMs
  return true
}
