import assert from 'node:assert/strict'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { Connection } from '@libp2p/interface'

interface YamuxLike { ping: (options: { signal: AbortSignal }) => Promise<number>, handlePing: (header: unknown) => void }
const muxerOf = (connection: Connection): YamuxLike => (connection as unknown as { muxer: YamuxLike }).muxer

/**
 * Two real nodes on TCP loopback that check their connection every 100 ms:
 * on the yamux session (no ping stream), and a peer that stops answering is
 * cut off.
 */
describe('connection liveness on the muxer', function () {
  this.timeout(60_000)
  let net: TestNetwork

  before(async () => {
    net = await startNetwork(2, {}, () => ({ liveness: { intervalMs: 100, minTimeoutMs: 400 } }))
  })

  after(async () => {
    await net?.close()
  })

  const connectionOf = async (): Promise<Connection> => {
    const [a, b] = net.nodes
    await waitFor(() => a.host.getConnections(b.peerId).some(c => c.status === 'open'), { timeoutMs: 20_000, describe: () => 'a and b are not connected' })
    return a.host.getConnections(b.peerId).find(c => c.status === 'open') as Connection
  }

  it('pings a healthy connection on its yamux session and keeps it', async () => {
    const [a] = net.nodes
    const connection = await connectionOf()
    const muxer = muxerOf(connection)
    const ping = muxer.ping.bind(muxer)
    let pings = 0
    muxer.ping = async options => { pings++; return await ping(options) }
    await waitFor(() => pings >= 5, { timeoutMs: 10_000, describe: () => `${pings} pings on the session` })
    assert.equal(connection.status, 'open')
    assert.equal(typeof a.liveness.rttOf(connection), 'number')
  })

  it('answers pings of a connected peer (as kad-dht sends them) on the muxer, without a ping stream', async () => {
    const [a, b] = net.nodes
    const connection = await connectionOf()
    const newStream = connection.newStream.bind(connection)
    const opened: string[] = []
    connection.newStream = async (protocols, options) => { opened.push(...[protocols].flat()); return await newStream(protocols, options) }
    const muxer = muxerOf(connection)
    const ping = muxer.ping.bind(muxer)
    let onMuxer = 0
    muxer.ping = async options => { onMuxer++; return await ping(options) }
    const rtt = await a.host.services.ping.ping(b.peerId)
    assert.equal(typeof rtt, 'number')
    assert.equal(onMuxer, 1)
    assert.deepEqual(opened.filter(p => p.includes('/ping/')), [])
  })

  it('closes a connection whose peer stops answering, and counts it', async () => {
    const [a, b] = net.nodes
    const connection = await connectionOf()
    // b's side of every connection to a drops ping requests: a's pings go unanswered
    for (const c of b.host.getConnections(a.peerId)) muxerOf(c).handlePing = () => {}
    await waitFor(() => connection.status === 'aborted' || connection.status === 'closed', { timeoutMs: 10_000, describe: () => `the connection is ${connection.status}` })
    const metrics = await (await fetch(`${net.api(a)}/metrics`)).text()
    const dead = Number(/^escrin_connections_dead_total (\d+)/m.exec(metrics)?.[1] ?? 0)
    assert.ok(dead >= 1, `escrin_connections_dead_total is ${dead}`)
  })
})
