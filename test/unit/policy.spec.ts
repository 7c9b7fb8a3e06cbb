import assert from 'node:assert/strict'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import {
  PolicyError,
  canonicalize,
  checkPolicy,
  compilePredicate,
  createPolicy,
  evaluate,
  explain,
  limits,
  normalizeFacts,
  parsePredicate,
  policyId,
  signPolicy,
  signedPolicyFromJson,
  signedPolicyToJson,
  supersedes,
  verifySignedPolicy,
  type PeerFacts,
  type PolicyErrorCode
} from '../../protocol/policy/index.js'

const OWNER_KEY = `0x${'11'.repeat(32)}`
const OWNER = '0x19e7e376e7c213b7e7e7e46cc70a5dd086daff2a' // address of OWNER_KEY
const OTHER_KEY = `0x${'22'.repeat(32)}`

const M = 'aa'.repeat(48) // a SHA-384 measurement
const OPERATOR = `0x${'12'.repeat(20)}`

const FACTS: PeerFacts = {
  peerId: '12D3KooWPeerA',
  roles: ['runner', 'ssss'],
  tee: { kind: 'nitro', measurement: M, pcrs: { 0: M, 8: 'bb'.repeat(48) } },
  operator: OPERATOR,
  bond: 2000n,
  reliability: 0.9
}

function rejects (json: unknown, code: PolicyErrorCode, path: string, fragment?: string): void {
  assert.throws(() => parsePredicate(json), (err: unknown) => {
    assert.ok(err instanceof PolicyError, `expected PolicyError, got ${String(err)}`)
    assert.equal(err.name, 'PolicyError')
    assert.equal(err.code, code, err.message)
    assert.equal(err.path, path, err.message)
    assert.ok(err.message.startsWith(`${path}: `), err.message)
    if (fragment != null) assert.ok(err.message.includes(fragment), err.message)
    return true
  })
}

function nested (depth: number): unknown {
  let p: unknown = true
  for (let i = 1; i < depth; i++) p = { not: p }
  return p
}

