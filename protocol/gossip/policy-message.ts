import { escrin } from '../../proto/gen/escrin.js'
import { checkLength, decodeMessage, encodeMessage, WireError, wireInteger } from '../wire/index.js'
import type { SignedPolicy } from '../policy/index.js'
import { limits } from '../policy/index.js'

/** A policy message: the predicate bound plus a little for the other fields. */
export const POLICY_MESSAGE_MAX_BYTES = limits.MAX_PREDICATE_BYTES + 1024

export function encodeSignedPolicy (signed: SignedPolicy): Uint8Array {
  const { owner, name, version, predicate, createdAt } = signed.policy
  return encodeMessage(escrin.SignedPolicy, {
    owner: Buffer.from(owner.slice(2), 'hex'),
    name,
    version: Number(version),
    predicate,
    createdAt: createdAt ?? 0,
    signature: Buffer.from(signed.signature.slice(2), 'hex')
  })
}

/** Decodes the wire form; the signature is checked later, by verifySignedPolicy. */
export function decodeSignedPolicy (bytes: Uint8Array): SignedPolicy {
  const m = decodeMessage(escrin.SignedPolicy, bytes, POLICY_MESSAGE_MAX_BYTES, m => {
    if (m.owner.length !== 20) throw new WireError('INVALID_FIELD', `owner: ${m.owner.length} bytes, expected 20`)
    if (m.signature.length !== 65) throw new WireError('INVALID_FIELD', `signature: ${m.signature.length} bytes, expected 65`)
    checkLength('name', m.name, limits.MAX_POLICY_NAME_LENGTH)
    checkLength('predicate', m.predicate, limits.MAX_PREDICATE_BYTES)
    for (const [field, value] of [['version', m.version], ['created_at', m.createdAt]] as const) {
      if (!Number.isSafeInteger(wireInteger(value))) throw new WireError('INVALID_FIELD', `${field}: beyond 2^53 - 1`)
    }
  })
  const createdAt = wireInteger(m.createdAt)
  return {
    policy: {
      owner: `0x${Buffer.from(m.owner).toString('hex')}`,
      name: m.name,
      version: BigInt(wireInteger(m.version)),
      predicate: m.predicate,
      ...(createdAt !== 0 ? { createdAt } : {})
    },
    signature: `0x${Buffer.from(m.signature).toString('hex')}`
  }
}
