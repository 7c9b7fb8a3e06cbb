import type { GroundTruth, TruePolicy } from '../engine/ground-truth.js'

/**
 * What an event changed, and so what nodes must agree on for it to have
 * converged: one peer's membership (a join, a restart, an expiry; a joining
 * node must also learn everyone else), one policy's scope (a publication), or
 * everything (a bond change, a heal).
 */
export type Focus =
  | { kind: 'all' }
  | {
    kind: 'peer'
    peerId: string
    /** The node that joined: it must also list every member that was attested when it joined (later joiners are their own events). */
    node?: string
    /** Filled in when the epoch opens: the peers attested then. */
    attested?: Set<string>
  }
  | { kind: 'policy', policyId: string }

/** A membership-changing event, and how long the honest nodes took to agree with the truth after it. */
export interface Epoch {
  label: string
  kind: string
  t0: number
  focus: Focus
  /** During network formation (before every node of the initial join first agreed) or the warm-up: not steady state. */
  formation: boolean
  /** When every honest node agreed with the truth on what the event changed; undefined while open (or never). */
  convergedAt?: number
  /** The node that agreed last. */
  slowest?: string
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
  /** Since when it agrees on everything (the time of the change, to its view or to the truth, that made it agree). */
  since: number
  /** Since when it disagrees; reported once as drift if that lasts past the deadline with no epoch to blame. */
  disagreesSince: number
  driftReported: boolean
}

type Scope = { policy: TruePolicy, required: Set<string>, allowed: Set<string> }
type Scopes = Map<string, Scope>

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
 * An event's convergence time is measured on what it changed (its focus), so
 * that events close together (a join every second) are each timed on their
 * own rather than all waiting for a quiet moment of the whole network.
 *
 * While a partition is in force, disagreement is expected (records expire on
 * the far side); deadlines count from the heal.
 */
export class ConvergenceTracker {
  readonly epochs: Epoch[] = []
  readonly failures: ConvergenceFailure[] = []
  private readonly views = new Map<string, Map<string, Set<string>>>()
  private readonly states = new Map<string, NodeState>()
  /** For each open epoch: since when each node agrees on its focus (absent: it does not). */
  private readonly open = new Map<Epoch, Map<string, number>>()
  /**
   * For each open epoch: the honest nodes up when it opened. Only they must
   * agree: a node that joins later is held to the event by its own join
   * epoch (it must list everyone attested when it came).
   */
  private readonly participants = new Map<Epoch, Set<string>>()
  /** The truth's scopes of the current policies, until the truth changes. */
  private scopes: Scopes | undefined
  private partitionedSince: number | undefined
  private healedAt = 0
  /** Set when the initial formation completed (first moment all checked nodes agreed after the first join). */
  formedAt: number | undefined
  private formationPending = true
  /** Formation can end only once every node of the groups' own joins has been started. */
  private formationArmed = false
  /** Epochs opening before this (the scenario's warm-up) count as formation too. */
  private steadyFrom = 0

  constructor (private readonly truth: GroundTruth, private readonly convergeWithinMs: number, private readonly onFailure: (f: ConvergenceFailure) => void = () => {}) {}

