import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPolicy, policyId as computePolicyId, signedPolicyToJson, signPolicy } from '../../protocol/policy/index.js'
import { ConvergenceTracker } from '../invariants/convergence.js'
import { RecordIntegrityCheck } from '../invariants/record-integrity.js'
import { ScopeLeakDetector } from '../invariants/scope-leaks.js'
import { MemoryCluster } from '../runtime/memory-cluster.js'
import { ProcessCluster } from '../runtime/process-cluster.js'
import { newSimVendor } from '../runtime/sim-evidence.js'
import { SimChain } from '../runtime/sim-chain.js'
import { GroundTruth } from './ground-truth.js'
import { LoadGenerator, type AckedBlob, type LoadDriver } from './load.js'
import { SeededRandom } from './random.js'
import { ResourceMeter } from './resources.js'
import type { Cluster } from '../runtime/cluster.js'
import type { AgentEvent, BlobGetResult, NodeBoot } from '../runtime/protocol.js'
import type { Scenario, SimMode, TimelineEvent } from '../scenario/index.js'
import type { LogEntry, Sample, SimResult } from './result.js'

/** How often convergence is re-evaluated and expiries are noticed. */
const EVALUATE_INTERVAL_MS = 100
/** Peers a new node is told to bootstrap from (chosen among the nodes up). */
const BOOTSTRAP_PEERS = 3
/** Nodes started at once: a start is CPU-heavy (keys, noise handshakes, syncs) and the machine has 2 cores. */
const START_CONCURRENCY = { memory: 4, process: 4 }
/** Nodes sweep expired records once a second: an expiry is noticed up to this late. */
const SWEEP_SLACK_MS = 1_000
/** Requests in flight get this long to finish once the scenario's time is up. */
const DRAIN_TIMEOUT_MS = 30_000
/** Stored blobs read back at the end of a run, at most (spread over the run's puts). */
const MAX_FINAL_BLOB_READS = 200

export type Phase = 'starting' | 'running' | 'draining' | 'stopping' | 'done'

export interface Progress {
  phase: Phase
  elapsedMs: number
  durationMs: number
  nodesUp: number
  nodesTotal: number
  agreeing: number
  checked: number
  jobsOk: number
  jobsFailed: number
  leaks: number
  violations: number
  lastAction: string
}

export interface RunOptions {
  mode?: SimMode
  seed?: number
  logLevel?: NodeBoot['logLevel']
  onProgress?: (progress: Progress) => void
  /** Each violation of an invariant, as it is found. */
  onViolation?: (message: string) => void
  /**
   * Test hook: these nodes skip the vendor signature check on simulated TEE
   * evidence (a misconfigured verifier), so a forged record can get into
   * their peer table; shows that invariant (c) catches it.
   */
  laxNodes?: string[]
}

/**
 * Runs a scenario: starts real nodes (memory or process mode), plays the
 * timeline, drives the load, checks the invariants continuously, and returns
 * everything measured. The caller writes the reports.
 */
export async function runScenario (scenario: Scenario, options: RunOptions = {}): Promise<SimResult> {
  const run = new Simulation(scenario, options)
  return await run.run()
}

class Simulation {
  private readonly mode: SimMode
  private readonly seed: number
  private readonly random: SeededRandom
  private readonly truth: GroundTruth
  private readonly convergence: ConvergenceTracker
  private readonly leaks: ScopeLeakDetector
  private readonly integrity: RecordIntegrityCheck
  private readonly resources: ResourceMeter
  private readonly vendor = newSimVendor()
  private readonly runId = randomBytes(4).toString('hex')
  private readonly cluster: Cluster
  private readonly loads: LoadGenerator[] = []
  private readonly blobChecks: Omit<SimResult['blobs'], 'stored'> = { checked: 0, readable: 0, unavailable: 0, lost: [] }
  private readonly deletionChecks: Omit<SimResult['deletions'], 'deleted'> = { checked: 0, gone: 0, pending: 0, resurrected: [] }
  private readonly samples: Sample[] = []
  private readonly log: LogEntry[] = []
  private readonly simKinds: string[]
  private readonly usesBonds: boolean
  private readonly addrs = new Map<string, string[]>()
  private readonly ports = new Map<string, number>()
  private readonly versions = new Map<string, number>()
  /** The local chain under the network (`chain: true`): bonds and policy registrations are transactions on it. */
  private chain?: SimChain
  private readonly expiriesSeen = new Set<string>()
  /** Events of nodes whose start has not returned yet: judged once the truth knows their peer id. */
  private readonly starting = new Map<string, AgentEvent[]>()
  private readonly nodeChains = new Map<string, Promise<void>>()
  /** The start of the run's first node, which every other start waits for (it needs someone to bootstrap from). */
  private seeding?: Promise<void>
  private sides: string[][] | null = null
  private dataRoot = ''
  private t0 = Date.now()
  private phase: Phase = 'starting'
  private lastAction = ''

