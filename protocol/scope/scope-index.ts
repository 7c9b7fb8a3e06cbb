import { compilePredicate, explain, normalizeFacts, parsePredicate, policyId as computePolicyId } from '../policy/index.js'
import { DEFAULT_MAX_PEERS, DEFAULT_MAX_POLICIES } from './constants.js'
import { ScopeError } from './errors.js'
import type { CompiledPredicate, Explanation, PeerFacts, Policy, Predicate } from '../policy/index.js'

export interface ScopeIndexInit {
  /** Most peers tracked; upserting a new peer beyond it throws TOO_MANY_PEERS. Default DEFAULT_MAX_PEERS. */
  maxPeers?: number
  /** Most policies tracked; upserting a new policy beyond it throws TOO_MANY_POLICIES. Default DEFAULT_MAX_POLICIES. */
  maxPolicies?: number
}

/** A peer entering or leaving a policy's scope. */
export interface ScopeChange {
  policyId: string
  peerId: string
  change: 'joined' | 'left'
}

export type ScopeListener = (change: ScopeChange) => void

/** What `upsertPolicy` takes: a signed-and-verified policy document, a parsed predicate, or a compiled one. */
export type PolicyInput = Policy | Predicate | CompiledPredicate

export interface PeerExplanation extends Explanation {
  peerId: string
}

interface PolicyEntry {
  test: CompiledPredicate
  members: Set<string>
  /** Sorted members, rebuilt lazily after a change (reads are far more frequent than changes). */
  sorted: string[] | undefined
}

/**
 * For every known policy, the set of known peers its predicate admits: the
 * implicit sub-networks of escrin. Maintained incrementally, so the cost of a
 * change is proportional to what it can affect:
 *
 * - a peer update evaluates that peer against every policy;
 * - a policy update evaluates that policy against every peer;
 * - removals touch only the memberships they end.
 *
 * Every change of membership is returned by the mutator and delivered to the
 * listeners (after the index is consistent again), so the node can start or
 * stop advertising DHT provider records and routers can drop peers.
 *
 * Pure and synchronous: expiry of attestations and policies is the caller's
 * business (it calls removePeer/removePolicy), the index keeps no clock.
 */
export class ScopeIndex {
  private readonly maxPeers: number
  private readonly maxPolicies: number
  private readonly peers = new Map<string, PeerFacts>()
  private readonly policies = new Map<string, PolicyEntry>()
  /** peerId -> ids of the policies admitting it: the reverse of PolicyEntry.members. */
  private readonly scopes = new Map<string, Set<string>>()
  private readonly listeners = new Set<ScopeListener>()

  constructor (init: ScopeIndexInit = {}) {
    this.maxPeers = positiveInteger(init.maxPeers ?? DEFAULT_MAX_PEERS, 'maxPeers')
    this.maxPolicies = positiveInteger(init.maxPolicies ?? DEFAULT_MAX_POLICIES, 'maxPolicies')
  }

  get peerCount (): number { return this.peers.size }
  get policyCount (): number { return this.policies.size }

