/**
 * One measurement of bench/key-release, in its own process:
 *   node --expose-gc dist/bench/key-release-worker.js <escrin|raw|fanout> <T> <N> <ROUNDS> [WARMUP]
 *
 * escrin: N SSSS nodes and one runner on TCP loopback in one process; an app
 * key dealt T-of-N; each round the runner releases it (T signed requests in
 * parallel, more only if one fails; T sealed shares checked against the
 * commitments; reconstruction); and the raw round trip of `raw`, between two
 * bare hosts beside the nodes, in blocks alternating with the releases', so
 * that the release and its baseline are measured under the same machine
 * conditions (`paired`).
 * raw: two raw js-libp2p hosts, one length-prefixed request/response round
 * trip on a new stream, the baseline of the target.
 * rawopen: the same on a stream opened once (as SSSS_GET_PROTOCOL's channels
 * are), the least a release can cost.
 * fanout: a raw client and T raw hosts, T such round trips in parallel: in
 * one process on few cores they share the CPU, as the holders do here.
 * fanoutopen: the same on streams opened once, as a release's channels are:
 * what the fan-out costs with nothing of escrin's on top.
 *
 * With a `-procs` suffix (escrin-procs, raw-procs, fanout-procs, ...) each holder
 * or raw server runs in its own OS process (key-release-peer.js), as in
 * production; the runner or raw client stays here, and cpuMsPerRound is then
 * this process's (the runner's) CPU alone.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { peerIdFromString } from '@libp2p/peer-id'
import { lpStream } from '@libp2p/utils'
import { multiaddr } from '@multiformats/multiaddr'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../node/devnet/index.js'
import { EscrinNode } from '../node/escrin-node.js'
import { silentLogger } from '../node/log/index.js'
import { dealSecret } from '../node/ssss/index.js'
import { createPolicy, signPolicy } from '../protocol/policy/index.js'
import { DEFAULT_WARMUP_ROUNDS, machineBusyMs, settle, timeUntil } from './lib/measure.js'
import { RAW_OPEN_PROTOCOL, RAW_PROTOCOL, serveRaw } from './lib/raw-echo.js'
import { createBareHost } from './lib/raw-host.js'
import type { PeerId } from '@libp2p/interface'

type BareHost = Awaited<ReturnType<typeof createBareHost>>

const [variantText, tText, nText, roundsText, warmupText] = process.argv.slice(2)
const procs = variantText.endsWith('-procs')
const variant = variantText.replace(/-procs$/, '')
const peerScript = fileURLToPath(new URL('./key-release-peer.js', import.meta.url))
const t = Number(tText ?? 3)
const n = Number(nText ?? 5)
const rounds = Number(roundsText ?? 50)
const warmup = Number(warmupText ?? DEFAULT_WARMUP_ROUNDS)
const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'

function percentile (values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 100) / 100
}

/**
 * What one measured operation took over the rounds: latencies, this
 * process's CPU time (every node in it) per round, and the machine's (every
 * process: the holders' too when they run in their own).
 */
interface Measured { latencies: number[], cpuMs: number, cpuMsPerRound: number, machineCpuMs: number | null, machineCpuMsPerRound: number | null }

/** Rounds of one operation run back to back before the next operation's: each is measured hot, as a loop of its own would be. */
const BLOCK_ROUNDS = 25

/**
 * Runs the operations in alternating blocks of BLOCK_ROUNDS (the warm-up
 * first, then the measured rounds), each round timed on its own. Measured
 * in alternation, two operations see the same machine: on this shared VM the
 * same loop ran 15-40% slower in some runs than in others (OpenSSL's Ed25519
 * check included), which moved a ratio of separately measured runs by as
 * much. Blocks rather than single rounds in turn: right after a release a
 * round trip met the holders' leftover work (0.2-0.6 ms more), and after a
 * pause every process had gone cold (1-2 ms more).
 */
