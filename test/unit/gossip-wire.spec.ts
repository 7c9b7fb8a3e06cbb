import assert from 'node:assert/strict'
import { privateKeyToAccount } from 'viem/accounts'
import { ALL_TOPICS, decodeSignedPolicy, encodeSignedPolicy, parseTopic, stringifyTopic } from '../../protocol/gossip/index.js'
import { createPolicy, signPolicy, verifySignedPolicy } from '../../protocol/policy/index.js'
import { escrin } from '../../proto/gen/escrin.js'
import { WireError } from '../../protocol/wire/index.js'

const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d'

describe('gossip topics', () => {
  it('round-trip through stringify/parse for every topic kind', () => {
    for (const topic of ALL_TOPICS) assert.deepEqual(parseTopic(stringifyTopic(topic)), topic)
    assert.equal(stringifyTopic(ALL_TOPICS[0]), '/escrin/attestation/1')
  })

  it('parse refuses anything else', () => {
    for (const text of ['/escrin/attestation/2', '/escrin/job/1', 'escrin/policy/1', '/escrin/policy/1/', '/eth2/policy/1', '']) {
      assert.equal(parseTopic(text), undefined, text)
    }
  })
})

describe('signed policy wire form', () => {
  it('round-trips, and the decoded policy still verifies', async () => {
    const owner = privateKeyToAccount(KEY).address
    const signed = await signPolicy(createPolicy({ owner, name: 'n', version: 3, predicate: '{"eq":["tee.kind","nitro"]}', createdAt: 1700000000 }), KEY)
    const decoded = decodeSignedPolicy(encodeSignedPolicy(signed))
    assert.deepEqual(decoded, signed)
    assert.equal((await verifySignedPolicy(decoded)).version, 3n)
  })

  it('rejects wrong field sizes and oversize messages with WireError', () => {
    const base = { owner: new Uint8Array(20), name: 'n', version: 1, predicate: 'true', createdAt: 0, signature: new Uint8Array(65) }
    const bad = [
      { ...base, owner: new Uint8Array(19) },
      { ...base, signature: new Uint8Array(64) },
      { ...base, name: 'x'.repeat(65) },
      { ...base, version: 2 ** 60 }
    ]
    for (const message of bad) {
      assert.throws(() => decodeSignedPolicy(escrin.SignedPolicy.encode(message).finish()), (err: unknown) => err instanceof WireError && err.code === 'INVALID_FIELD')
    }
    assert.throws(() => decodeSignedPolicy(new Uint8Array(64 * 1024)), (err: unknown) => err instanceof WireError && err.code === 'TOO_LARGE')
    assert.throws(() => decodeSignedPolicy(Uint8Array.of(0x0a, 0xff)), (err: unknown) => err instanceof WireError && err.code === 'MALFORMED')
  })
})
