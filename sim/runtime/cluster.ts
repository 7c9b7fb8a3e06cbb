import type { AgentEvent, Command, CommandResult, NodeBoot, StartedNode } from './protocol.js'
import type { SimMode } from '../scenario/index.js'

/** Events of one node, as they arrive (with the node's own timestamps). */
export type ClusterListener = (name: string, events: AgentEvent[]) => void

/**
 * The nodes of a run, whatever the mode: started, commanded, crashed and
 * stopped by name. Memory mode keeps agents in this process; process mode
 * keeps one OS process per node.
 */
export interface Cluster {
  readonly mode: SimMode
  start(name: string, boot: NodeBoot): Promise<StartedNode>
  command<C extends Command>(name: string, command: C): Promise<CommandResult<C>>
  /** kill -9 in process mode; connections aborted, then an immediate stop, in memory mode. */
  crash(name: string): Promise<void>
  /** A clean stop: the node says goodbye to its peers. */
  leave(name: string): Promise<void>
  isUp(name: string): boolean
  /** Stops every node that is still up. */
  close(): Promise<void>
}
