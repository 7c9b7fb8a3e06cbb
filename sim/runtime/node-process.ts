/**
 * The entry point of one node process in the simulator's process mode:
 *   (forked by ProcessCluster)  node dist/sim/runtime/node-process.js <name>
 * Runs a NodeAgent and speaks the control protocol over the IPC channel.
 * Events are batched (every EVENT_FLUSH_MS) so a burst of scope changes is
 * one message, not thousands.
 */
import { logUnhandledRejections } from '../../node/cli/signals.js'
import { NodeAgent } from './node-agent.js'
import type { AgentEvent, ToChild, ToParent } from './protocol.js'

const EVENT_FLUSH_MS = 50

if (process.send == null) {
  console.error('node-process.js is started by the simulator (escrin-node sim --mode process), not by hand')
  process.exit(2)
}

// on stderr, where the simulator keeps the tail to say why a node died
logUnhandledRejections((message, fields) => { process.stderr.write(`${message}: ${String(fields.stack ?? fields.error)}\n`) })

let buffer: AgentEvent[] = []
let flushTimer: ReturnType<typeof setTimeout> | undefined
const send = (message: ToParent): void => {
  if (process.connected) process.send?.(message)
}
const flush = (): void => {
  clearTimeout(flushTimer)
  flushTimer = undefined
  if (buffer.length === 0) return
  const events = buffer
  buffer = []
  send({ events })
}

// a timer only while events wait: a hundred idle node processes should not wake up twenty times a second each
const agent = new NodeAgent(events => {
  buffer.push(...events)
  flushTimer ??= setTimeout(flush, EVENT_FLUSH_MS)
})

process.on('message', (message: ToChild) => {
  void (async () => {
    try {
      const value = await agent.handle(message.command)
      flush() // events caused by the command go out before its answer
      send({ id: message.id, ok: true, value })
    } catch (err) {
      flush()
      const e = err as Error & { code?: unknown }
      send({ id: message.id, ok: false, error: { name: e.name ?? 'Error', message: e.message ?? String(err), ...(typeof e.code === 'string' ? { code: e.code } : {}) } })
    }
  })()
})

// the simulator went away (or told us to go): stop the node and exit, never linger as an orphan
process.on('disconnect', () => {
  clearTimeout(flushTimer)
  const hardExit = setTimeout(() => { process.exit(0) }, 10_000)
  hardExit.unref()
  void agent.stop(false).finally(() => { process.exit(0) })
})
