import { fork, type ChildProcess } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Cluster, ClusterListener } from './cluster.js'
import type { Command, CommandResult, NodeBoot, StartedNode, ToChild, ToParent } from './protocol.js'

const ENTRY = fileURLToPath(new URL('./node-process.js', import.meta.url))
/**
 * Node processes share a compile cache (each loads the same bundle), and a
 * smaller libuv pool: a hundred processes with four idle threads each only
 * add scheduling work on a small machine.
 */
const CHILD_ENV = {
  ...process.env,
  NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'escrin-sim-compile-cache'),
  UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '2'
}
/**
 * V8 flags of the node processes (ESCRIN_SIM_NODE_FLAGS replaces them; empty
 * for V8's defaults). Each process JIT-compiles the same code for itself, and
 * by default TurboFan optimises a function after 3,000 calls: in a settled
 * 60-node run, a node's protocol code reaches that slowly but steadily, so
 * TurboFan compiling was a quarter of all the CPU the nodes used (perf, whole
 * machine). At 30,000 calls only genuinely hot code (the curve and hash
 * arithmetic, which reaches it within a signature or two and keeps its speed)
 * is optimised; the rest stays in V8's baseline tier. Measured on 60 nodes:
 * settled CPU 40-73% of two cores instead of 62-100%, and the network agreed
 * 31 s sooner. Production nodes, one per machine, keep V8's defaults.
 */
export const DEFAULT_NODE_FLAGS = ['--invocation-count-for-turbofan=30000']

/** The extra node (and V8) flags of a node process: `override` (ESCRIN_SIM_NODE_FLAGS, space-separated) or the defaults. */
export function nodeProcessFlags (override: string | undefined = process.env.ESCRIN_SIM_NODE_FLAGS): string[] {
  return override == null ? [...DEFAULT_NODE_FLAGS] : override.split(/\s+/).filter(flag => flag !== '')
}

/** A node process that has not started its node by then is broken (2 cores, 100 processes starting: generous). */
const START_TIMEOUT_MS = 120_000
const COMMAND_TIMEOUT_MS = 120_000
const LEAVE_TIMEOUT_MS = 15_000
/** Bytes of a node process's stderr kept, to say why it died. */
const STDERR_TAIL = 4_096

interface Child {
  process: ChildProcess
  pending: Map<number, { resolve: (value: unknown) => void, reject: (err: Error) => void, timer: ReturnType<typeof setTimeout> }>
  stderr: string
  /** The process is alive (and not being stopped). */
  up: boolean
  /** Its node has started: commands may be sent. */
  ready: boolean
  exited: Promise<void>
}

/**
 * Process mode: one OS process per node (the node's own event loop, as in
 * production), over TCP loopback, so the nodes spread over every core. Each
 * process runs a NodeAgent behind the IPC channel of child_process.fork:
 * commands in, events out. A crash is a real SIGKILL.
 */
export class ProcessCluster implements Cluster {
  readonly mode = 'process' as const
  private readonly children = new Map<string, Child>()
  private nextId = 1

  /** `forwardLogs`: node processes' stderr (their logs, when a log level is set) goes to ours as well. */
  constructor (private readonly listener: ClusterListener, private readonly onUnexpectedExit: (name: string, reason: string) => void = () => {}, private readonly forwardLogs = false) {}

