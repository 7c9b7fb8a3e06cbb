/**
 * One measurement of bench/scope-convergence, in its own process:
 *   node --expose-gc dist/bench/scope-convergence-worker.js <escrin|raw> <N> <ROUNDS>
 *
 * escrin: N in-memory escrin nodes on TCP loopback, a policy admitting every
 * runner; each round one node publishes a fresh attestation record and we time
 * until every node has verified it and updated its scopes.
 * raw: N js-libp2p hosts with gossipsub only, fully connected; each round one
 * host publishes a message of the same size and we time until every host has it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../node/devnet/index.js'
import { EscrinNode } from '../node/escrin-node.js'
import { silentLogger } from '../node/log/index.js'
import { createPolicy, signPolicy } from '../protocol/policy/index.js'
import { settle, timeUntil } from './lib/measure.js'
import { createRawGossipHost } from './lib/raw-host.js'

const [variant, nText, roundsText] = process.argv.slice(2)
const n = Number(nText)
const rounds = Number(roundsText ?? 5)
const TIMEOUT_MS = 60_000
/**
 * How long either variant may take to go idle before the rounds. kad-dht's
 * start-up (a self query, then a refresh query per bucket, each dialling and
 * pinging the peers it meets) keeps 30 escrin nodes in one process busy for
 * about 80 s; the raw gossip hosts have no DHT and settle in seconds.
 * Small networks keep the old bound (the smoke test runs N = 3).
 */
const SETTLE_TIMEOUT_MS = n >= 20 ? 150_000 : 30_000
const TOPIC = '/escrin/bench/1'
const APP_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'

function percentile (values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
}

async function escrin (): Promise<{ latencies: number[], messageBytes: number }> {
  const root = await mkdtemp(join(tmpdir(), 'escrin-bench-'))
  const nodes: EscrinNode[] = []
  try {
    for (let i = 0; i < n; i++) {
      const bootstrap = i === 0 ? [] : [nodes[0].host.getMultiaddrs()[0].toString()]
      const node = await EscrinNode.create(devnetNodeConfig(join(root, `n${i}`), bootstrap, { api: null }), { logger: silentLogger(), ephemeral: true })
      await node.start()
      nodes.push(node)
    }
    if (await timeUntil(Date.now(), async () => nodes.every(x => x.attestations.size === n), TIMEOUT_MS * 2, 50) == null) throw new Error(`network did not form: records held ${nodes.map(x => x.attestations.size).join(',')}`)
    const signed = await signPolicy(createPolicy({ owner: privateKeyToAccount(APP_KEY).address, name: 'runners', version: 1, predicate: '{"has":["roles","runner"]}' }), APP_KEY)
    const { id } = await nodes[0].policies.publish(signed)
    if (await timeUntil(Date.now(), async () => nodes.every(x => x.attestations.scopes.members(id).length === n), TIMEOUT_MS, 20) == null) throw new Error(`policy did not spread: policy known ${nodes.map(x => x.policies.store.get(id) != null ? 1 : 0).join('')}, members ${nodes.map(x => x.attestations.scopes.members(id).length).join(',')}, records ${nodes.map(x => x.attestations.size).join(',')}`)
    settledMs = await settle({ timeoutMs: SETTLE_TIMEOUT_MS })
    const latencies: number[] = []
    for (let r = 0; r < rounds; r++) {
      const source = nodes[(r * 7 + 1) % n]
      const peer = source.peerId.toString()
      const start = Date.now()
      await source.attestations.publishOwn()
      const seq = source.attestations.recordOf(peer)?.seq
      const t = await timeUntil(start, async () => nodes.every(x => x.attestations.recordOf(peer)?.seq === seq && x.attestations.scopes.inScope(id, peer)), TIMEOUT_MS, 2)
      if (t == null) throw new Error('record did not converge')
      latencies.push(t)
    }
    return { latencies, messageBytes: nodes[0].attestations.ownRecordBytes }
  } finally {
    await Promise.allSettled(nodes.map(async x => { await x.stop() }))
    await rm(root, { recursive: true, force: true })
  }
}

async function raw (messageBytes: number): Promise<{ latencies: number[], messageBytes: number }> {
  const hosts = await Promise.all(Array.from({ length: n }, async () => await createRawGossipHost()))
  try {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) await hosts[i].dial(hosts[j].getMultiaddrs()[0])
    const received = hosts.map(() => new Set<string>())
    hosts.forEach((h, i) => {
      h.services.pubsub.subscribe(TOPIC)
      h.services.pubsub.addEventListener('message', e => { received[i].add(Buffer.from(e.detail.data.subarray(0, 8)).toString('hex')) })
    })
    if (await timeUntil(Date.now(), async () => hosts.every(h => h.services.pubsub.getSubscribers(TOPIC).length === n - 1), TIMEOUT_MS, 50) == null) throw new Error('mesh did not form')
    // the same steady state as the escrin network: idle, and at least 2 s for the mesh to graft (heartbeat 1 s)
    settledMs = await settle({ timeoutMs: SETTLE_TIMEOUT_MS })
    const latencies: number[] = []
    for (let r = 0; r < rounds; r++) {
      const source = (r * 7 + 1) % n
      const data = new Uint8Array(messageBytes)
      crypto.getRandomValues(data)
      const tag = Buffer.from(data.subarray(0, 8)).toString('hex')
      const start = Date.now()
      await hosts[source].services.pubsub.publish(TOPIC, data)
      const t = await timeUntil(start, async () => received.every((set, i) => i === source || set.has(tag)), TIMEOUT_MS, 2)
      if (t == null) throw new Error('message did not converge')
      latencies.push(t)
    }
    return { latencies, messageBytes }
  } finally {
    await Promise.allSettled(hosts.map(async h => { await h.stop() }))
  }
}

let settledMs = 0
const result = variant === 'escrin' ? await escrin() : await raw(Number(process.argv[5] ?? 600))
console.log(JSON.stringify({ variant, nodes: n, rounds, messageBytes: result.messageBytes, settledMs, p50Ms: percentile(result.latencies, 0.5), p99Ms: percentile(result.latencies, 0.99), latencies: result.latencies }))
process.exit(0)
