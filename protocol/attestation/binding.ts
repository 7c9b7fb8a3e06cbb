import { sha256 } from '@noble/hashes/sha2.js'

const PREFIX = new TextEncoder().encode('escrin-enclave-binding/1\u0000')

/**
 * The 32 bytes TEE evidence must commit to (Nitro: as `user_data` or
 * `public_key`): the peer id and both enclave keys, so evidence made for one
 * node or key pair cannot be reused by another.
 */
export function enclaveBinding (peerId: Uint8Array, x25519: Uint8Array, signingKey: Uint8Array): Uint8Array {
  const out = new Uint8Array(PREFIX.length + 1 + peerId.length + x25519.length + signingKey.length)
  out.set(PREFIX, 0)
  out[PREFIX.length] = peerId.length // peer ids are < 256 bytes; the length keeps the encoding injective
  out.set(peerId, PREFIX.length + 1)
  out.set(x25519, PREFIX.length + 1 + peerId.length)
  out.set(signingKey, PREFIX.length + 1 + peerId.length + x25519.length)
  return sha256(out)
}
