import assert from 'node:assert/strict'
import { KEEP_ALIVE } from '@libp2p/interface'
import { ConnectionTrimmer, type TrimmerHost } from '../../node/discovery/index.js'
import { silentLogger } from '../../node/log/index.js'
import type { Connection, Tag } from '@libp2p/interface'

const GRACE = 30_000
const NOW = 1_000_000

interface FakeConnection {
  remotePeer: { toString(): string }
  status: string
  direction: 'inbound' | 'outbound'
  timeline: { open: number }
  streams: Array<{ protocol?: string }>
  closed: boolean
  close(): Promise<void>
  abort(): void
}

/** A host with hand-made connections and tags; closing a connection removes it, as libp2p does. */
function fakeHost () {
  const connections: FakeConnection[] = []
  const tags = new Map<string, Map<string, Tag>>()
  const listeners: Array<(event: CustomEvent<Connection>) => void> = []
  const host: TrimmerHost = {
    getConnections: () => connections.filter(c => !c.closed) as unknown as Connection[],
    peerStore: {
      async get (peerId) {
        const found = tags.get(peerId.toString())
        if (found == null) throw Object.assign(new Error('not found'), { name: 'NotFoundError' })
        return { tags: found }
      }
    },
    addEventListener: (_type, listener) => { listeners.push(listener) },
    removeEventListener: (_type, listener) => { listeners.splice(listeners.indexOf(listener), 1) }
  }
  const connect = (peer: string, opts: { openedAt?: number, direction?: 'inbound' | 'outbound', streams?: Array<string | undefined>, tags?: Record<string, number> } = {}): FakeConnection => {
    const connection: FakeConnection = {
      remotePeer: { toString: () => peer },
      status: 'open',
      direction: opts.direction ?? 'outbound',
      timeline: { open: opts.openedAt ?? NOW - GRACE - 1 },
      streams: (opts.streams ?? ['/meshsub/1.2.0']).map(protocol => ({ protocol })),
      closed: false,
      async close () { this.closed = true; this.status = 'closed' },
      abort () { this.closed = true; this.status = 'closed' }
    }
    connections.push(connection)
    if (opts.tags != null) tags.set(peer, new Map(Object.entries(opts.tags).map(([name, value]) => [name, { value }])))
    for (const listener of listeners) listener(new CustomEvent('connection:open', { detail: connection as unknown as Connection }))
    return connection
  }
  const connectedPeers = (): string[] => [...new Set(host.getConnections().map(c => c.remotePeer.toString()))].sort()
  return { host, connect, connectedPeers }
}

function trimmer (host: TrimmerHost, lowWater: number, highWater: number): ConnectionTrimmer {
  const t = new ConnectionTrimmer({ host, logger: silentLogger(), now: () => NOW }, { lowWater, highWater, gracePeriodMs: GRACE, checkIntervalMs: 3_600_000 })
  t.start()
  return t
}

