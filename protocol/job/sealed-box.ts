import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto'
import { concatBytes } from '../wire/index.js'
import { JobError } from './errors.js'

/**
 * A sealed box, HPKE-like: an ephemeral X25519 key agrees a secret with the
 * recipient's key; HKDF-SHA256 (salt = both public keys) derives the
 * ChaCha20-Poly1305 key; associated data binds the box to its job. Only the
 * holder of the recipient's secret (the runner's enclave, or the client's
 * ephemeral key for the output) can open it.
 *
 * X25519, HKDF and ChaCha20-Poly1305 come from node:crypto (OpenSSL): about
 * 10x faster than pure JS for the key agreement, and native for the cipher.
 */
export interface SealedBox {
  ephemeralPublic: Uint8Array
  nonce: Uint8Array
  ciphertext: Uint8Array
}

export const X25519_KEY_BYTES = 32
export const NONCE_BYTES = 12
export const TAG_BYTES = 16
const INFO = new TextEncoder().encode('escrin-job/1 seal')

// DER headers wrapping raw X25519 keys (OID 1.3.101.110) as PKCS#8 and SPKI
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex')
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex')

/**
 * An X25519 secret: raw bytes, or a KeyObject (what sealToKey hands back for
 * its ephemeral key, so that opening the output parses nothing).
 */
export type X25519Secret = Uint8Array | KeyObject

// Parsing a DER key costs about as much as the key agreement itself: long-lived
// secrets (the runner's enclave key) are parsed once per Uint8Array instance,
// and recently used public keys are kept.
const parsedSecrets = new WeakMap<Uint8Array, { key: KeyObject, publicRaw: Uint8Array }>()
const PUBLIC_CACHE_MAX = 1024
const parsedPublics = new Map<string, KeyObject>()

function privateKey (secret: X25519Secret): { key: KeyObject, publicRaw: Uint8Array } {
  if (!(secret instanceof Uint8Array)) return { key: secret, publicRaw: rawPublic(createPublicKey(secret)) }
  const cached = parsedSecrets.get(secret)
  if (cached != null) return cached
  if (secret.length !== X25519_KEY_BYTES) throw new RangeError(`an X25519 secret is ${X25519_KEY_BYTES} bytes`)
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, secret]), format: 'der', type: 'pkcs8' })
  const parsed = { key, publicRaw: rawPublic(createPublicKey(key)) }
  parsedSecrets.set(secret, parsed)
  return parsed
}

function rawPublic (key: KeyObject): Uint8Array {
  return new Uint8Array(key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length))
}

function publicKey (point: Uint8Array): KeyObject {
  const id = Buffer.from(point).toString('base64')
  let key = parsedPublics.get(id)
  if (key == null) {
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, point]), format: 'der', type: 'spki' })
    if (parsedPublics.size >= PUBLIC_CACHE_MAX) parsedPublics.delete(parsedPublics.keys().next().value as string)
    parsedPublics.set(id, key)
  }
  return key
}

/** The public key of an X25519 secret. */
export function x25519PublicKey (secret: X25519Secret): Uint8Array {
  return privateKey(secret).publicRaw
}

function boxKey (secret: X25519Secret, peerPublic: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array): Buffer {
  if (peerPublic.length !== X25519_KEY_BYTES) throw new JobError('DECRYPT_FAILED', 'an X25519 public key is 32 bytes')
  let shared: Buffer
  try {
    shared = diffieHellman({ privateKey: privateKey(secret).key, publicKey: publicKey(peerPublic) })
  } catch {
    // OpenSSL refuses low-order points (an all-zero shared secret)
    throw new JobError('DECRYPT_FAILED', 'the key agreement failed (invalid or low-order public key)')
  }
  if (shared.every(b => b === 0)) throw new JobError('DECRYPT_FAILED', 'the key agreement gave an all-zero secret (low-order public key)')
  return Buffer.from(hkdfSync('sha256', shared, concatBytes([ephemeralPublic, recipientPublic]), INFO, 32))
}

/**
 * Seals `plaintext` to `recipientPublic`. `ephemeralSecret` may be given (the
 * client keeps its ephemeral secret to open the output, which the runner
 * seals to the ephemeral public key); by default a fresh one is drawn.
 */
export function sealToKey (recipientPublic: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, ephemeralSecret: X25519Secret = generateKeyPairSync('x25519').privateKey): { box: SealedBox, ephemeralSecret: X25519Secret } {
  const ephemeralPublic = x25519PublicKey(ephemeralSecret)
  const key = boxKey(ephemeralSecret, recipientPublic, ephemeralPublic, recipientPublic)
  const nonce = new Uint8Array(randomBytes(NONCE_BYTES))
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(aad, { plaintextLength: plaintext.byteLength })
  const ciphertext = new Uint8Array(Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]))
  return { box: { ephemeralPublic, nonce, ciphertext }, ephemeralSecret }
}

/** Opens a box sealed to the key whose secret is `recipientSecret`; DECRYPT_FAILED on any tampering. */
export function openSealedBox (recipientSecret: X25519Secret, box: SealedBox, aad: Uint8Array): Uint8Array {
  if (box.nonce.length !== NONCE_BYTES || box.ciphertext.length < TAG_BYTES) throw new JobError('DECRYPT_FAILED', 'malformed sealed box')
  const key = boxKey(recipientSecret, box.ephemeralPublic, box.ephemeralPublic, x25519PublicKey(recipientSecret))
  const body = box.ciphertext.subarray(0, box.ciphertext.length - TAG_BYTES)
  const tag = box.ciphertext.subarray(box.ciphertext.length - TAG_BYTES)
  try {
    const decipher = createDecipheriv('chacha20-poly1305', key, box.nonce, { authTagLength: TAG_BYTES })
    decipher.setAAD(aad, { plaintextLength: body.byteLength })
    decipher.setAuthTag(tag)
    return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]))
  } catch {
    throw new JobError('DECRYPT_FAILED', 'the sealed box does not open (tampered, or sealed to another key or job)')
  }
}
