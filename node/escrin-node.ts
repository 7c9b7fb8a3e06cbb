import { join } from 'node:path'
import { LevelDatastore } from 'datastore-level'
import { Level } from 'level'
import { MemoryDatastore } from 'datastore-core'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { Registry } from 'prom-client'
import { ApiServer, type Route } from './api/index.js'
import { tuneV8Heap } from './runtime/index.js'
import { AttestationService, generateEnclaveKeys, loadOrCreateEnclaveKeys, type EnclaveKeys, type EvidenceProducer, type OwnAttestationStatus } from './attestations/index.js'
import type { AntiEntropyInit } from './sync/index.js'
import { defaultVerifiers, devVerifier, nitroVerifier, type EvidenceVerifier } from '../protocol/attestation/index.js'
import { commandEvidence, readRootCertificate } from './attestations/nitro-evidence.js'
import { privateKeyToAddress } from 'viem/accounts'
import { BondLedgerError, ChainBondLedger, FileBondLedger, NO_BONDS, type BondLedger, type BondSource } from './bonds/index.js'
import { VERSION } from './constants.js'
import { ConnectionTrimmer, PeerFinder, type PeerFinderInit } from './discovery/index.js'
import { StartupError } from './errors.js'
import { GossipService } from './gossip/index.js'
import { HelloService } from './hello/index.js'
import { ConnectionLiveness, createHost, type ConnectionLivenessInit, type Host } from './host/index.js'
import { loadOrCreateIdentity } from './identity/index.js'
import { createLogger, type Logger } from './log/index.js'
import { createNodeMetrics, type NodeMetrics } from './metrics/index.js'
import { gossipAppScore, PeerAction, PeerScores } from './peer-score/index.js'
import { InboundObserver } from './observe/index.js'
import { ChainPolicyRegistry, PolicyRegistryError, PolicyService, type PolicyRegistry, type PolicyRegistrySource } from './policies/index.js'
import { DEFAULT_RUNNER_CAPACITY, JobClient, jobRoutes, RunnerService } from './jobs/index.js'
import { MAX_INLINE_CODE_BYTES } from '../protocol/job/index.js'
import { WorkerSandbox, type SandboxLimits } from './runner/sandbox/index.js'
import { HolderService, KeyRelease, secretRoutes } from './ssss/index.js'
import { BlobClient, BlobRepair, blobRoutes, DEFAULT_REPAIR_INTERVAL_MS, DEFAULT_REPLICATION, StorageService, type StorageLimits } from './storage/index.js'
import { keepsPrivateAddresses, type NodeConfig } from './config/index.js'
import type { PeerId, PrivateKey } from '@libp2p/interface'
import type { Datastore } from 'interface-datastore'

export interface EscrinNodeOptions {
  logger?: Logger
  /**
   * Keep nothing on disk: an in-memory key and datastore. For the in-process
   * simulator and benchmarks; `start` and `devnet` always persist.
   */
  ephemeral?: boolean
  /** Keep loopback/private addresses in the DHT (devnets, tests). Default: --private-addresses (see keepsPrivateAddresses). */
  allowPrivateAddresses?: boolean
  /** Evidence verifiers by kind (default dev and nitro); tests and the simulator add kinds. */
  verifiers?: Map<string, EvidenceVerifier>
  /** Produces this node's evidence; default `dev` evidence for --attestation dev. */
  evidence?: EvidenceProducer
  /** Validity of this node's attestation record (default 10 minutes). */
  attestationTtlMs?: number
  /** The runner's sandbox: workerd processes and per-job limits. */
  sandbox?: { processes?: number, limits?: Partial<SandboxLimits> }
  /** Jobs a runner runs at once (attested as its capacity). */
  runnerCapacity?: number
  /** Where bonds come from; default the ledger file (--bond-ledger, or DATA_DIR/bonds.json; none when ephemeral). */
  bonds?: BondLedger
  /**
   * Refuse connections to and from these peers, on top of the peer score's
   * bans: how the simulator cuts links to model a network partition.
   */
  denyPeer?: (peerId: PeerId) => boolean
  /** Latency added to every buffer over the in-memory transport (/memory/ listen addresses; the simulator's memory mode). */
  memoryLatencyMs?: number
  /** The storage role: limits and quotas, replicas per blob (r), how often holders check replicas, and how long a new blob settles first (tests shorten it). */
  storage?: { limits?: Partial<StorageLimits>, replication?: number, repairIntervalMs?: number, repairSettleMs?: number }
  /** Anti-entropy rounds of record sync (default: first after 5 s, then doubling up to 60 s); tests of other paths push them out. */
  antiEntropy?: AntiEntropyInit
  /** How old a connection must be before the trimmer may close it (default CONNECTION_GRACE_MS); tests shorten it. */
  connectionGraceMs?: number
  /** How often connections are pinged, and the shortest timeout (defaults CONNECTION_PING_*); tests shorten them. */
  liveness?: ConnectionLivenessInit
  /** The peer finder's walk intervals (defaults DISCOVERY_*_INTERVAL_MS); tests shorten them. */
  discovery?: Pick<PeerFinderInit, 'fastIntervalMs' | 'shortIntervalMs' | 'slowIntervalMs' | 'idleIntervalMs'>
}

