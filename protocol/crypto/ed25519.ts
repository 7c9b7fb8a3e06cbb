import { sign, verify, type KeyObject } from 'node:crypto'
import { RawKeyParser } from './der-keys.js'

/**
 * Ed25519 over raw 32-byte keys, through node:crypto (OpenSSL): about 20x
 * faster than pure-JS verification, which matters on the gossip path where
 * every hop verifies every record. Keys are the raw seeds/points that
 * @noble/curves uses, so both produce and accept the same signatures.
 */

// DER headers that wrap a raw key into PKCS#8 (private) and SPKI (public) for Ed25519 (OID 1.3.101.112)
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

const keys = new RawKeyParser(PKCS8_PREFIX, SPKI_PREFIX)

export function ed25519PrivateKey (seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new RangeError(`an Ed25519 secret is 32 bytes, got ${seed.length}`)
  return keys.secret(seed)
}

export function ed25519PublicKey (point: Uint8Array): KeyObject {
  if (point.length !== 32) throw new RangeError(`an Ed25519 public key is 32 bytes, got ${point.length}`)
  return keys.public(point)
}

export function ed25519Sign (message: Uint8Array, secret: Uint8Array | KeyObject): Uint8Array {
  const key = secret instanceof Uint8Array ? ed25519PrivateKey(secret) : secret
  return new Uint8Array(sign(null, message, key))
}

/** The key to check `signature` with, or undefined when the signature or the key is malformed. */
function verifyingKey (signature: Uint8Array, publicKey: Uint8Array): KeyObject | undefined {
  if (signature.length !== 64 || publicKey.length !== 32) return undefined
  try {
    return ed25519PublicKey(publicKey)
  } catch {
    return undefined
  }
}

/** False for a bad signature, a malformed key or a malformed signature; never throws. */
export function ed25519Verify (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  const key = verifyingKey(signature, publicKey)
  if (key == null) return false
  try {
    return verify(null, message, key, signature)
  } catch {
    return false
  }
}

/**
 * ed25519Verify in libuv's thread pool (node:crypto's verify with a
 * callback): the same answer, but the ~100 us of the check leave the event
 * loop, which goes on with other streams meanwhile, and several checks run on
 * several cores. For a server's hot path (an SSSS holder checks a signature
 * on every share request). False for anything ed25519Verify refuses; never
 * rejects.
 */
export async function ed25519VerifyAsync (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
  const key = verifyingKey(signature, publicKey)
  if (key == null) return false
  return await new Promise<boolean>(resolve => {
    try {
      verify(null, message, key, signature, (err, valid) => { resolve(err == null && valid) })
    } catch {
      resolve(false)
    }
  })
}
