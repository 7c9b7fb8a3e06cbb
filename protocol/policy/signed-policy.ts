import { hashTypedData, recoverTypedDataAddress } from 'viem/utils'
import { hasHighS } from '../crypto/index.js'
import { privateKeyToAccount } from 'viem/accounts'
import { POLICY_EIP712_DOMAIN } from './constants.js'
import { PolicyError } from './errors.js'
import { checkPolicy, type Policy } from './policy.js'

/** A policy and its owner's EIP-712 signature (65 bytes r || s || v, 0x-hex). */
export interface SignedPolicy {
  policy: Policy
  signature: `0x${string}`
}

/**
 * The EIP-712 struct. Every field of the document is signed, so nothing shown
 * next to a policy can be altered by whoever relays it. `createdAt` is 0 when
 * absent (EIP-712 has no optional fields). The predicate is a string so the
 * wallet shows the user the exact JSON they approve.
 */
export const POLICY_EIP712_TYPES = {
  Policy: [
    { name: 'owner', type: 'address' },
    { name: 'name', type: 'string' },
    { name: 'version', type: 'uint64' },
    { name: 'predicate', type: 'string' },
    { name: 'createdAt', type: 'uint64' }
  ]
} as const

/**
 * The typed data to sign for `policy`, as viem's `signTypedData` (or a wallet's
 * `eth_signTypedData_v4` through viem) takes it.
 */
export function policyTypedData (policy: Policy): PolicyTypedData {
  return typedData(checkPolicy(policy))
}

export interface PolicyTypedData {
  domain: typeof POLICY_EIP712_DOMAIN
  types: typeof POLICY_EIP712_TYPES
  primaryType: 'Policy'
  message: { owner: `0x${string}`, name: string, version: bigint, predicate: string, createdAt: bigint }
}

/**
 * The EIP-712 digest of a policy: what its owner signs, and the key under
 * which the on-chain registry (EscrinPolicies) records that exact version.
 * Lowercase 0x-hex.
 */
export function policyDigest (policy: Policy): `0x${string}` {
  return hashTypedData(typedData(checkPolicy(policy)))
}

/** For a policy already in normal form. */
function typedData (p: Policy): PolicyTypedData {
  return {
    domain: POLICY_EIP712_DOMAIN,
    types: POLICY_EIP712_TYPES,
    primaryType: 'Policy',
    message: { owner: p.owner, name: p.name, version: p.version, predicate: p.predicate, createdAt: BigInt(p.createdAt ?? 0) }
  }
}

const PRIVATE_KEY = /^(0x)?[0-9a-fA-F]{64}$/

/** Signs a policy with its owner's secp256k1 key. Throws KEY_MISMATCH if the key is not the owner's. */
export async function signPolicy (policy: Policy, privateKeyHex: string): Promise<SignedPolicy> {
  const p = checkPolicy(policy)
  if (typeof privateKeyHex !== 'string' || !PRIVATE_KEY.test(privateKeyHex)) {
    throw new PolicyError('BAD_KEY', 'private key must be 32 bytes of hex')
  }
  const key = (privateKeyHex.startsWith('0x') ? privateKeyHex : `0x${privateKeyHex}`) as `0x${string}`
  let account
  try {
    account = privateKeyToAccount(key)
  } catch {
    throw new PolicyError('BAD_KEY', 'private key is not a valid secp256k1 scalar')
  }
  if (account.address.toLowerCase() !== p.owner) {
    throw new PolicyError('KEY_MISMATCH', `key belongs to ${account.address.toLowerCase()}, not to the owner ${p.owner}`)
  }
  const signature = await account.signTypedData(typedData(p))
  return { policy: p, signature }
}

const SIGNATURE = /^0x[0-9a-fA-F]{130}$/

/**
 * Checks a signed policy: the document is valid and canonical, and the
 * signature is a low-s EIP-712 signature by `owner`. Returns the policy in
 * normal form. Throws PolicyError: BAD_SIGNATURE for anything wrong with the
 * signature or signer, the document's own code otherwise.
 */
export async function verifySignedPolicy (signed: SignedPolicy): Promise<Policy> {
  if (signed == null || typeof signed !== 'object') throw new PolicyError('BAD_POLICY', 'a signed policy is an object', '$')
  const policy = checkPolicy(signed.policy)
  const signature = signed.signature
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) {
    throw new PolicyError('BAD_SIGNATURE', 'signature must be 65 bytes of 0x-hex', '$.signature')
  }
  if (hasHighS(signature)) {
    throw new PolicyError('BAD_SIGNATURE', 'signature has a high s value (malleable form)', '$.signature')
  }
  let signer: string
  try {
    signer = await recoverTypedDataAddress({ ...typedData(policy), signature })
  } catch {
    throw new PolicyError('BAD_SIGNATURE', 'no signer can be recovered from the signature', '$.signature')
  }
  if (signer.toLowerCase() !== policy.owner) {
    throw new PolicyError('BAD_SIGNATURE', `signed by ${signer.toLowerCase()}, not by the owner ${policy.owner}`, '$.signature')
  }
  return policy
}

/** The JSON form of a signed policy (for the HTTP API and gossip payloads): version as a decimal string, since it is a uint64. */
export interface SignedPolicyJson {
  policy: { owner: string, name: string, version: string, predicate: string, createdAt?: number }
  signature: string
}

export function signedPolicyToJson (signed: SignedPolicy): SignedPolicyJson {
  const { owner, name, version, predicate, createdAt } = signed.policy
  return {
    policy: createdAt == null ? { owner, name, version: version.toString(), predicate } : { owner, name, version: version.toString(), predicate, createdAt },
    signature: signed.signature
  }
}

/**
 * Reads the JSON form back, checking its shape (not the signature: call
 * `verifySignedPolicy` on the result). Accepts a version as a decimal string or
 * a safe integer.
 */
export function signedPolicyFromJson (json: unknown): SignedPolicy {
  if (!isObject(json) || !isObject(json.policy)) throw new PolicyError('BAD_POLICY', 'expected {policy, signature}', '$')
  const raw = json.policy
  let version: bigint | undefined
  if (typeof raw.version === 'string' && /^[0-9]{1,20}$/.test(raw.version)) version = BigInt(raw.version)
  else if (typeof raw.version === 'number' && Number.isSafeInteger(raw.version)) version = BigInt(raw.version)
  if (version == null) throw new PolicyError('BAD_POLICY', 'version must be a decimal string', '$.policy.version')
  if (raw.createdAt != null && typeof raw.createdAt !== 'number') throw new PolicyError('BAD_POLICY', 'createdAt must be a number', '$.policy.createdAt')
  if (typeof json.signature !== 'string') throw new PolicyError('BAD_SIGNATURE', 'signature must be a string', '$.signature')
  const policy = checkPolicy({
    owner: raw.owner as `0x${string}`,
    name: raw.name as string,
    version,
    predicate: raw.predicate as string,
    createdAt: raw.createdAt as number | undefined
  })
  return { policy, signature: json.signature as `0x${string}` }
}

function isObject (value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === 'object' && !Array.isArray(value)
}
