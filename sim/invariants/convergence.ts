import type { GroundTruth, TruePolicy } from '../engine/ground-truth.js'

/** A membership-changing event, and how long the honest nodes took to agree with the truth after it. */
export interface Epoch {
  label: string
  kind: string
  t0: number
  /** During network formation (before every node of the initial join first agreed): not steady state. */
  formation: boolean
  /** When every honest node agreed with the truth again; undefined while open (or never). */
  convergedAt?: number
  /** Set once the deadline passed without agreement. */
  failed: boolean
}

export interface ConvergenceFailure {
  t: number
  label: string
  /** Which honest nodes disagreed, and how. */
  detail: string
}

interface NodeState {
  checked: boolean
  agrees: boolean
  /** Since when it agrees (the time of the change, to its view or to the truth, that made it agree). */
  since: number
}

type Scopes = Map<string, { policy: TruePolicy, required: Set<string>, allowed: Set<string> }>

/**
 * Invariant (b): every honest node converges to the scope membership the
 * ground truth says, for every current policy, within a deadline after each
 * membership-changing event. Each node's view is mirrored from its scope
 * change events (timestamped where they happen), so convergence times are as
 * precise as the events, not as coarse as a poll. A node agrees when, for
 * every policy, its scope holds every attested honest member and nobody the
 * policy does not admit (attested byzantine members may be missing: honest
 * nodes are entitled to ban them).
 *
 * While a partition is in force, disagreement is expected (records expire on
 * the far side); deadlines count from the heal.
 */
export class ConvergenceTracker {
  readonly epochs: Epoch[] = []
  readonly failures: ConvergenceFailure[] = []
  private readonly views = new Map<string, Map<string, Set<string>>>()
  private readonly states = new Map<string, NodeState>()
  /** The truth's scopes of the current policies, until the truth changes. */
  private scopes: Scopes | undefined
  private partitionedSince: number | undefined
  private healedAt = 0
  /** Set when the initial formation completed (first moment all checked nodes agreed after the first join). */
  formedAt: number | undefined
  private formationPending = true
  /** Formation can end only once every node of the groups' own joins has been started. */
  private formationArmed = false

  constructor (private readonly truth: GroundTruth, private readonly convergeWithinMs: number, private readonly onFailure: (f: ConvergenceFailure) => void = () => {}) {}

  /** Called before a node starts: its view starts empty (a restarted node rebuilds it from its events). */
  nodeStarting (name: string): void {
    this.views.set(name, new Map())
    this.states.set(name, { checked: false, agrees: false, since: 0 })
  }

  nodeUp (name: string, t: number): void {
    const state = this.states.get(name)
    if (state == null) return
    state.checked = this.truth.node(name).honest
    this.scopes = undefined
    this.evaluateNode(name, t)
  }

  nodeDown (name: string): void {
    const state = this.states.get(name)
    if (state != null) state.checked = false
    this.scopes = undefined
  }

  /** A node turned byzantine: no longer held to agreement, and no longer required in scopes. */
  nodeByzantine (name: string, t: number): void {
    this.nodeDown(name)
    this.reevaluateAll(t)
  }

  /** Each scope change is judged as it happens, at the time the node made it. */
  onScope (name: string, t: number, policyId: string, peerId: string, change: 'joined' | 'left'): void {
    const view = this.views.get(name)
    if (view == null) return
    let members = view.get(policyId)
    if (members == null) {
      members = new Set()
      view.set(policyId, members)
    }
    if (change === 'joined') members.add(peerId)
    else members.delete(peerId)
    this.evaluateNode(name, t)
  }

  /** The truth changed at `t` (a join, an expiry, a policy, a bond, a heal): a new epoch opens. */
  truthChanged (label: string, kind: string, t: number): void {
    this.epochs.push({ label, kind, t0: t, formation: this.formationPending, failed: false })
    this.reevaluateAll(t)
  }

