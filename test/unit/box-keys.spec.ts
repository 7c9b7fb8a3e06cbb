import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { x25519 } from '@noble/curves/ed25519.js'
import { JobCryptoError, OpeningKeys, openSealedBox, SealingKeys, type SealedBox } from '../../protocol/job/index.js'

const bytes = (n: number): Uint8Array => new Uint8Array(randomBytes(n))
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

function recipient (): { secret: Uint8Array, public: Uint8Array } {
  const secret = bytes(32)
  return { secret, public: x25519.getPublicKey(secret) }
}

function decryptFails (fn: () => unknown): void {
  assert.throws(fn, (err: unknown) => err instanceof JobCryptoError && err.code === 'DECRYPT_FAILED')
}

describe('box keys (an ephemeral key reused per recipient)', () => {
  it('seals boxes any recipient opens, with or without its cache of agreed keys', () => {
    const r = recipient()
    const sealing = new SealingKeys()
    const opening = new OpeningKeys(r.secret)
    for (let i = 0; i < 5; i++) {
      const plain = bytes(64)
      const box = sealing.seal(r.public, plain, utf8(`request ${i}`))
      assert.deepEqual(openSealedBox(r.secret, box, utf8(`request ${i}`)), plain)
      assert.deepEqual(opening.open(box, utf8(`request ${i}`)), plain)
    }
  })

  it('reuses one ephemeral key per recipient, each box with its own nonce', () => {
    const [a, b] = [recipient(), recipient()]
    const sealing = new SealingKeys()
    const boxes = Array.from({ length: 1000 }, () => sealing.seal(a.public, bytes(64), utf8('aad')))
    assert.equal(new Set(boxes.map(box => hex(box.ephemeralPublic))).size, 1)
    // no nonce repeats under the one key
    assert.equal(new Set(boxes.map(box => hex(box.nonce))).size, 1000)
    const opening = new OpeningKeys(a.secret)
    for (const box of boxes.slice(-3)) assert.equal(opening.open(box, utf8('aad')).length, 64)
    assert.notEqual(hex(sealing.seal(b.public, bytes(64), utf8('aad')).ephemeralPublic), hex(boxes[0].ephemeralPublic))
  })

  it('takes a fresh ephemeral key once the old one is too old or used too often', () => {
    const r = recipient()
    let now = 1_000_000
    const byAge = new SealingKeys({ maxAgeMs: 60_000, now: () => now })
    const first = byAge.seal(r.public, bytes(64), utf8('aad')).ephemeralPublic
    now += 59_999
    assert.equal(hex(byAge.seal(r.public, bytes(64), utf8('aad')).ephemeralPublic), hex(first))
    now += 1
    const second = byAge.seal(r.public, bytes(64), utf8('aad'))
    assert.notEqual(hex(second.ephemeralPublic), hex(first))
    assert.equal(new TextDecoder().decode(openSealedBox(r.secret, byAge.seal(r.public, utf8('still opens'), utf8('aad')), utf8('aad'))), 'still opens')

    const byUses = new SealingKeys({ maxUses: 2 })
    const keys = [1, 2, 3, 4, 5].map(() => hex(byUses.seal(r.public, bytes(64), utf8('aad')).ephemeralPublic))
    assert.equal(keys[0], keys[1])
    assert.notEqual(keys[1], keys[2])
    assert.equal(keys[2], keys[3])
    assert.notEqual(keys[3], keys[4])
  })

  it('keeps a bounded number of recipients: the oldest is dropped and gets a new key', () => {
    const rs = [recipient(), recipient(), recipient()]
    const sealing = new SealingKeys({ maxRecipients: 2 })
    const first = rs.map(r => hex(sealing.seal(r.public, bytes(64), utf8('aad')).ephemeralPublic))
    // the third recipient pushed out the first; the second is still kept
    assert.equal(hex(sealing.seal(rs[1].public, bytes(64), utf8('aad')).ephemeralPublic), first[1])
    assert.notEqual(hex(sealing.seal(rs[0].public, bytes(64), utf8('aad')).ephemeralPublic), first[0])
  })

  it('refuses what a fresh agreement refuses: tampering, another recipient, another aad, low-order keys', () => {
    const [r, other] = [recipient(), recipient()]
    const sealing = new SealingKeys()
    const opening = new OpeningKeys(r.secret)
    const box = sealing.seal(r.public, bytes(64), utf8('aad'))
    assert.equal(opening.open(box, utf8('aad')).length, 64) // the agreed key is now cached
    const flipped = box.ciphertext.slice()
    flipped[0] ^= 1
    decryptFails(() => opening.open({ ...box, ciphertext: flipped }, utf8('aad')))
    decryptFails(() => opening.open({ ...box, nonce: bytes(12) }, utf8('aad')))
    decryptFails(() => opening.open(box, utf8('other aad')))
    decryptFails(() => new OpeningKeys(other.secret).open(box, utf8('aad')))
    decryptFails(() => opening.open({ ...box, nonce: bytes(11) }, utf8('aad')))
    const lowOrder: SealedBox = { ...box, ephemeralPublic: new Uint8Array(32) }
    decryptFails(() => opening.open(lowOrder, utf8('aad')))
    decryptFails(() => sealing.seal(new Uint8Array(32), bytes(64), utf8('aad')))
    decryptFails(() => sealing.seal(bytes(31), bytes(64), utf8('aad')))
  })

  it('keeps a bounded number of agreed keys on the recipient side, and still opens boxes of evicted ones', () => {
    const r = recipient()
    const opening = new OpeningKeys(r.secret, 2)
    const senders = [new SealingKeys(), new SealingKeys(), new SealingKeys()]
    const boxes = senders.map(s => s.seal(r.public, utf8('share'), utf8('aad')))
    for (const box of boxes) assert.equal(new TextDecoder().decode(opening.open(box, utf8('aad'))), 'share')
    assert.equal((opening as unknown as { keys: Map<string, Buffer> }).keys.size, 2)
    assert.equal(new TextDecoder().decode(opening.open(boxes[0], utf8('aad'))), 'share')
  })
})
