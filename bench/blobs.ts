/**
 * bench/blobs: put and get throughput (MB/s) of 1 KB, 1 MB and 64 MB blobs
 * between real nodes on TCP loopback (LevelDB stores, r = 3), against the
 * raw libp2p stream throughput of the same hosts measured in the same run:
 * for a put, the same bytes streamed to 3 peers at once; for a get, streamed
 * from one peer. Also the process's peak memory growth while a 64 MB blob
 * streams, which must stay far below the blob's size.
 *
 *   node --expose-gc dist/bench/blobs.js [--sizes 1024,1048576,67108864] [--repeats R]
 *
 * Target: within 1.5x of raw for large blobs; memory bounded while streaming.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lpStream } from '@libp2p/utils'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../node/devnet/index.js'
import { EscrinNode } from '../node/escrin-node.js'
import { silentLogger } from '../node/log/index.js'
import { createPolicy, signPolicy } from '../protocol/policy/index.js'
import { CHUNK_SIZE } from '../protocol/blob/index.js'
import { ratio } from './lib/measure.js'
import type { PeerId } from '@libp2p/interface'

const TARGET_RATIO = 1.5
const RAW_PROTOCOL = '/escrin-bench/raw-bytes/1'
const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'

async function * chunksOf (bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK_SIZE) yield bytes.subarray(i, i + CHUNK_SIZE)
}

/** Peak growth of RSS and of heap + array buffers while `fn` runs, sampled every 5 ms. */
async function withPeakMemory<T> (fn: () => Promise<T>): Promise<{ value: T, peakRssBytes: number, peakHeapBytes: number }> {
  (globalThis as { gc?: () => void }).gc?.()
  const base = process.memoryUsage()
  let peakRss = 0
  let peakHeap = 0
  const sample = (): void => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss - base.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers)
  }
  const timer = setInterval(sample, 5)
  try {
    const value = await fn()
    sample()
    return { value, peakRssBytes: peakRss, peakHeapBytes: peakHeap }
  } finally {
    clearInterval(timer)
  }
}

/** Raw baseline: length-prefixed 1 MiB frames over a plain libp2p stream, drained by the receiver. */
async function rawSend (from: EscrinNode, to: PeerId, bytes: Uint8Array): Promise<void> {
  const stream = await from.host.dialProtocol(to, RAW_PROTOCOL)
  const lp = lpStream(stream, { maxDataLength: CHUNK_SIZE + 64 })
  await lp.write(new Uint8Array([0]))
  for await (const chunk of chunksOf(bytes)) await lp.write(chunk)
  await lp.write(new Uint8Array(0))
  await lp.read() // the receiver's ack: every byte arrived
  await stream.close().catch(() => {})
}

async function rawFetch (from: EscrinNode, to: PeerId, size: number): Promise<number> {
  const stream = await from.host.dialProtocol(to, RAW_PROTOCOL)
  const lp = lpStream(stream, { maxDataLength: CHUNK_SIZE + 64 })
  await lp.write(new TextEncoder().encode(`get ${size}`))
  let got = 0
  while (got < size) got += (await lp.read()).byteLength
  await stream.close().catch(() => {})
  return got
}

function serveRaw (node: EscrinNode, blob: () => Uint8Array): Promise<void> {
  return node.host.handle(RAW_PROTOCOL, async stream => {
    try {
      const lp = lpStream(stream, { maxDataLength: CHUNK_SIZE + 64 })
      const head = (await lp.read()).subarray()
      const text = new TextDecoder().decode(head)
      if (!text.startsWith('get ')) {
        while ((await lp.read()).byteLength > 0) {}
        await lp.write(new Uint8Array([1]))
      } else {
        const size = Number(text.slice(4))
        for await (const chunk of chunksOf(blob().subarray(0, size))) await lp.write(chunk)
      }
      // the reader closes once it has every byte; a reset after that is not a failure
      await stream.close().catch(() => {})
    } catch (err) {
      stream.abort(err as Error)
    }
  }, { maxInboundStreams: 64 })
}

const mbps = (bytes: number, ms: number): number => Math.round((bytes / 1e6) / (ms / 1000) * 10) / 10

