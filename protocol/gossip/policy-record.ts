import { policyId, verifySignedPolicy, type Policy } from '../policy/index.js'
import { decodeSignedPolicy } from './policy-message.js'

/**
 * Policies in the DHT: the record under `/escrin-policy/<policy id>` is the
 * signed policy in its wire form. The key names the exact document, so a
 * record is valid only if its signature verifies and its id matches the key:
 * nobody can store anything else under a policy's name.
 */
export const POLICY_DHT_NAMESPACE = 'escrin-policy'

export function policyDhtKey (id: string): Uint8Array {
  return new TextEncoder().encode(`/${POLICY_DHT_NAMESPACE}/${id}`)
}

/** The DHT validator; throws when the value is not the signed policy the key names. */
export async function validatePolicyRecord (key: Uint8Array, value: Uint8Array): Promise<Policy> {
  const id = new TextDecoder().decode(key).split('/')[2]
  const policy = await verifySignedPolicy(decodeSignedPolicy(value))
  if (policyId(policy) !== id) throw new Error(`record holds policy ${policyId(policy)}, not ${id}`)
  return policy
}
