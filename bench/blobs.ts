/**
 * bench/blobs: put and get throughput (MB/s) of 1 KB, 1 MB and 64 MB blobs
 * between real nodes on TCP loopback (LevelDB stores and chunk files, r = 3),
 * against the raw libp2p stream throughput of the same hosts measured in the
 * same run: for a put, the same bytes streamed to 3 peers at once; for a get,
 * streamed from one peer. Also the peak memory growth while a blob streams,
 * which must stay far below the blob's size.
 *
 * Two settings: `in-process`, the client and the three storage nodes on one
 * event loop; `process`, each storage node in its own OS process (as in
 * production and the simulator's --mode process), the client in this one.
 * The raw baseline runs on the same hosts in the same setting, so in process
 * mode its receivers are in their own processes too.
 *
 *   node --expose-gc dist/bench/blobs.js [--sizes 1024,1048576,67108864] [--repeats R] [--mode in-process|process|both]
 *
 * Target: within 1.5x of raw for large blobs; memory bounded while streaming.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { peerIdFromString } from '@libp2p/peer-id'
import { lpStream } from '@libp2p/utils'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../node/devnet/index.js'
import { EscrinNode } from '../node/escrin-node.js'
import { silentLogger } from '../node/log/index.js'
import { createPolicy, signPolicy } from '../protocol/policy/index.js'
import { CHUNK_SIZE } from '../protocol/blob/index.js'
import { ratio } from './lib/measure.js'
import { watchPhase, type PhaseCost } from './lib/phase-cost.js'
import type { WorkerCommand, WorkerMessage, WorkerReply } from './blobs-worker.js'
import type { Host } from '../node/host/index.js'
import type { PeerId } from '@libp2p/interface'

const TARGET_RATIO = 1.5
const RAW_PROTOCOL = '/escrin-bench/raw-bytes/1'
/**
 * The raw baseline has no flow control of its own (it is the ceiling, not a
 * protocol): its readers may fall behind a fast sender on a busy machine, so
 * their buffer is bounded by the largest transfer rather than lpStream's 4 MiB
 * default, whose overflow resets the stream.
 */
const RAW_LP = { maxDataLength: CHUNK_SIZE + 64, maxBufferSize: 256 * 1024 * 1024 }
const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const WORKER = fileURLToPath(new URL('./blobs-worker.js', import.meta.url))
/** A holder process that has not started its node by then is broken. */
const WORKER_TIMEOUT_MS = 120_000
export const BLOB_BENCH_MODES = ['in-process', 'process'] as const
export type BlobBenchMode = typeof BLOB_BENCH_MODES[number]

async function * chunksOf (bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK_SIZE) yield bytes.subarray(i, i + CHUNK_SIZE)
}

/**
 * What a phase cost one process (bench/lib/phase-cost): memory sampled every
 * 5 ms, collections, CPU time. Merged over the holders (maxPeak), the peaks
 * and full collections are the largest of any one, GC and CPU time the sum.
 */
type Peak = PhaseCost

/**
 * Runs `fn` as one phase of this process: its time, and its cost. The clock
 * starts after watchPhase's own full collection, which is the bench's, not
 * the phase's (24-47 ms after a 64 MB put, it was inside every time).
 */
async function timedPhase<T> (label: string, fn: () => Promise<T>): Promise<{ value: T, ms: number } & Peak> {
  const end = watchPhase()
  try {
    const started = performance.now()
    const from = process.hrtime.bigint()
    const value = await fn()
    const ms = performance.now() - started
    markPhase(label, from, process.hrtime.bigint())
    return { value, ms, ...end() }
  } finally {
    end()
  }
}

/**
 * BENCH_MARKS=FILE: each measured phase's monotonic start and end (us), one
 * JSON line each, to split V8 CPU profiles (BENCH_WORKER_PROF, --cpu-prof,
 * whose timestamps are on the same clock) by phase.
 */
function markPhase (label: string, from: bigint, to: bigint): void {
  const file = process.env.BENCH_MARKS
  if (file != null) appendFileSync(file, JSON.stringify({ label, fromUs: Number(from / 1000n), toUs: Number(to / 1000n) }) + '\n')
}

/** Raw baseline: length-prefixed 1 MiB frames over a plain libp2p stream, drained by the receiver. */
async function rawSend (from: Host, to: PeerId, bytes: Uint8Array): Promise<void> {
  const stream = await from.dialProtocol(to, RAW_PROTOCOL)
  const lp = lpStream(stream, RAW_LP)
  await lp.write(new Uint8Array([0]))
  // the receiver's go-ahead (one round trip, as a put's header): bytes sent before its handler
  // listens pile up in the stream's 4 MiB buffer on a busy machine, and overflow resets it
  await lp.read()
  for await (const chunk of chunksOf(bytes)) await lp.write(chunk)
  await lp.write(new Uint8Array(0))
  await lp.read() // the receiver's ack: every byte arrived
  await stream.close().catch(() => {})
}

