import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { generateEnclaveKeys } from '../../node/attestations/index.js'
import { escrin } from '../../proto/gen/escrin.js'
import { bindingOf, sealAttestation, signOperatorStatement, type AttestationRecord } from '../../protocol/attestation/index.js'
import { encodeSimEvidence } from './sim-evidence.js'
import type { ForgeKind } from '../scenario/index.js'

export interface ForgeInput {
  /** What a forger claims to be: a TEE kind and measurement it was not given. */
  claim: { kind: string, measurement: string }
  /** Honest peers whose identity an `identity` forgery steals. */
  victims: string[]
  /** The forger's own genuine sealed record, for `tamper`. */
  ownSealed?: Uint8Array
  ttlMs: number
}

/**
 * Builds one forged attestation record of the given kind. Each is something
 * a byzantine node can actually make without the secrets it lacks, and each
 * must fail verification at every honest node:
 * - evidence: a fresh identity claiming the TEE, its evidence signed by a key that is not the vendor's;
 * - identity: a record naming a victim's peer id, signed by a key that is not the victim's;
 * - tamper: the forger's own genuine record with a payload byte changed after signing.
 */
export async function forgeRecord (kind: ForgeKind, input: ForgeInput): Promise<Uint8Array | undefined> {
  if (kind === 'tamper') {
    if (input.ownSealed == null) return undefined
    const envelope = escrin.SignedEnvelope.decode(input.ownSealed)
    const payload = new Uint8Array(envelope.payload)
    // the last bytes are seq/expiry varints: changing one keeps the record well-formed but breaks the signature
    payload[payload.length - 1] ^= 0x01
    return escrin.SignedEnvelope.encode({ ...envelope, payload }).finish()
  }
  const key = await generateKeyPair('Ed25519')
  const keys = generateEnclaveKeys()
  const victim = kind === 'identity' && input.victims.length > 0 ? input.victims[Math.floor(Math.random() * input.victims.length)] : undefined
  const base = { peerId: victim ?? peerIdFromPrivateKey(key).toString(), enclaveX25519: keys.x25519Public, enclaveSigningKey: keys.signingPublic }
  const { operator, signature } = await signOperatorStatement(base, keys.operatorKey)
  const wrongVendor = new Uint8Array(32).map(() => Math.floor(Math.random() * 256))
  const now = Date.now()
  const record: AttestationRecord = {
    ...base,
    roles: ['runner', 'ssss', 'storage'],
    evidence: { kind: input.claim.kind, data: encodeSimEvidence(input.claim.kind, input.claim.measurement, bindingOf(base), wrongVendor) },
    operator,
    operatorSignature: signature,
    capacity: 16,
    price: 0n,
    seq: now,
    expiresAtMs: now + input.ttlMs
  }
  return await sealAttestation(key, record)
}