  constructor (private readonly scenario: Scenario, private readonly options: RunOptions) {
    this.mode = options.mode ?? scenario.mode
    this.seed = options.seed ?? scenario.seed
    this.random = new SeededRandom(this.seed)
    this.truth = new GroundTruth(scenario.nodes, scenario.groups)
    const report = (message: string): void => { options.onViolation?.(message) }
    this.convergence = new ConvergenceTracker(this.truth, scenario.convergeWithinMs, f => { report(`convergence: ${f.label} not converged after ${scenario.convergeWithinMs / 1000}s: ${f.detail}`) })
    this.leaks = new ScopeLeakDetector(this.truth, scenario.convergeWithinMs, leak => { if (leak.senderHonest) report(`scope leak: ${leak.kind} from ${leak.sender} reached ${leak.receiver}: ${leak.reason}`) })
    this.integrity = new RecordIntegrityCheck(this.truth, v => { report(`record integrity: ${v.holder} accepted ${v.peerId.slice(-8)}: ${v.reason}`) }, () => this.starting.size > 0)
    this.resources = new ResourceMeter(this.mode)
    this.simKinds = [...new Set(scenario.groups.map(g => g.evidence.kind).filter(k => k !== 'dev'))]
    this.usesBonds = scenario.groups.some(g => g.bond > 0n) || scenario.timeline.some(e => e.do === 'bond')
    const listener = (name: string, events: AgentEvent[]): void => { this.onEvents(name, events) }
    this.cluster = this.mode === 'memory'
      ? new MemoryCluster(listener)
      : new ProcessCluster(listener, (name, reason) => { this.onUnexpectedExit(name, reason) }, (options.logLevel ?? 'silent') !== 'silent')
  }

  async run (): Promise<SimResult> {
    this.dataRoot = await mkdtemp(join(tmpdir(), 'escrin-sim-'))
    if (this.scenario.chain) {
      this.chain = await SimChain.start()
      this.note('chain', true, `anvil at ${this.chain.url}: the bond contracts and the policy registry deployed`)
    }
    this.t0 = Date.now()
    this.convergence.steadyAfter(this.t0 + this.scenario.warmupMs)
    const ticker = setInterval(() => { this.tick() }, EVALUATE_INTERVAL_MS)
    const sampler = setInterval(() => { this.sample() }, this.scenario.sampleEveryMs)
    const progress = setInterval(() => { this.reportProgress() }, 500)
    try {
      this.phase = 'running'
      await this.playTimeline()
      await this.sleepUntil(this.scenario.durationMs)
      this.phase = 'draining'
      this.reportProgress()
      await Promise.race([Promise.allSettled(this.loads.map(async l => { await l.drain() })), delay(DRAIN_TIMEOUT_MS)])
      // every open epoch gets its full deadline to converge: the invariant is about eventually agreeing
      // (and a crashed node's record that expires within that time is waited for)
      const deadline = Date.now() + this.scenario.convergeWithinMs
      const pending = (): boolean => this.convergence.openEpochs().some(e => !e.failed) || (this.truth.nextExpiry(Date.now())?.at ?? Infinity) < deadline - 2 * SWEEP_SLACK_MS
      while (Date.now() < deadline && pending()) {
        await delay(EVALUATE_INTERVAL_MS)
        this.tick()
      }
      await this.checkBlobs()
      await this.checkDeletions()
      this.integrity.finish()
      this.tick()
      this.sample()
    } finally {
      clearInterval(ticker)
      clearInterval(sampler)
      this.phase = 'stopping'
      this.reportProgress()
      clearInterval(progress)
      for (const load of this.loads) load.stop()
      await this.cluster.close()
      await this.chain?.stop()
      await rm(this.dataRoot, { recursive: true, force: true }).catch(() => {})
      this.phase = 'done'
    }
    return this.result()
  }

