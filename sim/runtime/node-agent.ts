import { createCipheriv, createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lpStream } from '@libp2p/utils'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { devEvidence } from '../../node/attestations/index.js'
import { ROLES } from '../../node/constants.js'
import { devnetNodeConfig } from '../../node/devnet/index.js'
import { EscrinNode } from '../../node/escrin-node.js'
import { newJobId } from '../../node/jobs/index.js'
import { createLogger, silentLogger } from '../../node/log/index.js'
import { dealSecret } from '../../node/ssss/index.js'
import { signBlobDeletion } from '../../protocol/blob/index.js'
import { ATTESTATION_TOPIC } from '../../protocol/gossip/index.js'
import { encodeJobRequest, generateX25519Secret, JOB_PROTOCOL, jobInputAad, sealToKey, workerCid, x25519PublicKey } from '../../protocol/job/index.js'
import { signedPolicyFromJson } from '../../protocol/policy/index.js'
import { forgeRecord } from './forged-records.js'
import { SimBondLedger } from './sim-bond-ledger.js'
import { simEvidenceProducer, simVendorFromSecret, simVerifiers } from './sim-evidence.js'
import { WORKERS } from './workers.js'
import type { InboundEvent } from '../../node/observe/index.js'
import type { AgentEvent, Command, CommandResult, NodeBoot, RecordFacts, StartedNode } from './protocol.js'
import type { Faults, ForgeKind } from '../scenario/index.js'

/** How often the agent looks at its own record's expiry (the ground truth's clock for a crashed node's record). */
const OBSERVE_INTERVAL_MS = 250
/** The peer table is compared every this many looks: it is the costlier scan, and its check is not timed. */
const RECORDS_EVERY = 4
/** How often it reports resource use and connections. */
const STATS_INTERVAL_MS = 1_000
/** Stats reports between two reads of the heap. */
const HEAP_EVERY = 10
/** A misrouted job gets this long for an answer (the runner refuses it; the answer is not the point). */
const MISROUTE_TIMEOUT_MS = 5_000

/**
 * Runs one EscrinNode for the simulator, the same node `escrin-node start`
 * runs, and turns it into commands in and events out (see protocol.ts). It
 * reports what the invariants need from inside the node: every scope change,
 * every arrival of a job, share or blob (node.inbound), the peer table, and
 * resource use. Faults are switched on through the node's own fault hooks.
 */
export class NodeAgent {
  node?: EscrinNode
  private boot?: NodeBoot
  private readonly denied = new Set<string>()
  private bonds?: SimBondLedger
  private observeTimer?: ReturnType<typeof setInterval>
  private statsTimer?: ReturnType<typeof setInterval>
  private statsCount = 0
  /** Connections opened (either way) since the node started: with the live count, the network's churn. */
  private connectionsOpened = 0
  private heapUsed = 0
  private forgeTimer?: ReturnType<typeof setInterval>
  private lastRecordsDigest = ''
  /** The attestation table's version when the peer table was last built, and whether a scope changed since. */
  private lastTableVersion = -1
  private scopesChanged = true
  private lastOwnExpiry = 0
  private observations = 0
  private unsubscribe: Array<() => void> = []

  constructor (private readonly emit: (events: AgentEvent[]) => void) {}

  async handle<C extends Command> (command: C): Promise<CommandResult<C>> {
    return await this.dispatch(command) as CommandResult<C>
  }

  private async dispatch (command: Command): Promise<unknown> {
    switch (command.op) {
      case 'start': return await this.start(command.boot)
      case 'stop': return await this.stop(command.abrupt)
      case 'publish-policy': return { id: (await this.running().policies.publish(signedPolicyFromJson(command.signed))).id }
      case 'submit-job': return await this.submitJob(command)
      case 'release-key': return await this.releaseKey(command.owner, command.app)
      case 'deal': return await this.deal(command)
      case 'deny': return await this.deny(command.peers)
      case 'dial': return await this.dial(command.addrs)
      case 'faults': return this.setFaults(command.faults, command.claim, command.victims)
      case 'bonds':
        this.bonds?.set(command.bonds)
        return undefined
      case 'misroute-job': return await this.misrouteJob(command.to, command.toAddrs, command.policyId)
      case 'put-blob': return await this.putBlob(command)
      case 'get-blob': return await this.getBlob(command)
      case 'delete-blob': return await this.deleteBlob(command)
    }
  }