export interface NodeStatus {
  peerId: string
  version: string
  network: string
  roles: string[]
  addrs: string[]
  connections: number
  connectedPeers: number
  knownPeers: number
  dhtMode: 'client' | 'server'
  uptimeSeconds: number
  /** How far peers' clocks are ahead of this node's, the median of their Hellos (ms; null until 3 peers said Hello). */
  clockSkewMs: number | null
  /** This node's operator (the address its records name). */
  operator: string
  /** Where bonds come from (a ledger file, a chain and the block followed) and the operator's bond (wei). */
  bonds: BondSource & { operatorBond: string }
  /** The chain's policy registry this node follows (--policy-registry), and how far. */
  policyRegistry?: PolicyRegistrySource
  /** This node's own attestation record, as peers verify it (absent before the node has published one). */
  attestation?: OwnAttestationStatus
}

export interface PeerView {
  peerId: string
  addrs: string[]
  connected: boolean
  roles: string[]
  version?: string
  /** How far the peer's clock was ahead of ours at its last Hello (ms; negative: behind). */
  clockSkewMs?: number
  protocols: string[]
  score: number
  /** The peer's verified attestation facts, when it has a valid record. */
  attestation?: { roles: string[], tee: unknown, operator: string, bond: string, expiresAt: string }
}

/**
 * One escrin node: the libp2p host, the escrin services wired to it, and the
 * HTTP API. The CLI's `start`, the devnet, the simulator and the tests all run
 * nodes through this class, so they run the same code.
 */
export class EscrinNode {
  readonly config: NodeConfig
  readonly host: Host
  readonly logger: Logger
  readonly metrics: NodeMetrics
  readonly scores: PeerScores
  readonly hello: HelloService
  readonly finder: PeerFinder
  readonly trimmer: ConnectionTrimmer
  readonly liveness: ConnectionLiveness
  readonly gossip: GossipService
  readonly policies: PolicyService
  readonly attestations: AttestationService
  readonly bonds: BondLedger
  /** The chain's policy registry, when policies must be registered to be honoured (--policy-registry). */
  readonly policyRegistry?: PolicyRegistry
  readonly jobs: JobClient
  /** The runner role, when the node serves it. */
  readonly runner?: RunnerService
  /** The SSSS role (key custody), when the node serves it. */
  readonly holder?: HolderService
  /** Key release for the workers this node runs. */
  readonly keyRelease: KeyRelease
  /** The storage role (blobs held for apps), when the node serves it. */
  readonly storage?: StorageService
  /** Replica upkeep for the blobs this node holds. */
  readonly repair?: BlobRepair
  /** Blob puts and gets for apps (any node; through this node's API). */
  readonly blobs: BlobClient
  /** The Ethereum address of this node's operator (signs its attestation statement). */
  readonly operator: `0x${string}`
  /** Jobs, shares and blobs as they arrive at this node (for the simulator's scope invariant). */
  readonly inbound = new InboundObserver()
  readonly api?: ApiServer
  private readonly datastore: Datastore & { close?: () => Promise<void> }
  private startedAt = 0
  private running = false

