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
import { watchPhase, type PhaseCost } from './lib/phase-cost.js'

export type WorkerCommand =
  | { op: 'start', dataDir: string, bootstrap: string[] }
  | { op: 'inScope', policyId: string }
  | { op: 'delete', cid: string }
  | { op: 'announced' }
  | { op: 'watchMemory' }
  | { op: 'peakMemory' }
  | { op: 'stop' }

export interface WorkerMessage { id: number, command: WorkerCommand }
export type WorkerReply = { id: number, ok: true, value: unknown } | { id: number, ok: false, error: string }

/** How often memory is sampled while a blob streams (as in the bench's own process). */
const SAMPLE_MS = 5

let node: EscrinNode | undefined
/** Ends the phase being watched, if any: its cost. */
let endPhase: (() => PhaseCost) | undefined

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
    case 'announced':
      await node?.storage?.announcementsSettled()
      return true
    case 'watchMemory':
      endPhase?.()
      endPhase = watchPhase(SAMPLE_MS)
      return true
    case 'peakMemory': {
      const cost = endPhase?.()
      endPhase = undefined
      return cost
    }
    case 'stop':
      endPhase?.()
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