  private running (): EscrinNode {
    if (this.node == null || !this.node.isRunning) throw new Error(`node ${this.boot?.name ?? '?'} is not running`)
    return this.node
  }

  private async start (boot: NodeBoot): Promise<StartedNode> {
    if (this.node?.isRunning === true) throw new Error(`node ${boot.name} is already running`)
    this.boot = boot
    this.denied.clear()
    for (const peer of boot.denied) this.denied.add(peer)
    // on a chain the node follows the bond contract itself; otherwise the simulator tells it the bonds
    this.bonds = boot.chain == null ? new SimBondLedger(boot.bonds) : undefined
    const vendor = simVendorFromSecret(boot.vendorSecretHex)
    const logger = boot.logLevel === 'silent' ? silentLogger() : createLogger(boot.name, { level: boot.logLevel })
    const config = devnetNodeConfig(boot.dataDir ?? join(tmpdir(), 'escrin-sim-ephemeral'), boot.bootstrap, {
      api: null,
      listen: [multiaddr(boot.listen)],
      roles: boot.roles,
      minConnections: boot.minConnections,
      maxConnections: boot.maxConnections,
      highWater: boot.highWater,
      lowWater: boot.lowWater,
      logLevel: boot.logLevel === 'silent' ? 'error' : boot.logLevel,
      ...(boot.chain != null ? { chain: boot.chain } : {})
    })
    const node = await EscrinNode.create(config, {
      logger,
      ephemeral: boot.dataDir == null,
      verifiers: simVerifiers(boot.simKinds, vendor.publicKey, boot.laxVerification),
      evidence: boot.evidence.kind === 'dev' ? devEvidence : simEvidenceProducer(boot.evidence.kind, boot.evidence.measurement, vendor.secret),
      attestationTtlMs: boot.attestationTtlMs,
      // one workerd process per runner: a simulated network has many runners on one machine
      sandbox: { processes: 1 },
      ...(this.bonds != null ? { bonds: this.bonds } : {}),
      denyPeer: peer => this.denied.has(peer.toString()),
      memoryLatencyMs: boot.latencyMs
    })
    this.node = node
    // listeners go in before start: a scope change or an arrival during start-up counts too
    const onInbound = (event: InboundEvent): void => { this.emit([{ type: 'inbound', t: Date.now(), event }]) }
    node.inbound.on('inbound', onInbound)
    this.unsubscribe.push(() => { node.inbound.off('inbound', onInbound) })
    this.unsubscribe.push(node.attestations.scopes.onChange(change => {
      this.scopesChanged = true
      this.emit([{ type: 'scope', t: Date.now(), policyId: change.policyId, peerId: change.peerId, change: change.change }])
    }))
    this.lastOwnExpiry = 0
    this.emit([{ type: 'identity', t: Date.now(), peerId: node.peerId.toString(), operator: node.operator }])
    this.connectionsOpened = 0
    const onConnectionOpen = (): void => { this.connectionsOpened++ }
    node.host.addEventListener('connection:open', onConnectionOpen)
    this.unsubscribe.push(() => { node.host.removeEventListener('connection:open', onConnectionOpen) })
    // the record goes out during start; the simulator must know of it even if start then fails or times out
    const duringStart = setInterval(() => { this.reportOwnRecord(node) }, OBSERVE_INTERVAL_MS)
    try {
      await node.start()
    } finally {
      clearInterval(duringStart)
    }
    this.lastRecordsDigest = ''
    this.lastTableVersion = -1
    this.observe()
    this.observeTimer = setInterval(() => { this.observe() }, OBSERVE_INTERVAL_MS)
    this.statsTimer = setInterval(() => { this.reportStats() }, STATS_INTERVAL_MS)
    const self = node.peerId.toString()
    return { peerId: self, operator: node.operator, addrs: node.host.getMultiaddrs().map(String), ownExpiresAt: node.attestations.recordOf(self)?.expiresAtMs ?? 0 }
  }

