import { bytesToHex, recoverTypedDataAddress } from 'viem/utils'
import { hasHighS } from '../crypto/index.js'
import { privateKeyToAccount } from 'viem/accounts'
import { SsssError } from './errors.js'

import { POLICY_EIP712_DOMAIN } from '../policy/index.js'
import { BoundedMap } from '../util/index.js'

/** EIP-712 domain of escrin's signatures: the one policies are signed under. */
const DOMAIN = POLICY_EIP712_DOMAIN

const TYPES = {
  SecretSpec: [
    { name: 'owner', type: 'address' },
    { name: 'app', type: 'string' },
    { name: 'custody', type: 'string' },
    { name: 'version', type: 'uint64' },
    { name: 'threshold', type: 'uint32' },
    { name: 'holders', type: 'bytes[]' },
    { name: 'commitments', type: 'bytes[]' }
  ],
  SecretControl: [
    { name: 'owner', type: 'address' },
    { name: 'app', type: 'string' },
    { name: 'version', type: 'uint64' },
    { name: 'action', type: 'string' },
    { name: 'issuedAtMs', type: 'uint64' }
  ]
} as const

/** What the owner dealt, as every holder and requester sees it. */
export interface SecretSpec {
  owner: `0x${string}`
  /** The app's policy name: runners in its scope may request shares. */
  app: string
  /** The custody policy's name (same owner): holders must be in its scope. */
  custody: string
  version: number
  threshold: number
  /** Holder peer ids (binary); share index = position + 1. */
  holders: Uint8Array[]
  /** Compressed secp256k1 points. */
  commitments: Uint8Array[]
  signature: `0x${string}`
}

export interface SecretControl {
  owner: `0x${string}`
  app: string
  version: number
  action: 'COMMIT' | 'DELETE'
  issuedAtMs: number
  signature: `0x${string}`
}

function specMessage (s: Omit<SecretSpec, 'signature'>) {
  return {
    owner: s.owner,
    app: s.app,
    custody: s.custody,
    version: BigInt(s.version),
    threshold: s.threshold,
    holders: s.holders.map(h => bytesToHex(h)),
    commitments: s.commitments.map(c => bytesToHex(c))
  }
}

export async function signSecretSpec (spec: Omit<SecretSpec, 'signature' | 'owner'>, ownerKey: `0x${string}`): Promise<SecretSpec> {
  const account = privateKeyToAccount(ownerKey)
  const owner = account.address.toLowerCase() as `0x${string}`
  const signature = await account.signTypedData({ domain: DOMAIN, types: TYPES, primaryType: 'SecretSpec', message: specMessage({ ...spec, owner }) })
  return { ...spec, owner, signature }
}

/**
 * Specs whose owner signature this process verified, by signature: every key
 * release re-checks the same spec, and EIP-712 recovery costs milliseconds.
 * The signature covers the whole spec, so a hit means the same fields.
 */
const VERIFIED_MAX = 1024
const verified = new BoundedMap<string, string>(VERIFIED_MAX)

function specDigest (spec: SecretSpec): string {
  return JSON.stringify([spec.owner, spec.app, spec.custody, spec.version, spec.threshold, spec.holders.map(h => Buffer.from(h).toString('base64')), spec.commitments.map(c => Buffer.from(c).toString('base64'))])
}

/** Throws BAD_SIGNATURE unless the spec is signed by its owner. */
export async function verifySecretSpec (spec: SecretSpec): Promise<void> {
  const digest = specDigest(spec)
  if (verified.get(spec.signature) === digest) return
  await verifySecretSpecUncached(spec)
  verified.set(spec.signature, digest)
}

async function verifySecretSpecUncached (spec: SecretSpec): Promise<void> {
  if (hasHighS(spec.signature)) throw new SsssError('BAD_SIGNATURE', 'secret spec signature has a high s value (malleable form)')
  let signer: string
  try {
    signer = await recoverTypedDataAddress({ domain: DOMAIN, types: TYPES, primaryType: 'SecretSpec', message: specMessage(spec), signature: spec.signature })
  } catch (err) {
    throw new SsssError('BAD_SIGNATURE', `secret spec signature: ${(err as Error).message.split('\n')[0]}`)
  }
  if (signer.toLowerCase() !== spec.owner.toLowerCase()) throw new SsssError('BAD_SIGNATURE', 'the secret spec is not signed by its owner')
}

export async function signSecretControl (control: Omit<SecretControl, 'signature' | 'owner'>, ownerKey: `0x${string}`): Promise<SecretControl> {
  const account = privateKeyToAccount(ownerKey)
  const owner = account.address.toLowerCase() as `0x${string}`
  const message = { owner, app: control.app, version: BigInt(control.version), action: control.action, issuedAtMs: BigInt(control.issuedAtMs) }
  return { ...control, owner, signature: await account.signTypedData({ domain: DOMAIN, types: TYPES, primaryType: 'SecretControl', message }) }
}

export async function verifySecretControl (control: SecretControl): Promise<void> {
  if (hasHighS(control.signature)) throw new SsssError('BAD_SIGNATURE', 'control signature has a high s value (malleable form)')
  let signer: string
  try {
    const message = { owner: control.owner, app: control.app, version: BigInt(control.version), action: control.action, issuedAtMs: BigInt(control.issuedAtMs) }
    signer = await recoverTypedDataAddress({ domain: DOMAIN, types: TYPES, primaryType: 'SecretControl', message, signature: control.signature })
  } catch (err) {
    throw new SsssError('BAD_SIGNATURE', `control signature: ${(err as Error).message.split('\n')[0]}`)
  }
  if (signer.toLowerCase() !== control.owner.toLowerCase()) throw new SsssError('BAD_SIGNATURE', 'the control message is not signed by the owner')
}
