import { publicKeyFromProtobuf, publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPublicKey } from '@libp2p/peer-id'
import { escrin } from '../../proto/gen/escrin.js'
import { decodeMessage, encodeMessage, WireError } from '../wire/index.js'
import { EnvelopeError } from './errors.js'
import { envelopeSigningBytes } from './signing-bytes.js'
import type { PeerId, PrivateKey, PublicKey } from '@libp2p/interface'

/** A verified envelope: the payload, and who signed it. */
export interface OpenedEnvelope {
  domain: string
  payload: Uint8Array
  publicKey: PublicKey
  signer: PeerId
}

/** Signs `payload` for `domain` and returns the encoded SignedEnvelope. */
export async function sealEnvelope (key: PrivateKey, domain: string, payload: Uint8Array): Promise<Uint8Array> {
  const signature = await key.sign(envelopeSigningBytes(domain, payload))
  return encodeMessage(escrin.SignedEnvelope, {
    domain,
    publicKey: publicKeyToProtobuf(key.publicKey),
    payload,
    signature
  })
}

/**
 * Decodes and verifies an envelope that must have been signed for `domain`.
 * Throws EnvelopeError (never anything else) on any failure, so a caller can
 * treat every error as the sender's fault and score it.
 */
export async function openEnvelope (bytes: Uint8Array, domain: string, maxSize: number): Promise<OpenedEnvelope> {
  let envelope: escrin.SignedEnvelope
  try {
    envelope = decodeMessage(escrin.SignedEnvelope, bytes, maxSize)
  } catch (err) {
    const code = err instanceof WireError && err.code === 'TOO_LARGE' ? 'TOO_LARGE' : 'MALFORMED'
    throw new EnvelopeError(code, `envelope: ${(err as Error).message}`)
  }
  if (envelope.domain !== domain) {
    throw new EnvelopeError('WRONG_DOMAIN', `envelope signed for "${envelope.domain.slice(0, 64)}", expected "${domain}"`)
  }
  let publicKey: PublicKey
  try {
    publicKey = publicKeyFromProtobuf(envelope.publicKey)
  } catch (err) {
    throw new EnvelopeError('BAD_KEY', `envelope: unusable public key: ${(err as Error).message}`)
  }
  let valid = false
  try {
    valid = await publicKey.verify(envelopeSigningBytes(domain, envelope.payload), envelope.signature)
  } catch {
    valid = false
  }
  if (!valid) {
    throw new EnvelopeError('BAD_SIGNATURE', 'envelope: signature does not verify')
  }
  return { domain, payload: envelope.payload, publicKey, signer: peerIdFromPublicKey(publicKey) }
}
