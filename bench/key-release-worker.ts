/**
 * One measurement of bench/key-release, in its own process:
 *   node --expose-gc dist/bench/key-release-worker.js <escrin|raw|fanout> <T> <N> <ROUNDS>
 *
 * escrin: N SSSS nodes and one runner on TCP loopback in one process; an app
 * key dealt T-of-N; each round the runner releases it (T signed requests in
 * parallel, more only if one fails; T sealed shares checked against the
 * commitments; reconstruction).
 * raw: two raw js-libp2p hosts, one length-prefixed request/response round
 * trip on a new stream, the baseline a release cannot beat.
 * fanout: a raw client and T raw hosts, T such round trips in parallel: in
 * one process on few cores they share the CPU, as the holders do here.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lpStream } from '@libp2p/utils'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../node/devnet/index.js'
import { EscrinNode } from '../node/escrin-node.js'
import { silentLogger } from '../node/log/index.js'
import { dealSecret } from '../node/ssss/index.js'
import { createPolicy, signPolicy } from '../protocol/policy/index.js'
import { settle, timeUntil } from './lib/measure.js'
import { createBareHost } from './lib/raw-host.js'

const [variant, tText, nText, roundsText] = process.argv.slice(2)
const t = Number(tText ?? 3)
const n = Number(nText ?? 5)
const rounds = Number(roundsText ?? 50)
const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'

function percentile (values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 100) / 100
}

/** CPU time of this process (every node in it) per measured round: less sensitive than latency to other load on the machine. */
let cpuMsPerRound = 0

async function timed (one: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await one()
  const latencies: number[] = []
  const cpu = process.cpuUsage()
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    await one()
    latencies.push(performance.now() - start)
  }
  const used = process.cpuUsage(cpu)
  cpuMsPerRound = Math.round((used.user + used.system) / 1000 / rounds * 100) / 100
  return latencies
}

async function escrin (): Promise<number[]> {
  const root = await mkdtemp(join(tmpdir(), 'escrin-bench-ssss-'))
  const nodes: EscrinNode[] = []
  try {
    for (let i = 0; i <= n; i++) {
      const bootstrap = i === 0 ? [] : [nodes[0].host.getMultiaddrs()[0].toString()]
      const node = await EscrinNode.create(devnetNodeConfig(join(root, `n${i}`), bootstrap, { api: null, roles: i === n ? ['runner'] : ['ssss'] }), { logger: silentLogger(), ephemeral: true })
      await node.start()
      nodes.push(node)
    }
    const runner = nodes[n]
    const owner = privateKeyToAccount(OWNER_KEY).address
    const publish = async (name: string, role: string): Promise<string> => (await runner.policies.publish(await signPolicy(createPolicy({ owner, name, version: 1, predicate: JSON.stringify({ has: ['roles', role] }) }), OWNER_KEY))).id
    const custody = await publish('custody', 'ssss')
    const app = await publish('app', 'runner')
    const formed = await timeUntil(Date.now(), async () => nodes.every(x => x.attestations.scopes.members(custody).length === n && x.attestations.scopes.members(app).length === 1), 60_000, 50)
    if (formed == null) throw new Error('scopes did not form')
    const dealt = await dealSecret(runner, { ownerKey: OWNER_KEY, app: 'app', custody: 'custody', threshold: t })
    if (dealt.committed.length !== n) throw new Error(`dealing: ${JSON.stringify(dealt.failed)}`)
    await settle()
    return await timed(async () => { await runner.keyRelease.appKey(owner, 'app') })
  } finally {
    await Promise.allSettled(nodes.map(async x => { await x.stop() }))
    await rm(root, { recursive: true, force: true })
  }
}

/** One client and `servers` raw hosts; each round, one request/response to each server in parallel. */
async function raw (servers: number): Promise<number[]> {
  const client = await createBareHost()
  const hosts = await Promise.all(Array.from({ length: servers }, async () => await createBareHost()))
  try {
    for (const server of hosts) {
      await server.handle('/bench/rr/1', async stream => {
        const lp = lpStream(stream)
        await lp.write(await lp.read())
        await stream.close()
      })
      await client.dial(server.getMultiaddrs()[0])
    }
    await settle()
    const request = new Uint8Array(300).fill(1)
    return await timed(async () => {
      await Promise.all(hosts.map(async server => {
        const stream = await client.dialProtocol(server.peerId, '/bench/rr/1')
        const lp = lpStream(stream)
        await lp.write(request)
        await lp.read()
        await stream.close()
      }))
    })
  } finally {
    await Promise.allSettled([client, ...hosts].map(async h => { await h.stop() }))
  }
}

// raw: one round trip; fanout: t round trips in parallel, to t hosts in this process (what a release's fan-out costs at the least here)
const latencies = variant === 'escrin' ? await escrin() : await raw(variant === 'fanout' ? t : 1)
console.log(JSON.stringify({ variant, t, n, rounds, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), cpuMsPerRound }))
process.exit(0)
