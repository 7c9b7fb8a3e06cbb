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

/**
 * Invariant (c): no honest node accepted a record that fails verification.
 * Every record in an honest node's peer table must be one the simulator made:
 * a peer id it started, with the TEE kind, measurement, roles and operator it
 * gave that node. A forged record that got past verification shows up as an
 * unknown peer id (a fabricated identity) or as facts that differ from the
 * truth (stolen identity, claimed measurement).
 */
export class RecordIntegrityCheck {
  readonly violations: IntegrityViolation[] = []
  count = 0
  /** Peer-table entries that the node's public surface could not list (no role, no scope): counted, not judged. */
  unlisted = 0
  checks = 0
  private readonly seen = new Set<string>()

  constructor (private readonly truth: GroundTruth, private readonly onViolation: (v: IntegrityViolation) => void = () => {}) {}

  observe (holder: string, t: number, records: RecordFacts[], total: number): void {
    const holderNode = this.truth.nodes.get(holder)
    if (holderNode == null || !holderNode.honest) return
    this.checks++
    this.unlisted = Math.max(this.unlisted, total - records.length)
    for (const record of records) {
      const problem = this.problemWith(record)
      if (problem == null) continue
      const key = `${holder}/${record.peerId}/${problem}`
      if (this.seen.has(key)) continue
      this.seen.add(key)
      this.count++
      const violation = { t, holder, peerId: record.peerId, reason: problem }
      if (this.violations.length < MAX_KEPT) this.violations.push(violation)
      this.onViolation(violation)
    }
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
