import assert from 'node:assert/strict'
import { DHT_REFRESH_INTERVAL_MS } from '../../node/constants.js'
import { setDhtRefreshInterval } from '../../node/host/dht-refresh.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'

/** What the test reads back of kad-dht's internals: the refresher's interval and the self-query's. */
interface KadInternals { routingTableRefresh: { refreshInterval: number }, querySelf: { interval: number } }

/**
 * A real node's kad-dht refreshes its routing table and looks itself up every
 * DHT_REFRESH_INTERVAL_MS, not kad-dht's 5 min; if a kad-dht upgrade moves
 * the refresher, this fails rather than the node silently keeping 5 min.
 */
describe('DHT refresh interval', function () {
  this.timeout(60_000)
  let net: TestNetwork

  before(async () => {
    net = await startNetwork(1)
  })

  after(async () => {
    await net?.close()
  })

  it('is the node\'s, for the table refresh and the self-query', () => {
    const dht = net.nodes[0].host.services.dht as unknown as KadInternals
    assert.ok(DHT_REFRESH_INTERVAL_MS > 5 * 60_000)
    assert.equal(dht.routingTableRefresh.refreshInterval, DHT_REFRESH_INTERVAL_MS)
    assert.equal(dht.querySelf.interval, DHT_REFRESH_INTERVAL_MS)
  })

  it('reports a kad-dht without a refresher instead of failing', () => {
    assert.equal(setDhtRefreshInterval({} as never, 1000), false)
  })
})