  /**
   * Reads every blob the loads stored once more, at the end, from a live node
   * of its load: each must come back whole. One that does not while a holder
   * that committed it is up is lost (an invariant); one whose committing
   * holders are all down is only unavailable.
   */
  private async checkBlobs (): Promise<void> {
    const byPeer = new Map([...this.truth.nodes.values()].flatMap(n => n.peerId != null ? [[n.peerId, n.name] as const] : []))
    for await (const { blob, reader, result } of this.readBack(this.loads.flatMap(load => load.blobs.map(blob => ({ blob, from: load.event.from }))))) {
      this.blobChecks.checked++
      if (result.ok) {
        this.blobChecks.readable++
      } else if (blob.replicas.some(p => this.cluster.isUp(byPeer.get(p) ?? ''))) {
        this.blobChecks.lost.push({ cid: blob.cid, storedAt: blob.at, reader, code: result.code, message: result.message })
      } else {
        this.blobChecks.unavailable++
      }
    }
  }

  /**
   * Reads every blob the owners deleted once more, at the end, from a live
   * node: none may come back while every storage node was up during its
   * deletion (each copy was asked to go, and a copy made later is refused).
   */
  private async checkDeletions (): Promise<void> {
    for await (const { blob, reader, result } of this.readBack(this.loads.flatMap(load => load.deleted.map(blob => ({ blob, from: load.event.from }))))) {
      this.deletionChecks.checked++
      if (!result.ok) this.deletionChecks.gone++
      else if (blob.everyHolderAsked) this.deletionChecks.resurrected.push({ cid: blob.cid, deletedAt: blob.deletedAt, reader })
      else this.deletionChecks.pending++
    }
  }

  /**
   * The end-of-run read of each blob (every k-th, oldest first, when there are
   * more than MAX_FINAL_BLOB_READS), each from a live node of its load; stops
   * when no node is up to read through.
   */
  private async * readBack<B extends AckedBlob> (blobs: Array<{ blob: B, from: string[] }>): AsyncGenerator<{ blob: B, reader: string, result: BlobGetResult }> {
    const step = Math.max(1, Math.ceil(blobs.length / MAX_FINAL_BLOB_READS))
    for (let i = 0; i < blobs.length; i += step) {
      const { blob, from } = blobs[i]
      const reader = this.liveReader(from)
      if (reader == null) return
      const result = await this.cluster.command(reader, { op: 'get-blob', cid: blob.cid, size: blob.size, seed: blob.seed }).catch((err: Error): BlobGetResult => ({ ok: false, code: 'SIM_ERROR', message: err.message, latencyMs: 0 }))
      yield { blob, reader, result }
    }
  }

  /** A live node of `from` to read through, or any live honest node. */
  private liveReader (from: string[]): string | undefined {
    return this.random.pick(from.filter(n => this.cluster.isUp(n))) ?? this.random.pick([...this.truth.nodes.values()].filter(n => n.honest && this.cluster.isUp(n.name)).map(n => n.name))
  }

  private elapsed (): number {
    return Date.now() - this.t0
  }

  private async sleepUntil (atMs: number): Promise<void> {
    const wait = atMs - this.elapsed()
    if (wait > 0) await delay(wait)
  }

