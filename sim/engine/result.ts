import type { Epoch, ConvergenceFailure } from '../invariants/convergence.js'
import type { IntegrityViolation } from '../invariants/record-integrity.js'
import type { Leak } from '../invariants/scope-leaks.js'
import type { Scenario, SimMode } from '../scenario/index.js'
import type { RequestRecord } from './load.js'
import type { NodeResources } from './resources.js'

/** One point of the time series (t in ms since the run started). */
export interface Sample {
  t: number
  nodesUp: number
  /** Honest nodes up, and how many of them agree with the truth. */
  checked: number
  agreeing: number
  connections: { mean: number, min: number, max: number }
  /** Connections the nodes opened since the previous sample (both ends count one: a new link between two nodes is 2). */
  connectionsOpened: number
  rssBytes: number
  cpuPercent: number
}

export interface LogEntry {
  t: number
  action: string
  ok: boolean
  detail: string
}

/** Everything a run produced; the reports are views of it. Times are ms since the run started. */
export interface SimResult {
  scenario: Scenario
  mode: SimMode
  seed: number
  startedAt: string
  durationMs: number
  epochs: Epoch[]
  convergenceFailures: ConvergenceFailure[]
  formedAtMs: number | null
  leaks: { total: number, fromHonest: number, list: Leak[], arrivals: Record<string, number> }
  integrity: { violations: number, list: IntegrityViolation[], checks: number, unlisted: number }
  requests: RequestRecord[]
  /**
   * Blobs the loads stored (a quorum committed), and the read of each (or of
   * a spread sample) at the end: readable; unavailable (every holder that
   * committed it is down); lost (not readable while one of them is up).
   */
  blobs: { stored: number, checked: number, readable: number, unavailable: number, lost: Array<{ cid: string, storedAt: number, reader: string, code: string, message: string }> }
  /**
   * Blobs the app owners deleted, and the read of each (or of a spread
   * sample) at the end: gone; pending (readable, but a storage node was down
   * during the deletion and may not have heard of it yet); resurrected
   * (readable although every storage node was up while it was deleted).
   */
  deletions: { deleted: number, checked: number, gone: number, pending: number, resurrected: Array<{ cid: string, deletedAt: number, reader: string }> }
  skippedRequests: number
  samples: Sample[]
  resources: { nodes: NodeResources[], average: { rssBytes: number, cpuPercent: number }, basis: string }
  log: LogEntry[]
  nodes: Array<{ name: string, group: string, peerId: string | null, honest: boolean, up: boolean }>
}