  /** Stops the node; `abrupt` drops every connection without a goodbye first (a crash, as peers see it). */
  async stop (abrupt: boolean): Promise<void> {
    clearInterval(this.observeTimer)
    clearInterval(this.statsTimer)
    clearInterval(this.forgeTimer)
    this.observeTimer = this.statsTimer = this.forgeTimer = undefined
    for (const off of this.unsubscribe.splice(0)) off()
    const node = this.node
    if (node == null || !node.isRunning) return
    if (abrupt) {
      for (const connection of node.host.getConnections()) connection.abort(new Error('simulated crash'))
    }
    await node.stop()
    // the node may have re-published its record while stopping: its last expiry is what peers hold
    this.reportOwnRecord(node)
  }

  private reportOwnRecord (node: EscrinNode): void {
    const expiry = node.attestations.recordOf(node.peerId.toString())?.expiresAtMs ?? 0
    if (expiry === this.lastOwnExpiry) return
    this.lastOwnExpiry = expiry
    this.emit([{ type: 'own', t: Date.now(), expiresAt: expiry }])
  }

  /** Cuts this node off from `peers` (and reconnects nothing: the node finds its way back itself after a heal). */
  private async deny (peers: string[]): Promise<void> {
    this.denied.clear()
    for (const peer of peers) this.denied.add(peer)
    const node = this.node
    if (node?.isRunning !== true) return
    await Promise.allSettled(node.host.getPeers().filter(p => this.denied.has(p.toString())).map(async p => { await node.host.hangUp(p) }))
  }

  private async dial (addrs: string[]): Promise<void> {
    const node = this.running()
    await Promise.allSettled(addrs.map(async a => await node.host.dial(multiaddr(a), { signal: AbortSignal.timeout(5_000) })))
  }

  private async submitJob (command: Extract<Command, { op: 'submit-job' }>): Promise<CommandResult<typeof command>> {
    return await timedRequest(async () => {
      const outcome = await this.running().jobs.submit({ policyId: command.policyId, code: WORKERS[command.worker], input: new TextEncoder().encode(command.input), timeoutMs: command.timeoutMs })
      return { runner: outcome.runner }
    })
  }

  private async releaseKey (owner: string, app: string): Promise<CommandResult<{ op: 'release-key', owner: string, app: string }>> {
    return await timedRequest(async () => {
      await this.running().keyRelease.appKey(owner, app)
      return {}
    })
  }

  private async putBlob (command: Extract<Command, { op: 'put-blob' }>): Promise<CommandResult<typeof command>> {
    return await timedRequest(async () => {
      const bytes = blobBytes(command.seed, command.size)
      const put = await this.running().blobs.put((async function * () { yield bytes })(), { policyId: command.policyId, size: command.size })
      return { cid: put.cid, replicas: put.replicas }
    })
  }

  /** Reads a blob back whole and compares every byte with what was put (the node verified each chunk against the CID already). */
  private async getBlob (command: Extract<Command, { op: 'get-blob' }>): Promise<CommandResult<typeof command>> {
    return await timedRequest(async () => {
      const reader = await this.running().blobs.get(command.cid)
      const expected = blobBytes(command.seed, command.size)
      let offset = 0
      let same = reader.size === command.size
      for await (const piece of reader.chunks) {
        if (same && (offset + piece.length > expected.length || !Buffer.from(piece).equals(expected.subarray(offset, offset + piece.length)))) same = false
        offset += piece.length
      }
      if (!same || offset !== command.size) throw new WrongBytesError(`read ${offset} bytes that are not the ${command.size} put`)
      return {}
    })
  }

  /** The app owner's deletion of one blob, signed here and relayed by this node to the holders it finds. */
  private async deleteBlob (command: Extract<Command, { op: 'delete-blob' }>): Promise<CommandResult<typeof command>> {
    return await timedRequest(async () => {
      const deletion = await signBlobDeletion({ app: command.app, cids: [command.cid] }, command.ownerKey)
      const result = await this.running().blobs.delete(deletion)
      return { removed: result.removed[command.cid]?.length ?? 0 }
    })
  }

