import assert from 'node:assert/strict'
import { BaseError, ContractFunctionRevertedError, createWalletClient, hashTypedData, http, keccak256, parseEventLogs, toEventSignature, toFunctionSignature, toHex, type Abi, type AbiItem, type Hex, type TransactionReceipt } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { recoverTypedDataAddress } from 'viem/utils'
import { foundry } from 'viem/chains'
import { POLICY_REGISTRY_ABI } from '../../protocol/chain/index.js'
import { createPolicy, limits, policyTypedData, POLICY_EIP712_DOMAIN, POLICY_EIP712_TYPES, signPolicy, type Policy } from '../../protocol/policy/index.js'
import { compileContracts, deployPolicyRegistry, startAnvil, type Anvil } from '../helpers/chain.js'

const OWNER_KEY: Hex = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'
const OTHER_KEY: Hex = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase() as Hex
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const TEE = '{"eq":["tee.kind","nitro"]}'

/** The arguments of `register` (and, without the signature, of `digestOf`), built by hand: nothing checks them off chain. */
interface Call { owner: Hex, name: string, version: bigint, predicate: string, createdAt: bigint, signature: Hex }
const callOf = (policy: Policy, signature: Hex): Call =>
  ({ owner: policy.owner, name: policy.name, version: policy.version, predicate: policy.predicate, createdAt: BigInt(policy.createdAt ?? 0), signature })
const args = (c: Call): readonly [Hex, string, bigint, string, bigint, Hex] => [c.owner, c.name, c.version, c.predicate, c.createdAt, c.signature]

/** Signs any message of the Policy type, however malformed a policy it is (signPolicy would refuse). */
async function signRaw (key: Hex, c: Omit<Call, 'signature'>): Promise<Call> {
  const message = { owner: c.owner, name: c.name, version: c.version, predicate: c.predicate, createdAt: c.createdAt }
  const signature = await privateKeyToAccount(key).signTypedData({ domain: POLICY_EIP712_DOMAIN, types: POLICY_EIP712_TYPES, primaryType: 'Policy', message })
  return { ...c, signature }
}

/** The twin of a low-s signature: s' = n - s with the other recovery id, just as valid to plain ecrecover. */
function highS (signature: Hex): Hex {
  const s = BigInt(`0x${signature.slice(66, 130)}`)
  const v = parseInt(signature.slice(130, 132), 16)
  return `${signature.slice(0, 66)}${(N - s).toString(16).padStart(64, '0')}${(v === 27 ? 28 : 27).toString(16)}` as Hex
}

/** A canonical predicate of about 11.6 KB: two allow-lists of 128 operators each. */
function longPredicate (): string {
  const list = (seed: number): string[] => Array.from({ length: limits.MAX_IN_VALUES }, (_, i) => keccak256(toHex(`operator ${seed} ${i}`)).slice(0, 42))
  return createPolicy({ owner: OWNER, name: 'x', version: 0, predicate: JSON.stringify({ any: [{ in: ['operator', list(1)] }, { in: ['operator', list(2)] }] }) }).predicate
}