async function rawFetch (from: Host, to: PeerId, size: number): Promise<number> {
  const stream = await from.dialProtocol(to, RAW_PROTOCOL)
  const lp = lpStream(stream, RAW_LP)
  await lp.write(new TextEncoder().encode(`get ${size}`))
  let got = 0
  while (got < size) got += (await lp.read()).byteLength
  await stream.close().catch(() => {})
  return got
}

/** The raw baseline's receiving side: drains a send and acknowledges it; answers `get N` with N random bytes in 1 MiB frames. */
export async function serveRaw (host: Host): Promise<void> {
  let bytes = new Uint8Array()
  await host.handle(RAW_PROTOCOL, async stream => {
    try {
      const lp = lpStream(stream, RAW_LP)
      const head = (await lp.read()).subarray()
      const text = new TextDecoder().decode(head)
      if (!text.startsWith('get ')) {
        await lp.write(new Uint8Array([1]))
        while ((await lp.read()).byteLength > 0) {}
        await lp.write(new Uint8Array([1]))
      } else {
        const size = Number(text.slice(4))
        if (bytes.length < size) bytes = new Uint8Array(randomBytes(size))
        for await (const chunk of chunksOf(bytes.subarray(0, size))) await lp.write(chunk)
      }
      // the reader closes once it has every byte; a reset after that is not a failure
      await stream.close().catch(() => {})
    } catch (err) {
      stream.abort(err as Error)
    }
  }, { maxInboundStreams: 64 })
}

/** A storage node of the bench, in this process or in its own. */
interface BenchHolder {
  peerId: PeerId
  inScope: (policyId: string) => Promise<boolean>
  delete: (cid: string) => Promise<void>
  /** Resolves once the holder's provider announcements of what it stored have finished. */
  announced: () => Promise<void>
  /** Memory of the holder's own process while a blob streams (process mode; in-process it is the bench's). */
  watchMemory: () => Promise<void>
  peakMemory: () => Promise<Peak | undefined>
  stop: () => Promise<void>
}

async function startInProcess (dataDir: string, bootstrap: string[]): Promise<EscrinNode> {
  const node = await EscrinNode.create(devnetNodeConfig(dataDir, bootstrap), { logger: silentLogger(), storage: { limits: { maxBlobBytes: 256 * 1024 * 1024 } } })
  await node.start()
  await serveRaw(node.host)
  return node
}

function inProcessHolder (node: EscrinNode): BenchHolder {
  return {
    peerId: node.peerId,
    inScope: async policyId => node.attestations.scopes.inScope(policyId, node.peerId.toString()),
    delete: async cid => { await node.storage?.store.delete(cid) },
    announced: async () => { await node.storage?.announcementsSettled() },
    watchMemory: async () => {},
    peakMemory: async () => undefined,
    stop: async () => { await node.stop() }
  }
}