  private constructor (config: NodeConfig, host: Host, datastore: Datastore, scores: PeerScores, logger: Logger, metrics: NodeMetrics, privateKey: PrivateKey, keys: EnclaveKeys, options: EscrinNodeOptions) {
    this.config = config
    this.host = host
    this.datastore = datastore
    this.scores = scores
    this.logger = logger
    this.metrics = metrics
    this.operator = privateKeyToAddress(keys.operatorKey).toLowerCase() as `0x${string}`
    this.bonds = options.bonds ?? (config.chain?.bondContract != null
      ? new ChainBondLedger({ url: config.chain.url, contract: config.chain.bondContract, confirmations: config.chain.confirmations, logger: logger.child('bonds') })
      : options.ephemeral === true && config.bondLedger == null
        ? NO_BONDS
        : new FileBondLedger(config.bondLedger ?? join(config.dataDir, 'bonds.json'), logger.child('bonds')))
    this.hello = new HelloService({
      host,
      logger,
      metrics,
      rateLimits: config.rateLimits,
      penalise: (peer, action, reason) => { this.penalise(peer, action, reason) }
    }, { network: config.network, roles: config.roles })
    this.gossip = new GossipService({
      host,
      logger,
      metrics,
      penalise: (peer, action, reason) => { this.penalise(peer, action, reason) }
    })
    this.policyRegistry = config.chain?.policyRegistry != null
      ? new ChainPolicyRegistry({ url: config.chain.url, contract: config.chain.policyRegistry, confirmations: config.chain.confirmations, logger: logger.child('policy-registry') })
      : undefined
    this.policies = new PolicyService({
      gossip: this.gossip,
      ...(this.policyRegistry != null ? { registry: this.policyRegistry } : {}),
      dht: host.services.dht,
      host,
      datastore,
      logger,
      metrics,
      rateLimits: config.rateLimits,
      penalise: (peer, action, reason) => { this.penalise(peer, action, reason) },
      ...(options.antiEntropy != null ? { antiEntropy: options.antiEntropy } : {})
    })
    const runnerCapacity = options.runnerCapacity ?? config.runner.capacity ?? DEFAULT_RUNNER_CAPACITY
    this.attestations = new AttestationService({ host, privateKey, keys, gossip: this.gossip, policies: this.policies, bonds: this.bonds, logger, metrics, rateLimits: config.rateLimits, penalise: (peer, action, reason) => { this.penalise(peer, action, reason) } }, {
      roles: config.roles,
      capacity: runnerCapacity,
      ...(options.verifiers != null ? { verifiers: options.verifiers } : {}),
      ...(options.evidence != null ? { evidence: options.evidence } : {}),
      ...(options.attestationTtlMs != null ? { ttlMs: options.attestationTtlMs } : {}),
      ...(options.antiEntropy != null ? { antiEntropy: options.antiEntropy } : {})
    })
    this.jobs = new JobClient({ host, attestations: this.attestations, policies: this.policies, logger, metrics, penalise: (peer, action, reason) => { this.penalise(peer, action, reason) } })
    const penalise = (peer: PeerId, action: PeerAction, reason: string): void => { this.penalise(peer, action, reason) }
    if (config.roles.includes('ssss')) {
      this.holder = new HolderService({ host, keys, attestations: this.attestations, policies: this.policies, datastore, penalise, logger, metrics, rateLimits: config.rateLimits, inbound: this.inbound })
    }
    this.keyRelease = new KeyRelease({ host, keys, attestations: this.attestations, penalise, logger, metrics, inbound: this.inbound, ...(this.holder != null ? { local: this.holder } : {}) })
    if (config.roles.includes('storage')) {
      this.storage = new StorageService({ host, attestations: this.attestations, policies: this.policies, datastore, penalise, logger, metrics, rateLimits: config.rateLimits, inbound: this.inbound, ...(options.ephemeral === true ? {} : { blobDir: join(config.dataDir, 'blobs') }) }, { ...config.storageLimits, ...options.storage?.limits })
    }
    this.blobs = new BlobClient({ host, attestations: this.attestations, policies: this.policies, penalise, logger, ...(this.storage != null ? { local: this.storage } : {}) })
    if (this.storage != null) {
      this.repair = new BlobRepair({ host, attestations: this.attestations, storage: this.storage, client: this.blobs, logger }, {
        replication: options.storage?.replication ?? DEFAULT_REPLICATION,
        intervalMs: options.storage?.repairIntervalMs ?? DEFAULT_REPAIR_INTERVAL_MS,
        ...(options.storage?.repairSettleMs != null ? { settleMs: options.storage.repairSettleMs } : {})
      })
    }
    if (config.roles.includes('runner')) {
      this.runner = new RunnerService({
        fetchCode: async (cid, policyId) => await this.blobs.getBytes(cid, MAX_INLINE_CODE_BYTES, { policyId }),
        keyRelease: this.keyRelease,
        host,
        keys,
        attestations: this.attestations,
        policies: this.policies,
        sandbox: new WorkerSandbox({ logger: logger.child('sandbox'), ...sandboxSettings(config.runner, options.sandbox) }),
        datastore,
        logger,
        metrics,
        rateLimits: config.rateLimits,
        inbound: this.inbound,
        penalise: (peer, action, reason) => { this.penalise(peer, action, reason) }
      }, { capacity: runnerCapacity })
    }
    this.finder = new PeerFinder({ host, logger, metrics }, {
      bootstrap: config.bootstrap,
      minConnections: config.minConnections,
      // the finder dials no further than the trimmer would trim back to
      maxConnections: Math.min(config.maxConnections, config.lowWater),
      ...options.discovery
    })
    this.liveness = new ConnectionLiveness({ host, logger, metrics }, options.liveness)
    this.trimmer = new ConnectionTrimmer({ host, logger, metrics }, {
      lowWater: config.lowWater,
      highWater: config.highWater,
      ...(options.connectionGraceMs != null ? { gracePeriodMs: options.connectionGraceMs } : {})
    })
    if (config.api != null) {
      this.api = new ApiServer({ logger, metrics }, config.api)
      for (const route of this.routes()) this.api.route(route)
    }
  }

