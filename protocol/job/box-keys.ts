import { generateX25519Secret, NONCE_BYTES, openingKey, openWithKey, sealingKey, sealWithKey, type SealedBox, type X25519Secret } from './sealed-box.js'
import { BoundedMap } from '../util/index.js'

/** How long a sender keeps one ephemeral key per recipient. */
export const SEALING_KEY_MAX_AGE_MS = 10 * 60_000
/** Boxes sealed under one agreed key before a new ephemeral key is taken (what one key's compromise exposes). */
export const SEALING_KEY_MAX_USES = 65_536
/** Recipients (senders' side) or ephemeral keys (recipients' side) whose agreed keys are kept. */
export const BOX_KEYS_MAX = 1024

interface SealingEntry { ephemeralPublic: Uint8Array, key: Buffer, createdAt: number, uses: number }

/**
 * A sender that seals box after box to the same few recipients (an SSSS
 * holder answering a runner's key releases) agrees one key per recipient and
 * reuses it for a while: a box then costs a nonce and ChaCha20-Poly1305,
 * where a fresh ephemeral key cost a key generation and an X25519 agreement
 * (about two thirds of sealing a share). The boxes stay as they were (any
 * recipient opens them with openSealedBox). What the reuse gives up: boxes of
 * the same window share an ephemeral key, so an attacker who takes the
 * sender's memory reads that window's boxes; it could read their plaintexts
 * there anyway.
 */
export class SealingKeys {
  private readonly entries: BoundedMap<string, SealingEntry>

  constructor (private readonly init: { maxAgeMs?: number, maxUses?: number, maxRecipients?: number, now?: () => number } = {}) {
    this.entries = new BoundedMap(init.maxRecipients ?? BOX_KEYS_MAX)
  }

  /** Seals like sealToKey with a fresh key; DECRYPT_FAILED for an unusable recipient key. */
  seal (recipientPublic: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): SealedBox {
    const entry = this.entryFor(recipientPublic)
    // the box's number under this key: the key is fresh per entry and only this sender uses it, so no nonce
    // repeats under it, and a box costs no draw from the CSPRNG (a getpid system call in OpenSSL's, each time)
    const nonce = new Uint8Array(NONCE_BYTES)
    const view = new DataView(nonce.buffer)
    view.setUint32(NONCE_BYTES - 8, Math.floor(entry.uses / 2 ** 32))
    view.setUint32(NONCE_BYTES - 4, entry.uses >>> 0)
    entry.uses++
    return sealWithKey(entry.key, entry.ephemeralPublic, plaintext, aad, nonce)
  }

  private entryFor (recipientPublic: Uint8Array): SealingEntry {
    const now = (this.init.now ?? Date.now)()
    const id = Buffer.from(recipientPublic).toString('base64')
    const entry = this.entries.get(id)
    if (entry != null && now - entry.createdAt < (this.init.maxAgeMs ?? SEALING_KEY_MAX_AGE_MS) && entry.uses < (this.init.maxUses ?? SEALING_KEY_MAX_USES)) return entry
    this.entries.delete(id)
    const fresh = { ...sealingKey(recipientPublic, generateX25519Secret()), createdAt: now, uses: 0 }
    this.entries.set(id, fresh)
    return fresh
  }
}

/**
 * The recipient's side: the key agreed with each recently seen ephemeral key
 * of one secret, so boxes from a sender that reuses its ephemeral key
 * (SealingKeys) open without a new agreement. Agreed keys are a function of
 * the two keys only, so a cached one is exactly what a new agreement would
 * give; a sender rotating keys only evicts older entries.
 */
export class OpeningKeys {
  private readonly keys: BoundedMap<string, Buffer>

  constructor (private readonly secret: X25519Secret, maxKeys = BOX_KEYS_MAX) {
    this.keys = new BoundedMap(maxKeys)
  }

  /** Opens like openSealedBox; DECRYPT_FAILED on any tampering, another recipient or a malformed box. */
  open (box: SealedBox, aad: Uint8Array): Uint8Array {
    const id = Buffer.from(box.ephemeralPublic).toString('base64')
    let key = this.keys.get(id)
    if (key == null) {
      key = openingKey(this.secret, box.ephemeralPublic)
      this.keys.set(id, key)
    }
    return openWithKey(key, box, aad)
  }
}