/** A storage node in its own OS process (bench/blobs-worker.js), driven over IPC. */
async function processHolder (dataDir: string, bootstrap: string[]): Promise<BenchHolder> {
  // BENCH_WORKER_PROF=DIR: each holder process writes a V8 CPU profile there when it exits
  const profile = process.env.BENCH_WORKER_PROF != null ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_PROF}`] : []
  const child: ChildProcess = fork(WORKER, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: ['--expose-gc', ...profile] })
  const pending = new Map<number, { resolve: (v: unknown) => void, reject: (e: Error) => void }>()
  let nextId = 1
  child.on('message', (reply: WorkerReply) => {
    const p = pending.get(reply.id)
    pending.delete(reply.id)
    if (reply.ok) p?.resolve(reply.value)
    else p?.reject(new Error(reply.error))
  })
  const exited = new Promise<void>(resolve => child.once('exit', (code, signal) => {
    for (const p of pending.values()) p.reject(new Error(`a bench holder process exited (${signal ?? code})`))
    pending.clear()
    resolve()
  }))
  const call = async (command: WorkerCommand): Promise<unknown> => await new Promise((resolve, reject) => {
    const id = nextId++
    const timer = setTimeout(() => { pending.delete(id); reject(new Error(`bench holder: ${command.op} timed out`)) }, WORKER_TIMEOUT_MS)
    pending.set(id, { resolve: v => { clearTimeout(timer); resolve(v) }, reject: e => { clearTimeout(timer); reject(e) } })
    child.send({ id, command } satisfies WorkerMessage)
  })
  try {
    const started = await call({ op: 'start', dataDir, bootstrap }) as { peerId: string }
    return {
      peerId: peerIdFromString(started.peerId),
      inScope: async policyId => await call({ op: 'inScope', policyId }) as boolean,
      delete: async cid => { await call({ op: 'delete', cid }) },
      announced: async () => { await call({ op: 'announced' }) },
      watchMemory: async () => { await call({ op: 'watchMemory' }) },
      peakMemory: async () => await call({ op: 'peakMemory' }) as Peak,
      stop: async () => {
        await call({ op: 'stop' }).catch(() => {})
        const timer = setTimeout(() => { child.kill('SIGKILL') }, 10_000)
        await exited
        clearTimeout(timer)
      }
    }
  } catch (err) {
    child.kill('SIGKILL')
    await exited
    throw err
  }
}

const mbps = (bytes: number, ms: number): number => Math.round((bytes / 1e6) / (ms / 1000) * 10) / 10
const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]
function maxPeak (peaks: Array<Peak | undefined>): Peak | undefined {
  if (peaks.every(p => p == null)) return undefined
  return {
    peakRssBytes: Math.max(...peaks.map(p => p?.peakRssBytes ?? 0)),
    peakHeapBytes: Math.max(...peaks.map(p => p?.peakHeapBytes ?? 0)),
    fullGcs: Math.max(...peaks.map(p => p?.fullGcs ?? 0)),
    gcMs: peaks.reduce((sum, p) => sum + (p?.gcMs ?? 0), 0),
    cpuMs: peaks.reduce((sum, p) => sum + (p?.cpuMs ?? 0), 0)
  }
}

/** One setting: a client in this process and three storage nodes, here or each in its own process. */
async function runMode (mode: BlobBenchMode, sizes: number[], repeats: number): Promise<Array<Record<string, unknown>>> {
  const root = await mkdtemp(join(tmpdir(), 'escrin-bench-blobs-'))
  let client: EscrinNode | undefined
  const holders: BenchHolder[] = []
  try {
    client = await startInProcess(join(root, 'node-0'), [])
    const bootstrap = [client.host.getMultiaddrs()[0].toString()]
    for (let i = 1; i <= 3; i++) {
      holders.push(mode === 'process' ? await processHolder(join(root, `node-${i}`), bootstrap) : inProcessHolder(await startInProcess(join(root, `node-${i}`), bootstrap)))
    }
    const owner = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
    // the client has no storage of its own in this scope: every byte crosses the network
    const policy = await client.policies.publish(await signPolicy(createPolicy({ owner, name: 'bench', version: 1, predicate: JSON.stringify({ any: holders.map(h => ({ eq: ['peerId', h.peerId.toString()] })) }) }), OWNER_KEY))
    const deadline = Date.now() + 60_000
    while (client.attestations.scopeMembersWithRole(policy.id, 'storage').length < 3 || (await Promise.all(holders.map(async h => await h.inScope(policy.id)))).includes(false)) {
      if (Date.now() > deadline) throw new Error('the bench scope did not form')
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    const node = client
    const results = []
    for (const size of sizes) {
      const times = { put: [] as number[], get: [] as number[], rawPut: [] as number[], rawGet: [] as number[] }
      let memory: Record<string, Peak> | undefined
      // one unmeasured repeat first: the measured ones are every process's steady state, not its first transfer
      for (let r = -1; r < repeats; r++) {
        const blob = new Uint8Array(randomBytes(size))
        // the raw transfers are watched as the blob's are, so both pay the same sampling
        await Promise.all(holders.map(async h => { await h.watchMemory() }))
        const rawPut = await timedPhase('rawPut', async () => await Promise.all(holders.map(async h => { await rawSend(node.host, h.peerId, blob) })))
        times.rawPut.push(rawPut.ms)
        const rawPutHolders = maxPeak(await Promise.all(holders.map(async h => await h.peakMemory())))
        await Promise.all(holders.map(async h => { await h.watchMemory() }))
        const rawGet = await timedPhase('rawGet', async () => await rawFetch(node.host, holders[0].peerId, size))
        times.rawGet.push(rawGet.ms)
        const rawGetHolders = maxPeak(await Promise.all(holders.map(async h => await h.peakMemory())))

        await Promise.all(holders.map(async h => { await h.watchMemory() }))
        const put = await timedPhase('put', async () => await node.blobs.put(chunksOf(blob), { policyId: policy.id, size }))
        times.put.push(put.ms)
        const putHolders = maxPeak(await Promise.all(holders.map(async h => await h.peakMemory())))
        if (put.value.replicas.length !== 3) throw new Error(`stored on ${put.value.replicas.length} holders`)
        // the holders announce what they stored on the DHT after the put: the get is measured after that, on its own
        await Promise.all(holders.map(async h => { await h.announced() }))
        await Promise.all(holders.map(async h => { await h.watchMemory() }))
        const get = await timedPhase('get', async () => {
          const reader = await node.blobs.get(put.value.cid)
          let n = 0
          for await (const chunk of reader.chunks) n += chunk.length
          return n
        })
        times.get.push(get.ms)
        const getHolders = maxPeak(await Promise.all(holders.map(async h => await h.peakMemory())))
        if (get.value !== size) throw new Error(`got ${get.value} of ${size} bytes`)
        // the phase's cost without the value it returned
        const peak = ({ value, ms, ...cost }: { value: unknown, ms: number } & Peak): Peak => cost
        memory = {
          put: peak(put),
          get: peak(get),
          rawPut: peak(rawPut),
          rawGet: peak(rawGet),
          // process mode: the largest growth of any one holder process
          ...(putHolders != null ? { putHolder: putHolders } : {}),
          ...(getHolders != null ? { getHolder: getHolders } : {}),
          ...(rawPutHolders != null ? { rawPutHolder: rawPutHolders } : {}),
          ...(rawGetHolders != null ? { rawGetHolder: rawGetHolders } : {})
        }
        for (const h of holders) await h.delete(put.value.cid)
        if (r < 0) for (const phase of Object.values(times)) phase.length = 0
      }
      const row = {
        mode,
        sizeBytes: size,
        putMBps: mbps(size, median(times.put)),
        rawPutMBps: mbps(size, median(times.rawPut)),
        getMBps: mbps(size, median(times.get)),
        rawGetMBps: mbps(size, median(times.rawGet)),
        memory,
        // every measured repeat, in order (ms): the raw transfer of a repeat ran just before its escrin one
        timesMs: times,
        ratios: {} as Record<string, { ratio: number | null, withinTarget: boolean | null }>
      }
      const large = size >= 16 * 1024 * 1024
      const putRatio = ratio(median(times.put), median(times.rawPut))
      const getRatio = ratio(median(times.get), median(times.rawGet))
      row.ratios['put time / raw (3 peers)'] = { ratio: putRatio, withinTarget: large ? (putRatio ?? Infinity) <= TARGET_RATIO : null }
      row.ratios['get time / raw'] = { ratio: getRatio, withinTarget: large ? (getRatio ?? Infinity) <= TARGET_RATIO : null }
      // each repeat against its own raw transfer (made just before it): the spread of this machine's speed between repeats left out
      const perRepeat = (escrin: number[], raw: number[]): number | null => ratio(median(escrin.map((ms, i) => ms / raw[i])), 1)
      row.ratios['put / raw, median of repeats'] = { ratio: perRepeat(times.put, times.rawPut), withinTarget: null }
      row.ratios['get / raw, median of repeats'] = { ratio: perRepeat(times.get, times.rawGet), withinTarget: null }
      results.push(row)
    }
    return results
  } finally {
    await Promise.allSettled([...holders.map(async h => { await h.stop() }), client?.stop()])
    await rm(root, { recursive: true, force: true })
  }
}

export async function runBlobsBench (sizes: number[], repeats: number, modes: readonly BlobBenchMode[] = BLOB_BENCH_MODES): Promise<Record<string, unknown>> {
  const results = []
  for (const mode of modes) results.push(...await runMode(mode, sizes, repeats))
  return {
    bench: 'blobs',
    target: `large blobs within ${TARGET_RATIO}x of raw libp2p stream time; memory while streaming far below the blob size`,
    settings: {
      'in-process': 'the client and 3 storage nodes on one event loop',
      process: 'each storage node (and the raw receiver on its host) in its own OS process; the client in the bench\'s'
    },
    chunkBytes: CHUNK_SIZE,
    replicas: 3,
    repeats,
    // each size's first repeat is run and not measured
    warmupRepeats: 1,
    results
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string): string | undefined => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined }
  const sizes = (arg('--sizes') ?? '1024,1048576,67108864').split(',').map(Number)
  const mode = arg('--mode') ?? 'both'
  if (mode !== 'both' && !(BLOB_BENCH_MODES as readonly string[]).includes(mode)) throw new Error(`--mode: ${mode} is not in-process, process or both`)
  console.log(JSON.stringify(await runBlobsBench(sizes, Number(arg('--repeats') ?? 3), mode === 'both' ? BLOB_BENCH_MODES : [mode as BlobBenchMode]), null, 2))
}
