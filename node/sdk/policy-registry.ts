import type { Hex } from 'viem'
import { POLICY_REGISTRY_ABI } from '../../protocol/chain/index.js'
import { policyDigest, type SignedPolicy } from '../../protocol/policy/index.js'
import { sendContractCall } from '../bonds/index.js'
import { chainAccount } from '../chain/index.js'

export interface PolicyRegistryTarget {
  /** The chain's JSON-RPC URL. */
  url: string
  /** The EscrinPolicies contract. */
  registry: Hex
  /** The key that sends (and pays for) the transaction: the owner's, or any other funded one (the owner's signature is what counts). */
  senderKey: Hex
}

/**
 * Registers a signed policy version in the EscrinPolicies contract, so that
 * nodes started with --policy-registry honour it. A version registered
 * already sends nothing. The contract's refusals (VersionNotNewer,
 * BadSignature, ...) come back as viem errors naming them.
 */
export async function registerPolicy (signed: SignedPolicy, target: PolicyRegistryTarget): Promise<{ digest: Hex, transaction: Hex | null }> {
  const { client, wallet, account, chain } = await chainAccount(target.url, target.senderKey, 'sender')
  const digest = policyDigest(signed.policy)
  if (await client.readContract({ address: target.registry, abi: POLICY_REGISTRY_ABI, functionName: 'registered', args: [digest] })) return { digest, transaction: null }
  const { owner, name, version, predicate, createdAt } = signed.policy
  const transaction = await sendContractCall(client, wallet, { address: target.registry, abi: POLICY_REGISTRY_ABI, functionName: 'register', args: [owner, name, version, predicate, BigInt(createdAt ?? 0), signed.signature], account, chain })
  return { digest, transaction }
}