  /** Registers a listener for membership changes; returns a function that removes it. */
  onChange (listener: ScopeListener): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }

  /**
   * Adds or updates a peer's facts (normalised, see `normalizeFacts`) and
   * re-evaluates that peer against every policy. Throws PolicyError BAD_FACTS
   * on malformed facts, ScopeError TOO_MANY_PEERS if the peer is new and the
   * index is full; in both cases nothing changes.
   */
  upsertPeer (facts: PeerFacts): ScopeChange[] {
    const normalized = normalizeFacts(facts)
    const peerId = normalized.peerId
    if (!this.peers.has(peerId) && this.peers.size >= this.maxPeers) {
      throw new ScopeError('TOO_MANY_PEERS', `scope index is full (maxPeers=${this.maxPeers}); remove a peer before adding ${peerId}`)
    }
    this.peers.set(peerId, normalized)
    let scopes = this.scopes.get(peerId)
    const changes: ScopeChange[] = []
    for (const [policyId, entry] of this.policies) {
      const admitted = admits(entry.test, normalized)
      const member = scopes?.has(policyId) === true
      if (admitted === member) continue
      if (admitted) {
        if (scopes == null) {
          scopes = new Set()
          this.scopes.set(peerId, scopes)
        }
        scopes.add(policyId)
        entry.members.add(peerId)
      } else {
        scopes?.delete(policyId)
        entry.members.delete(peerId)
      }
      entry.sorted = undefined
      changes.push({ policyId, peerId, change: admitted ? 'joined' : 'left' })
    }
    if (scopes?.size === 0) this.scopes.delete(peerId)
    return this.emit(changes)
  }

  /** Forgets a peer (its attestation expired or was revoked); it leaves every scope it was in. */
  removePeer (peerId: string): ScopeChange[] {
    if (!this.peers.delete(peerId)) return []
    const scopes = this.scopes.get(peerId)
    this.scopes.delete(peerId)
    const changes: ScopeChange[] = []
    for (const policyId of scopes ?? []) {
      const entry = this.policies.get(policyId)
      if (entry == null) continue
      entry.members.delete(peerId)
      entry.sorted = undefined
      changes.push({ policyId, peerId, change: 'left' })
    }
    return this.emit(changes)
  }

  /**
   * Adds or replaces the predicate of a policy and evaluates it against every
   * peer. A policy document is checked against `id` (ScopeError ID_MISMATCH)
   * and its predicate parsed and compiled; re-upserting the same predicate is a
   * no-op. Throws TOO_MANY_POLICIES if the policy is new and the index is full.
   */
  upsertPolicy (id: string, input: PolicyInput): ScopeChange[] {
    const test = toCompiled(id, input)
    let entry = this.policies.get(id)
    if (entry == null) {
      if (this.policies.size >= this.maxPolicies) {
        throw new ScopeError('TOO_MANY_POLICIES', `scope index is full (maxPolicies=${this.maxPolicies}); remove a policy before adding ${id}`)
      }
      entry = { test, members: new Set(), sorted: undefined }
      this.policies.set(id, entry)
    } else if (entry.test.canonical === test.canonical) {
      return []
    } else {
      entry.test = test
    }
    const changes: ScopeChange[] = []
    for (const [peerId, facts] of this.peers) {
      const admitted = admits(test, facts)
      if (admitted === entry.members.has(peerId)) continue
      let scopes = this.scopes.get(peerId)
      if (admitted) {
        entry.members.add(peerId)
        if (scopes == null) {
          scopes = new Set()
          this.scopes.set(peerId, scopes)
        }
        scopes.add(id)
      } else {
        entry.members.delete(peerId)
        scopes?.delete(id)
        if (scopes?.size === 0) this.scopes.delete(peerId)
      }
      changes.push({ policyId: id, peerId, change: admitted ? 'joined' : 'left' })
    }
    if (changes.length > 0) entry.sorted = undefined
    return this.emit(changes)
  }

  /** Forgets a policy (expired, superseded or withdrawn); its members all leave its scope. */
  removePolicy (id: string): ScopeChange[] {
    const entry = this.policies.get(id)
    if (entry == null) return []
    this.policies.delete(id)
    const changes: ScopeChange[] = []
    for (const peerId of entry.members) {
      const scopes = this.scopes.get(peerId)
      scopes?.delete(id)
      if (scopes?.size === 0) this.scopes.delete(peerId)
      changes.push({ policyId: id, peerId, change: 'left' })
    }
    return this.emit(changes)
  }

  hasPeer (peerId: string): boolean { return this.peers.has(peerId) }
  hasPolicy (id: string): boolean { return this.policies.has(id) }

  /** The facts the index holds for a peer, in normal form. */
  getPeer (peerId: string): PeerFacts | undefined { return this.peers.get(peerId) }

  /** The admission check of the job router and of SSSS share release: is `peerId` in the scope of `policyId`? O(1). */
  inScope (policyId: string, peerId: string): boolean {
    return this.policies.get(policyId)?.members.has(peerId) === true
  }

  /** Peers in the scope of a policy, sorted; empty for an unknown policy (see hasPolicy). */
  members (policyId: string): string[] {
    const entry = this.policies.get(policyId)
    if (entry == null) return []
    entry.sorted ??= [...entry.members].sort()
    return [...entry.sorted]
  }

  /** Ids of the policies whose scope contains the peer, sorted. */
  scopesOf (peerId: string): string[] {
    return [...(this.scopes.get(peerId) ?? [])].sort()
  }

  /** Ids of all known policies, sorted. */
  policyIds (): string[] {
    return [...this.policies.keys()].sort()
  }

  /**
   * For every known peer (sorted by id), whether the policy admits it and why.
   * Empty for an unknown policy. Costs a full interpretation per peer: for the
   * API's `?explain=1`, not for routing.
   */
  explain (policyId: string): PeerExplanation[] {
    const entry = this.policies.get(policyId)
    if (entry == null) return []
    const predicate = entry.test.predicate
    return [...this.peers.keys()].sort().map(peerId => ({ peerId, ...explain(predicate, this.peers.get(peerId) as PeerFacts) }))
  }

  /**
   * Delivers changes once the index is consistent. One failing listener does
   * not keep the others from hearing about the change; its error is rethrown
   * afterwards (as LISTENER_FAILED) so it is not silently lost.
   */
  private emit (changes: ScopeChange[]): ScopeChange[] {
    if (changes.length === 0 || this.listeners.size === 0) return changes
    let failure: unknown
    let failed = false
    for (const listener of [...this.listeners]) {
      for (const change of changes) {
        try {
          listener(change)
        } catch (err) {
          if (!failed) failure = err
          failed = true
        }
      }
    }
    if (failed) {
      throw new ScopeError('LISTENER_FAILED', `a scope change listener threw: ${(failure as Error)?.message ?? String(failure)}`, { cause: failure })
    }
    return changes
  }
}

function toCompiled (id: string, input: PolicyInput): CompiledPredicate {
  if (typeof input === 'function') return input
  if ('op' in input) return compilePredicate(input)
  const expected = computePolicyId(input)
  if (expected !== id) {
    throw new ScopeError('ID_MISMATCH', `policy upserted as ${id} but its id is ${expected}`)
  }
  return compilePredicate(parsePredicate(input.predicate))
}

/**
 * Fails closed: a predicate that throws (only a hand-made CompiledPredicate
 * can) admits nobody, and the index stays consistent mid-update.
 */
function admits (test: CompiledPredicate, facts: PeerFacts): boolean {
  try {
    return test(facts) === true
  } catch {
    return false
  }
}

function positiveInteger (value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`)
  return value
}