  /**
   * The group joins and the scenario's timeline, in time order. Each action
   * starts at its time whether or not earlier ones have finished (a slow
   * join must not delay a crash); actions on one node run in order.
   */
  private async playTimeline (): Promise<void> {
    const groupJoins: TimelineEvent[] = this.scenario.groups.flatMap(g => g.join == null
      ? []
      : [{ atMs: g.join.atMs, line: -1, do: 'join' as const, nodes: this.scenario.nodes.filter(n => n.group === g.name).map(n => n.name), staggerMs: g.join.staggerMs }])
    const events = [...groupJoins, ...this.scenario.timeline].sort((a, b) => a.atMs - b.atMs || a.line - b.line)
    const running: Array<Promise<void>> = []
    const joins: Array<Promise<void>> = []
    if (groupJoins.length === 0) this.convergence.armFormation()
    for (const event of events) {
      await this.sleepUntil(event.atMs)
      const action = this.perform(event)
      running.push(action)
      if (event.line !== -1) continue
      joins.push(action)
      // formation ends at the first full agreement after every group's own join has finished
      if (joins.length === groupJoins.length) void Promise.all(joins).then(() => { this.convergence.armFormation() })
    }
    // the scenario ends on time: an action still running then (a slow mass join) is cut short
    await Promise.race([Promise.all(running), this.sleepUntil(this.scenario.durationMs)])
  }

