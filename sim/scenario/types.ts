import type { Role } from '../../node/constants.js'

/** What a node's attestation evidence says: `dev` (a software key), or a simulated TEE kind with its measurement. */
export interface EvidenceSpec {
  kind: string
  /** Lowercase hex; empty for dev. */
  measurement: string
}

/** One kind of node of a scenario: `count` nodes named `<name>-<i>`. */
export interface NodeGroup {
  name: string
  count: number
  roles: Role[]
  evidence: EvidenceSpec
  /** The operator's bond in wei (the scenario writes it in ETH). */
  bond: bigint
  /** False for sybils and nodes that are byzantine from the start: kept out of the honest-node checks. */
  honest: boolean
  /** When the group joins by itself; null when only timeline `join` events start it. */
  join: { atMs: number, staggerMs: number } | null
}

export interface NodeRef {
  /** `<group>-<index>`, unique in the scenario. */
  name: string
  group: string
  index: number
}

/** An app: an owner key that signs its policies and deals its keys (derived from the seed and the name). */
export interface AppSpec {
  name: string
  key: `0x${string}`
  owner: `0x${string}`
}

export interface RunnerFaults { corruptOutput?: boolean, corruptReceipt?: boolean }
export interface HolderFaults { corruptShare?: boolean }
/**
 * Forged attestation records a byzantine node gossips:
 * - `evidence`: its own peer id with TEE evidence it does not have (signed by the wrong vendor key);
 * - `identity`: another node's peer id, signed with its own key;
 * - `tamper`: another node's genuine record with a field changed after signing.
 */
export type ForgeKind = 'evidence' | 'identity' | 'tamper'
export interface Faults {
  runner?: RunnerFaults
  holder?: HolderFaults
  /**
   * A storage node that serves blobs with a flipped byte (readers must detect it and read elsewhere), or that keeps
   * the blobs their owners delete (and goes on serving them).
   */
  storage?: { corruptBlob?: boolean, keepDeleted?: boolean }
  forge?: { kinds: ForgeKind[], ratePerSec: number }
}

interface At { atMs: number, line: number }

export type TimelineEvent = At & (
  | { do: 'join', nodes: string[], staggerMs: number }
  | { do: 'crash' | 'restart' | 'leave', nodes: string[] }
  | { do: 'partition', sides: string[][] }
  | { do: 'heal' }
  | { do: 'byzantine', nodes: string[], faults: Faults }
  | { do: 'publish', app: string, name: string, predicate: string, via: string[] }
  | { do: 'deal', app: string, name: string, custody: string, threshold?: number, via: string[] }
  /**
   * blobs: each request puts a new blob of `sizeBytes` in the policy's storage scope, or reads back one put before (half
   * and half once there are some); a share `deleteShare` of them has the app's owner delete one put before instead.
   */
  | { do: 'load', kind: LoadKind, app: string, policy: string, ratePerSec: number, from: string[], durationMs: number | null, worker: WorkerName, timeoutMs: number, sizeBytes: number, deleteShare: number }
  | { do: 'bond', nodes: string[], bond: bigint }
  | { do: 'misroute', from: string, to: string, app: string, policy: string }
)

export type EventKind = TimelineEvent['do']
export const EVENT_KINDS: readonly EventKind[] = ['join', 'crash', 'restart', 'leave', 'partition', 'heal', 'byzantine', 'publish', 'deal', 'load', 'bond', 'misroute']

export type LoadKind = 'jobs' | 'keys' | 'blobs'
export const LOAD_KINDS: readonly LoadKind[] = ['jobs', 'keys', 'blobs']

export type WorkerName = 'echo' | 'hello'
export const WORKER_NAMES: readonly WorkerName[] = ['echo', 'hello']

export type SimMode = 'memory' | 'process'

/** A validated scenario: every default filled in, every reference resolved. */
export interface Scenario {
  name: string
  description: string
  /** Where it was read from, for the report. */
  file: string
  seed: number
  mode: SimMode
  durationMs: number
  /** Validity of every node's attestation record (it re-publishes at half of it). */
  attestationTtlMs: number
  /** Per-link latency of the memory transport. */
  latencyMs: number
  /** Invariant (b): how long after a membership-changing event every honest node must agree with the ground truth. */
  convergeWithinMs: number
  /** Convergence after events before this time counts as network formation, not steady state. */
  warmupMs: number
  /** How often time series (agreement, connections) are sampled. */
  sampleEveryMs: number
  minConnections: number
  /** The nodes' --max-connections: a node refuses inbound connections beyond it and prunes the least useful. */
  maxConnections: number
  /** The nodes' --high-water and --low-water: above the first, idle connections are trimmed down to the second. */
  highWater: number
  lowWater: number
  groups: NodeGroup[]
  /** Every node, in group order. */
  nodes: NodeRef[]
  apps: AppSpec[]
  timeline: TimelineEvent[]
  /** Nodes that some event restarts: they keep their key and data on disk. */
  restartable: Set<string>
  /**
   * A local chain (anvil) under the network: bonds are locked and asked back
   * in the EscrinBonds contract, and every policy is registered in the
   * EscrinPolicies registry before it is published; the nodes follow both,
   * as `start --chain --bond-contract --policy-registry` does.
   */
  chain: boolean
}
