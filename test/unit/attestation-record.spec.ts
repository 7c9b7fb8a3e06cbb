import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import {
  AttestationError, bindingOf, createDevEvidence, defaultVerifiers, openAttestation, sealAttestation, signOperatorStatement,
  MAX_ATTESTATION_TTL_MS, type AttestationRecord
} from '../../protocol/attestation/index.js'
import { escrin } from '../../proto/gen/escrin.js'
import { generateEnclaveKeys, type EnclaveKeys } from '../../node/attestations/index.js'
import type { PrivateKey } from '@libp2p/interface'

const NOW = 1_800_000_000_000
const verifiers = defaultVerifiers()

async function makeRecord (key: PrivateKey, keys: EnclaveKeys, patch: Partial<AttestationRecord> = {}): Promise<AttestationRecord> {
  const peerId = peerIdFromPrivateKey(key).toString()
  const base = { peerId, enclaveX25519: keys.x25519Public, enclaveSigningKey: keys.signingPublic }
  const { operator, signature } = await signOperatorStatement(base, keys.operatorKey)
  return {
    ...base,
    roles: ['runner'],
    evidence: { kind: 'dev', data: createDevEvidence(keys.signingSecret, bindingOf(base)) },
    operator,
    operatorSignature: signature,
    capacity: 4,
    price: 10n,
    seq: 1,
    expiresAtMs: NOW + 60_000,
    ...patch
  }
}

async function refused (bytes: Uint8Array, code: string, verdict: 'IGNORE' | 'REJECT'): Promise<void> {
  await assert.rejects(openAttestation(bytes, { now: NOW, verifiers }), (err: unknown) => {
    assert.ok(err instanceof AttestationError, `not an AttestationError: ${String(err)}`)
    assert.equal(err.code, code, err.message)
    assert.equal(err.verdict, verdict)
    return true
  })
}

describe('attestation records', () => {
  let key: PrivateKey
  let keys: EnclaveKeys
  before(async () => { key = await generateKeyPair('Ed25519'); keys = generateEnclaveKeys() })

  it('a dev record round-trips and yields tee.kind dev', async () => {
    const record = await makeRecord(key, keys)
    const { record: opened, tee } = await openAttestation(await sealAttestation(key, record), { now: NOW, verifiers })
    assert.equal(opened.peerId, record.peerId)
    assert.equal(opened.operator, record.operator)
    assert.deepEqual(opened.roles, ['runner'])
    assert.equal(opened.price, 10n)
    assert.deepEqual(tee, { kind: 'dev', measurement: '' })
  })

  it('carries a price in wei exactly, past 2^53 up to a uint64\'s 2^64 - 1, and refuses to seal one beyond', async () => {
    for (const price of [0n, 2n ** 53n + 1n, 10n ** 18n + 7n, 2n ** 64n - 1n]) {
      const { record } = await openAttestation(await sealAttestation(key, await makeRecord(key, keys, { price })), { now: NOW, verifiers })
      assert.equal(record.price, price)
    }
    await assert.rejects(sealAttestation(key, await makeRecord(key, keys, { price: 2n ** 64n })), RangeError)
    await assert.rejects(sealAttestation(key, await makeRecord(key, keys, { price: -1n })), RangeError)
  })

  it('REJECTs a record signed by one peer that names another (identity theft)', async () => {
    const thief = await generateKeyPair('Ed25519')
    const victimRecord = await makeRecord(key, keys)
    await refused(await sealAttestation(thief, victimRecord), 'PEER_MISMATCH', 'REJECT')
  })

  it('REJECTs a forged envelope signature', async () => {
    const sealed = escrin.SignedEnvelope.decode(await sealAttestation(key, await makeRecord(key, keys)))
    const signature = Uint8Array.from(sealed.signature)
    signature[5] ^= 0x40
    await refused(escrin.SignedEnvelope.encode({ ...sealed, signature }).finish(), 'BAD_SIGNATURE', 'REJECT')
  })

  it('REJECTs an operator signature by someone else, or over other keys', async () => {
    const other = generateEnclaveKeys()
    const record = await makeRecord(key, keys)
    const { signature } = await signOperatorStatement({ peerId: record.peerId, enclaveX25519: other.x25519Public, enclaveSigningKey: other.signingPublic }, keys.operatorKey)
    await refused(await sealAttestation(key, { ...record, operatorSignature: signature }), 'BAD_OPERATOR_SIGNATURE', 'REJECT')
    await refused(await sealAttestation(key, { ...record, operator: '0x000000000000000000000000000000000000dead' }), 'BAD_OPERATOR_SIGNATURE', 'REJECT')
  })

  it('REJECTs evidence that fails verification (made with another enclave key, or not bound)', async () => {
    const other = generateEnclaveKeys()
    const record = await makeRecord(key, keys)
    await refused(await sealAttestation(key, { ...record, evidence: { kind: 'dev', data: createDevEvidence(other.signingSecret, bindingOf(record)) } }), 'BAD_EVIDENCE', 'REJECT')
    const nitroDoc = await readFile(fileURLToPath(new URL('../../../../shared/vectors/nitro/att_doc_sample.bin', import.meta.url)))
    // a real Nitro document, but not committing to this record's keys (and long expired)
    await assert.rejects(openAttestation(await sealAttestation(key, { ...record, evidence: { kind: 'nitro', data: new Uint8Array(nitroDoc) } }), { now: NOW, verifiers }), AttestationError)
    const atSample = 1703101376_000 // when the sample's certificates are valid
    await assert.rejects(openAttestation(await sealAttestation(key, { ...record, expiresAtMs: atSample + 60_000, evidence: { kind: 'nitro', data: new Uint8Array(nitroDoc) } }), { now: atSample, verifiers }), (err: unknown) =>
      err instanceof AttestationError && err.code === 'BAD_EVIDENCE' && /BINDING_MISMATCH/.test(err.message))
  })

  it('IGNOREs expired records and unknown evidence kinds; REJECTs validity claimed too far ahead', async () => {
    await refused(await sealAttestation(key, await makeRecord(key, keys, { expiresAtMs: NOW - 1 })), 'EXPIRED', 'IGNORE')
    await refused(await sealAttestation(key, await makeRecord(key, keys, { evidence: { kind: 'sgx', data: new Uint8Array(8) } })), 'UNKNOWN_EVIDENCE_KIND', 'IGNORE')
    await refused(await sealAttestation(key, await makeRecord(key, keys, { expiresAtMs: NOW + MAX_ATTESTATION_TTL_MS + 1 })), 'EXPIRY_TOO_FAR', 'REJECT')
  })

  it('REJECTs malformed and oversize bytes, never throwing anything else', async () => {
    await refused(Uint8Array.of(1, 2, 3), 'MALFORMED', 'REJECT')
    await refused(new Uint8Array(64 * 1024), 'MALFORMED', 'REJECT')
    let seed = 7
    const rand = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed }
    const good = await sealAttestation(key, await makeRecord(key, keys))
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from(good)
      bytes[rand() % bytes.length] ^= 1 << (rand() % 8)
      await assert.rejects(openAttestation(bytes, { now: NOW, verifiers }), AttestationError)
    }
  })
})