  /** Runs `fn` after every earlier action on node `name` has finished. */
  private async onNode<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.nodeChains.get(name) ?? Promise.resolve()
    const next = previous.then(fn, fn)
    this.nodeChains.set(name, next.then(() => {}, () => {}))
    return await next
  }

  private async perform (event: TimelineEvent): Promise<void> {
    const label = describeEvent(event)
    this.lastAction = label
    try {
      const detail = await this.act(event)
      this.note(label, true, detail ?? '')
    } catch (err) {
      this.note(label, false, (err as Error).message)
    }
  }

  private note (action: string, ok: boolean, detail: string): void {
    this.log.push({ t: this.elapsed(), action, ok, detail })
  }

  private async act (event: TimelineEvent): Promise<string | undefined> {
    switch (event.do) {
      case 'join': return await this.startMany(event.nodes, event.staggerMs, false)
      case 'restart': return await this.startMany(event.nodes, 0, true)
      case 'crash':
      case 'leave':
        await Promise.all(event.nodes.map(async name => { await this.takeDown(name, event.do === 'crash') }))
        return undefined
      case 'partition': return await this.partition(event.sides)
      case 'heal': return await this.heal()
      case 'byzantine': return await this.turnByzantine(event.nodes, event.faults)
      case 'publish': return await this.publish(event)
      case 'deal': {
        const via = this.throughNode(event.via)
        const app = this.app(event.app)
        const result = await this.cluster.command(via, { op: 'deal', ownerKey: app.key, app: event.name, custody: event.custody, ...(event.threshold != null ? { threshold: event.threshold } : {}) })
        return `via ${via}: ${result.acked} holders stored, ${result.committed} committed${result.failed.length > 0 ? `; failed: ${result.failed.slice(0, 3).join('; ')}` : ''}`
      }
      case 'load': {
        const load = new LoadGenerator(event, this.loadDriver())
        this.loads.push(load)
        load.start()
        return undefined
      }
      case 'bond': {
        const t = Date.now()
        for (const name of event.nodes) this.truth.setBond(name, event.bond, t)
        await this.broadcastBonds()
        this.convergence.truthChanged(`bond ${event.nodes.length === 1 ? event.nodes[0] : `${event.nodes.length} nodes`}`, 'bond', t)
        return undefined
      }
      case 'misroute': {
        const to = this.truth.node(event.to)
        const policy = this.truth.latest(this.app(event.app).owner, event.policy)
        if (to.peerId == null || policy == null) throw new Error(`${event.to} has not started or the policy is unknown`)
        await this.cluster.command(event.from, { op: 'misroute-job', to: to.peerId, toAddrs: this.addrs.get(event.to) ?? [], policyId: policy.id })
        return `job of ${event.app}/${event.policy} sent from ${event.from} straight to ${event.to}`
      }
    }
  }

  private app (name: string): Scenario['apps'][number] {
    const app = this.scenario.apps.find(a => a.name === name)
    if (app == null) throw new Error(`no app ${name}`)
    return app
  }

  /** The node an app-side action goes through: the first of `via` that is up, else a random honest node that is up. */
  private throughNode (via: string[]): string {
    const up = via.find(n => this.cluster.isUp(n)) ?? this.random.pick(this.upNodes().filter(n => this.truth.node(n).honest))
    if (up == null) throw new Error('no node is up to act through')
    return up
  }

  private upNodes (): string[] {
    return this.scenario.nodes.map(n => n.name).filter(n => this.cluster.isUp(n))
  }

  /**
   * Starts nodes `staggerMs` apart, a few at a time. The very first node of the
   * run starts alone: the others need someone up to bootstrap from.
   */
  private async startMany (names: string[], staggerMs: number, restart: boolean): Promise<string> {
    const todo = names.filter(n => !this.cluster.isUp(n))
    const started = todo.length
    const failures: string[] = []
    const startOne = async (name: string): Promise<void> => {
      try {
        await this.startNode(name, restart)
      } catch (err) {
        failures.push(`${name}: ${(err as Error).message}`)
      }
    }
    if (todo.length > 0 && this.upNodes().length === 0) {
      // concurrent joins (two groups at 0s) must not each start an isolated first node
      if (this.seeding != null) await this.seeding
      else {
        this.seeding = startOne(todo.shift() as string)
        await this.seeding
      }
      if (this.upNodes().length === 0) this.seeding = undefined
    }
    const limit = START_CONCURRENCY[this.mode]
    const running = new Set<Promise<void>>()
    for (const name of todo) {
      while (running.size >= limit) await Promise.race(running)
      if (this.phase !== 'running') break
      const p = startOne(name).finally(() => { running.delete(p) })
      running.add(p)
      if (staggerMs > 0) await delay(staggerMs)
    }
    await Promise.all(running)
    if (failures.length > 0) throw new Error(`${failures.length} of ${names.length} did not start: ${failures.slice(0, 3).join('; ')}`)
    return `${started - failures.length} started`
  }

  private async startNode (name: string, restart: boolean): Promise<void> {
    await this.onNode(name, async () => {
      if (!this.cluster.isUp(name)) await this.startNodeNow(name, restart)
    })
  }

  private async startNodeNow (name: string, restart: boolean): Promise<void> {
    const node = this.truth.node(name)
    const group = this.scenario.groups.find(g => g.name === node.group)
    if (group == null) throw new Error(`no group for ${name}`)
    const candidates = this.upNodes().filter(n => n !== name && (this.addrs.get(n)?.length ?? 0) > 0 && !this.deniedBetween(name, n))
    const bootstrap = this.random.sample(candidates, BOOTSTRAP_PEERS).map(n => (this.addrs.get(n) as string[])[0])
    const boot: NodeBoot = {
      name,
      roles: group.roles,
      evidence: group.evidence,
      vendorSecretHex: Buffer.from(this.vendor.secret).toString('hex'),
      simKinds: this.simKinds,
      laxVerification: this.options.laxNodes?.includes(name) === true,
      dataDir: this.scenario.restartable.has(name) ? join(this.dataRoot, name) : null,
      listen: this.mode === 'memory' ? `/memory/sim-${this.runId}-${name}` : `/ip4/127.0.0.1/tcp/${this.ports.get(name) ?? 0}`,
      bootstrap,
      latencyMs: this.scenario.latencyMs,
      attestationTtlMs: this.scenario.attestationTtlMs,
      minConnections: this.scenario.minConnections,
      maxConnections: this.scenario.maxConnections,
      highWater: this.scenario.highWater,
      lowWater: this.scenario.lowWater,
      bonds: this.bondEntries(),
      ...(this.chain != null ? { chain: this.chain.config() } : {}),
      denied: this.deniedPeersOf(name),
      logLevel: this.options.logLevel ?? 'silent'
    }
    this.convergence.nodeStarting(name)
    this.starting.set(name, [])
    let started
    try {
      started = await this.cluster.start(name, boot)
    } finally {
      const queued = this.starting.get(name) ?? []
      this.starting.delete(name)
      if (started != null) this.truth.nodeStarted(name, started.peerId, started.operator, started.ownExpiresAt, Date.now())
      this.onEvents(name, queued)
      this.integrity.nodeStarted()
    }
    const t = Date.now()
    this.addrs.set(name, started.addrs)
    const port = /\/tcp\/(\d+)/.exec(started.addrs[0] ?? '')?.[1]
    if (port != null) this.ports.set(name, Number(port)) // a restarted daemon comes back on its port
    this.convergence.nodeUp(name, t)
    this.convergence.truthChanged(`${restart ? 'restart' : 'join'} ${name}`, restart ? 'restart' : 'join', t, { kind: 'peer', peerId: started.peerId, node: name })
    if (this.usesBonds) await this.broadcastBonds()
    if (this.sides != null) await this.applyPartition()
  }

  private async takeDown (name: string, crash: boolean): Promise<void> {
    await this.onNode(name, async () => {
      if (!this.cluster.isUp(name)) return
      this.convergence.nodeDown(name)
      if (crash) await this.cluster.crash(name)
      else await this.cluster.leave(name)
      this.truth.nodeDown(name)
    })
  }

  private onUnexpectedExit (name: string, reason: string): void {
    this.convergence.nodeDown(name)
    this.truth.nodeDown(name)
    this.note(`node ${name} died`, false, reason)
  }

  private bondEntries (): Array<[string, bigint]> {
    return [...this.truth.nodes.values()].filter(n => n.operator != null).map(n => [n.operator as string, n.bond])
  }

  private async broadcastBonds (): Promise<void> {
    const bonds = this.bondEntries()
    // on a chain, the operators' transactions change the bonds, and every node follows the contract
    if (this.chain != null) {
      await this.chain.setBonds(bonds)
      return
    }
    await Promise.allSettled(this.upNodes().map(async n => { await this.cluster.command(n, { op: 'bonds', bonds }) }))
  }

  private sideOf (name: string): number {
    return this.sides?.findIndex(s => s.includes(name)) ?? -1
  }

  private deniedBetween (a: string, b: string): boolean {
    return this.sides != null && this.sideOf(a) !== this.sideOf(b)
  }

  private deniedPeersOf (name: string): string[] {
    if (this.sides == null) return []
    return this.scenario.nodes.map(n => n.name).filter(n => this.deniedBetween(name, n)).flatMap(n => this.truth.node(n).peerId ?? [])
  }

  private async applyPartition (): Promise<void> {
    await Promise.allSettled(this.upNodes().map(async n => { await this.cluster.command(n, { op: 'deny', peers: this.deniedPeersOf(n) }) }))
  }

  private async partition (sides: string[][]): Promise<string> {
    this.sides = sides
    this.convergence.partitioned(Date.now())
    await this.applyPartition()
    return sides.map(s => `${s.length}`).join(' | ') + ' nodes'
  }

  private async heal (): Promise<string> {
    this.sides = null
    await this.applyPartition()
    this.convergence.healed(Date.now())
    return 'links restored; nodes reconnect by themselves'
  }

  private async turnByzantine (names: string[], faults: Extract<TimelineEvent, { do: 'byzantine' }>['faults']): Promise<string> {
    // a forger claims the TEE that honest nodes have: the most valuable lie
    const claimGroup = this.scenario.groups.find(g => g.honest && g.evidence.kind !== 'dev') ?? this.scenario.groups.find(g => g.evidence.kind !== 'dev')
    const claim = claimGroup != null ? claimGroup.evidence : null
    for (const name of names) {
      this.truth.markByzantine(name)
      this.convergence.nodeByzantine(name, Date.now())
    }
    const victims = [...this.truth.nodes.values()].filter(n => n.honest && n.peerId != null).map(n => n.peerId as string)
    const results = await Promise.allSettled(names.filter(n => this.cluster.isUp(n)).map(async n => { await this.cluster.command(n, { op: 'faults', faults, claim, victims }) }))
    const failed = results.filter(r => r.status === 'rejected').length
    return `${names.length} node${names.length === 1 ? '' : 's'}: ${Object.keys(faults).join(', ')}${failed > 0 ? ` (${failed} not up)` : ''}`
  }

  private async publish (event: Extract<TimelineEvent, { do: 'publish' }>): Promise<string> {
    const app = this.app(event.app)
    const lineage = `${event.app}/${event.name}`
    const version = (this.versions.get(lineage) ?? 0) + 1
    this.versions.set(lineage, version)
    const policy = createPolicy({ owner: app.owner, name: event.name, version, predicate: event.predicate })
    const signed = await signPolicy(policy, app.key)
    const id = computePolicyId(policy)
    const via = this.throughNode(event.via)
    const t = Date.now()
    // the truth changes when the app publishes; every honest node must catch up from here
    this.truth.addPolicy({ id, app: event.app, owner: app.owner, name: event.name, version, publishedAt: t, predicate: event.predicate }, t)
    this.convergence.truthChanged(`publish ${lineage} v${version}`, 'publish', t, { kind: 'policy', policyId: id })
    try {
      // on a chain, the version is registered first: the nodes honour it only then
      await this.chain?.register(signed)
      await this.cluster.command(via, { op: 'publish-policy', signed: signedPolicyToJson(signed) })
    } catch (err) {
      // never published: the truth must not expect nodes to know it
      this.truth.withdraw(id)
      this.convergence.truthChanged(`publish ${lineage} v${version} failed`, 'publish', Date.now())
      throw err
    }
    return `v${version} ${id.slice(0, 12)}… via ${via}`
  }

  private loadDriver (): LoadDriver {
    return {
      policyId: (app, name) => this.truth.latest(this.app(app).owner, name)?.id,
      upClients: from => from.filter(n => this.cluster.isUp(n)),
      pick: items => this.random.pick(items),
      submitJob: async (client, policyId, event, seq) => await this.cluster.command(client, { op: 'submit-job', policyId, worker: event.worker, input: `job ${seq}`, timeoutMs: event.timeoutMs }),
      releaseKey: async (client, event) => await this.cluster.command(client, { op: 'release-key', owner: this.app(event.app).owner, app: event.policy }),
      putBlob: async (client, policyId, size, seed) => await this.cluster.command(client, { op: 'put-blob', policyId, size, seed }),
      getBlob: async (client, blob) => await this.cluster.command(client, { op: 'get-blob', cid: blob.cid, size: blob.size, seed: blob.seed }),
      // a blob's app is the lineage of the policy it was stored under: the load's policy, of its app's owner
      deleteBlob: async (client, event, blob) => await this.cluster.command(client, { op: 'delete-blob', ownerKey: this.app(event.app).key, app: event.policy, cid: blob.cid }),
      storageAllUp: () => [...this.truth.nodes.values()].every(n => n.peerId == null || !n.roles.includes('storage') || this.cluster.isUp(n.name)),
      chance: () => this.random.next(),
      expectsKey: (client, event) => {
        const policy = this.truth.latest(this.app(event.app).owner, event.policy)
        const peerId = this.truth.node(client).peerId
        return policy != null && peerId != null && this.truth.admits(policy, peerId, Date.now(), 0)
      },
      elapsed: () => this.elapsed()
    }
  }

  private onEvents (name: string, events: AgentEvent[]): void {
    const queue = this.starting.get(name)
    if (queue != null) {
      queue.push(...events)
      return
    }
    for (const event of events) {
      switch (event.type) {
        case 'scope': this.convergence.onScope(name, event.t, event.policyId, event.peerId, event.change); break
        case 'inbound': this.leaks.observe(name, event.t, event.event); break
        case 'records': this.integrity.observe(name, event.t, event.records, event.total); break
        case 'own': this.truth.ownRecord(name, event.expiresAt); break
        case 'identity': this.truth.nodeIdentity(name, event.peerId, event.operator, event.t); break
        case 'stats': this.resources.report(name, event.t, event); break
      }
    }
  }

  /** Notices down nodes' records expiring (a truth change) and re-evaluates convergence. */
  private tick (): void {
    const now = Date.now()
    for (const node of this.truth.nodes.values()) {
      if (node.up || node.peerId == null || node.attestedUntil > now || node.attestedUntil === 0) continue
      const key = `${node.name}@${node.attestedUntil}`
      if (this.expiriesSeen.has(key)) continue
      this.expiriesSeen.add(key)
      this.convergence.truthChanged(`record of ${node.name} expires`, 'expiry', node.attestedUntil, { kind: 'peer', peerId: node.peerId })
    }
    this.convergence.evaluate(now)
  }

  private sample (): void {
    const up = this.upNodes()
    const connections = up.map(n => this.resources.connectionsOf(n)).filter((c): c is number => c != null)
    const { agreeing, checked } = this.convergence.agreement()
    const usage = this.resources.sample(up)
    this.samples.push({
      t: this.elapsed(),
      nodesUp: up.length,
      checked,
      agreeing,
      connections: connections.length === 0 ? { mean: 0, min: 0, max: 0 } : { mean: connections.reduce((a, b) => a + b, 0) / connections.length, min: Math.min(...connections), max: Math.max(...connections) },
      connectionsOpened: this.resources.openedSinceLast(up),
      rssBytes: usage.rssBytes,
      cpuPercent: usage.cpuPercent
    })
  }

  private reportProgress (): void {
    if (this.options.onProgress == null) return
    const requests = this.loads.flatMap(l => l.records).filter(r => r.kind === 'jobs')
    const { agreeing, checked } = this.convergence.agreement()
    this.options.onProgress({
      phase: this.phase,
      elapsedMs: this.elapsed(),
      durationMs: this.scenario.durationMs,
      nodesUp: this.upNodes().length,
      nodesTotal: this.scenario.nodes.length,
      agreeing,
      checked,
      jobsOk: requests.filter(r => r.ok).length,
      jobsFailed: requests.filter(r => !r.ok).length,
      leaks: this.leaks.fromHonest,
      violations: this.leaks.fromHonest + this.convergence.failures.length + this.integrity.count,
      lastAction: this.lastAction
    })
  }

  private result (): SimResult {
    const rel = (t: number): number => t - this.t0
    const upCount = Math.max(1, ...this.samples.map(s => s.nodesUp))
    return {
      scenario: this.scenario,
      mode: this.mode,
      seed: this.seed,
      startedAt: new Date(this.t0).toISOString(),
      durationMs: this.elapsed(),
      epochs: this.convergence.epochs.map(e => ({ ...e, t0: rel(e.t0), ...(e.convergedAt != null ? { convergedAt: rel(e.convergedAt) } : {}) })),
      convergenceFailures: this.convergence.failures.map(f => ({ ...f, t: rel(f.t) })),
      formedAtMs: this.convergence.formedAt != null ? rel(this.convergence.formedAt) : null,
      leaks: { total: this.leaks.total, fromHonest: this.leaks.fromHonest, list: this.leaks.leaks.map(l => ({ ...l, t: rel(l.t) })), arrivals: { ...this.leaks.arrivals } },
      integrity: { violations: this.integrity.count, list: this.integrity.violations.map(v => ({ ...v, t: rel(v.t) })), checks: this.integrity.checks, unlisted: this.integrity.unlisted },
      requests: this.loads.flatMap(l => l.records).sort((a, b) => a.at - b.at),
      blobs: { ...this.blobChecks, stored: this.loads.reduce((n, l) => n + l.blobs.length, 0) },
      deletions: { ...this.deletionChecks, deleted: this.loads.reduce((n, l) => n + l.deleted.length, 0) },
      skippedRequests: this.loads.reduce((s, l) => s + l.skipped, 0),
      samples: this.samples,
      resources: this.resources.perNode(upCount),
      log: this.log,
      nodes: [...this.truth.nodes.values()].map(n => ({ name: n.name, group: n.group, peerId: n.peerId ?? null, honest: n.honest, up: n.up }))
    }
  }
}

export function describeEvent (event: TimelineEvent): string {
  const nodes = (names: string[]): string => names.length <= 3 ? names.join(', ') : `${names.length} nodes (${names[0]}…)`
  switch (event.do) {
    case 'join': case 'crash': case 'restart': case 'leave': return `${event.do} ${nodes(event.nodes)}`
    case 'partition': return `partition into ${event.sides.length} sides`
    case 'heal': return 'heal'
    case 'byzantine': return `byzantine ${nodes(event.nodes)}`
    case 'publish': return `publish ${event.app}/${event.name}`
    case 'deal': return `deal ${event.app}/${event.name} to ${event.custody}`
    case 'load': return `load ${event.kind} ${event.app}/${event.policy} at ${event.ratePerSec}/s`
    case 'bond': return `bond ${nodes(event.nodes)}`
    case 'misroute': return `misroute ${event.from} -> ${event.to}`
  }
}

async function delay (ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms))
}