  /** Called before a node starts: its view starts empty (a restarted node rebuilds it from its events). */
  nodeStarting (name: string): void {
    this.views.set(name, new Map())
    this.states.set(name, { checked: false, agrees: false, since: 0, disagreesSince: Date.now(), driftReported: false })
    for (const agreeing of this.open.values()) agreeing.delete(name)
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

  /** The truth changed at `t`: a new epoch opens, timed on what changed (`focus`). */
  truthChanged (label: string, kind: string, t: number, focus: Focus = { kind: 'all' }): void {
    this.scopes = undefined
    if (focus.kind === 'peer' && focus.node != null) {
      focus.attested = new Set([...this.currentScopes().values()].flatMap(scope => [...scope.allowed]))
    }
    const epoch: Epoch = { label, kind, t0: t, focus, formation: this.formationPending || t < this.steadyFrom, failed: false }
    this.epochs.push(epoch)
    this.open.set(epoch, new Map())
    this.participants.set(epoch, new Set([...this.states].filter(([, state]) => state.checked).map(([name]) => name)))
    this.reevaluateAll(t)
  }

  /** Every node judged again against the truth as it is now. */
  private reevaluateAll (t: number): void {
    this.scopes = undefined
    for (const name of this.states.keys()) this.evaluateNode(name, t)
    for (const epoch of [...this.open.keys()]) this.tryClose(epoch)
  }

  /** Steady state starts no earlier than `t` (the end of the scenario's warm-up). */
  steadyAfter (t: number): void {
    this.steadyFrom = t
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
    const scopes = this.currentScopes()
    const agrees = this.disagreement(name, scopes) == null
    if (agrees && !state.agrees) state.since = t
    if (!agrees && state.agrees) {
      state.disagreesSince = t
      state.driftReported = false
    }
    state.agrees = agrees
    for (const [epoch, agreeing] of this.open) {
      if (this.agreesOn(epoch.focus, name, state, scopes)) {
        if (!agreeing.has(name)) agreeing.set(name, t)
      } else {
        agreeing.delete(name)
      }
    }
    if (!state.checked) return
    if (agrees) this.closeFormation()
    for (const epoch of [...this.open.keys()]) this.tryClose(epoch)
  }

  private agreesOn (focus: Focus, name: string, state: NodeState, scopes: Scopes): boolean {
    if (focus.kind === 'all') return state.agrees
    const view = this.views.get(name) ?? new Map<string, Set<string>>()
    if (focus.kind === 'peer' && focus.node === name) {
      // the newcomer: it lists everyone who was there when it came, and nobody it should not
      for (const { policy, required, allowed } of scopes.values()) {
        const members = view.get(policy.id) ?? new Set<string>()
        for (const peer of required) if (focus.attested?.has(peer) !== false && !members.has(peer)) return false
        for (const peer of members) if (!allowed.has(peer)) return false
      }
      return true
    }
    if (focus.kind === 'policy') {
      const scope = scopes.get(focus.policyId)
      // superseded or withdrawn meanwhile: nothing left to agree on
      return scope == null || scopeProblem(scope, view.get(focus.policyId)) == null
    }
    for (const { policy, required, allowed } of scopes.values()) {
      const listed = view.get(policy.id)?.has(focus.peerId) === true
      if (required.has(focus.peerId) && !listed) return false
      if (listed && !allowed.has(focus.peerId)) return false
    }
    return true
  }

  /** An epoch closes when every checked node agrees on its focus, at the latest of their agreement times. */
  private tryClose (epoch: Epoch): void {
    const agreeing = this.open.get(epoch)
    if (agreeing == null) return
    let at = epoch.t0
    let slowest: string | undefined
    let checked = 0
    const participants = this.participants.get(epoch)
    for (const [name, state] of this.states) {
      if (!state.checked || participants?.has(name) !== true) continue
      const since = agreeing.get(name)
      if (since == null) return
      checked++
      if (since > at) {
        at = since
        slowest = name
      }
    }
    if (checked === 0) return
    epoch.convergedAt = at
    if (slowest != null) epoch.slowest = slowest
    this.open.delete(epoch)
    this.participants.delete(epoch)
  }

  private closeFormation (): void {
    if (!this.formationPending || !this.formationArmed) return
    let at = 0
    let checked = 0
    for (const state of this.states.values()) {
      if (!state.checked) continue
      if (!state.agrees) return
      checked++
      at = Math.max(at, state.since)
    }
    if (checked === 0) return
    this.formationPending = false
    this.formedAt = at
  }

  /**
   * Closes what can close and fails the overdue epochs (called
   * periodically). A node that stops agreeing with no membership change to
   * explain it (it accepted something it should not have, or lost something)
   * fails too once that lasts past the deadline: drift.
   */
  evaluate (now: number): void {
    this.closeFormation()
    for (const epoch of [...this.open.keys()]) this.tryClose(epoch)
    if (this.partitionedSince != null) return
    for (const epoch of this.open.keys()) {
      if (epoch.failed || now - Math.max(epoch.t0, this.healedAt) <= this.convergeWithinMs) continue
      epoch.failed = true
      this.fail({ t: now, label: epoch.label, detail: this.describeDisagreement(this.currentScopes(), epoch) })
    }
    if (this.open.size > 0) return
    for (const [name, state] of this.states) {
      if (!state.checked || state.agrees || state.driftReported) continue
      if (now - Math.max(state.disagreesSince, this.healedAt) <= this.convergeWithinMs) continue
      state.driftReported = true
      this.fail({ t: now, label: `drift at ${name} (no membership change explains it)`, detail: this.describeDisagreement(this.currentScopes()) })
    }
  }

  private fail (failure: ConvergenceFailure): void {
    this.failures.push(failure)
    this.onFailure(failure)
  }

  /** Honest nodes up, and how many of them agree with the truth on everything now. */
  agreement (): { agreeing: number, checked: number } {
    const checked = [...this.states.values()].filter(s => s.checked)
    return { agreeing: checked.filter(s => s.agrees).length, checked: checked.length }
  }

  openEpochs (): Epoch[] {
    return [...this.open.keys()]
  }

  private disagreement (name: string, scopes: Scopes): string | undefined {
    const view = this.views.get(name) ?? new Map<string, Set<string>>()
    for (const scope of scopes.values()) {
      const problem = scopeProblem(scope, view.get(scope.policy.id))
      if (problem == null) continue
      const names = (peers: string[]): string => peers.length === 0 ? '' : ` [${peers.slice(0, 3).map(p => this.truth.nameOf(p) ?? p.slice(-8)).join(', ')}${peers.length > 3 ? ', …' : ''}]`
      return `${scope.policy.app}/${scope.policy.name} v${scope.policy.version}: ${problem.missing.length} missing${names(problem.missing)}, ${problem.extra.length} not admitted${names(problem.extra)}`
    }
    return undefined
  }

  private describeDisagreement (scopes: Scopes, epoch?: Epoch): string {
    const out: string[] = []
    let count = 0
    for (const [name, state] of this.states) {
      if (!state.checked) continue
      if (epoch != null && (this.open.get(epoch)?.has(name) === true || this.participants.get(epoch)?.has(name) !== true)) continue
      const problem = this.disagreement(name, scopes)
      if (problem == null && epoch == null) continue
      count++
      if (out.length < 5) out.push(`${name} (${problem ?? 'agrees now'})`)
    }
    return `${count} honest node${count === 1 ? ' disagrees' : 's disagree'}: ${out.join('; ')}${count > out.length ? '; …' : ''}`
  }

  get ok (): boolean {
    return this.failures.length === 0
  }
}

function scopeProblem (scope: Scope, members: Set<string> = new Set()): { missing: string[], extra: string[] } | undefined {
  const missing = [...scope.required].filter(peer => !members.has(peer))
  const extra = [...members].filter(peer => !scope.allowed.has(peer))
  return missing.length > 0 || extra.length > 0 ? { missing, extra } : undefined
}
