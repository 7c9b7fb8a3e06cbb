import type { GroundTruth } from '../engine/ground-truth.js'
import type { RecordFacts } from '../runtime/protocol.js'

export interface IntegrityViolation {
  t: number
  /** The honest node whose peer table holds the record. */
  holder: string
  peerId: string
  reason: string
}

const MAX_KEPT = 200

/** A record as one holder reported it, at time t. */
interface Held { holder: string, t: number, record: RecordFacts }
/** Records of unknown peer ids held while nodes start (see below); past this the oldest is judged at once. */
const MAX_DEFERRED = 10_000

/**
 * Invariant (c): no honest node accepted a record that fails verification.
 * Every record in an honest node's peer table must be one the simulator made:
 * a peer id it started, with the TEE kind, measurement, roles and operator it
 * gave that node. A forged record that got past verification shows up as an
 * unknown peer id (a fabricated identity) or as facts that differ from the
 * truth (stolen identity, claimed measurement).
 *
 * The simulator learns a node's peer id when the node's start returns, but
 * the node gossips its record while starting: on a saturated machine its
 * peers have held that record for tens of seconds by then. So while any node
 * is starting (`starting()`), a record of an unknown peer id is set aside and
 * judged when a start completes (`nodeStarted`) or the run ends (`finish`);
 * a fabricated identity is still caught, only later.
 */
export class RecordIntegrityCheck {
  readonly violations: IntegrityViolation[] = []
  count = 0
  /** Peer-table entries that the node's public surface could not list (no role, no scope): counted, not judged. */
  unlisted = 0
  checks = 0
  private readonly seen = new Set<string>()
  /** Records of peer ids unknown while nodes were starting, by holder/peer id. */
  private readonly deferred = new Map<string, Held>()

  constructor (
    private readonly truth: GroundTruth,
    private readonly onViolation: (v: IntegrityViolation) => void = () => {},
    private readonly starting: () => boolean = () => false
  ) {}

  observe (holder: string, t: number, records: RecordFacts[], total: number): void {
    const holderNode = this.truth.nodes.get(holder)
    if (holderNode == null || !holderNode.honest) return
    this.checks++
    this.unlisted = Math.max(this.unlisted, total - records.length)
    const nodesStarting = this.starting()
    for (const record of records) this.consider({ holder, t, record }, nodesStarting)
  }

  /** A node's start returned (its peer id is now known): judges the records set aside. */
  nodeStarted (): void {
    this.review(this.starting())
  }

  /** The run is over: whatever is still unknown was never started. */
  finish (): void {
    this.review(false)
  }

  /** Judges the records set aside; those still unknown are set aside again while `nodesStarting`. */
  private review (nodesStarting: boolean): void {
    const deferred = [...this.deferred.values()]
    this.deferred.clear()
    for (const held of deferred) this.consider(held, nodesStarting)
  }

  /** Judges a record now, or sets it aside if its peer id is unknown while nodes are starting. */
  private consider (held: Held, nodesStarting: boolean): void {
    if (nodesStarting && this.truth.nameOf(held.record.peerId) == null) this.defer(held)
    else this.judge(held)
  }

  private defer (held: Held): void {
    const key = `${held.holder}/${held.record.peerId}`
    if (this.deferred.has(key)) return
    if (this.deferred.size >= MAX_DEFERRED) {
      const [oldestKey, oldest] = this.deferred.entries().next().value as [string, Held]
      this.deferred.delete(oldestKey)
      this.judge(oldest)
    }
    this.deferred.set(key, held)
  }

  private judge ({ holder, t, record }: Held): void {
    const problem = this.problemWith(record)
    if (problem == null) return
    const key = `${holder}/${record.peerId}/${problem}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.count++
    const violation = { t, holder, peerId: record.peerId, reason: problem }
    if (this.violations.length < MAX_KEPT) this.violations.push(violation)
    this.onViolation(violation)
  }

  private problemWith (record: RecordFacts): string | undefined {
    const name = this.truth.nameOf(record.peerId)
    if (name == null) return 'a peer id the simulator never started (fabricated identity)'
    const node = this.truth.node(name)
    const mismatches: string[] = []
    if (record.kind !== node.evidence.kind) mismatches.push(`tee.kind ${record.kind} (true: ${node.evidence.kind})`)
    if (record.measurement !== node.evidence.measurement) mismatches.push(`measurement ${record.measurement.slice(0, 16) || '(none)'} (true: ${node.evidence.measurement.slice(0, 16) || '(none)'})`)
    if ([...record.roles].sort().join(',') !== [...node.roles].sort().join(',')) mismatches.push(`roles ${record.roles.join(',')} (true: ${node.roles.join(',')})`)
    if (node.operator != null && record.operator !== node.operator) mismatches.push('operator')
    return mismatches.length > 0 ? `facts of ${name} differ from the truth: ${mismatches.join('; ')}` : undefined
  }

  get ok (): boolean {
    return this.count === 0
  }
}