async function timed (ops: Array<() => Promise<void>>): Promise<Measured[]> {
  const measured: Measured[] = ops.map(() => ({ latencies: [], cpuMs: 0, cpuMsPerRound: 0, machineCpuMs: machineBusyMs() == null ? null : 0, machineCpuMsPerRound: null }))
  const run = async (total: number, record: boolean): Promise<void> => {
    for (let done = 0; done < total; done += BLOCK_ROUNDS) {
      for (const [k, op] of ops.entries()) {
        const block = Math.min(BLOCK_ROUNDS, total - done)
        const cpu = process.cpuUsage()
        const machine = machineBusyMs()
        for (let r = 0; r < block; r++) {
          const start = performance.now()
          await op()
          if (record) measured[k].latencies.push(performance.now() - start)
        }
        const used = process.cpuUsage(cpu)
        const machineAfter = machineBusyMs()
        if (record) {
          measured[k].cpuMs += (used.user + used.system) / 1000
          if (machine != null && machineAfter != null && measured[k].machineCpuMs != null) measured[k].machineCpuMs += machineAfter - machine
        }
      }
    }
  }
  await run(warmup, false)
  await run(rounds, true)
  for (const m of measured) {
    m.cpuMsPerRound = Math.round(m.cpuMs / rounds * 100) / 100
    if (m.machineCpuMs != null) m.machineCpuMsPerRound = Math.round(m.machineCpuMs / rounds * 100) / 100
  }
  return measured
}

/** A peer in its own process (key-release-peer.js), its address once it listens. */
interface Peer { child: ChildProcess, addr: string, peerId: string }

async function forkPeer (args: string[]): Promise<Peer> {
  const child = fork(peerScript, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  const hello = await reply<{ addr: string, peerId: string }>(child, 60_000)
  return { child, ...hello }
}

async function reply<T> (child: ChildProcess, timeoutMs: number): Promise<T> {
  return await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error('a peer process did not answer')) }, timeoutMs)
    child.once('message', message => { clearTimeout(timer); resolve(message as T) })
    child.once('exit', code => { clearTimeout(timer); reject(new Error(`a peer process exited (${code})`)) })
  })
}

async function stopPeers (peers: Peer[]): Promise<void> {
  await Promise.allSettled(peers.map(async p => {
    const exited = new Promise(resolve => p.child.once('exit', resolve))
    p.child.disconnect()
    await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 12_000))])
    p.child.kill('SIGKILL')
  }))
}

async function escrin (): Promise<{ release: Measured, paired: Measured }> {
  const root = await mkdtemp(join(tmpdir(), 'escrin-bench-ssss-'))
  const nodes: EscrinNode[] = []
  const peers: Peer[] = []
  const bare: BareHost[] = []
  try {
    let runner: EscrinNode
    if (procs) {
      // the runner here, first (the holders' bootstrap), each holder in a process of its own
      runner = await EscrinNode.create(devnetNodeConfig(join(root, 'runner'), [], { api: null, roles: ['runner'] }), { logger: silentLogger(), ephemeral: true })
      await runner.start()
      nodes.push(runner)
      const bootstrap = runner.host.getMultiaddrs()[0].toString()
      peers.push(...await Promise.all(Array.from({ length: n }, async (_, i) => await forkPeer(['holder', join(root, `n${i}`), bootstrap]))))
    } else {
      for (let i = 0; i <= n; i++) {
        const bootstrap = i === 0 ? [] : [nodes[0].host.getMultiaddrs()[0].toString()]
        const node = await EscrinNode.create(devnetNodeConfig(join(root, `n${i}`), bootstrap, { api: null, roles: i === n ? ['runner'] : ['ssss'] }), { logger: silentLogger(), ephemeral: true })
        await node.start()
        nodes.push(node)
      }
      runner = nodes[n]
    }
    const owner = privateKeyToAccount(OWNER_KEY).address
    const publish = async (name: string, role: string): Promise<string> => (await runner.policies.publish(await signPolicy(createPolicy({ owner, name, version: 1, predicate: JSON.stringify({ has: ['roles', role] }) }), OWNER_KEY))).id
    const custody = await publish('custody', 'ssss')
    const app = await publish('app', 'runner')
    const formed = await timeUntil(Date.now(), async () => nodes.every(x => x.attestations.scopes.members(custody).length === n && x.attestations.scopes.members(app).length === 1), 60_000, 50)
    if (formed == null) throw new Error('scopes did not form')
    const views = await Promise.all(peers.map(async p => {
      const answer = reply<{ formed: boolean }>(p.child, 70_000)
      p.child.send({ members: { custody, app, holders: n } })
      return (await answer).formed
    }))
    if (!views.every(Boolean)) throw new Error('scopes did not form at every holder')
    // (on a loaded machine a holder process may miss the dealing's deadline: deal a newer version, three times at most)
    let dealt = await dealSecret(runner, { ownerKey: OWNER_KEY, app: 'app', custody: 'custody', threshold: t })
    for (let retry = 0; retry < 2 && dealt.committed.length !== n; retry++) {
      await settle()
      dealt = await dealSecret(runner, { ownerKey: OWNER_KEY, app: 'app', custody: 'custody', threshold: t })
    }
    if (dealt.committed.length !== n) throw new Error(`dealing: ${JSON.stringify(dealt.failed)}`)
    // the paired baseline: a raw client here, its server here too or in a process of its own, as the holders are
    const rawClient = await createBareHost()
    bare.push(rawClient)
    let rawServer: PeerId
    if (procs) {
      const peer = await forkPeer(['raw'])
      peers.push(peer)
      rawServer = peerIdFromString(peer.peerId)
      await rawClient.dial(multiaddr(peer.addr))
    } else {
      const host = await createBareHost()
      bare.push(host)
      await serveRaw(host)
      rawServer = host.peerId
      await rawClient.dial(host.getMultiaddrs()[0])
    }
    await settle()
    const [release, paired] = await timed([
      async () => { await runner.keyRelease.appKey(owner, 'app') },
      async () => { await rawRoundTrip(rawClient, rawServer) }
    ])
    return { release, paired }
  } finally {
    await Promise.allSettled([...nodes, ...bare].map(async x => { await x.stop() }))
    await stopPeers(peers)
    await rm(root, { recursive: true, force: true })
  }
}

