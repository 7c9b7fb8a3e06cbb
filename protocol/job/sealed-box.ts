import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto'
import { concatBytes } from '../wire/index.js'
import { BoundedMap } from '../util/index.js'
import { JobCryptoError } from './errors.js'

/**
 * A sealed box, HPKE-like: an ephemeral X25519 key agrees a secret with the
 * recipient's key; HKDF-SHA256 (salt = ephemeral public || recipient public,
 * info "escrin-job/1 seal") derives the ChaCha20-Poly1305 key; the nonce is
 * random; associated data binds the box to its job. Only the holder of the
 * recipient's secret (the runner's enclave, or the client's ephemeral key for
 * the output) can open it.
 *
 * Everything runs in node:crypto (OpenSSL). Measured on Node 22: an X25519
 * agreement takes ~40-60 µs against ~1.5-2.1 ms in @noble/curves, and raw
 * keys are imported as JWK (public ~12-20 µs, private ~45-65 µs) rather than
 * DER (~110-150 µs, ~510-670 µs).
 */
export interface SealedBox {
  ephemeralPublic: Uint8Array
  nonce: Uint8Array
  /** The encrypted plaintext followed by the 16-byte tag. */
  ciphertext: Uint8Array
}

export const X25519_KEY_BYTES = 32
export const NONCE_BYTES = 12
export const TAG_BYTES = 16
const KEY_BYTES = 32
const INFO = new TextEncoder().encode('escrin-job/1 seal')

/**
 * An X25519 secret: 32 raw bytes (as in node/attestations/enclave-keys.ts),
 * or a KeyObject (what sealToKey hands back for a fresh ephemeral key, so that
 * opening the output parses nothing).
 */
export type X25519Secret = Uint8Array | KeyObject

interface ParsedSecret { key: KeyObject, publicRaw: Uint8Array }

// Long-lived secrets (the runner's enclave key) are parsed once per instance;
// callers never mutate key bytes. The public keys boxes are opened with are
// ephemeral: not cached. The ones boxes are sealed to are mostly attested
// enclave keys, sealed to again and again (an SSSS holder answers each key
// release of a runner): a bounded number of them are kept.
const parsedRaw = new WeakMap<Uint8Array, ParsedSecret>()
const parsedObjects = new WeakMap<KeyObject, ParsedSecret>()
const RECIPIENTS_MAX = 1024
const recipients = new BoundedMap<string, KeyObject>(RECIPIENTS_MAX)

function recipientKey (raw: Uint8Array): KeyObject {
  const id = b64url(raw)
  let key = recipients.get(id)
  if (key == null) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: id }, format: 'jwk' })
    recipients.set(id, key)
  }
  return key
}

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url')
// node:crypto's JWK import wants an `x` next to `d` but derives the public key
// from `d` (checked by test/unit/job-crypto.spec.ts against @noble).
const PLACEHOLDER_X = b64url(new Uint8Array(X25519_KEY_BYTES))

function parseSecret (secret: X25519Secret): ParsedSecret {
  if (secret instanceof Uint8Array) {
    let parsed = parsedRaw.get(secret)
    if (parsed == null) {
      if (secret.length !== X25519_KEY_BYTES) throw new RangeError(`an X25519 secret is ${X25519_KEY_BYTES} bytes, got ${secret.length}`)
      const key = createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: b64url(secret), x: PLACEHOLDER_X }, format: 'jwk' })
      parsed = { key, publicRaw: jwkPublic(key) }
      parsedRaw.set(secret, parsed)
    }
    return parsed
  }
  let parsed = parsedObjects.get(secret)
  if (parsed == null) {
    if (secret.type !== 'private' || secret.asymmetricKeyType !== 'x25519') throw new RangeError('not an X25519 private key')
    parsed = { key: secret, publicRaw: jwkPublic(secret) }
    parsedObjects.set(secret, parsed)
  }
  return parsed
}

function jwkPublic (key: KeyObject): Uint8Array {
  return new Uint8Array(Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url'))
}

/** The public key of an X25519 secret. */
export function x25519PublicKey (secret: X25519Secret): Uint8Array {
  return parseSecret(secret).publicRaw
}

/** A fresh X25519 secret, for callers that want to choose a box's ephemeral key. */
export function generateX25519Secret (): KeyObject {
  return generateKeyPairSync('x25519').privateKey
}

function boxKey (secret: X25519Secret, peerPublic: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array, sealing: boolean): Buffer {
  if (peerPublic.length !== X25519_KEY_BYTES) throw new JobCryptoError('DECRYPT_FAILED', `an X25519 public key is ${X25519_KEY_BYTES} bytes, got ${peerPublic.length}`)
  let shared: Buffer
  try {
    const publicKey = sealing ? recipientKey(peerPublic) : createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64url(peerPublic) }, format: 'jwk' })
    shared = diffieHellman({ privateKey: parseSecret(secret).key, publicKey })
  } catch {
    // OpenSSL refuses low-order points (they give an all-zero shared secret)
    throw new JobCryptoError('DECRYPT_FAILED', 'the key agreement failed (invalid or low-order public key)')
  }
  // and should it ever stop refusing them, so does this
  if (shared.every(b => b === 0)) throw new JobCryptoError('DECRYPT_FAILED', 'the key agreement gave an all-zero secret (low-order public key)')
  return Buffer.from(hkdfSync('sha256', shared, concatBytes([ephemeralPublic, recipientPublic]), INFO, KEY_BYTES))
}

