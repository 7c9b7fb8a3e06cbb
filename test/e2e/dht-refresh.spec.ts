import assert from 'node:assert/strict'
import { DHT_CLOSEST_PEERS_INTERVAL_MS, DHT_REFRESH_INTERVAL_MS } from '../../node/constants.js'
import { setDhtIntervals } from '../../node/host/dht-refresh.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'

/** What the test reads back of kad-dht's internals. */
interface KadInternals {
  routingTableRefresh: { refreshInterval: number }
  querySelf: { interval: number }
  routingTable: { closestPeerTagger: { refreshInterval: number } }
}

/**
 * A real node's kad-dht runs on the node's intervals, not kad-dht's (table
 * refresh and self-query every 5 min, closest-peer tags every 5 s); if a
 * kad-dht upgrade moves them, this fails rather than the node silently
 * keeping kad-dht's.
 */
describe('DHT intervals', function () {
  this.timeout(60_000)
  let net: TestNetwork

  before(async () => {
    net = await startNetwork(1)
  })

  after(async () => {
    await net?.close()
  })

  it('are the node\'s: table refresh, self-query and closest-peer tags', () => {
    const dht = net.nodes[0].host.services.dht as unknown as KadInternals
    assert.ok(DHT_REFRESH_INTERVAL_MS > 5 * 60_000)
    assert.ok(DHT_CLOSEST_PEERS_INTERVAL_MS > 5_000)
    assert.equal(dht.routingTableRefresh.refreshInterval, DHT_REFRESH_INTERVAL_MS)
    assert.equal(dht.querySelf.interval, DHT_REFRESH_INTERVAL_MS)
    assert.equal(dht.routingTable.closestPeerTagger.refreshInterval, DHT_CLOSEST_PEERS_INTERVAL_MS)
  })

  it('reports what it could not set instead of failing', () => {
    assert.deepEqual(setDhtIntervals({} as never, { refreshMs: 1000, closestPeersMs: 1000 }), { refresh: false, closestPeers: false })
  })
})
