/**
 * One storage node of bench/blobs in its own process (the bench's process
 * mode), forked by the bench and driven over the IPC channel:
 *   (forked by bench/blobs.ts)  node dist/bench/blobs-worker.js
 * The node is a real escrin node (TCP loopback, LevelDB and chunk files in
 * its data dir) that also serves the raw baseline's protocol on the same
 * host, so escrin and raw bytes cross the same connections and processes.
 */
import { devnetNodeConfig } from '../node/devnet/index.js'
import { EscrinNode } from '../node/escrin-node.js'
import { silentLogger } from '../node/log/index.js'
import { serveRaw } from './blobs.js'
import { countGcs, type GcTally } from './gc-count.js'

export type WorkerCommand =
  | { op: 'start', dataDir: string, bootstrap: string[] }
  | { op: 'inScope', policyId: string }
  | { op: 'delete', cid: string }
  | { op: 'watchMemory' }
  | { op: 'peakMemory' }
  | { op: 'stop' }

export interface WorkerMessage { id: number, command: WorkerCommand }
export type WorkerReply = { id: number, ok: true, value: unknown } | { id: number, ok: false, error: string }

/** How often memory is sampled while a blob streams (as in the bench's own process). */
const SAMPLE_MS = 5

let node: EscrinNode | undefined
let watch: { timer: ReturnType<typeof setInterval>, base: NodeJS.MemoryUsage, peakRss: number, peakHeap: number, gcs: () => GcTally, cpu: NodeJS.CpuUsage } | undefined

function sample (): void {
  if (watch == null) return
  const m = process.memoryUsage()
  watch.peakRss = Math.max(watch.peakRss, m.rss - watch.base.rss)
  watch.peakHeap = Math.max(watch.peakHeap, m.heapUsed + m.arrayBuffers - watch.base.heapUsed - watch.base.arrayBuffers)
}

/** Stops the current watch; the collections it counted. */
function endWatch (): GcTally {
  if (watch == null) return { fullGcs: 0, gcMs: 0 }
  clearInterval(watch.timer)
  const gcs = watch.gcs()
  watch = undefined
  return gcs
}

async function handle (command: WorkerCommand): Promise<unknown> {
  switch (command.op) {
    case 'start': {
      node = await EscrinNode.create(devnetNodeConfig(command.dataDir, command.bootstrap), { logger: silentLogger(), storage: { limits: { maxBlobBytes: 256 * 1024 * 1024 } } })
      await node.start()
      await serveRaw(node.host)
      return { peerId: node.peerId.toString(), addr: node.host.getMultiaddrs()[0].toString() }
    }
    case 'inScope':
      return node?.attestations.scopes.inScope(command.policyId, node.peerId.toString()) === true
    case 'delete':
      await node?.storage?.store.delete(command.cid)
      return true
    case 'watchMemory':
      endWatch();
      (globalThis as { gc?: () => void }).gc?.()
      watch = { timer: setInterval(sample, SAMPLE_MS), base: process.memoryUsage(), peakRss: 0, peakHeap: 0, gcs: countGcs(), cpu: process.cpuUsage() }
      return true
    case 'peakMemory': {
      sample()
      const cpu = process.cpuUsage(watch?.cpu)
      const peak = { peakRssBytes: watch?.peakRss ?? 0, peakHeapBytes: watch?.peakHeap ?? 0, cpuMs: watch == null ? 0 : Math.round((cpu.user + cpu.system) / 1000), ...endWatch() }
      return peak
    }
    case 'stop':
      endWatch()
      await node?.stop()
      node = undefined
      return true
  }
}

if (process.send == null) {
  console.error('blobs-worker.js is started by bench/blobs.js --mode process, not by hand')
  process.exit(2)
}

process.on('message', (message: WorkerMessage) => {
  void (async () => {
    let reply: WorkerReply
    try {
      reply = { id: message.id, ok: true, value: await handle(message.command) }
    } catch (err) {
      reply = { id: message.id, ok: false, error: (err as Error).stack ?? String(err) }
    }
    if (process.connected) process.send?.(reply)
    if (message.command.op === 'stop') process.disconnect()
  })()
})

// the bench went away: stop and exit, never linger
process.on('disconnect', () => {
  const hardExit = setTimeout(() => { process.exit(0) }, 5_000)
  hardExit.unref()
  void Promise.resolve(node?.stop()).finally(() => { process.exit(0) })
})