  /** Creates a node (key and datastore opened, nothing listening yet). */
  static async create (config: NodeConfig, options: EscrinNodeOptions = {}): Promise<EscrinNode> {
    // before the node allocates its buffers: a heap that collects once per 6 MB received is the alternative (node/runtime/v8-heap)
    tuneV8Heap()
    options = await withNitroSetup(config, options)
    let privateKey: PrivateKey
    let keys: EnclaveKeys
    let datastore: Datastore & { close?: () => Promise<void> }
    if (options.ephemeral === true) {
      privateKey = await generateKeyPair('Ed25519')
      keys = generateEnclaveKeys()
      datastore = new MemoryDatastore()
    } else {
      privateKey = (await loadOrCreateIdentity(config.dataDir)).key
      keys = await loadOrCreateEnclaveKeys(config.dataDir)
      // Opened here rather than by LevelDatastore, whose error drops the cause
      // that tells a held lock (another node on this dir) from a broken store.
      const db = new Level<string, Uint8Array>(join(config.dataDir, 'datastore'), { keyEncoding: 'utf8', valueEncoding: 'view' })
      const level = new LevelDatastore(db)
      try {
        await db.open()
        await level.open()
      } catch (err) {
        // LevelDB reports a held LOCK file deep in the cause chain
        const chain = causeChain(err as Error)
        const held = chain.some(e => /lock/i.test(e.message) || (e as { code?: string }).code === 'LEVEL_LOCKED')
        throw new StartupError(`cannot open the datastore in ${config.dataDir}: ${held ? 'another node is using this data dir' : chain.at(-1)?.message}`)
      }
      datastore = level
    }
    const scores = new PeerScores()
    const allowPrivate = options.allowPrivateAddresses ?? keepsPrivateAddresses(config)
    // one registry per node: libp2p's metrics and ours, never the process-global one
    const registry = new Registry()
    let host: Host
    try {
      host = await createHost({
        privateKey,
        listen: config.listen,
        maxConnections: config.maxConnections,
        datastore,
        registry,
        allowPrivateAddresses: allowPrivate,
        isDenied: peer => scores.isBanned(peer.toString()) || options.denyPeer?.(peer) === true,
        ...(options.memoryLatencyMs != null ? { memoryLatencyMs: options.memoryLatencyMs } : {}),
        appScore: peer => gossipAppScore(scores.score(peer))
      })
    } catch (err) {
      await datastore.close?.()
      throw err
    }
    // sources of gauges computed when scraped (the Hello service's clock, the storage role): the node's, once it exists
    let node: EscrinNode | undefined
    const metrics = createNodeMetrics({
      knownPeers: async () => (await host.peerStore.all()).length,
      connectedPeers: () => host.getPeers().length,
      clockSkewSeconds: () => { const ms = node?.hello.clockSkew()?.medianMs; return ms == null ? undefined : ms / 1000 },
      storage: () => node?.storage?.gauges(),
      bondsBlock: () => { const source = node?.bonds.describe(); return source?.source === 'chain' && source.block != null ? BigInt(source.block) : undefined },
      policyRegistry: () => {
        const source = node?.policyRegistry?.describe()
        return source == null || node == null ? undefined : { block: source.block != null ? BigInt(source.block) : undefined, waiting: node.policies.waiting().length }
      }
    }, registry)
    const logger = (options.logger ?? createLogger('escrin', { level: config.logLevel, format: config.logFormat }))
    node = new EscrinNode(config, host, datastore, scores, logger.child('node', { peer: host.peerId.toString().slice(-8) }), metrics, privateKey, keys, options)
    return node
  }

