/**
 * One measurement of bench/discovery, in its own process:
 *   node --expose-gc dist/bench/discovery-worker.js <VARIANT> <N>
 *
 * Variants: `escrin` (as `escrin-node start` runs: LevelDB datastore),
 * `escrin-memory` (in-memory datastore, as the in-process simulator runs),
 * `raw` (js-libp2p, in-memory datastore) and `raw-level` (js-libp2p with the
 * same LevelDB datastore as escrin).
 * Starts node 0, then N-1 nodes that know only node 0, and times how long
 * until every node's peer store holds every other node (and, for escrin, until
 * every node is connected to every other and has its Hello). Prints one JSON line.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LevelDatastore } from 'datastore-level'
import { devnetNodeConfig } from '../node/devnet/index.js'
import { EscrinNode } from '../node/escrin-node.js'
import { silentLogger } from '../node/log/index.js'
import { memoryNow, timeUntil } from './lib/measure.js'
import { createRawHost } from './lib/raw-host.js'
import type { Libp2p, PeerId } from '@libp2p/interface'

const TIMEOUT_MS = 120_000
// polling scans every peer store; more often would load the event loop being measured
const POLL_MS = 100
const [variant, nText] = process.argv.slice(2)
const n = Number(nText)
const VARIANTS = ['escrin', 'escrin-memory', 'raw', 'raw-level']
if (!VARIANTS.includes(variant) || !Number.isInteger(n) || n < 2) {
  console.error(`usage: discovery-worker.js <${VARIANTS.join('|')}> <N>`)
  process.exit(2)
}

interface Member { host: Libp2p, stop: () => Promise<void>, helloCount?: () => number }

async function knowsAll (members: Member[]): Promise<boolean> {
  const ids = members.map(m => m.host.peerId)
  for (const m of members) {
    const known = new Set((await m.host.peerStore.all()).map(p => p.id.toString()))
    if (!ids.every((id: PeerId) => id.equals(m.host.peerId) || known.has(id.toString()))) return false
  }
  return true
}

function connectedToAll (members: Member[]): boolean {
  return members.every(m => m.host.getPeers().length >= members.length - 1 && (m.helloCount?.() ?? members.length - 1) >= members.length - 1)
}

const root = await mkdtemp(join(tmpdir(), 'escrin-bench-'))
const before = memoryNow()
const members: Member[] = []
const start = Date.now()

const createMember = async (i: number, bootstrap: string | null): Promise<Member> => {
  if (variant.startsWith('escrin')) {
    const node = await EscrinNode.create(devnetNodeConfig(join(root, `node-${i}`), bootstrap == null ? [] : [bootstrap], { api: null }), { logger: silentLogger(), ephemeral: variant === 'escrin-memory' })
    await node.start()
    return { host: node.host, stop: async () => { await node.stop() }, helloCount: () => node.host.getPeers().filter(p => node.hello.helloOf(p.toString()) != null).length }
  }
  let datastore: LevelDatastore | undefined
  if (variant === 'raw-level') {
    datastore = new LevelDatastore(join(root, `raw-${i}`))
    await datastore.open()
  }
  const host = await createRawHost(datastore)
  if (bootstrap != null) await host.dial((await import('@multiformats/multiaddr')).multiaddr(bootstrap))
  return { host, stop: async () => { await host.stop(); await datastore?.close() } }
}

members.push(await createMember(0, null))
const bootstrap = members[0].host.getMultiaddrs()[0].toString()
members.push(...await Promise.all(Array.from({ length: n - 1 }, async (_, i) => await createMember(i + 1, bootstrap))))
const startedMs = Date.now() - start

const knowAllMs = await timeUntil(start, async () => await knowsAll(members), TIMEOUT_MS, POLL_MS)
const connectedMs = variant.startsWith('escrin') ? await timeUntil(start, async () => connectedToAll(members), TIMEOUT_MS, POLL_MS) : null
const after = memoryNow()

await Promise.allSettled(members.map(async m => { await m.stop() }))
await rm(root, { recursive: true, force: true })
console.log(JSON.stringify({
  variant,
  nodes: n,
  startedMs,
  knowAllMs,
  connectedMs,
  heapPerNodeBytes: Math.round((after.heapUsed - before.heapUsed) / n),
  rssPerNodeBytes: Math.round((after.rss - before.rss) / n)
}))
process.exit(0)