  private async deal (command: Extract<Command, { op: 'deal' }>): Promise<{ acked: number, committed: number, failed: string[] }> {
    const node = this.running()
    const result = await dealSecret({ host: node.host, attestations: node.attestations, policies: node.policies, ...(node.holder != null ? { holder: node.holder } : {}) }, {
      ownerKey: command.ownerKey,
      app: command.app,
      custody: command.custody,
      ...(command.threshold != null ? { threshold: command.threshold } : {})
    })
    return { acked: result.acked.length, committed: result.committed.length, failed: result.failed.map(f => `${f.holder.slice(-8)}: ${f.error}`) }
  }

  private setFaults (faults: Faults, claim: { kind: string, measurement: string } | null, victims: string[]): void {
    const node = this.running()
    if (faults.runner != null && node.runner != null) Object.assign(node.runner.faults, faults.runner)
    if (faults.holder != null && node.holder != null) Object.assign(node.holder.faults, faults.holder)
    if (faults.storage != null && node.storage != null) Object.assign(node.storage.faults, faults.storage)
    clearInterval(this.forgeTimer)
    this.forgeTimer = undefined
    const forge = faults.forge
    if (forge == null || forge.kinds.length === 0) return
    let turn = 0
    this.forgeTimer = setInterval(() => {
      const kind: ForgeKind = forge.kinds[turn++ % forge.kinds.length]
      void this.publishForgery(kind, claim ?? { kind: 'dev', measurement: '' }, victims)
    }, Math.max(10, 1000 / forge.ratePerSec))
  }

  private async publishForgery (kind: ForgeKind, claim: { kind: string, measurement: string }, victims: string[]): Promise<void> {
    const node = this.node
    if (node?.isRunning !== true) return
    try {
      const forged = await forgeRecord(kind, { claim, victims, ownSealed: node.attestations.ownRecord, ttlMs: this.boot?.attestationTtlMs ?? 30_000 })
      if (forged != null) await node.gossip.publish(ATTESTATION_TOPIC, forged)
    } catch {
      // nobody to publish to (the honest nodes hung up on the forger): that is the defence working
    }
  }

  /**
   * A job sent straight to `to`, skipping the client's scope check: what a
   * buggy or malicious client does. The runner reports the arrival before
   * refusing it, so the leak detector must count it when `to` is out of scope.
   */
  private async misrouteJob (to: string, toAddrs: string[], policyId: string): Promise<void> {
    const node = this.running()
    const peer = peerIdFromString(to)
    const code = WORKERS.echo
    const cid = workerCid(code)
    const jobId = newJobId()
    const x25519 = node.attestations.recordOf(to)?.enclaveX25519 ?? x25519PublicKey(generateX25519Secret())
    const { box } = sealToKey(x25519, new TextEncoder().encode('misrouted'), jobInputAad(jobId, policyId, cid.bytes))
    const request = encodeJobRequest({ jobId, policyId, workerCid: cid.bytes, inlineCode: code, input: box, timeoutMs: MISROUTE_TIMEOUT_MS })
    const signal = AbortSignal.timeout(MISROUTE_TIMEOUT_MS)
    if (node.host.getPeers().every(p => !p.equals(peer))) {
      for (const addr of toAddrs) {
        try {
          await node.host.dial(multiaddr(addr), { signal })
          break
        } catch {}
      }
    }
    const stream = await node.host.dialProtocol(peer, JOB_PROTOCOL, { signal })
    const lp = lpStream(stream)
    try {
      await lp.write(request, { signal })
      await lp.read({ signal })
      await stream.close({ signal })
    } catch (err) {
      stream.abort(err as Error)
    }
  }