describe('ConnectionTrimmer', () => {
  const stops: ConnectionTrimmer[] = []
  afterEach(() => { for (const t of stops.splice(0)) t.stop() })
  const make = (host: TrimmerHost, low: number, high: number): ConnectionTrimmer => {
    const t = trimmer(host, low, high)
    stops.push(t)
    return t
  }

  it('leaves a node at or below its high water mark alone', async () => {
    const { host, connect, connectedPeers } = fakeHost()
    for (let i = 0; i < 6; i++) connect(`p${i}`)
    assert.deepEqual(await make(host, 3, 6).trim(NOW), [])
    assert.equal(connectedPeers().length, 6)
  })

  it('above the high water mark, closes the least valued idle peers down to the low water mark', async () => {
    const { host, connect, connectedPeers } = fakeHost()
    // gossipsub mesh peers (100 per topic) are worth the most, kad-dht table peers 1, untagged 0
    connect('mesh-a', { tags: { 'escrin/attestation/1': 100 } })
    connect('mesh-b', { tags: { 'escrin/attestation/1': 100, 'kad-peer': 1 } })
    connect('kad-a', { tags: { 'kad-peer': 1 } })
    connect('kad-b', { tags: { 'kad-peer': 1 } })
    connect('plain-a')
    connect('plain-b')
    connect('plain-c')
    const trimmed = await make(host, 4, 5).trim(NOW)
    assert.deepEqual([...trimmed].sort(), ['plain-a', 'plain-b', 'plain-c'])
    assert.deepEqual(connectedPeers(), ['kad-a', 'kad-b', 'mesh-a', 'mesh-b'])
  })

  it('closes every connection of a trimmed peer and counts the peer once', async () => {
    const { host, connect, connectedPeers } = fakeHost()
    connect('twice')
    connect('twice', { direction: 'inbound' })
    for (let i = 0; i < 3; i++) connect(`kept${i}`, { tags: { 'kad-peer': 1 } })
    assert.deepEqual(await make(host, 3, 3).trim(NOW), ['twice'])
    assert.deepEqual(connectedPeers(), ['kept0', 'kept1', 'kept2'])
  })

  it('never closes a young connection, a busy one, or a keep-alive peer', async () => {
    const { host, connect, connectedPeers } = fakeHost()
    connect('young', { openedAt: NOW - GRACE + 1_000 })
    connect('busy-job', { streams: ['/meshsub/1.2.0', '/escrin/job/1'] })
    connect('negotiating', { streams: [undefined] })
    connect('kad-close', { tags: { [`${KEEP_ALIVE}-kad-dht`]: 1, 'kad-close': 50 } })
    connect('idle-a', { streams: ['/meshsub/1.2.0', '/ipfs/ping/1.0.0', '/ipfs/id/1.0.0'] })
    connect('idle-b', { streams: [] })
    const trimmed = await make(host, 1, 2).trim(NOW)
    assert.deepEqual([...trimmed].sort(), ['idle-a', 'idle-b'])
    assert.deepEqual(connectedPeers(), ['busy-job', 'kad-close', 'negotiating', 'young'])
  })

  it('keeps a trimmed peer that dials back (it keeps the link alive on its side), but not one we dial again', async () => {
    const { host, connect, connectedPeers } = fakeHost()
    connect('back')
    connect('redialled')
    connect('kad-a', { tags: { 'kad-peer': 1 } })
    connect('kad-b', { tags: { 'kad-peer': 1 } })
    const t = make(host, 2, 3)
    assert.deepEqual((await t.trim(NOW)).sort(), ['back', 'redialled'])
    // both reconnect and age past the grace period; only `back` dialled us. Untagged, they would go first again.
    connect('back', { direction: 'inbound', openedAt: NOW - GRACE - 1 })
    connect('redialled', { direction: 'outbound', openedAt: NOW - GRACE - 1 })
    assert.equal(connectedPeers().length, 4)
    const second = await t.trim(NOW + 1)
    assert.equal(second.length, 2)
    assert.ok(!second.includes('back'), 'a peer that dialled back after a trim is kept')
    assert.ok(second.includes('redialled'), 'a peer this node dialled again is trimmed again')
    assert.ok(connectedPeers().includes('back'))
  })

  it('remembers a bounded number of dialled-back peers: sybils that keep dialling back cannot all pin themselves', async () => {
    const { host, connect, connectedPeers } = fakeHost()
    const t = new ConnectionTrimmer({ host, logger: silentLogger(), now: () => NOW }, { lowWater: 0, highWater: 0, gracePeriodMs: GRACE, checkIntervalMs: 3_600_000, remembered: 3 })
    t.start()
    stops.push(t)
    for (let i = 0; i < 10; i++) {
      connect(`sybil-${i}`)
      await t.trim(NOW)
      // every sybil dials straight back, and would be kept for 30 min
      connect(`sybil-${i}`, { direction: 'inbound' })
    }
    await t.trim(NOW)
    const kept = connectedPeers()
    assert.ok(kept.length >= 1 && kept.length <= 3, `${kept.length} peers kept for dialling back`)
    assert.ok(kept.includes('sybil-9'), 'the latest to dial back is kept')
  })

  it('refuses watermarks that make no sense, and does nothing once stopped', async () => {
    const { host, connect } = fakeHost()
    assert.throws(() => new ConnectionTrimmer({ host, logger: silentLogger() }, { lowWater: 5, highWater: 4 }), RangeError)
    for (let i = 0; i < 5; i++) connect(`p${i}`)
    const t = trimmer(host, 1, 2)
    t.stop()
    assert.deepEqual(await t.trim(NOW), [])
  })
})
