import { ed25519 } from '@noble/curves/ed25519.js'

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
  return ed25519.sign(message(binding), signingSecret)
}

export function verifyDevEvidence (data: Uint8Array, signingKey: Uint8Array, binding: Uint8Array): boolean {
  try {
    return data.length === 64 && ed25519.verify(data, message(binding), signingKey)
  } catch {
    return false
  }
}
