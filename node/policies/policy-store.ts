import { lineageKey, policyId, supersedes, type Policy, type SignedPolicy } from '../../protocol/policy/index.js'

export interface StoredPolicy {
  id: string
  policy: Policy
  signed: SignedPolicy
}

/** What an offered policy did: `unregistered` is held until the chain's registry has its version (--policy-registry). */
export type OfferResult = 'added' | 'replaced' | 'duplicate' | 'stale' | 'unregistered'

/** Policies the node keeps at most; an app that wants more must retire old ones. */
export const MAX_POLICIES = 4_096

/**
 * The latest version of every (owner, name) policy this node knows. Only
 * verified policies may be offered; a newer version replaces the older one,
 * an older or equal one is refused, so replays of old versions change nothing.
 */
export class PolicyStore {
  private readonly byName = new Map<string, StoredPolicy>()
  private readonly byId = new Map<string, StoredPolicy>()

  constructor (private readonly maxPolicies = MAX_POLICIES) {}

  /** Offers a verified policy; returns what happened, and the entry it replaced, if any. */
  offer (signed: SignedPolicy, policy: Policy): { result: OfferResult, entry: StoredPolicy, replaced?: StoredPolicy } {
    const id = policyId(policy)
    const key = lineageKey(policy.owner, policy.name)
    const current = this.byName.get(key)
    const refused = this.refusal(policy, id)
    if (refused != null) return refused
    if (current == null && this.byName.size >= this.maxPolicies) {
      throw new RangeError(`the node already keeps ${this.maxPolicies} policies`)
    }
    const entry = { id, policy, signed }
    if (current != null) this.byId.delete(current.id)
    this.byName.set(key, entry)
    this.byId.set(id, entry)
    return current != null ? { result: 'replaced', entry, replaced: current } : { result: 'added', entry }
  }

  /** Whether an offer of this policy (with id `id`) would change nothing: the same version is here, or a newer one. */
  refusal (policy: Policy, id = policyId(policy)): { result: 'duplicate' | 'stale', entry: StoredPolicy } | undefined {
    const current = this.byName.get(lineageKey(policy.owner, policy.name))
    if (current == null) return undefined
    if (current.id === id) return { result: 'duplicate', entry: current }
    if (!supersedes(policy, current.policy)) return { result: 'stale', entry: current }
    return undefined
  }

  /** Forgets a policy (its registration on chain was reorganised away); returns whether it was here. */
  remove (id: string): StoredPolicy | undefined {
    const entry = this.byId.get(id)
    if (entry == null) return undefined
    this.byId.delete(id)
    this.byName.delete(lineageKey(entry.policy.owner, entry.policy.name))
    return entry
  }

  /** The latest version of the owner's policy of this name. */
  latest (owner: string, name: string): StoredPolicy | undefined {
    return this.byName.get(lineageKey(owner, name))
  }

  get (id: string): StoredPolicy | undefined {
    return this.byId.get(id)
  }

  all (): StoredPolicy[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id))
  }

  get size (): number {
    return this.byId.size
  }
}
