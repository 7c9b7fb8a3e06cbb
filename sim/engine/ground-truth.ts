import { compilePredicate, lineageKey, normalizeFacts, parsePredicate, type CompiledPredicate, type PeerFacts } from '../../protocol/policy/index.js'
import type { NodeGroup, NodeRef } from '../scenario/index.js'

/** A node as the simulator made it: the facts it gave it, and when its attestation is valid. */
export interface TrueNode {
  name: string
  group: string
  honest: boolean
  roles: string[]
  evidence: { kind: string, measurement: string }
  bond: bigint
  peerId?: string
  operator?: string
  up: boolean
  /** Expiry of the node's latest own record: a down node stays attested (in peers' tables) until then. */
  attestedUntil: number
  /** Facts over time (a bond change makes a new version): [from, facts]. */
  facts: Array<[number, PeerFacts]>
}

export interface TruePolicy {
  id: string
  app: string
  owner: string
  name: string
  version: number
  test: CompiledPredicate
  publishedAt: number
  /** When a newer version of the lineage replaced it. */
  supersededAt?: number
}

/**
 * What is true in the simulated network, known to the simulator because it
 * made it so: every node's facts (roles, evidence, operator, bond), which
 * nodes hold a valid attestation now, and every policy published. The
 * invariants compare what nodes observe against this, evaluated with the
 * same protocol/ policy evaluator the nodes use, but over the facts the
 * simulator gave rather than the ones nodes verified.
 */
export class GroundTruth {
  readonly nodes = new Map<string, TrueNode>()
  readonly policies = new Map<string, TruePolicy>()
  private readonly byPeer = new Map<string, string>()
  private readonly lineages = new Map<string, TruePolicy[]>()

  constructor (refs: NodeRef[], groups: NodeGroup[]) {
    for (const ref of refs) {
      const group = groups.find(g => g.name === ref.group) as NodeGroup
      this.nodes.set(ref.name, { name: ref.name, group: ref.group, honest: group.honest, roles: group.roles, evidence: group.evidence, bond: group.bond, up: false, attestedUntil: 0, facts: [] })
    }
  }

  node (name: string): TrueNode {
    const node = this.nodes.get(name)
    if (node == null) throw new Error(`no node ${name}`)
    return node
  }

  nameOf (peerId: string): string | undefined {
    return this.byPeer.get(peerId)
  }

  nodeStarted (name: string, peerId: string, operator: string, ownExpiresAt: number, t: number): void {
    const node = this.node(name)
    node.peerId = peerId
    node.operator = operator
    node.up = true
    node.attestedUntil = Math.max(node.attestedUntil, ownExpiresAt)
    this.byPeer.set(peerId, name)
    this.pushFacts(node, t)
  }

  /**
   * A node's identity, known before its start completes: one whose start
   * fails or times out (and is killed) may have published a record already,
   * which honest peers then hold until it expires (the 'own' events say when).
   */
  nodeIdentity (name: string, peerId: string, operator: string, t: number): void {
    const node = this.node(name)
    if (node.peerId === peerId && node.operator === operator) return
    node.peerId = peerId
    node.operator = operator
    this.byPeer.set(peerId, name)
    this.pushFacts(node, t)
  }

  ownRecord (name: string, expiresAt: number): void {
    const node = this.nodes.get(name)
    if (node != null) node.attestedUntil = Math.max(node.attestedUntil, expiresAt)
  }

  nodeDown (name: string): void {
    this.node(name).up = false
  }

  setBond (name: string, bond: bigint, t: number): void {
    const node = this.node(name)
    node.bond = bond
    if (node.peerId != null) this.pushFacts(node, t)
  }

  markByzantine (name: string): void {
    this.node(name).honest = false
  }

  private pushFacts (node: TrueNode, t: number): void {
    if (node.peerId == null || node.operator == null) return
    const facts = normalizeFacts({ peerId: node.peerId, roles: node.roles, tee: { ...node.evidence }, operator: node.operator, bond: node.bond, reliability: 1 })
    node.facts.push([t, facts])
  }

  /** Facts valid at `t` (the latest version from before it). */
  factsAt (node: TrueNode, t: number): PeerFacts | undefined {
    let found: PeerFacts | undefined
    for (const [from, facts] of node.facts) if (from <= t) found = facts
    return found ?? node.facts[0]?.[1]
  }

