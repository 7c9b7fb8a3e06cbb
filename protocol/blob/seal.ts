import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { rechunk } from './chunker.js'
import { BlobError } from './errors.js'

/**
 * Client-side encryption of app data before it leaves the app: ChaCha20-
 * Poly1305 in the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár):
 * fixed-size segments, each with its own tag, nonce = random prefix || segment
 * counter || last-segment flag. Storage nodes only ever hold ciphertext;
 * truncation, reordering and splicing of segments fail to open.
 *
 *   header:   "ESB1" | 7-byte nonce prefix
 *   segments: ciphertext of SEGMENT_BYTES plaintext (the last shorter) | 16-byte tag
 */
export const SEGMENT_BYTES = 64 * 1024
const MAGIC = new TextEncoder().encode('ESB1')
const PREFIX_BYTES = 7
export const SEAL_HEADER_BYTES = MAGIC.length + PREFIX_BYTES
const TAG_BYTES = 16
const SEALED_SEGMENT_BYTES = SEGMENT_BYTES + TAG_BYTES
const KEY_BYTES = 32

function nonce (prefix: Uint8Array, counter: number, last: boolean): Uint8Array {
  const n = new Uint8Array(12)
  n.set(prefix, 0)
  new DataView(n.buffer).setUint32(PREFIX_BYTES, counter)
  n[11] = last ? 1 : 0
  return n
}

function checkKey (key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new BlobError('DECRYPT_FAILED', `a blob key is ${KEY_BYTES} bytes, not ${key.length}`)
}

/** Size of the sealed form of `plainBytes` bytes. */
export function sealedSize (plainBytes: number): number {
  const segments = Math.max(1, Math.ceil(plainBytes / SEGMENT_BYTES))
  return SEAL_HEADER_BYTES + plainBytes + segments * TAG_BYTES
}

/** Encrypts a byte stream with a 32-byte app key; memory stays at one segment. */
export async function * sealStream (source: AsyncIterable<Uint8Array>, key: Uint8Array): AsyncGenerator<Uint8Array> {
  checkKey(key)
  const prefix = new Uint8Array(randomBytes(PREFIX_BYTES))
  const header = new Uint8Array(SEAL_HEADER_BYTES)
  header.set(MAGIC)
  header.set(prefix, MAGIC.length)
  yield header
  let counter = 0
  // one segment is held back: only at the end is it known which one is last
  let pending: Uint8Array | undefined
  const seal = (plain: Uint8Array, last: boolean): Uint8Array => {
    const cipher = createCipheriv('chacha20-poly1305', key, nonce(prefix, counter++, last), { authTagLength: TAG_BYTES })
    cipher.setAAD(header, { plaintextLength: plain.length })
    const body = cipher.update(plain)
    cipher.final()
    return Buffer.concat([body, cipher.getAuthTag()])
  }
  for await (const segment of rechunk(source, SEGMENT_BYTES)) {
    if (pending != null) yield seal(pending, false)
    pending = segment
  }
  yield seal(pending ?? new Uint8Array(), true)
}

/** Decrypts what sealStream produced; DECRYPT_FAILED on a wrong key or any tampering, truncation included. */
export async function * openStream (source: AsyncIterable<Uint8Array>, key: Uint8Array): AsyncGenerator<Uint8Array> {
  checkKey(key)
  let header: Uint8Array | undefined
  let counter = 0
  let pending: Uint8Array | undefined
  const open = (sealed: Uint8Array, last: boolean): Uint8Array => {
    if (sealed.length < TAG_BYTES) throw new BlobError('DECRYPT_FAILED', 'a sealed segment is shorter than its tag')
    const h = header as Uint8Array
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce(h.subarray(MAGIC.length), counter++, last), { authTagLength: TAG_BYTES })
    decipher.setAAD(h, { plaintextLength: sealed.length - TAG_BYTES })
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
    const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES))
    try {
      decipher.final()
    } catch {
      throw new BlobError('DECRYPT_FAILED', 'the blob does not open with this key (wrong key, or the ciphertext was altered or cut short)')
    }
    return plain
  }
  // the header is the first SEAL_HEADER_BYTES; segments follow at their sealed size
  async function * afterHeader (): AsyncGenerator<Uint8Array> {
    let carry: Uint8Array = new Uint8Array()
    for await (const piece of source) {
      if (header == null) {
        carry = concat(carry, piece)
        if (carry.length < SEAL_HEADER_BYTES) continue
        header = carry.slice(0, SEAL_HEADER_BYTES)
        if (!MAGIC.every((b, i) => header?.[i] === b)) throw new BlobError('DECRYPT_FAILED', 'not a sealed blob (no ESB1 header); was it stored with --plain?')
        const rest = carry.subarray(SEAL_HEADER_BYTES)
        if (rest.length > 0) yield rest
        continue
      }
      yield piece
    }
    if (header == null) throw new BlobError('DECRYPT_FAILED', 'not a sealed blob (shorter than its header)')
  }
  for await (const segment of rechunk(afterHeader(), SEALED_SEGMENT_BYTES)) {
    if (pending != null) yield open(pending, false)
    pending = segment
  }
  if (pending == null) throw new BlobError('DECRYPT_FAILED', 'the sealed blob has no segments (cut short)')
  yield open(pending, true)
}

function concat (a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}
