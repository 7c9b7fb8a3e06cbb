import type { GroundTruth } from '../engine/ground-truth.js'
import type { InboundEvent } from '../../node/observe/index.js'

export interface Leak {
  t: number
  kind: InboundEvent['kind']
  receiver: string
  /** The sending node's name, or its peer id when the simulator did not make it. */
  sender: string
  senderHonest: boolean
  /** Policy id, or owner/name for shares. */
  policy: string
  reason: string
}

/** Leaks kept in full for the report; beyond this only counted. */
const MAX_LEAKS_KEPT = 200

/**
 * Invariant (a): nothing an app entrusted to its scope reached a peer outside
 * it. Every arrival a node reports (node.inbound: a job at a runner, a share
 * dealt to a holder, a share released to a runner, a blob at a storage node)
 * is judged against the ground truth: the policy evaluated over the
 * receiver's true facts. Counted at the receivers, so it holds whatever path
 * the data took. Only leaks sent by honest nodes break the invariant; a
 * byzantine sender can misroute what it holds, and those are reported apart.
 */
export class ScopeLeakDetector {
  readonly arrivals: Record<InboundEvent['kind'], number> = { job: 0, blob: 0, 'share-deal': 0, 'share-release': 0 }
  readonly leaks: Leak[] = []
  total = 0
  fromHonest = 0

  constructor (private readonly truth: GroundTruth, private readonly graceMs: number, private readonly onLeak: (leak: Leak) => void = () => {}) {}

  observe (receiver: string, t: number, event: InboundEvent): void {
    this.arrivals[event.kind]++
    const receiverNode = this.truth.nodes.get(receiver)
    const receiverPeer = receiverNode?.peerId
    if (receiverPeer == null) return
    const senderName = this.truth.nameOf(event.from)
    const senderHonest = senderName != null && this.truth.node(senderName).honest
    let policyLabel: string
    let inScope: boolean
    let reason = ''
    if (event.kind === 'job' || event.kind === 'blob') {
      policyLabel = event.policyId
      const policy = this.truth.policies.get(event.policyId)
      inScope = policy != null && this.truth.admits(policy, receiverPeer, t, this.graceMs)
      if (policy == null) reason = 'no such policy was published'
      else if (!inScope) reason = `${receiver} is outside the scope of ${policy.app}/${policy.name} v${policy.version}`
    } else {
      policyLabel = `${event.owner}/${event.name}`
      const versions = this.truth.lineageAt(event.owner, event.name, t, this.graceMs)
      inScope = versions.some(p => this.truth.admits(p, receiverPeer, t, this.graceMs))
      if (versions.length === 0) reason = `no policy "${event.name}" of ${event.owner} was in force`
      else if (!inScope) reason = `${receiver} is outside the scope of ${versions[0].app}/${event.name}`
    }
    if (inScope) return
    this.total++
    if (senderHonest) this.fromHonest++
    const leak: Leak = { t, kind: event.kind, receiver, sender: senderName ?? event.from, senderHonest, policy: policyLabel, reason }
    if (this.leaks.length < MAX_LEAKS_KEPT) this.leaks.push(leak)
    this.onLeak(leak)
  }

  get ok (): boolean {
    return this.fromHonest === 0
  }
}