const REQUEST = new Uint8Array(300).fill(1)

/** One length-prefixed request/response on a new stream: the target's baseline. */
async function rawRoundTrip (client: BareHost, server: PeerId): Promise<void> {
  const stream = await client.dialProtocol(server, RAW_PROTOCOL)
  const lp = lpStream(stream)
  await lp.write(REQUEST)
  await lp.read()
  await stream.close()
}

/** One client and `servers` raw hosts; each round, one request/response to each server in parallel. */
async function raw (servers: number, open: boolean): Promise<Measured> {
  const client = await createBareHost()
  const hosts = procs ? [] : await Promise.all(Array.from({ length: servers }, async () => await createBareHost()))
  const peers = procs ? await Promise.all(Array.from({ length: servers }, async () => await forkPeer(['raw']))) : []
  try {
    for (const server of hosts) await serveRaw(server)
    const targets = [...hosts.map(h => h.peerId), ...peers.map(p => peerIdFromString(p.peerId))]
    for (const addr of [...hosts.map(h => h.getMultiaddrs()[0]), ...peers.map(p => multiaddr(p.addr))]) await client.dial(addr)
    await settle()
    if (open) {
      // one stream per server, opened once: what a round trip costs on a channel like SSSS_GET_PROTOCOL's
      const streams = await Promise.all(targets.map(async server => lpStream(await client.dialProtocol(server, RAW_OPEN_PROTOCOL))))
      const [measured] = await timed([async () => {
        await Promise.all(streams.map(async lp => {
          await lp.write(REQUEST)
          await lp.read()
        }))
      }])
      return measured
    }
    const [measured] = await timed([async () => { await Promise.all(targets.map(async server => { await rawRoundTrip(client, server) })) }])
    return measured
  } finally {
    await Promise.allSettled([client, ...hosts].map(async h => { await h.stop() }))
    await stopPeers(peers)
  }
}

// raw: one round trip on a new stream; rawopen: on a stream open already; fanout: t round trips in parallel, to t hosts, on new streams;
// fanoutopen: the same on streams open already (a release's channels with nothing on top: the least its fan-out costs in that setting)
const summary = (m: Measured): { p50Ms: number, p99Ms: number, cpuMsPerRound: number, machineCpuMsPerRound: number | null } =>
  ({ p50Ms: percentile(m.latencies, 0.5), p99Ms: percentile(m.latencies, 0.99), cpuMsPerRound: m.cpuMsPerRound, machineCpuMsPerRound: m.machineCpuMsPerRound })
if (variant === 'escrin') {
  const { release, paired } = await escrin()
  console.log(JSON.stringify({ variant: variantText, t, n, rounds, ...summary(release), paired: summary(paired) }))
} else {
  const measured = await raw(variant.startsWith('fanout') ? t : 1, variant === 'rawopen' || variant === 'fanoutopen')
  console.log(JSON.stringify({ variant: variantText, t, n, rounds, ...summary(measured) }))
}
process.exit(0)