  get peerId (): PeerId {
    return this.host.peerId
  }

  get isRunning (): boolean {
    return this.running
  }

  async start (): Promise<void> {
    if (this.running) return
    try {
      await this.bonds.start()
    } catch (err) {
      await this.closeQuietly()
      if (err instanceof BondLedgerError) throw new StartupError(`bond ledger: ${err.message}`)
      throw err
    }
    try {
      await this.policyRegistry?.start()
    } catch (err) {
      await this.closeQuietly()
      if (err instanceof PolicyRegistryError) throw new StartupError(`policy registry: ${err.message}`)
      throw err
    }
    try {
      await this.attestations.prepareEvidence()
    } catch (err) {
      await this.closeQuietly()
      throw new StartupError(`cannot attest this node: ${(err as Error).message}`)
    }
    // Escrin protocol handlers go in before the host listens: a peer that
    // connects in between would otherwise be told the protocol is unsupported.
    await this.hello.start()
    await this.attestations.register()
    await this.policies.register()
    await this.runner?.register()
    await this.holder?.register()
    await this.storage?.register()
    try {
      await this.host.start()
    } catch (err) {
      await this.closeQuietly()
      throw new StartupError(describeListenError(err as NodeJS.ErrnoException, this.config))
    }
    // the DHT must answer queries on loopback, where automatic server mode never triggers
    await this.host.services.dht.setMode('server')
    try {
      await this.api?.start()
    } catch (err) {
      await this.closeQuietly()
      throw err
    }
    this.gossip.start()
    await this.policies.start()
    await this.runner?.start()
    await this.storage?.start()
    await this.attestations.start()
    this.repair?.start()
    this.finder.start()
    this.trimmer.start()
    this.liveness.start()
    this.startedAt = Date.now()
    this.running = true
    this.logger.info('node started', { peerId: this.peerId, addrs: this.host.getMultiaddrs().map(String), api: this.api?.address })
  }

