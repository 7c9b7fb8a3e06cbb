import assert from 'node:assert/strict'
import { BlobError, signBlobDeletion } from '../../protocol/blob/index.js'
import { createPolicy } from '../../protocol/policy/index.js'
import { MAX_POLICY_NAME_LENGTH } from '../../protocol/policy/constants.js'
import { decodeSsssRequest, encodeSsssRequest, prepareDeletion, SsssError } from '../../protocol/ssss/index.js'
import { WireError } from '../../protocol/wire/index.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = '0x' + 'ab'.repeat(20) as `0x${string}`

// An app is (policy owner, policy name): app keys, blob quotas and deletions all name one. A name no
// policy can have would name an app nobody can publish a scope for, so every message takes the
// policy's bound, not one of its own.
describe('app names are policy names everywhere', () => {
  const longest = 'a'.repeat(MAX_POLICY_NAME_LENGTH)
  const tooLong = 'a'.repeat(MAX_POLICY_NAME_LENGTH + 1)

  it('policies', () => {
    assert.equal(createPolicy({ owner: OWNER, name: longest, version: 1, predicate: '{"eq":["tee.kind","test"]}' }).name, longest)
    assert.throws(() => createPolicy({ owner: OWNER, name: tooLong, version: 1, predicate: '{"eq":["tee.kind","test"]}' }))
  })

  it('SSSS messages on the wire, and the owner\'s own tools', async () => {
    const control = (app: string): Uint8Array => encodeSsssRequest({ control: { owner: OWNER, app, version: 1, action: 'DELETE', issuedAtMs: 1, signature: `0x${'00'.repeat(65)}` } })
    assert.equal((decodeSsssRequest(control(longest)) as { control: { app: string } }).control.app, longest)
    assert.throws(() => decodeSsssRequest(control(tooLong)), (err: unknown) => err instanceof WireError && /control\.app/.test(err.message))
    assert.equal((await prepareDeletion({ ownerKey: OWNER_KEY, app: longest, version: 1 })).app, longest)
    await assert.rejects(prepareDeletion({ ownerKey: OWNER_KEY, app: tooLong, version: 1 }), (err: unknown) => err instanceof SsssError && err.code === 'MALFORMED')
  })

  it('blob deletions', async () => {
    assert.equal((await signBlobDeletion({ app: longest, all: true }, OWNER_KEY)).app, longest)
    await assert.rejects(signBlobDeletion({ app: tooLong, all: true }, OWNER_KEY), (err: unknown) => err instanceof BlobError && err.code === 'MALFORMED')
  })
})
