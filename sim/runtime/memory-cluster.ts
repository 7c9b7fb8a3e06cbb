import { NodeAgent } from './node-agent.js'
import type { Cluster, ClusterListener } from './cluster.js'
import type { Command, CommandResult, NodeBoot, StartedNode } from './protocol.js'

/**
 * Memory mode: every node in this process, linked by libp2p's in-memory
 * transport (/memory/<name>). The cheapest way to run many nodes, and the
 * same node code; CPU and memory are shared, so per-node figures are averages.
 */
export class MemoryCluster implements Cluster {
  readonly mode = 'memory' as const
  private readonly agents = new Map<string, NodeAgent>()

  constructor (private readonly listener: ClusterListener) {}

  async start (name: string, boot: NodeBoot): Promise<StartedNode> {
    if (this.agents.has(name)) throw new Error(`node ${name} is already up`)
    const agent = new NodeAgent(events => { this.listener(name, events) })
    this.agents.set(name, agent)
    try {
      return await agent.handle({ op: 'start', boot })
    } catch (err) {
      await agent.stop(true).catch(() => {})
      this.agents.delete(name)
      throw err
    }
  }

  async command<C extends Command>(name: string, command: C): Promise<CommandResult<C>> {
    const agent = this.agents.get(name)
    if (agent == null) throw new Error(`node ${name} is not up`)
    return await agent.handle(command)
  }

  async crash (name: string): Promise<void> {
    const agent = this.agents.get(name)
    if (agent == null) return
    this.agents.delete(name)
    agent.observe() // the last word on its own record's expiry, as a process's last IPC message would be
    await agent.stop(true)
  }

  async leave (name: string): Promise<void> {
    const agent = this.agents.get(name)
    if (agent == null) return
    this.agents.delete(name)
    await agent.stop(false)
  }

  isUp (name: string): boolean {
    return this.agents.get(name)?.node?.isRunning === true
  }

  async close (): Promise<void> {
    const agents = [...this.agents.values()]
    this.agents.clear()
    await Promise.allSettled(agents.map(async a => { await a.stop(false) }))
  }
}
