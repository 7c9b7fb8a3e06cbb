import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { escrin } from '../../proto/gen/escrin.js'
import { EnvelopeError, envelopeSigningBytes, openEnvelope, sealEnvelope } from '../../protocol/envelope/index.js'

const DOMAIN = '/escrin/test/1'

async function rejects (promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => err instanceof EnvelopeError && err.code === code)
}

describe('signed envelopes', () => {
  it('round-trips and names the signer', async () => {
    const key = await generateKeyPair('Ed25519')
    const payload = new TextEncoder().encode('hello')
    const opened = await openEnvelope(await sealEnvelope(key, DOMAIN, payload), DOMAIN, 4096)
    assert.deepEqual(new Uint8Array(opened.payload), payload)
    assert.equal(opened.signer.toString(), peerIdFromPrivateKey(key).toString())
  })

  it('works with secp256k1 identity keys too', async () => {
    const key = await generateKeyPair('secp256k1')
    const opened = await openEnvelope(await sealEnvelope(key, DOMAIN, Uint8Array.of(1)), DOMAIN, 4096)
    assert.equal(opened.signer.toString(), peerIdFromPrivateKey(key).toString())
  })

  it('refuses an envelope signed for another domain', async () => {
    const key = await generateKeyPair('Ed25519')
    await rejects(openEnvelope(await sealEnvelope(key, '/escrin/other/1', Uint8Array.of(1)), DOMAIN, 4096), 'WRONG_DOMAIN')
  })

  it('refuses a changed payload, signature, or swapped key', async () => {
    const key = await generateKeyPair('Ed25519')
    const other = await generateKeyPair('Ed25519')
    const sealed = escrin.SignedEnvelope.decode(await sealEnvelope(key, DOMAIN, Uint8Array.of(1, 2, 3)))
    const reencode = (patch: Partial<escrin.ISignedEnvelope>): Uint8Array => escrin.SignedEnvelope.encode({ ...sealed, ...patch }).finish()
    await rejects(openEnvelope(reencode({ payload: Uint8Array.of(1, 2, 4) }), DOMAIN, 4096), 'BAD_SIGNATURE')
    const signature = Uint8Array.from(sealed.signature)
    signature[0] ^= 1
    await rejects(openEnvelope(reencode({ signature }), DOMAIN, 4096), 'BAD_SIGNATURE')
    const otherSealed = escrin.SignedEnvelope.decode(await sealEnvelope(other, DOMAIN, Uint8Array.of(9)))
    await rejects(openEnvelope(reencode({ publicKey: otherSealed.publicKey }), DOMAIN, 4096), 'BAD_SIGNATURE')
    await rejects(openEnvelope(reencode({ publicKey: Uint8Array.of(8, 1, 18, 0) }), DOMAIN, 4096), 'BAD_KEY')
  })

  it('refuses garbage and oversize input with typed errors', async () => {
    await rejects(openEnvelope(Uint8Array.of(0xff, 0xff, 0xff), DOMAIN, 4096), 'MALFORMED')
    await rejects(openEnvelope(new Uint8Array(5000), DOMAIN, 4096), 'TOO_LARGE')
    await rejects(openEnvelope(new Uint8Array(0), DOMAIN, 4096), 'WRONG_DOMAIN')
  })

  it('signs a length-prefixed, domain-separated encoding (no ambiguity between fields)', () => {
    // moving a byte from the end of the domain to the start of the payload must change the signed bytes
    const a = envelopeSigningBytes('/escrin/ab', Uint8Array.of(1))
    const b = envelopeSigningBytes('/escrin/a', Uint8Array.of(98, 1))
    assert.notDeepEqual(a, b)
    assert.equal(new TextDecoder().decode(a.subarray(0, 17)), 'escrin-envelope/1')
  })
})
