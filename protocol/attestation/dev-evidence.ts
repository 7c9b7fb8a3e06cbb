import { ed25519Sign, ed25519Verify } from '../crypto/index.js'

const PREFIX = new TextEncoder().encode('escrin-dev-evidence/1\u0000')

function message (binding: Uint8Array): Uint8Array {
  const out = new Uint8Array(PREFIX.length + binding.length)
  out.set(PREFIX)
  out.set(binding, PREFIX.length)
  return out
}

/**
 * "dev" evidence: the enclave signing key signs the binding. It proves only
 * that whoever made the record holds that key; no hardware stands behind it,
 * which is why its facts say tee.kind = "dev" and policies can exclude it.
 */
export function createDevEvidence (signingSecret: Uint8Array, binding: Uint8Array): Uint8Array {
  return ed25519Sign(message(binding), signingSecret)
}

export function verifyDevEvidence (data: Uint8Array, signingKey: Uint8Array, binding: Uint8Array): boolean {
  return ed25519Verify(data, message(binding), signingKey)
}
