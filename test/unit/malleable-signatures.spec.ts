import assert from 'node:assert/strict'
import { privateKeyToAccount } from 'viem/accounts'
import { recoverMessageAddress } from 'viem/utils'
import { recoverOperator, signOperatorStatement } from '../../protocol/attestation/index.js'
import { signBlobDeletion, verifyBlobDeletion } from '../../protocol/blob/index.js'
import { hasHighS } from '../../protocol/crypto/index.js'
import { signSecretControl, signSecretSpec, verifySecretControl, verifySecretSpec } from '../../protocol/ssss/index.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
/** The secp256k1 group order. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

/** The other valid encoding of a signature: (r, n - s), recovery bit flipped. It recovers the same signer. */
function twinOf (signature: `0x${string}`): `0x${string}` {
  const s = BigInt(`0x${signature.slice(66, 130)}`)
  const v = parseInt(signature.slice(130), 16)
  return `${signature.slice(0, 66)}${(N - s).toString(16).padStart(64, '0')}${(v === 27 ? 28 : 27).toString(16)}` as `0x${string}`
}

describe('malleated (high-s) Ethereum signatures', () => {
  it('hasHighS tells the two encodings apart, and the twin is a genuine signature by the same key', async () => {
    const signature = await privateKeyToAccount(OWNER_KEY).signMessage({ message: 'escrin' })
    const twin = twinOf(signature)
    assert.equal(hasHighS(signature), false)
    assert.equal(hasHighS(twin), true)
    assert.equal((await recoverMessageAddress({ message: 'escrin', signature: twin })).toLowerCase(), OWNER)
    assert.equal(hasHighS('0x1234'), false) // too short to say: left to the decoder
  })

  it('every owner-signed message refuses the twin of its genuine signature', async () => {
    const deletion = await signBlobDeletion({ app: 'payroll', all: true, issuedAtMs: 1_700_000_000_000 }, OWNER_KEY)
    await verifyBlobDeletion(deletion)
    await assert.rejects(verifyBlobDeletion({ ...deletion, signature: twinOf(deletion.signature) }), (err: any) => err.code === 'BAD_SIGNATURE' && /high s/.test(err.message))

    const spec = await signSecretSpec({ app: 'payroll', custody: 'payroll-custody', version: 1, threshold: 2, holders: [new Uint8Array(38).fill(1), new Uint8Array(38).fill(2)], commitments: [Uint8Array.of(2, ...new Uint8Array(32).fill(7))] }, OWNER_KEY)
    await verifySecretSpec(spec)
    await assert.rejects(verifySecretSpec({ ...spec, signature: twinOf(spec.signature) }), (err: any) => err.code === 'BAD_SIGNATURE' && /high s/.test(err.message))

    const control = await signSecretControl({ app: 'payroll', version: 1, action: 'COMMIT', issuedAtMs: 1_700_000_000_000 }, OWNER_KEY)
    await verifySecretControl(control)
    await assert.rejects(verifySecretControl({ ...control, signature: twinOf(control.signature) }), (err: any) => err.code === 'BAD_SIGNATURE' && /high s/.test(err.message))

    const statement = { peerId: '12D3KooWMalleable', enclaveX25519: new Uint8Array(32).fill(3), enclaveSigningKey: new Uint8Array(32).fill(4) }
    const operator = await signOperatorStatement(statement, OWNER_KEY)
    assert.equal(await recoverOperator(statement, operator.signature), OWNER)
    await assert.rejects(recoverOperator(statement, twinOf(operator.signature)), /high s/)
  })
})
