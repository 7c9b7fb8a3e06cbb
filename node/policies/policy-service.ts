import { decodeSignedPolicy, encodeSignedPolicy, ignore, POLICY_TOPIC, reject } from '../../protocol/gossip/index.js'
import { PolicyError, signedPolicyFromJson, signedPolicyToJson, verifySignedPolicy, type SignedPolicy } from '../../protocol/policy/index.js'
import { WireError } from '../../protocol/wire/index.js'
import { ApiError, type Route } from '../api/index.js'
import { PolicyStore, type OfferResult, type StoredPolicy } from './policy-store.js'
import type { GossipService } from '../gossip/index.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'

export interface PolicyServiceComponents {
  gossip: GossipService
  logger: Logger
  metrics?: NodeMetrics
}

/**
 * Trust-boundary policies: accepts signed policies from the API and from
 * gossip (`/escrin/policy/1`), verifies the owner's EIP-712 signature, keeps
 * the latest version of each, and relays what it accepts.
 */
export class PolicyService {
  readonly store = new PolicyStore()
  private readonly log: Logger
  private readonly listeners: Array<(entry: StoredPolicy, replaced?: StoredPolicy) => void> = []

  constructor (private readonly components: PolicyServiceComponents) {
    this.log = components.logger.child('policies')
    components.gossip.handle(POLICY_TOPIC, async data => { await this.onGossip(data) })
  }

  /** Called with every policy that is new or replaces an older version. */
  onChange (listener: (entry: StoredPolicy, replaced?: StoredPolicy) => void): void {
    this.listeners.push(listener)
  }

  /** Verifies, stores and gossips a policy published through this node. */
  async publish (signed: SignedPolicy): Promise<{ id: string, result: OfferResult }> {
    const { result, entry } = await this.accept(signed)
    if (result === 'added' || result === 'replaced') {
      await this.components.gossip.publish(POLICY_TOPIC, encodeSignedPolicy(signed))
    }
    return { id: entry.id, result }
  }

  routes (): Route[] {
    return [
      { method: 'GET', path: '/v1/policies', handler: () => ({ policies: this.store.all().map(toView) }) },
      {
        method: 'GET',
        path: '/v1/policies/:id',
        handler: ({ params }) => {
          const entry = this.store.get(params.id)
          if (entry == null) throw new ApiError(404, 'UNKNOWN_POLICY', `no policy ${params.id} is known to this node`)
          return toView(entry)
        }
      },
      {
        method: 'POST',
        path: '/v1/policies',
        handler: async ({ body }) => {
          let signed: SignedPolicy
          try {
            signed = signedPolicyFromJson(body)
            // the size bound the wire imposes applies to the API too
            decodeSignedPolicy(encodeSignedPolicy(signed))
          } catch (err) {
            throw new ApiError(400, err instanceof PolicyError ? err.code : 'MALFORMED', (err as Error).message)
          }
          try {
            return await this.publish(signed)
          } catch (err) {
            if (err instanceof PolicyError) throw new ApiError(400, err.code, err.message)
            if (err instanceof RangeError) throw new ApiError(507, 'TOO_MANY_POLICIES', err.message)
            throw err
          }
        }
      }
    ]
  }

  private async onGossip (data: Uint8Array): Promise<void> {
    let signed: SignedPolicy
    try {
      signed = decodeSignedPolicy(data)
    } catch (err) {
      throw reject('MALFORMED', (err as WireError).message)
    }
    let outcome: { result: OfferResult }
    try {
      outcome = await this.accept(signed)
    } catch (err) {
      // a bad signature or an invalid predicate cannot come from an honest owner
      if (err instanceof PolicyError) throw reject(err.code, err.message)
      if (err instanceof RangeError) throw ignore('FULL', err.message)
      throw err
    }
    if (outcome.result === 'duplicate') throw ignore('DUPLICATE', 'policy already known')
    if (outcome.result === 'stale') throw ignore('STALE', 'a newer version is known')
  }

  private async accept (signed: SignedPolicy): Promise<{ result: OfferResult, entry: StoredPolicy }> {
    const policy = await verifySignedPolicy(signed)
    const { result, entry, replaced } = this.store.offer(signed, policy)
    this.components.metrics?.policies.set(this.store.size)
    if (result === 'added' || result === 'replaced') {
      this.log.info(result === 'added' ? 'policy added' : 'policy updated', { id: entry.id, owner: policy.owner, name: policy.name, version: policy.version })
      for (const listener of this.listeners) listener(entry, replaced)
    }
    return { result, entry }
  }
}

function toView (entry: StoredPolicy): Record<string, unknown> {
  return { id: entry.id, ...signedPolicyToJson(entry.signed) }
}