  /** Stops everything; safe to call twice. */
  async stop (): Promise<void> {
    if (!this.running) return
    this.running = false
    this.liveness.stop()
    this.trimmer.stop()
    this.finder.stop()
    this.repair?.stop()
    await this.storage?.stop()
    await this.runner?.stop()
    this.keyRelease.close()
    await this.holder?.unregister()
    this.attestations.stop()
    await this.attestations.unregister()
    this.policies.stop()
    await this.policies.unregister()
    this.gossip.stop()
    await this.hello.stop()
    await this.bonds.stop()
    await this.policyRegistry?.stop()
    await this.api?.stop()
    await this.host.stop()
    await this.datastore.close?.()
    this.logger.info('node stopped')
  }

  async status (): Promise<NodeStatus> {
    const attestation = this.attestations.ownStatus()
    return {
      peerId: this.peerId.toString(),
      version: VERSION,
      network: this.config.network,
      roles: this.config.roles,
      addrs: this.host.getMultiaddrs().map(String),
      connections: this.host.getConnections().length,
      connectedPeers: this.host.getPeers().length,
      knownPeers: (await this.host.peerStore.all()).length,
      dhtMode: this.host.services.dht.getMode(),
      uptimeSeconds: this.running ? Math.floor((Date.now() - this.startedAt) / 1000) : 0,
      clockSkewMs: this.hello.clockSkew()?.medianMs ?? null,
      operator: this.operator,
      bonds: { ...this.bonds.describe(), operatorBond: this.bonds.bondOf(this.operator).toString() },
      ...(this.policyRegistry != null ? { policyRegistry: this.policyRegistry.describe() } : {}),
      ...(attestation != null ? { attestation } : {})
    }
  }

  /**
   * Every peer this node knows, with what it said in Hello: those in libp2p's
   * peer store, and those it knows only by a verified record (gossip relays
   * records of peers this node never met, so a peer can be attested before it
   * is dialled).
   */
  async peers (): Promise<PeerView[]> {
    const connected = new Set(this.host.getPeers().map(String))
    const self = this.peerId.toString()
    const known = new Map<string, { addrs: string[], protocols: string[] }>()
    for (const peer of await this.host.peerStore.all()) {
      known.set(peer.id.toString(), { addrs: peer.addresses.map(a => a.multiaddr.toString()), protocols: peer.protocols })
    }
    for (const id of this.attestations.attestedPeers()) if (!known.has(id)) known.set(id, { addrs: [], protocols: [] })
    known.delete(self)
    return [...known].map(([id, { addrs, protocols }]) => {
      const hello = this.hello.helloOf(id)
      return {
        peerId: id,
        addrs,
        connected: connected.has(id),
        roles: hello?.roles ?? [],
        version: hello?.version,
        ...(hello != null ? { clockSkewMs: hello.skewMs } : {}),
        protocols,
        score: this.scores.score(id),
        ...this.attestationView(id)
      }
    }).sort((a, b) => a.peerId.localeCompare(b.peerId))
  }

  private attestationView (peerId: string): Pick<PeerView, 'attestation'> {
    const facts = this.attestations.factsOf(peerId)
    const record = this.attestations.recordOf(peerId)
    if (facts == null || record == null) return {}
    return { attestation: { roles: facts.roles, tee: facts.tee, operator: facts.operator, bond: facts.bond.toString(), expiresAt: new Date(record.expiresAtMs).toISOString() } }
  }

  /** Applies a score action and disconnects or bans when the score says so. */
  penalise (peer: PeerId, action: PeerAction, reason: string): void {
    const verdict = this.scores.apply(peer.toString(), action)
    this.metrics.peerActions.inc({ action })
    this.logger.warn('peer penalised', { peer, action, reason, score: this.scores.score(peer.toString()), verdict })
    if (verdict === 'ok') return
    if (verdict === 'ban') this.metrics.peerBans.inc()
    void this.host.hangUp(peer).catch(err => { this.logger.debug('hang up failed', { peer, err }) })
  }