  /** Every node judged again against the truth as it is now. */
  private reevaluateAll (t: number): void {
    this.scopes = undefined
    for (const name of this.states.keys()) this.evaluateNode(name, t)
  }

  /** Every node that joins by its group's schedule has started: the next full agreement ends the formation. */
  armFormation (): void {
    this.formationArmed = true
  }

  partitioned (t: number): void {
    this.partitionedSince ??= t
  }

  healed (t: number): void {
    this.partitionedSince = undefined
    this.healedAt = t
    this.truthChanged('heal', 'heal', t)
  }

  private currentScopes (): Scopes {
    if (this.scopes == null) {
      const now = Date.now()
      this.scopes = new Map()
      for (const policy of this.truth.current()) this.scopes.set(policy.id, { policy, ...this.truth.scopeAt(policy, now) })
    }
    return this.scopes
  }

  private evaluateNode (name: string, t: number): void {
    const state = this.states.get(name)
    if (state == null) return
    const agrees = this.disagreement(name, this.currentScopes()) == null
    if (agrees && !state.agrees) state.since = t
    state.agrees = agrees
    if (agrees && state.checked) this.closeIfAllAgree()
  }

  /** When every checked node agrees, the open epochs close at the latest of their agreement times. */
  private closeIfAllAgree (): void {
    let at = 0
    let checked = 0
    for (const state of this.states.values()) {
      if (!state.checked) continue
      if (!state.agrees) return
      checked++
      at = Math.max(at, state.since)
    }
    if (checked === 0) return
    if (this.formationPending && this.formationArmed) {
      this.formationPending = false
      this.formedAt = at
    }
    for (const epoch of this.epochs) {
      if (epoch.convergedAt == null) epoch.convergedAt = Math.max(at, epoch.t0)
    }
  }

  /** Closes epochs on agreement and fails the overdue ones (called periodically). */
  evaluate (now: number): void {
    this.closeIfAllAgree()
    if (this.partitionedSince != null) return
    for (const epoch of this.epochs) {
      if (epoch.convergedAt != null || epoch.failed) continue
      if (now - Math.max(epoch.t0, this.healedAt) <= this.convergeWithinMs) continue
      epoch.failed = true
      const failure = { t: now, label: epoch.label, detail: this.describeDisagreement(this.currentScopes()) }
      this.failures.push(failure)
      this.onFailure(failure)
    }
  }

  /** Fraction of the checked (honest, up) nodes that agree with the truth now, and how many are checked. */
  agreement (): { agreeing: number, checked: number } {
    const checked = [...this.states.values()].filter(s => s.checked)
    return { agreeing: checked.filter(s => s.agrees).length, checked: checked.length }
  }

  openEpochs (): Epoch[] {
    return this.epochs.filter(e => e.convergedAt == null)
  }

  private disagreement (name: string, scopes: Scopes): string | undefined {
    const view = this.views.get(name) ?? new Map<string, Set<string>>()
    for (const { policy, required, allowed } of scopes.values()) {
      const members = view.get(policy.id) ?? new Set<string>()
      let missing = 0
      for (const peer of required) if (!members.has(peer)) missing++
      let extra = 0
      for (const peer of members) if (!allowed.has(peer)) extra++
      if (missing > 0 || extra > 0) return `${policy.app}/${policy.name} v${policy.version}: ${missing} missing, ${extra} not admitted`
    }
    return undefined
  }

  private describeDisagreement (scopes: Scopes): string {
    const out: string[] = []
    let count = 0
    for (const [name, state] of this.states) {
      if (!state.checked) continue
      const problem = this.disagreement(name, scopes)
      if (problem == null) continue
      count++
      if (out.length < 5) out.push(`${name} (${problem})`)
    }
    return `${count} honest node${count === 1 ? '' : 's'} disagree: ${out.join('; ')}${count > out.length ? '; …' : ''}`
  }

  get ok (): boolean {
    return this.failures.length === 0
  }
}
