import { lineageKey, policyId, supersedes, type Policy, type SignedPolicy } from '../../protocol/policy/index.js'

export interface StoredPolicy {
  id: string
  policy: Policy
  signed: SignedPolicy
}

export type OfferResult = 'added' | 'replaced' | 'duplicate' | 'stale'

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
    if (current?.id === id) return { result: 'duplicate', entry: current }
    if (current != null && !supersedes(policy, current.policy)) return { result: 'stale', entry: current }
    if (current == null && this.byName.size >= this.maxPolicies) {
      throw new RangeError(`the node already keeps ${this.maxPolicies} policies`)
    }
    const entry = { id, policy, signed }
    if (current != null) this.byId.delete(current.id)
    this.byName.set(key, entry)
    this.byId.set(id, entry)
    return current != null ? { result: 'replaced', entry, replaced: current } : { result: 'added', entry }
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