/**
 * Seals `plaintext` to `recipientPublic` under `aad`. By default the ephemeral
 * key is fresh; a caller may pass its own `ephemeralSecret` instead. The
 * client keeps the returned `ephemeralSecret`: the runner seals the output to
 * `box.ephemeralPublic`, and only that secret opens it.
 *
 * Throws JobCryptoError DECRYPT_FAILED if `recipientPublic` is not a usable
 * X25519 key (wrong length, low order): no box can be sealed to it.
 */
export function sealToKey (recipientPublic: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, ephemeralSecret: X25519Secret = generateX25519Secret()): { box: SealedBox, ephemeralSecret: X25519Secret } {
  const { ephemeralPublic, key } = sealingKey(recipientPublic, ephemeralSecret)
  return { box: sealWithKey(key, ephemeralPublic, plaintext, aad), ephemeralSecret }
}

/** The symmetric key of boxes sealed with `ephemeralSecret` to `recipientPublic` (DECRYPT_FAILED for an unusable recipient key). */
export function sealingKey (recipientPublic: Uint8Array, ephemeralSecret: X25519Secret): { ephemeralPublic: Uint8Array, key: Buffer } {
  const ephemeralPublic = x25519PublicKey(ephemeralSecret)
  return { ephemeralPublic, key: boxKey(ephemeralSecret, recipientPublic, ephemeralPublic, recipientPublic, true) }
}

/** The symmetric key that opens boxes whose ephemeral key is `ephemeralPublic`, sealed to `recipientSecret`'s public key. */
export function openingKey (recipientSecret: X25519Secret, ephemeralPublic: Uint8Array): Buffer {
  return boxKey(recipientSecret, ephemeralPublic, ephemeralPublic, x25519PublicKey(recipientSecret), false)
}

/**
 * A box under a key already agreed (sealingKey): only the nonce is new. By
 * default a random one; a caller that counts the boxes under `key` may pass
 * the count instead (SealingKeys does), as long as no nonce repeats under it.
 */
export function sealWithKey (key: Buffer, ephemeralPublic: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, nonce: Uint8Array = new Uint8Array(randomBytes(NONCE_BYTES))): SealedBox {
  if (nonce.length !== NONCE_BYTES) throw new RangeError(`a nonce is ${NONCE_BYTES} bytes, got ${nonce.length}`)
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(aad, { plaintextLength: plaintext.byteLength })
  const ciphertext = new Uint8Array(Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]))
  return { ephemeralPublic, nonce, ciphertext }
}

/**
 * Opens a box sealed to the key whose secret is `recipientSecret`, under the
 * same `aad`. JobCryptoError DECRYPT_FAILED on any tampering (ciphertext,
 * nonce, ephemeral key, aad), on another recipient, and on a malformed box.
 */
export function openSealedBox (recipientSecret: X25519Secret, box: SealedBox, aad: Uint8Array): Uint8Array {
  if (box.nonce.length !== NONCE_BYTES || box.ciphertext.length < TAG_BYTES) throw new JobCryptoError('DECRYPT_FAILED', 'malformed sealed box')
  return openWithKey(openingKey(recipientSecret, box.ephemeralPublic), box, aad)
}

/** Opens a box with the key openingKey gave for its ephemeral key; DECRYPT_FAILED as openSealedBox. */
export function openWithKey (key: Buffer, box: SealedBox, aad: Uint8Array): Uint8Array {
  if (box.nonce.length !== NONCE_BYTES || box.ciphertext.length < TAG_BYTES) throw new JobCryptoError('DECRYPT_FAILED', 'malformed sealed box')
  const body = box.ciphertext.subarray(0, box.ciphertext.length - TAG_BYTES)
  const tag = box.ciphertext.subarray(box.ciphertext.length - TAG_BYTES)
  try {
    const decipher = createDecipheriv('chacha20-poly1305', key, box.nonce, { authTagLength: TAG_BYTES })
    decipher.setAAD(aad, { plaintextLength: body.byteLength })
    decipher.setAuthTag(tag)
    return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]))
  } catch {
    throw new JobCryptoError('DECRYPT_FAILED', 'the sealed box does not open (tampered, or sealed to another key or job)')
  }
}