  /** Reports the own record's expiry and the peer table when they changed. */
  observe (): void {
    const node = this.node
    if (node?.isRunning !== true) return
    const attestations = node.attestations
    const now = Date.now()
    const self = node.peerId.toString()
    const ownExpiry = attestations.recordOf(self)?.expiresAtMs ?? 0
    const events: AgentEvent[] = []
    if (ownExpiry !== this.lastOwnExpiry) {
      this.lastOwnExpiry = ownExpiry
      events.push({ type: 'own', t: now, expiresAt: ownExpiry })
    }
    // building the table costs more than everything else the agent does in a
    // settled node (a 100-node profile: a few percent of the node's CPU), and
    // it can only change with the attestation table or a scope
    const tableDue = this.observations++ % RECORDS_EVERY === 0 &&
      (attestations.tableVersion !== this.lastTableVersion || this.scopesChanged)
    if (tableDue) {
      this.lastTableVersion = attestations.tableVersion
      this.scopesChanged = false
      const records = peerTable(node)
      const digest = records.map(r => `${r.peerId}/${r.kind}/${r.measurement}/${r.roles.join(',')}/${r.operator}`).join(';') + `#${attestations.size}`
      if (digest !== this.lastRecordsDigest) {
        this.lastRecordsDigest = digest
        events.push({ type: 'records', t: now, records, total: attestations.size })
      }
    }
    if (events.length > 0) this.emit(events)
  }

  /**
   * Every second in every node, so it must cost next to nothing: in a
   * 60-node profile, libp2p's getPeers() (which parses every connection's
   * peer id again) and a full memoryUsage() (heap statistics) made this the
   * largest escrin-side item of an idle node. The heap is read every tenth time.
   */
  private reportStats (): void {
    const node = this.node
    if (node?.isRunning !== true) return
    if (this.statsCount++ % HEAP_EVERY === 0) this.heapUsed = process.memoryUsage().heapUsed
    const cpu = process.cpuUsage()
    const connections = node.host.getConnections()
    const peers = new Set(connections.map(c => c.remotePeer.toString())).size
    this.emit([{ type: 'stats', t: Date.now(), connections: connections.length, opened: this.connectionsOpened, peers, rss: process.memoryUsage.rss(), heapUsed: this.heapUsed, cpuUs: cpu.user + cpu.system, pid: process.pid, uptimeMs: Math.round(process.uptime() * 1000) }])
  }
}

/**
 * The node's peer table, as far as its public surface lists it: every peer
 * with a role, and every member of a known scope. A record with no role and
 * in no scope is not listed; `total` (the table's size) still counts it, so
 * the integrity check notices it exists.
 */
function peerTable (node: EscrinNode): RecordFacts[] {
  const attestations = node.attestations
  const ids = new Set<string>()
  for (const role of ROLES) for (const id of attestations.peersWithRole(role)) ids.add(id)
  for (const policyId of attestations.scopes.policyIds()) for (const id of attestations.scopes.members(policyId)) ids.add(id)
  const out: RecordFacts[] = []
  for (const peerId of [...ids].sort()) {
    const facts = attestations.factsOf(peerId)
    if (facts == null) continue
    out.push({ peerId, kind: facts.tee.kind, measurement: facts.tee.measurement, roles: [...facts.roles], operator: facts.operator })
  }
  return out
}

/** A blob's bytes from its seed: a ChaCha20 keystream under sha256(seed), so every agent makes the same ones. */
function blobBytes (seed: string, size: number): Buffer {
  const key = createHash('sha256').update(seed).digest()
  return createCipheriv('chacha20', key, Buffer.alloc(16)).update(Buffer.alloc(size))
}

/** A blob read back whole that is not the one put: the load counts it under WRONG_BYTES. */
class WrongBytesError extends Error {
  readonly code = 'WRONG_BYTES'
}

/** A client request as a load records it: timed from its start, and whatever it throws a failure under the error's code. */
async function timedRequest<T extends object> (work: () => Promise<T>): Promise<({ ok: true, latencyMs: number } & T) | { ok: false, code: string, message: string, latencyMs: number }> {
  const started = Date.now()
  try {
    const value = await work()
    return { ok: true, ...value, latencyMs: Date.now() - started }
  } catch (err) {
    return { ok: false, code: errorCode(err), message: (err as Error).message, latencyMs: Date.now() - started }
  }
}

function errorCode (err: unknown): string {
  const code = (err as { code?: unknown })?.code
  return typeof code === 'string' ? code : (err as Error)?.name ?? 'ERROR'
}