// The rules of EscrinPolicies.sol that nodes and auditors rely on, on a real EVM (anvil).
describe('EscrinPolicies: the public, append-only record of apps\' policies', function () {
  this.timeout(120_000)
  let anvil: Anvil
  let registry: Hex
  const relayer = privateKeyToAccount(generatePrivateKey())
  const { EscrinPolicies } = compileContracts()

  const digestOf = async (c: Omit<Call, 'signature'>): Promise<Hex> =>
    await anvil.public.readContract({ address: registry, abi: POLICY_REGISTRY_ABI, functionName: 'digestOf', args: [c.owner, c.name, c.version, c.predicate, c.createdAt] })
  const registered = async (digest: Hex): Promise<boolean> =>
    await anvil.public.readContract({ address: registry, abi: POLICY_REGISTRY_ABI, functionName: 'registered', args: [digest] })
  const latest = async (owner: Hex, name: string): Promise<[bigint, Hex]> =>
    await anvil.public.readContract({ address: registry, abi: POLICY_REGISTRY_ABI, functionName: 'latest', args: [owner, keccak256(toHex(name))] }) as [bigint, Hex]

  /** Sends `register` from the relayer, an account that is neither the owner nor the deployer. */
  const register = async (c: Call): Promise<TransactionReceipt> => {
    const wallet = createWalletClient({ chain: foundry, transport: http(anvil.url), account: relayer })
    const hash = await wallet.writeContract({ address: registry, abi: POLICY_REGISTRY_ABI, functionName: 'register', args: args(c) })
    const receipt = await anvil.public.waitForTransactionReceipt({ hash })
    assert.equal(receipt.status, 'success', `register ${c.name} v${c.version} reverted`)
    return receipt
  }
  /** The custom error `register` reverts with, by name and arguments (as the relayer would be told). */
  const refusal = async (c: Call): Promise<{ errorName: string | undefined, args: readonly unknown[] | undefined }> => {
    try {
      await anvil.public.simulateContract({ address: registry, abi: POLICY_REGISTRY_ABI, functionName: 'register', args: args(c), account: relayer })
    } catch (err) {
      const reverted = err instanceof BaseError ? err.walk(e => e instanceof ContractFunctionRevertedError) : null
      if (reverted instanceof ContractFunctionRevertedError) return { errorName: reverted.data?.errorName, args: reverted.data?.args }
      throw err
    }
    assert.fail(`register ${c.name} v${c.version} was accepted`)
  }
  const refusedWith = async (c: Call, errorName: string, why: string): Promise<void> => {
    assert.equal((await refusal(c)).errorName, errorName, why)
  }

  before(async () => {
    anvil = await startAnvil()
    registry = await deployPolicyRegistry(anvil)
    await anvil.test.setBalance({ address: relayer.address, value: 10n ** 20n })
  })
  after(async () => { await anvil?.stop() })

  it('what nodes call is what the contract compiles to, and all of it (no ABI drift)', () => {
    // mutability, outputs and indexed flags too: nodes filter PolicyRegistered by its topics
    const signatures = (abi: Abi): Set<string> => new Set(abi.flatMap((item: AbiItem) =>
      item.type === 'function'
        ? [`${toFunctionSignature(item)} ${item.stateMutability} returns (${item.outputs.map(o => o.type).join(',')})`]
        : item.type === 'event'
          ? [`${toEventSignature(item)} indexed ${item.inputs.map(i => i.indexed === true ? 1 : 0).join('')}`]
          : item.type === 'error' ? [`error ${item.name}(${item.inputs.map(i => i.type).join(',')})`] : []))
    const compiled = signatures(EscrinPolicies.abi)
    const used = signatures(POLICY_REGISTRY_ABI)
    for (const item of used) assert.ok(compiled.has(item), `EscrinPolicies has no ${item}`)
    for (const item of compiled) assert.ok(used.has(item), `EscrinPolicies has ${item}, which POLICY_REGISTRY_ABI lacks`)
  })

  it('digestOf is the EIP-712 digest the owner signs (viem\'s hashTypedData of policyTypedData)', async () => {
    const policies = [
      createPolicy({ owner: OWNER, name: 'demo', version: 1, predicate: TEE }),
      createPolicy({ owner: OWNER, name: 'demo', version: 1, predicate: TEE, createdAt: 1_700_000_000 }),
      createPolicy({ owner: '0x00000000000000000000000000000000000a11ce', name: 'a', version: 0, predicate: 'true' }),
      createPolicy({ owner: OWNER, name: 'n'.repeat(limits.MAX_POLICY_NAME_LENGTH), version: limits.MAX_UINT64, predicate: '{"gte":["bond","1000"]}', createdAt: Number.MAX_SAFE_INTEGER }),
      createPolicy({ owner: OWNER, name: 'long predicate', version: 7, predicate: longPredicate(), createdAt: 1 })
    ]
    assert.ok(policies[4].predicate.length > 10_000)
    const digests = new Set<string>()
    for (const policy of policies) {
      const want = hashTypedData(policyTypedData(policy))
      assert.equal(await digestOf(callOf(policy, '0x')), want, `${policy.name} v${policy.version}`)
      digests.add(want)
    }
    assert.equal(digests.size, policies.length, 'the policies are distinct, so must their digests be')
  })

  it('digestOf hashes a name as its UTF-8 bytes, as EIP-712 wallets do', async () => {
    for (const name of ['é'.repeat(64), '日本語の名前', '😀'.repeat(32)]) {
      const policy = createPolicy({ owner: OWNER, name, version: 3, predicate: TEE, createdAt: 5 })
      assert.equal(await digestOf(callOf(policy, '0x')), hashTypedData(policyTypedData(policy)), name)
    }
  })

  it('a signed policy registers when anyone sends it: registered, latest and the event say which', async () => {
    const signed = await signPolicy(createPolicy({ owner: OWNER, name: 'first', version: 4, predicate: TEE, createdAt: 1_700_000_123 }), OWNER_KEY)
    const digest = hashTypedData(policyTypedData(signed.policy))
    assert.equal(await registered(digest), false)
    assert.deepEqual(await latest(OWNER, 'first'), [0n, `0x${'0'.repeat(64)}`])
    const receipt = await register(callOf(signed.policy, signed.signature))
    assert.equal(receipt.from.toLowerCase(), relayer.address.toLowerCase())
    assert.equal(await anvil.public.getTransactionCount({ address: OWNER }), 0, 'the owner sent nothing')
    assert.equal(await registered(digest), true)
    assert.deepEqual(await latest(OWNER, 'first'), [4n, digest])
    const events = parseEventLogs({ abi: POLICY_REGISTRY_ABI, eventName: 'PolicyRegistered', logs: receipt.logs })
    assert.equal(events.length, 1)
    assert.equal(events[0].address.toLowerCase(), registry.toLowerCase())
    assert.deepEqual(events[0].args, {
      owner: privateKeyToAccount(OWNER_KEY).address,
      nameHash: keccak256(toHex('first')),
      digest,
      name: 'first',
      version: 4n,
      predicate: TEE,
      createdAt: 1_700_000_123n
    })
  })

  it('a policy with a long predicate and no createdAt registers, its whole text in the event', async () => {
    const signed = await signPolicy(createPolicy({ owner: OWNER, name: 'long', version: 1, predicate: longPredicate() }), OWNER_KEY)
    const receipt = await register(callOf(signed.policy, signed.signature))
    const [event] = parseEventLogs({ abi: POLICY_REGISTRY_ABI, eventName: 'PolicyRegistered', logs: receipt.logs })
    assert.equal(event.args.predicate, signed.policy.predicate)
    assert.equal(event.args.createdAt, 0n)
    assert.equal(await registered(hashTypedData(policyTypedData(signed.policy))), true)
  })

  it('only the owner\'s low-s signature over this very policy registers it', async () => {
    const policy = createPolicy({ owner: OWNER, name: 'guarded', version: 2, predicate: TEE, createdAt: 10 })
    const { signature } = await signPolicy(policy, OWNER_KEY)
    const good = callOf(policy, signature)
    const other = await privateKeyToAccount(OTHER_KEY).signTypedData(policyTypedData(policy))
    await refusedWith({ ...good, signature: other }, 'BadSignature', 'signed by another key')

    const twin = highS(signature)
    assert.equal((await recoverTypedDataAddress({ ...policyTypedData(policy), signature: twin })).toLowerCase(), OWNER, 'the high-s twin is the owner\'s signature too')
    await refusedWith({ ...good, signature: twin }, 'BadSignature', 'high s')

    await refusedWith({ ...good, signature: signature.slice(0, 130) as Hex }, 'BadSignature', 'truncated to 64 bytes')
    await refusedWith({ ...good, signature: `${signature}00` }, 'BadSignature', '66 bytes')
    await refusedWith({ ...good, signature: '0x' }, 'BadSignature', 'no signature')
    await refusedWith({ ...good, signature: `${signature.slice(0, 130)}1d` as Hex }, 'BadSignature', 'v = 29')
    await refusedWith({ ...good, predicate: '{"eq":["tee.kind","dev"]}' }, 'BadSignature', 'another predicate')
    await refusedWith({ ...good, version: 3n }, 'BadSignature', 'another version')
    await refusedWith({ ...good, name: 'guarded2' }, 'BadSignature', 'another name')
    await refusedWith({ ...good, createdAt: 11n }, 'BadSignature', 'another createdAt')
    await refusedWith({ ...good, owner: privateKeyToAccount(OTHER_KEY).address }, 'BadSignature', 'another owner')
    // ecrecover answers 0 for a signature that is no signature: that is no one's, not the zero address's
    await refusedWith({ ...good, owner: '0x0000000000000000000000000000000000000000', signature: `0x${'00'.repeat(64)}1b` }, 'BadSignature', 'zero owner, zero signature')
    assert.equal(await registered(hashTypedData(policyTypedData(policy))), false, 'nothing refused was recorded')

    // the bare recovery id (0/1) is the same signature
    const v = parseInt(signature.slice(130, 132), 16)
    await register({ ...good, signature: `${signature.slice(0, 130)}0${v - 27}` as Hex })
    assert.equal(await registered(hashTypedData(policyTypedData(policy))), true)
  })

  it('versions only go up: the same or an older version is refused, a newer one kept, and the old stay registered', async () => {
    const version = async (v: number, predicate = TEE): Promise<Call> => {
      const signed = await signPolicy(createPolicy({ owner: OWNER, name: 'lineage', version: v, predicate }), OWNER_KEY)
      return callOf(signed.policy, signed.signature)
    }
    const v5 = await version(5)
    await register(v5)
    const d5 = await digestOf(v5)
    assert.deepEqual(await refusal(v5), { errorName: 'VersionNotNewer', args: [5n, 5n] }, 'the same version again')
    assert.deepEqual(await refusal(await version(5, 'true')), { errorName: 'VersionNotNewer', args: [5n, 5n] }, 'the same version, another predicate')
    assert.deepEqual(await refusal(await version(4)), { errorName: 'VersionNotNewer', args: [5n, 4n] }, 'an older version')
    assert.deepEqual(await refusal(await version(0)), { errorName: 'VersionNotNewer', args: [5n, 0n] }, 'version 0')
    assert.deepEqual(await latest(OWNER, 'lineage'), [5n, d5])

    const v6 = await version(6, 'true')
    await register(v6)
    assert.deepEqual(await latest(OWNER, 'lineage'), [6n, await digestOf(v6)])
    assert.equal(await registered(d5), true, 'a superseded version stays on the record')
    assert.deepEqual(await refusal(await version(5)), { errorName: 'VersionNotNewer', args: [6n, 5n] })
  })

  it('the first version of a lineage may be 0, and then no version 0 again; lineages are apart', async () => {
    const zero = await signPolicy(createPolicy({ owner: OWNER, name: 'from zero', version: 0, predicate: TEE }), OWNER_KEY)
    await register(callOf(zero.policy, zero.signature))
    assert.deepEqual(await latest(OWNER, 'from zero'), [0n, hashTypedData(policyTypedData(zero.policy))])
    assert.deepEqual(await refusal(callOf(zero.policy, zero.signature)), { errorName: 'VersionNotNewer', args: [0n, 0n] })
    const again = await signPolicy({ ...zero.policy, createdAt: 99 }, OWNER_KEY)
    assert.deepEqual(await refusal(callOf(again.policy, again.signature)), { errorName: 'VersionNotNewer', args: [0n, 0n] }, 'version 0 with another createdAt')

    // 'lineage' is at 6 for OWNER; another name of OWNER, and another owner's 'lineage', start afresh
    const otherName = await signPolicy(createPolicy({ owner: OWNER, name: 'lineage2', version: 1, predicate: TEE }), OWNER_KEY)
    await register(callOf(otherName.policy, otherName.signature))
    const otherOwner = await signPolicy(createPolicy({ owner: privateKeyToAccount(OTHER_KEY).address, name: 'lineage', version: 1, predicate: TEE }), OTHER_KEY)
    await register(callOf(otherOwner.policy, otherOwner.signature))
    assert.deepEqual(await latest(otherOwner.policy.owner, 'lineage'), [1n, hashTypedData(policyTypedData(otherOwner.policy))])
    assert.equal((await latest(OWNER, 'lineage'))[0], 6n)
  })

  it('an empty or over-long name or predicate is refused, even well signed; the longest allowed register', async () => {
    const base = { owner: OWNER, version: 1n, createdAt: 0n }
    const max = limits.MAX_PREDICATE_BYTES
    await refusedWith(await signRaw(OWNER_KEY, { ...base, name: 'n'.repeat(65), predicate: TEE }), 'BadLength', 'a name of 65 bytes')
    await refusedWith(await signRaw(OWNER_KEY, { ...base, name: '', predicate: TEE }), 'BadLength', 'an empty name')
    await refusedWith(await signRaw(OWNER_KEY, { ...base, name: 'big', predicate: 'x'.repeat(max + 1) }), 'BadLength', 'a predicate of 16 KiB + 1')
    await refusedWith(await signRaw(OWNER_KEY, { ...base, name: 'empty', predicate: '' }), 'BadLength', 'an empty predicate')

    // the bounds themselves are allowed (the contract does not parse predicates: any text of up to 16 KiB)
    const longest = await signRaw(OWNER_KEY, { ...base, name: 'n'.repeat(64), predicate: 'x'.repeat(max) })
    await register(longest)
    assert.equal(await registered(await digestOf(longest)), true)
  })

  it('a name is limited as nodes limit it, to 64 UTF-16 code units, however many UTF-8 bytes those take', async () => {
    const base = { owner: OWNER, version: 1n, predicate: TEE, createdAt: 0n }
    // every name checkPolicy accepts registers: 64 characters of 3 UTF-8 bytes, or 32 surrogate pairs of 4
    for (const name of ['日'.repeat(64), '😀'.repeat(32), 'é'.repeat(63) + 'a']) {
      createPolicy({ owner: OWNER, name, version: 1, predicate: TEE })
      const c = await signRaw(OWNER_KEY, { ...base, name })
      await register(c)
      assert.equal(await registered(await digestOf(c)), true, name)
    }
    // and none it refuses for its length
    for (const name of ['日'.repeat(65), '😀'.repeat(32) + 'a', 'é'.repeat(64) + 'a']) {
      assert.throws(() => createPolicy({ owner: OWNER, name, version: 1, predicate: TEE }), /name must be/)
      await refusedWith(await signRaw(OWNER_KEY, { ...base, name }), 'BadLength', `${name.length} code units`)
    }
  })
})