export async function runBlobsBench (sizes: number[], repeats: number): Promise<Record<string, unknown>> {
  const root = await mkdtemp(join(tmpdir(), 'escrin-bench-blobs-'))
  const nodes: EscrinNode[] = []
  let blob = new Uint8Array()
  try {
    for (let i = 0; i < 4; i++) {
      const bootstrap = i === 0 ? [] : [nodes[0].host.getMultiaddrs()[0].toString()]
      const node = await EscrinNode.create(devnetNodeConfig(join(root, `node-${i}`), bootstrap), { logger: silentLogger(), storage: { limits: { maxBlobBytes: 256 * 1024 * 1024 } } })
      await node.start()
      await serveRaw(node, () => blob)
      nodes.push(node)
    }
    const [client, ...holders] = nodes
    const owner = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
    // the client has no storage of its own in this scope: every byte crosses the network
    const policy = await client.policies.publish(await signPolicy(createPolicy({ owner, name: 'bench', version: 1, predicate: JSON.stringify({ any: holders.map(h => ({ eq: ['peerId', h.peerId.toString()] })) }) }), OWNER_KEY))
    const deadline = Date.now() + 60_000
    while (client.attestations.scopeMembersWithRole(policy.id, 'storage').length < 3 || holders.some(h => !h.attestations.scopes.inScope(policy.id, h.peerId.toString()))) {
      if (Date.now() > deadline) throw new Error('the bench scope did not form')
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    const results = []
    for (const size of sizes) {
      const times = { put: [] as number[], get: [] as number[], rawPut: [] as number[], rawGet: [] as number[] }
      let memory: { put: { peakRssBytes: number, peakHeapBytes: number }, get: { peakRssBytes: number, peakHeapBytes: number } } | undefined
      for (let r = 0; r < repeats; r++) {
        blob = new Uint8Array(randomBytes(size))
        let t = performance.now()
        await Promise.all(holders.map(async h => { await rawSend(client, h.peerId, blob) }))
        times.rawPut.push(performance.now() - t)
        t = performance.now()
        await rawFetch(client, holders[0].peerId, size)
        times.rawGet.push(performance.now() - t)

        t = performance.now()
        const put = await withPeakMemory(async () => await client.blobs.put(chunksOf(blob), { policyId: policy.id, size }))
        times.put.push(performance.now() - t)
        if (put.value.replicas.length !== 3) throw new Error(`stored on ${put.value.replicas.length} holders`)
        t = performance.now()
        const get = await withPeakMemory(async () => {
          const reader = await client.blobs.get(put.value.cid)
          let n = 0
          for await (const chunk of reader.chunks) n += chunk.length
          return n
        })
        times.get.push(performance.now() - t)
        if (get.value !== size) throw new Error(`got ${get.value} of ${size} bytes`)
        memory = { put: { peakRssBytes: put.peakRssBytes, peakHeapBytes: put.peakHeapBytes }, get: { peakRssBytes: get.peakRssBytes, peakHeapBytes: get.peakHeapBytes } }
        for (const h of holders) await h.storage?.store.delete(put.value.cid)
      }
      const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]
      const row = {
        sizeBytes: size,
        putMBps: mbps(size, median(times.put)),
        rawPutMBps: mbps(size, median(times.rawPut)),
        getMBps: mbps(size, median(times.get)),
        rawGetMBps: mbps(size, median(times.rawGet)),
        memory,
        ratios: {} as Record<string, { ratio: number | null, withinTarget: boolean | null }>
      }
      const large = size >= 16 * 1024 * 1024
      const putRatio = ratio(median(times.put), median(times.rawPut))
      const getRatio = ratio(median(times.get), median(times.rawGet))
      row.ratios['put time / raw (3 peers)'] = { ratio: putRatio, withinTarget: large ? (putRatio ?? Infinity) <= TARGET_RATIO : null }
      row.ratios['get time / raw'] = { ratio: getRatio, withinTarget: large ? (getRatio ?? Infinity) <= TARGET_RATIO : null }
      results.push(row)
    }
    return { bench: 'blobs', target: `large blobs within ${TARGET_RATIO}x of raw libp2p stream time; memory while streaming far below the blob size`, chunkBytes: CHUNK_SIZE, replicas: 3, repeats, results }
  } finally {
    await Promise.allSettled(nodes.map(async n => { await n.stop() }))
    await rm(root, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string): string | undefined => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined }
  const sizes = (arg('--sizes') ?? '1024,1048576,67108864').split(',').map(Number)
  console.log(JSON.stringify(await runBlobsBench(sizes, Number(arg('--repeats') ?? 3)), null, 2))
}