  private routes (): Route[] {
    return [
      { method: 'GET', path: '/v1/status', handler: async () => await this.status() },
      { method: 'GET', path: '/v1/peers', handler: async () => ({ peers: await this.peers() }) },
      ...this.policies.routes(),
      ...this.attestations.routes(),
      ...jobRoutes(this.jobs, this.runner),
      ...blobRoutes(this.blobs, this.storage, this.repair),
      ...secretRoutes(this.host, this.holder, () => this.attestations.peersWithRole('ssss'), (peer, action, reason) => { this.penalise(peer, action, reason) }),
      {
        method: 'GET',
        path: '/metrics',
        handler: async () => ({ text: await this.metrics.registry.metrics(), contentType: this.metrics.registry.contentType })
      }
    ]
  }

  private async closeQuietly (): Promise<void> {
    await this.bonds.stop().catch(() => {})
    await this.policyRegistry?.stop().catch(() => {})
    await this.hello.stop().catch(() => {})
    await this.api?.stop().catch(() => {})
    await Promise.resolve(this.host.stop()).catch(() => {})
    await Promise.resolve(this.datastore.close?.()).catch(() => {})
  }
}

function causeChain (err: Error): Error[] {
  const chain: Error[] = []
  for (let e: unknown = err; e instanceof Error && chain.length < 10; e = (e as { cause?: unknown }).cause) chain.push(e)
  return chain
}

function describeListenError (err: NodeJS.ErrnoException, config: NodeConfig): string {
  const text = `${err.code ?? ''} ${err.message}`
  if (/EADDRINUSE/.test(text)) return `cannot listen on ${config.listen.map(String).join(', ')}: address already in use`
  if (/EADDRNOTAVAIL/.test(text)) return `cannot listen on ${config.listen.map(String).join(', ')}: address not available on this machine`
  if (/EACCES/.test(text)) return `cannot listen on ${config.listen.map(String).join(', ')}: permission denied (ports below 1024 need privileges)`
  return `cannot start libp2p: ${err.message}`
}

/**
 * What --nitro-root and --attestation nitro add to a node: verifiers that trust
 * the given root instead of AWS's, and (unless the caller brings its own
 * producer) evidence from the enclave's helper command, checked with the same
 * verifier peers use.
 */
async function withNitroSetup (config: NodeConfig, options: EscrinNodeOptions): Promise<EscrinNodeOptions> {
  let verifiers = options.verifiers
  if (config.nitroRoot != null && verifiers == null) {
    verifiers = new Map([['dev', devVerifier], ['nitro', nitroVerifier({ rootCertificate: await readRootCertificate(config.nitroRoot, '--nitro-root') })]])
  }
  const withVerifiers = verifiers != null ? { ...options, verifiers } : options
  if (config.attestation !== 'nitro' || options.evidence != null) return withVerifiers
  if (config.nitroEvidence == null) {
    throw new StartupError('--attestation nitro needs --nitro-evidence CMD, the enclave\'s helper that prints this node\'s attestation document; outside an enclave, use --attestation dev')
  }
  const verify = (verifiers ?? defaultVerifiers()).get('nitro')
  if (verify == null) throw new StartupError('--attestation nitro: this node has no verifier for nitro evidence to check its own with')
  return { ...withVerifiers, evidence: commandEvidence({ command: config.nitroEvidence, verify }) }
}

/** The runner's sandbox from --runner-limit, with what code asked for (tests, the simulator) over it. */
function sandboxSettings (runner: NodeConfig['runner'], asked: EscrinNodeOptions['sandbox']): { processes?: number, limits?: Partial<SandboxLimits> } {
  const processes = asked?.processes ?? runner.processes
  const limits: Partial<SandboxLimits> = {
    ...(runner.memoryBytes != null ? { memoryBytes: runner.memoryBytes } : {}),
    ...(runner.cpuTimeMs != null ? { cpuTimeMs: runner.cpuTimeMs } : {}),
    ...asked?.limits
  }
  return { ...(processes != null ? { processes } : {}), limits }
}