  async start (name: string, boot: NodeBoot): Promise<StartedNode> {
    if (this.children.get(name)?.up === true) throw new Error(`node ${name} is already up`)
    // advanced serialization: bigint bonds and byte arrays cross the channel as they are
    const process = fork(ENTRY, [name], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: CHILD_ENV, execArgv: [...globalThis.process.execArgv, ...nodeProcessFlags()] })
    let markExited!: () => void
    const child: Child = { process, pending: new Map(), stderr: '', up: true, ready: false, exited: new Promise(resolve => { markExited = resolve }) }
    this.children.set(name, child)
    process.stderr?.on('data', (d: Buffer) => {
      child.stderr = (child.stderr + d.toString()).slice(-STDERR_TAIL)
      if (this.forwardLogs) globalThis.process.stderr.write(d)
    })
    process.on('message', (message: ToParent) => { this.onMessage(name, child, message) })
    process.once('exit', (code, signal) => {
      const wasUp = child.up
      child.up = false
      const reason = `node process exited (${signal ?? `code ${code}`})${child.stderr.trim() !== '' ? `: ${whyItDied(child.stderr)}` : ''}`
      for (const { reject, timer } of child.pending.values()) {
        clearTimeout(timer)
        reject(new Error(reason))
      }
      child.pending.clear()
      markExited()
      if (wasUp && this.children.get(name) === child) this.onUnexpectedExit(name, reason)
    })
    try {
      const started = await this.send(child, { op: 'start', boot }, START_TIMEOUT_MS) as StartedNode
      child.ready = true
      return started
    } catch (err) {
      child.up = false
      process.kill('SIGKILL')
      await child.exited
      throw err
    }
  }

  async command<C extends Command>(name: string, command: C): Promise<CommandResult<C>> {
    const child = this.children.get(name)
    if (child == null || !child.up || !child.ready) throw new Error(`node ${name} is not up`)
    return await this.send(child, command, COMMAND_TIMEOUT_MS) as CommandResult<C>
  }

  async crash (name: string): Promise<void> {
    const child = this.children.get(name)
    if (child == null || !child.up) return
    child.up = false
    child.process.kill('SIGKILL')
    await child.exited
  }

  async leave (name: string): Promise<void> {
    const child = this.children.get(name)
    if (child == null || !child.up) return
    try {
      await this.send(child, { op: 'stop', abrupt: false }, LEAVE_TIMEOUT_MS)
    } catch {}
    child.up = false
    const timer = setTimeout(() => { child.process.kill('SIGKILL') }, LEAVE_TIMEOUT_MS)
    child.process.disconnect?.()
    await child.exited
    clearTimeout(timer)
  }

  isUp (name: string): boolean {
    const child = this.children.get(name)
    return child?.up === true && child.ready
  }

  /** The OS pids of the node processes that are up, for resource figures. */
  pids (): Map<string, number> {
    const out = new Map<string, number>()
    for (const [name, child] of this.children) if (child.up && child.process.pid != null) out.set(name, child.process.pid)
    return out
  }

  async close (): Promise<void> {
    await Promise.allSettled([...this.children.keys()].map(async name => { await this.leave(name) }))
    this.children.clear()
  }

  private async send (child: Child, command: Command, timeoutMs: number): Promise<unknown> {
    const id = this.nextId++
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.pending.delete(id)
        reject(new Error(`node process did not answer "${command.op}" within ${timeoutMs} ms`))
      }, timeoutMs)
      child.pending.set(id, { resolve, reject, timer })
      const message: ToChild = { id, command }
      child.process.send(message, err => {
        if (err == null) return
        clearTimeout(timer)
        child.pending.delete(id)
        reject(err)
      })
    })
  }

  private onMessage (name: string, child: Child, message: ToParent): void {
    if ('events' in message) {
      this.listener(name, message.events)
      return
    }
    const waiter = child.pending.get(message.id)
    if (waiter == null) return
    child.pending.delete(message.id)
    clearTimeout(waiter.timer)
    if (message.ok) waiter.resolve(message.value)
    else waiter.reject(Object.assign(new Error(message.error.message), { name: message.error.name, code: message.error.code }))
  }
}

/** The error line of a dead process's stderr (Node prints the source line, a caret and the stack around it), and the one after it. */
function whyItDied (stderr: string): string {
  const lines = stderr.trim().split('\n').map(l => l.trim()).filter(l => l !== '')
  const at = lines.findLastIndex(l => /^(\w*Error|Error)\b|^\w+Error:|unhandled rejection/.test(l))
  return (at >= 0 ? lines.slice(at, at + 2) : lines.slice(-3)).join(' | ')
}