describe('policy language', () => {
  describe('parsePredicate errors', () => {
    it('MALFORMED: not JSON, wrong shape, wrong arity', () => {
      rejects('{"all":[', 'MALFORMED', '$', 'not JSON')
      rejects('"true"', 'MALFORMED', '$', 'expected a predicate object')
      rejects({ all: [true, 3] }, 'MALFORMED', '$.all[1]', 'got number 3')
      rejects({ all: true }, 'MALFORMED', '$.all', 'array of predicates')
      rejects({ eq: ['bond', '1', '2'] }, 'MALFORMED', '$.eq', '[FIELD, VALUE]')
      rejects({ eq: ['bond', '1'], ne: ['bond', '2'] }, 'MALFORMED', '$', 'exactly one operator key')
      rejects({}, 'MALFORMED', '$', 'got 0')
      rejects({ any: [{ in: ['tee.kind', 'nitro'] }] }, 'MALFORMED', '$.any[0].in[1]', 'list of values')
      rejects({ eq: [3, 'x'] }, 'MALFORMED', '$.eq[0]', 'field name is a string')
      rejects(null, 'MALFORMED', '$')
      rejects(new Map(), 'MALFORMED', '$')
    })

    it('UNKNOWN_OPERATOR', () => {
      rejects({ all: [true, { xor: [] }] }, 'UNKNOWN_OPERATOR', '$.all[1]', "'xor'")
      rejects(JSON.parse('{"__proto__":[]}'), 'UNKNOWN_OPERATOR', '$')
    })

    it('UNKNOWN_FIELD, including out-of-range and non-canonical PCR names', () => {
      rejects({ all: [{ eq: ['tee.kind', 'nitro'] }, { eq: ['tee.vendor', 'x'] }] }, 'UNKNOWN_FIELD', '$.all[1].eq[0]', "'tee.vendor'")
      rejects({ eq: ['tee.pcrs.32', 'aa'] }, 'UNKNOWN_FIELD', '$.eq[0]')
      rejects({ eq: ['tee.pcrs.08', 'aa'] }, 'UNKNOWN_FIELD', '$.eq[0]')
      rejects({ eq: ['tee.pcrs', 'aa'] }, 'UNKNOWN_FIELD', '$.eq[0]')
    })

    it('TYPE_MISMATCH: operator vs field, and value types', () => {
      rejects({ gte: ['tee.kind', 'nitro'] }, 'TYPE_MISMATCH', '$.gte', 'does not apply to tee.kind')
      rejects({ has: ['operator', OPERATOR] }, 'TYPE_MISMATCH', '$.has', 'does not apply to operator')
      rejects({ eq: ['roles', 'runner'] }, 'TYPE_MISMATCH', '$.eq', 'use has')
      rejects({ not: { gte: ['bond', 1000] } }, 'TYPE_MISMATCH', '$.not.gte[1]', 'decimal strings')
      rejects({ lt: ['reliability', '0.5'] }, 'TYPE_MISMATCH', '$.lt[1]', 'numbers in [0, 1]')
      rejects({ all: [true, { in: ['tee.kind', ['nitro', 7]] }] }, 'TYPE_MISMATCH', '$.all[1].in[1][1]')
      rejects({ has: ['roles', 1] }, 'TYPE_MISMATCH', '$.has[1]')
    })

    it('BAD_VALUE: right type, invalid content', () => {
      rejects({ eq: ['tee.measurement', 'abc'] }, 'BAD_VALUE', '$.eq[1]', 'hex') // odd length
      rejects({ eq: ['tee.measurement', 'zz'] }, 'BAD_VALUE', '$.eq[1]')
      rejects({ eq: ['tee.measurement', ''] }, 'BAD_VALUE', '$.eq[1]')
      rejects({ eq: ['operator', '0x1234'] }, 'BAD_VALUE', '$.eq[1]', '0x-address')
      // a mixed-case address with a broken EIP-55 checksum is a typo
      rejects({ eq: ['operator', '0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2B'] }, 'BAD_VALUE', '$.eq[1]', 'EIP-55')
      rejects({ has: ['roles', 'miner'] }, 'BAD_VALUE', '$.has[1]', "unknown role 'miner'")
      rejects({ gte: ['reliability', 1.5] }, 'BAD_VALUE', '$.gte[1]')
      rejects({ gte: ['bond', '-1'] }, 'BAD_VALUE', '$.gte[1]')
      rejects({ gte: ['bond', '1e18'] }, 'BAD_VALUE', '$.gte[1]')
      rejects({ gte: ['bond', (1n << 256n).toString()] }, 'BAD_VALUE', '$.gte[1]')
      rejects({ eq: ['tee.kind', 'Nitro Enclave'] }, 'BAD_VALUE', '$.eq[1]')
      rejects({ eq: ['peerId', '12D3/../x'] }, 'BAD_VALUE', '$.eq[1]')
    })

    it('TOO_DEEP beyond MAX_DEPTH, and exactly MAX_DEPTH is accepted', () => {
      parsePredicate(nested(limits.MAX_DEPTH))
      rejects(nested(limits.MAX_DEPTH + 1), 'TOO_DEEP', `$${'.not'.repeat(limits.MAX_DEPTH)}`, `deeper than ${limits.MAX_DEPTH}`)
      // hostile nesting far beyond the limit fails the same way, without recursing into it
      rejects(nested(100_000), 'TOO_DEEP', `$${'.not'.repeat(limits.MAX_DEPTH)}`)
    })

    it('TOO_LARGE: nodes, list length, string length, text size, canonical size', () => {
      parsePredicate({ all: Array(limits.MAX_NODES - 1).fill(true) })
      rejects({ all: Array(limits.MAX_NODES).fill(true) }, 'TOO_LARGE', `$.all[${limits.MAX_NODES - 1}]`, 'nodes')
      rejects({ any: Array(1_000_000).fill(true) }, 'TOO_LARGE', '$.any')
      const list = Array.from({ length: limits.MAX_IN_VALUES + 1 }, (_, i) => i.toString(16).padStart(2, '0'))
      rejects({ in: ['tee.measurement', list] }, 'TOO_LARGE', '$.in[1]', `more than ${limits.MAX_IN_VALUES}`)
      rejects({ eq: ['tee.measurement', 'ab'.repeat(129)] }, 'TOO_LARGE', '$.eq[1]', 'characters')
      rejects(`{"all":[true${' '.repeat(limits.MAX_PREDICATE_BYTES)}]}`, 'TOO_LARGE', '$', 'text exceeds')
      // each value is small, but 200 clauses of them make a canonical encoding over 16 KiB
      const wide = { any: Array.from({ length: 200 }, (_, i) => ({ eq: ['tee.measurement', i.toString(16).padStart(64, '0')] })) }
      rejects(wide, 'TOO_LARGE', '$', 'canonical encoding')
    })
  })

  describe('canonicalize', () => {
    it('normalises values and is stable under re-parsing', () => {
      const p = parsePredicate(`{ "all": [
        {"in": ["tee.kind", ["NITRO", "dev", "nitro"]]},
        {"eq": ["operator", "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A"]},
        {"gte": ["bond", "0001000"]},
        {"eq": ["tee.pcrs.8", "0xABCD"]},
        {"lt": ["reliability", -0]},
        {"in": ["bond", ["10", "9", "010"]]}
      ] }`)
      const text = canonicalize(p)
      assert.equal(text, '{"all":[{"in":["tee.kind",["dev","nitro"]]},{"eq":["operator","0x19e7e376e7c213b7e7e7e46cc70a5dd086daff2a"]},{"gte":["bond","1000"]},{"eq":["tee.pcrs.8","abcd"]},{"lt":["reliability",0]},{"in":["bond",["9","10"]]}]}')
      assert.equal(canonicalize(parsePredicate(text)), text)
      assert.deepEqual(parsePredicate(text), p)
      assert.equal(canonicalize(parsePredicate(true)), 'true')
    })

    it('returns frozen trees', () => {
      const p = parsePredicate({ all: [{ eq: ['tee.kind', 'nitro'] }] })
      assert.ok(Object.isFrozen(p))
      assert.throws(() => { (p as any).op = 'any' })
    })
  })

  describe('evaluation', () => {
    const facts = normalizeFacts(FACTS)
    const cases: Array<[unknown, boolean]> = [
      [true, true],
      [false, false],
      [{ all: [] }, true],
      [{ any: [] }, false],
      [{ all: [true, true, true, true] }, true],
      [{ all: [true, true, true, false] }, false],
      [{ any: [false, false, false, true] }, true],
      [{ any: [false, false] }, false],
      [{ not: false }, true],
      [{ eq: ['peerId', '12D3KooWPeerA'] }, true],
      [{ eq: ['peerId', '12d3koowpeera'] }, false], // peer ids are case-sensitive
      [{ ne: ['peerId', '12D3KooWPeerB'] }, true],
      [{ in: ['peerId', ['12D3KooWPeerB', '12D3KooWPeerA']] }, true],
      [{ eq: ['tee.kind', 'NITRO'] }, true],
      [{ ne: ['tee.kind', 'nitro'] }, false],
      [{ in: ['tee.kind', ['dev', 'test']] }, false],
      [{ eq: ['tee.measurement', `0x${M.toUpperCase()}`] }, true],
      [{ in: ['tee.measurement', ['00', M]] }, true],
      [{ eq: ['tee.pcrs.8', 'bb'.repeat(48)] }, true],
      [{ eq: ['tee.pcrs.0', 'bb'.repeat(48)] }, false],
      // an absent PCR equals nothing, so `ne` (which is `not eq`) holds
      [{ eq: ['tee.pcrs.4', '00'] }, false],
      [{ ne: ['tee.pcrs.4', '00'] }, true],
      [{ in: ['tee.pcrs.4', ['00']] }, false],
      [{ eq: ['operator', OPERATOR.toUpperCase().replace('0X', '0x')] }, true],
      [{ in: ['operator', [`0x${'00'.repeat(20)}`]] }, false],
      [{ eq: ['bond', '2000'] }, true],
      [{ ne: ['bond', '2000'] }, false],
      [{ in: ['bond', ['1', '2000']] }, true],
      [{ gte: ['bond', '2000'] }, true],
      [{ gt: ['bond', '2000'] }, false],
      [{ lte: ['bond', '1999'] }, false],
      [{ lt: ['bond', '2001'] }, true],
      [{ gte: ['bond', (2n ** 200n).toString()] }, false],
      [{ gte: ['reliability', 0.9] }, true],
      [{ gt: ['reliability', 0.9] }, false],
      [{ lte: ['reliability', 0.95] }, true],
      [{ lt: ['reliability', 0.5] }, false],
      [{ eq: ['reliability', 0.9] }, true],
      [{ in: ['reliability', [0, 1]] }, false],
      [{ has: ['roles', 'runner'] }, true],
      [{ has: ['roles', 'storage'] }, false],
      [{ all: [{ has: ['roles', 'ssss'] }, { not: { eq: ['tee.kind', 'dev'] } }, { gte: ['bond', '1000'] }] }, true],
      [{ any: [{ eq: ['tee.kind', 'dev'] }, { lt: ['reliability', 0.5] }, { has: ['roles', 'storage'] }] }, false]
    ]
    for (const [json, expected] of cases) {
      it(`${JSON.stringify(json)} is ${String(expected)}`, () => {
        const p = parsePredicate(json)
        assert.equal(compilePredicate(p)(facts), expected, 'compiled')
        assert.equal(evaluate(p, facts), expected, 'reference')
        assert.equal(explain(p, facts).admitted, expected, 'explain')
      })
    }

    it('compiled predicates carry their source and canonical text', () => {
      const p = parsePredicate({ gte: ['bond', '01'] })
      const compiled = compilePredicate(p)
      assert.equal(compiled.predicate, p)
      assert.equal(compiled.canonical, '{"gte":["bond","1"]}')
    })
  })

  describe('explain', () => {
    const dev = normalizeFacts({ ...FACTS, tee: { kind: 'dev', measurement: '' } })
    const x = (json: unknown, facts: PeerFacts = dev): ReturnType<typeof explain> => explain(parsePredicate(json), facts)

    it('names the first failing clause of an all', () => {
      assert.deepEqual(x({ all: [{ has: ['roles', 'runner'] }, { in: ['tee.kind', ['nitro']] }, { gte: ['bond', '1'] }] }), {
        admitted: false,
        reason: "tee.kind is 'dev', not in ['nitro']",
        clause: '$.all[1]'
      })
    })

    it('names the first holding clause of an any', () => {
      assert.deepEqual(x({ any: [{ eq: ['tee.kind', 'nitro'] }, { gte: ['bond', '1000'] }] }), {
        admitted: true,
        reason: 'bond is 2000, >= 1000',
        clause: '$.any[1]'
      })
    })

    it('lists the clauses when all had to be checked', () => {
      assert.deepEqual(x({ all: [{ has: ['roles', 'runner'] }, { lt: ['reliability', 1] }] }), {
        admitted: true,
        reason: "all 2 clauses hold [roles ['runner', 'ssss'] include 'runner'; reliability is 0.9, < 1]",
        clause: '$'
      })
      assert.deepEqual(x({ any: [{ eq: ['tee.kind', 'nitro'] }, { has: ['roles', 'storage'] }] }), {
        admitted: false,
        reason: "none of 2 clauses holds [tee.kind is 'dev', not 'nitro'; roles ['runner', 'ssss'] do not include 'storage']",
        clause: '$'
      })
    })

    it('passes through not, with the inner clause path', () => {
      assert.deepEqual(x({ all: [true, { not: { eq: ['tee.kind', 'dev'] } }] }), {
        admitted: false,
        reason: "negated: tee.kind is 'dev'",
        clause: '$.all[1].not'
      })
    })

    it('describes every comparison', () => {
      assert.equal(x({ ne: ['tee.kind', 'dev'] }).reason, "tee.kind is 'dev', which the clause excludes")
      assert.equal(x({ ne: ['tee.kind', 'nitro'] }).reason, "tee.kind is 'dev', not 'nitro'")
      assert.equal(x({ eq: ['tee.pcrs.3', 'ab'] }).reason, "tee.pcrs.3 is absent, not 'ab'")
      assert.equal(x({ gt: ['bond', '5000'] }).reason, 'bond is 2000, not > 5000')
      assert.equal(x({ lte: ['reliability', 0.5] }).reason, 'reliability is 0.9, not <= 0.5')
      assert.equal(x(false).reason, 'constant false')
      assert.equal(x({ all: [] }).reason, 'all of no clauses hold (vacuously true)')
    })

    it('cuts long values and lists short', () => {
      const list = Array.from({ length: 20 }, (_, i) => (i + 10).toString(16).padStart(2, '0'))
      const reason = x({ in: ['tee.pcrs.0', list] }, normalizeFacts(FACTS)).reason
      assert.ok(reason.startsWith(`tee.pcrs.0 is '${M.slice(0, limits.EXPLAIN_MAX_VALUE_CHARS)}…', not in ['0a', '0b',`), reason)
      assert.ok(reason.endsWith(`… ${20 - limits.EXPLAIN_MAX_LIST_ITEMS} more]`), reason)
    })
  })

  describe('normalizeFacts', () => {
    it('normalises hex, addresses, roles', () => {
      const facts = normalizeFacts({ ...FACTS, roles: ['ssss', 'runner', 'ssss'], operator: OPERATOR.replace('0x', '0x').toUpperCase().replace('0X', '0x'), tee: { kind: 'Nitro', measurement: `0x${M.toUpperCase()}`, pcrs: { 1: '0xAB' } } })
      assert.deepEqual(facts.roles, ['runner', 'ssss'])
      assert.equal(facts.operator, OPERATOR)
      assert.deepEqual(facts.tee, { kind: 'nitro', measurement: M, pcrs: { 1: 'ab' } })
    })

    it('rejects malformed facts with BAD_FACTS and the field path', () => {
      const bad: Array<[unknown, string]> = [
        [{ ...FACTS, bond: 5 }, '$.bond'],
        [{ ...FACTS, reliability: 2 }, '$.reliability'],
        [{ ...FACTS, operator: 'alice' }, '$.operator'],
        [{ ...FACTS, peerId: '' }, '$.peerId'],
        [{ ...FACTS, tee: { kind: 'nitro', measurement: 'xyz' } }, '$.tee.measurement'],
        [{ ...FACTS, tee: { kind: 'nitro', measurement: '', pcrs: { 40: 'aa' } } }, '$.tee.pcrs.40']
      ]
      for (const [facts, path] of bad) {
        assert.throws(() => normalizeFacts(facts as PeerFacts), (err: any) => err.code === 'BAD_FACTS' && err.path === path)
      }
    })
  })

  describe('policy documents', () => {
    const PREDICATE = '{"all":[{"in":["tee.kind",["nitro"]]},{"gte":["bond","1000"]},{"has":["roles","runner"]},{"not":{"eq":["tee.pcrs.8","ab"]}}]}'
    const policy = createPolicy({ owner: OWNER, name: 'demo', version: 1, predicate: PREDICATE, createdAt: 1_700_000_000 })

    it('has a stable id (a change here breaks every published policy id)', () => {
      assert.equal(policyId(policy), '5ea07d0e118b2053ccd9e91f726f9ea7e22be1e89dcb2c61b05f3f43036e692a')
    })

    it('hashes the documented encoding', () => {
      const enc = new TextEncoder()
      const predicate = enc.encode(PREDICATE)
      const bytes = Uint8Array.from([
        ...enc.encode('escrin-policy-id/1\u0000'),
        ...Buffer.from(OWNER.slice(2), 'hex'),
        4, ...enc.encode('demo'),
        0, 0, 0, 0, 0, 0, 0, 1,
        predicate.length, ...predicate // under 128 bytes: a one-byte uvarint
      ])
      assert.ok(predicate.length < 128)
      assert.equal(policyId(policy), bytesToHex(sha256(bytes)))
    })

    it('id ignores createdAt and input spelling, and depends on everything else', () => {
      const id = policyId(policy)
      const respelled = createPolicy({ owner: OWNER.toUpperCase().replace('0X', '0x'), name: 'demo', version: 1n, predicate: parsePredicate(JSON.parse(PREDICATE)) })
      assert.equal(policyId(respelled), id)
      assert.notEqual(policyId({ ...policy, version: 2n }), id)
      assert.notEqual(policyId({ ...policy, name: 'demo2' }), id)
      assert.notEqual(policyId({ ...policy, owner: `0x${'00'.repeat(20)}` }), id)
      assert.notEqual(policyId({ ...policy, predicate: 'true' }), id)
    })

    it('checkPolicy rejects a non-canonical predicate and bad fields', () => {
      const code = (p: unknown): string | undefined => { try { checkPolicy(p as any) } catch (err: any) { return `${err.code as string} ${err.path as string}` } }
      assert.equal(code({ ...policy, predicate: '{"gte":["bond","01000"]}' }), 'NOT_CANONICAL $.predicate')
      assert.equal(code({ ...policy, predicate: '{"gte":["bond",1]}' }), 'TYPE_MISMATCH $.predicate')
      assert.equal(code({ ...policy, owner: '0x12' }), 'BAD_POLICY $.owner')
      assert.equal(code({ ...policy, name: '' }), 'BAD_POLICY $.name')
      assert.equal(code({ ...policy, name: 'a\nb' }), 'BAD_POLICY $.name')
      assert.equal(code({ ...policy, version: -1n }), 'BAD_POLICY $.version')
      assert.equal(code({ ...policy, version: 1n << 64n }), 'BAD_POLICY $.version')
      assert.equal(code({ ...policy, createdAt: 1.5 }), 'BAD_POLICY $.createdAt')
    })

    it('supersedes: same owner and name, higher version', () => {
      const v2 = { ...policy, version: 2n }
      assert.equal(supersedes(v2, policy), true)
      assert.equal(supersedes(policy, v2), false)
      assert.equal(supersedes(policy, policy), false)
      assert.equal(supersedes({ ...v2, name: 'other' }, policy), false)
      assert.equal(supersedes({ ...v2, owner: `0x${'00'.repeat(20)}` }, policy), false)
    })
  })

  describe('EIP-712 signatures', () => {
    const policy = createPolicy({ owner: OWNER, name: 'demo', version: 1, predicate: '{"eq":["tee.kind","nitro"]}', createdAt: 1_700_000_000 })

    it('signs deterministically and verifies', async () => {
      const signed = await signPolicy(policy, OWNER_KEY)
      // RFC 6979 signatures are deterministic: this pins the typed-data encoding
      assert.equal(signed.signature, '0x428d4061d1f70f52c078da5c24c3844ed688d80a01dc57bda822d3406a970a452bffce7bd89df01cf8267b86d9b9946f5b15ad11f446e55950e8e7f64fdc2b1a1c')
      assert.deepEqual(await verifySignedPolicy(signed), policy)
      assert.deepEqual(await verifySignedPolicy(signedPolicyFromJson(JSON.parse(JSON.stringify(signedPolicyToJson(signed))))), policy)
    })

    it('accepts a key without 0x', async () => {
      const signed = await signPolicy(policy, OWNER_KEY.slice(2))
      await verifySignedPolicy(signed)
    })

    it('rejects a tampered policy with BAD_SIGNATURE', async () => {
      const signed = await signPolicy(policy, OWNER_KEY)
      const tampered = [
        { ...signed.policy, predicate: '{"eq":["tee.kind","dev"]}' },
        { ...signed.policy, version: 2n },
        { ...signed.policy, name: 'demo!' },
        { ...signed.policy, createdAt: 1_700_000_001 }
      ]
      for (const p of tampered) {
        await assert.rejects(verifySignedPolicy({ policy: p, signature: signed.signature }), { name: 'PolicyError', code: 'BAD_SIGNATURE' })
      }
    })

    it('rejects a policy claiming another owner than its signer', async () => {
      // the key holder cannot sign for someone else...
      await assert.rejects(signPolicy(policy, OTHER_KEY), { code: 'KEY_MISMATCH' })
      // ...and a signature by the owner does not carry over to a document naming another owner
      const signed = await signPolicy(policy, OWNER_KEY)
      await assert.rejects(
        verifySignedPolicy({ policy: { ...policy, owner: `0x${'ab'.repeat(20)}` }, signature: signed.signature }),
        (err: any) => err.code === 'BAD_SIGNATURE' && err.message.includes('not by the owner')
      )
    })

    it('rejects malformed and malleable signatures', async () => {
      const signed = await signPolicy(policy, OWNER_KEY)
      await assert.rejects(verifySignedPolicy({ policy, signature: '0x1234' }), { code: 'BAD_SIGNATURE' })
      await assert.rejects(verifySignedPolicy({ policy, signature: `0x${'00'.repeat(65)}` }), { code: 'BAD_SIGNATURE' })
      const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
      const s = BigInt(`0x${signed.signature.slice(66, 130)}`)
      const v = parseInt(signed.signature.slice(130), 16)
      const twin = `${signed.signature.slice(0, 66)}${(n - s).toString(16).padStart(64, '0')}${(v === 27 ? 28 : 27).toString(16)}` as `0x${string}`
      await assert.rejects(verifySignedPolicy({ policy, signature: twin }), (err: any) => err.code === 'BAD_SIGNATURE' && err.message.includes('high s'))
    })

    it('rejects bad keys', async () => {
      await assert.rejects(signPolicy(policy, 'nope'), { code: 'BAD_KEY' })
      await assert.rejects(signPolicy(policy, `0x${'00'.repeat(32)}`), { code: 'BAD_KEY' })
    })
  })
})
