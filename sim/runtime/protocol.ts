import type { ChainConfig } from '../../node/config/index.js'
import type { InboundEvent } from '../../node/observe/index.js'
import type { Role } from '../../node/constants.js'
import type { SignedPolicyJson } from '../../protocol/policy/index.js'
import type { Faults, WorkerName } from '../scenario/index.js'

/**
 * The control protocol between the simulator and one node agent. In memory
 * mode the agent is an object in this process and the messages are plain
 * calls; in process mode they cross the IPC channel of a forked process
 * (advanced serialization, so bigint and Uint8Array pass as they are). One
 * protocol for both modes keeps the modes from drifting apart.
 */

/** Everything a node needs to start, as plain data. */
export interface NodeBoot {
  name: string
  roles: Role[]
  evidence: { kind: string, measurement: string }
  /** The simulated vendor's key: signs this node's TEE evidence (see sim-evidence). */
  vendorSecretHex: string
  /** Kinds verified with the vendor key on every node of the run. */
  simKinds: string[]
  /** Skip the vendor signature check (a misconfigured node; used to show invariant (c) can fail). */
  laxVerification: boolean
  /** null: in-memory key and datastore; otherwise the node's data dir (key and data survive a restart). */
  dataDir: string | null
  listen: string
  bootstrap: string[]
  latencyMs: number
  attestationTtlMs: number
  minConnections: number
  maxConnections: number
  highWater: number
  lowWater: number
  bonds: Array<[operator: string, wei: bigint]>
  /** With a chain under the network: the node follows its bond contract and policy registry (and `bonds` is not used). */
  chain?: ChainConfig
  /** Peers this node may not connect to (a partition in force when it starts). */
  denied: string[]
  logLevel: 'error' | 'warn' | 'info' | 'debug' | 'silent'
}

export interface StartedNode {
  peerId: string
  operator: string
  addrs: string[]
  ownExpiresAt: number
}

export type JobResult = { ok: true, runner: string, latencyMs: number } | { ok: false, code: string, message: string, latencyMs: number }
export type KeyResult = { ok: true, latencyMs: number } | { ok: false, code: string, message: string, latencyMs: number }
export type BlobPutResult = { ok: true, cid: string, replicas: string[], latencyMs: number } | { ok: false, code: string, message: string, latencyMs: number }
/** A blob read back: ok only when every byte is the one put (the agent regenerates them from the seed). */
export type BlobGetResult = KeyResult
/** The owner's deletion of one blob, relayed by the node: how many holders said they removed it. */
export type BlobDeleteResult = { ok: true, removed: number, latencyMs: number } | { ok: false, code: string, message: string, latencyMs: number }

export type Command =
  | { op: 'start', boot: NodeBoot }
  | { op: 'stop', abrupt: boolean }
  | { op: 'publish-policy', signed: SignedPolicyJson }
  | { op: 'submit-job', policyId: string, worker: WorkerName, input: string, timeoutMs: number }
  | { op: 'release-key', owner: string, app: string }
  | { op: 'deal', ownerKey: `0x${string}`, app: string, custody: string, threshold?: number }
  | { op: 'deny', peers: string[] }
  | { op: 'dial', addrs: string[] }
  | { op: 'faults', faults: Faults, claim: { kind: string, measurement: string } | null, victims: string[] }
  | { op: 'bonds', bonds: Array<[operator: string, wei: bigint]> }
  | { op: 'misroute-job', to: string, toAddrs: string[], policyId: string }
  /** The blob's bytes come from `seed` on the agent's side, so a blob never crosses the control channel. */
  | { op: 'put-blob', policyId: string, size: number, seed: string }
  | { op: 'get-blob', cid: string, size: number, seed: string }
  | { op: 'delete-blob', ownerKey: `0x${string}`, app: string, cid: string }

export type CommandResult<C extends Command> =
  C extends { op: 'start' } ? StartedNode
    : C extends { op: 'publish-policy' } ? { id: string }
      : C extends { op: 'submit-job' } ? JobResult
        : C extends { op: 'release-key' } ? KeyResult
          : C extends { op: 'deal' } ? { acked: number, committed: number, failed: string[] }
            : C extends { op: 'put-blob' } ? BlobPutResult
              : C extends { op: 'get-blob' } ? BlobGetResult
                : C extends { op: 'delete-blob' } ? BlobDeleteResult
                  : undefined

/** What a node's peer table holds about one peer: the facts the invariants compare with the truth. */
export interface RecordFacts {
  peerId: string
  kind: string
  measurement: string
  roles: string[]
  operator: string
}

export type AgentEvent =
  | { type: 'scope', t: number, policyId: string, peerId: string, change: 'joined' | 'left' }
  | { type: 'inbound', t: number, event: InboundEvent }
  /** The whole peer table, sent when it changed. `unlisted` counts entries the agent could not enumerate. */
  | { type: 'records', t: number, records: RecordFacts[], total: number }
  | { type: 'own', t: number, expiresAt: number }
  /** The node's identity, as soon as it exists: a node whose start then fails or times out may already have published a record. */
  | { type: 'identity', t: number, peerId: string, operator: string }
  /** Resource use of the process the node runs in (its own in process mode), since that process started. */
  | { type: 'stats', t: number, connections: number, opened: number, peers: number, rss: number, heapUsed: number, cpuUs: number, pid: number, uptimeMs: number }

/** Parent -> child and child -> parent envelopes of process mode. */
export type ToChild = { id: number, command: Command }
export type ToParent =
  | { id: number, ok: true, value: unknown }
  | { id: number, ok: false, error: { name: string, message: string, code?: string } }
  | { events: AgentEvent[] }