  /** Its record is in honest peers' tables by now, or should be: up, or down with its last record unexpired. */
  isAttested (node: TrueNode, t: number): boolean {
    return node.peerId != null && (node.up || t < node.attestedUntil)
  }

  addPolicy (policy: Omit<TruePolicy, 'test' | 'supersededAt'> & { predicate: string }, t: number): TruePolicy {
    const key = lineageKey(policy.owner, policy.name)
    const lineage = this.lineages.get(key) ?? []
    for (const older of lineage) older.supersededAt ??= t
    const entry: TruePolicy = { id: policy.id, app: policy.app, owner: policy.owner, name: policy.name, version: policy.version, publishedAt: policy.publishedAt, test: compilePredicate(parsePredicate(policy.predicate)) }
    lineage.push(entry)
    this.lineages.set(key, lineage)
    this.policies.set(entry.id, entry)
    return entry
  }

  /** Takes back a policy whose publication failed: the previous version is in force again. */
  withdraw (id: string): void {
    const policy = this.policies.get(id)
    if (policy == null) return
    this.policies.delete(id)
    const key = lineageKey(policy.owner, policy.name)
    const lineage = (this.lineages.get(key) ?? []).filter(p => p.id !== id)
    if (lineage.length === 0) this.lineages.delete(key)
    else {
      this.lineages.set(key, lineage)
      const previous = lineage.at(-1) as TruePolicy
      if (previous.supersededAt === policy.publishedAt) delete previous.supersededAt
    }
  }

  latest (owner: string, name: string): TruePolicy | undefined {
    return this.lineages.get(lineageKey(owner, name))?.at(-1)
  }

  /** Policies every node should hold now (the latest version of each lineage). */
  current (): TruePolicy[] {
    return [...this.lineages.values()].map(l => l.at(-1) as TruePolicy)
  }

  /**
   * The scope of a policy now: `required` are the attested honest nodes it
   * admits (every honest node must list exactly these), `allowed` adds the
   * attested byzantine nodes it admits (honest nodes may have banned them, so
   * listing them is not required, but listing anyone else is wrong).
   */
  scopeAt (policy: TruePolicy, t: number): { required: Set<string>, allowed: Set<string> } {
    const required = new Set<string>()
    const allowed = new Set<string>()
    for (const node of this.nodes.values()) {
      if (!this.isAttested(node, t)) continue
      const facts = this.factsAt(node, t)
      if (facts == null || !policy.test(facts)) continue
      allowed.add(node.peerId as string)
      if (node.honest) required.add(node.peerId as string)
    }
    return { required, allowed }
  }

  /**
   * May `peerId` receive what belongs to a policy at `t`? Judged on its true
   * facts, not on attestation liveness (a runner whose record just expired is
   * still the machine the app trusts). `graceMs` also accepts facts and
   * policy versions that changed within that long: a bond change or a policy
   * update takes time to reach every sender.
   */
  admits (policy: TruePolicy, peerId: string, t: number, graceMs: number): boolean {
    const name = this.byPeer.get(peerId)
    if (name == null) return false
    const node = this.node(name)
    return node.facts.some(([from, facts], i) => {
      const until = node.facts[i + 1]?.[0] ?? Infinity
      return from <= t && until >= t - graceMs && policy.test(facts)
    })
  }

  /** Versions of a lineage in force at `t` or replaced less than `graceMs` before it. */
  lineageAt (owner: string, name: string, t: number, graceMs: number): TruePolicy[] {
    return (this.lineages.get(lineageKey(owner, name)) ?? []).filter(p => p.publishedAt <= t && (p.supersededAt == null || p.supersededAt >= t - graceMs))
  }

  /** The earliest time after `t` when a down node's record expires (the truth changes then). */
  nextExpiry (t: number): { at: number, name: string } | undefined {
    let next: { at: number, name: string } | undefined
    for (const node of this.nodes.values()) {
      if (node.up || node.peerId == null || node.attestedUntil <= t) continue
      if (next == null || node.attestedUntil < next.at) next = { at: node.attestedUntil, name: node.name }
    }
    return next
  }
}
