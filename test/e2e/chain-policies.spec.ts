import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../../node/devnet/index.js'
import { EscrinNode } from '../../node/escrin-node.js'
import { ChainPolicyRegistry } from '../../node/policies/index.js'
import { registerPolicy } from '../../node/sdk/index.js'
import { StartupError } from '../../node/errors.js'
import { silentLogger } from '../../node/log/index.js'
import type { ChainConfig } from '../../node/config/index.js'
import { createPolicy, policyDigest, policyId as idOf, signPolicy, type SignedPolicy } from '../../protocol/policy/index.js'
import { deployBonds, deployPolicyRegistry, startAnvil, type Anvil } from '../helpers/chain.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'

const APP_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(APP_KEY).address
/** Anyone may send a registration: the owner's signature is what the contract checks. Here anvil's fourth development account sends them. */
const RELAYER_KEY = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6'

describe('policies honoured only once registered in the EscrinPolicies contract (anvil, 3 real nodes)', function () {
  this.timeout(180_000)
  let anvil: Anvil
  let registry: `0x${string}`
  let chain: ChainConfig
  let net: TestNetwork
  const versions: SignedPolicy[] = []

  const sign = async (version: number): Promise<SignedPolicy> =>
    await signPolicy(createPolicy({ owner: OWNER, name: 'registered-runners', version, predicate: JSON.stringify({ has: ['roles', 'runner'] }), createdAt: 1_760_000_000 + version }), APP_KEY)
  const register = async (signed: SignedPolicy): Promise<void> => {
    const { transaction } = await registerPolicy(signed, { url: anvil.url, registry, senderKey: RELAYER_KEY })
    assert.ok(transaction != null, 'a version not registered yet is sent')
  }
  const honoured = (node: EscrinNode, signed: SignedPolicy): boolean =>
    node.policies.store.get(idOf(signed.policy)) != null && node.attestations.scopes.hasPolicy(idOf(signed.policy))
  const waiting = (node: EscrinNode, signed: SignedPolicy): boolean => node.policies.waiting().some(w => w.id === idOf(signed.policy))
  const views = (signed: SignedPolicy) => () => net.nodes.map(n => `${honoured(n, signed) ? 'honoured' : waiting(n, signed) ? 'waiting' : 'unknown'}`).join(' ')

  before(async () => {
    anvil = await startAnvil()
    registry = (await deployPolicyRegistry(anvil)).toLowerCase() as `0x${string}`
    chain = { url: anvil.url, bondContract: null, policyRegistry: registry, confirmations: 0 }
    net = await startNetwork(3, { chain })
    await waitFor(() => net.nodes.every(n => n.attestations.size === 3), { timeoutMs: 30_000 })
    for (let v = 1; v <= 5; v++) versions.push(await sign(v))
  })

  after(async () => {
    await net?.close()
    await anvil?.stop()
  })

  it('a version not registered is held at every node and applied at none: no scope, no policy to look up', async () => {
    const [v1] = versions
    const { result } = await net.nodes[0].policies.publish(v1)
    assert.equal(result, 'unregistered')
    // relayed all the same, so that every node can honour it the moment it is registered
    await waitFor(() => net.nodes.every(n => waiting(n, v1)), { timeoutMs: 30_000, describe: views(v1) })
    for (const node of net.nodes) assert.equal(honoured(node, v1), false)
    const res = await fetch(`${net.api(net.nodes[1])}/v1/policies/${idOf(v1.policy)}`)
    assert.equal(res.status, 404)
    assert.equal((await res.json() as { error: { code: string } }).error.code, 'UNREGISTERED_POLICY')
    const list = await (await fetch(`${net.api(net.nodes[2])}/v1/policies`)).json() as { policies: unknown[], unregistered: Array<{ id: string }>, registry: { contract: string } }
    assert.deepEqual(list.policies, [])
    assert.deepEqual(list.unregistered.map(p => p.id), [idOf(v1.policy)])
    assert.equal(list.registry.contract, registry)
    assert.match(await net.nodes[2].metrics.registry.metrics(), /^escrin_policy_registry\{what="waiting"\} 1$/m)
  })

  it('once its owner\'s signature is registered (sent by anyone), every node honours it, from the contract\'s event', async () => {
    const [v1] = versions
    await register(v1)
    await waitFor(() => net.nodes.every(n => honoured(n, v1) && !waiting(n, v1)), { timeoutMs: 30_000, describe: views(v1) })
    const latest = await anvil.public.getBlockNumber()
    const status = await waitFor(async () => {
      const s = await (await fetch(`${net.api(net.nodes[2])}/v1/status`)).json() as { policyRegistry: { contract: string, block: string, registered: number } }
      return BigInt(s.policyRegistry.block) >= latest ? s : undefined
    }, { timeoutMs: 10_000 })
    assert.equal(status.policyRegistry.contract, registry)
    assert.ok(status.policyRegistry.registered >= 1)
    const metrics = await net.nodes[2].metrics.registry.metrics()
    assert.match(metrics, /^escrin_policy_registry\{what="waiting"\} 0$/m)
    const block = /^escrin_policy_registry\{what="block"\} (\d+)$/m.exec(metrics)?.[1]
    assert.ok(block != null && BigInt(block) >= latest, `escrin_policy_registry block ${block}`)
  })

  it('a newer version replaces the registered one only when it is registered too', async () => {
    const [v1, v2] = versions
    await net.nodes[1].policies.publish(v2)
    await waitFor(() => net.nodes.every(n => waiting(n, v2)), { timeoutMs: 30_000, describe: views(v2) })
    for (const node of net.nodes) assert.ok(honoured(node, v1), 'the registered version stays in force')
    await register(v2)
    await waitFor(() => net.nodes.every(n => honoured(n, v2) && !honoured(n, v1)), { timeoutMs: 30_000, describe: views(v2) })
  })

  it('a registration the chain reorganises away stops being honoured, the version before it is in force again, until it is registered again', async () => {
    const [, v2, v3] = versions
    await net.nodes[0].policies.publish(v3)
    await waitFor(() => net.nodes.every(n => waiting(n, v3)), { timeoutMs: 30_000, describe: views(v3) })
    const snapshot = await anvil.test.snapshot()
    await register(v3)
    await waitFor(() => net.nodes.every(n => honoured(n, v3)), { timeoutMs: 30_000, describe: views(v3) })
    // back to before the registration, then a longer chain without it
    await anvil.test.revert({ id: snapshot })
    await anvil.test.mine({ blocks: 8 })
    await waitFor(() => net.nodes.every(n => !honoured(n, v3) && waiting(n, v3)), { timeoutMs: 30_000, describe: views(v3) })
    // the version v3 replaced is still registered: it is in force again meanwhile
    await waitFor(() => net.nodes.every(n => honoured(n, v2)), { timeoutMs: 30_000, describe: views(v2) })
    await register(v3)
    await waitFor(() => net.nodes.every(n => honoured(n, v3) && !honoured(n, v2)), { timeoutMs: 30_000, describe: views(v3) })
  })

  it('a node that joins later, or restarts, reads the registrations of the policies it is given (no history scanned)', async () => {
    const [, , v3] = versions
    const late = await EscrinNode.create(devnetNodeConfig(join(net.root, 'late'), [net.nodes[0].host.getMultiaddrs()[0].toString()], { chain }), { logger: silentLogger() })
    await late.start()
    try {
      await waitFor(() => honoured(late, v3), { timeoutMs: 30_000 })
    } finally {
      await late.stop()
    }
    // its stored policies are checked again at start, before any peer is dialled
    const again = await EscrinNode.create(devnetNodeConfig(join(net.root, 'late'), [], { chain }), { logger: silentLogger() })
    await again.start()
    try {
      await waitFor(() => again.policies.store.get(idOf(v3.policy)) != null, { timeoutMs: 10_000 })
    } finally {
      await again.stop()
    }
  })

  it('a node told of a registry it cannot reach, or of an address with no registry, does not start, and says why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'escrin-registry-'))
    try {
      const attempt = async (with_: ChainConfig): Promise<unknown> => {
        const node = await EscrinNode.create(devnetNodeConfig(join(dir, String(Math.random())), [], { chain: with_ }), { logger: silentLogger() })
        return await node.start().then(async () => { await node.stop(); return undefined }, err => err)
      }
      const nowhere = await attempt({ ...chain, url: 'http://127.0.0.1:1' })
      assert.ok(nowhere instanceof StartupError && /policy registry: cannot reach the chain at http:\/\/127\.0\.0\.1:1/.test(nowhere.message), String(nowhere))
      const noContract = await attempt({ ...chain, policyRegistry: `0x${'34'.repeat(20)}` })
      assert.ok(noContract instanceof StartupError && /no contract at 0x3434.*EscrinPolicies/.test(noContract.message), String(noContract))
      // a contract, but another one (the bond contracts' token): refused at start, not found out later
      const { token } = await deployBonds(anvil)
      const wrong = await attempt({ ...chain, policyRegistry: token.toLowerCase() as `0x${string}` })
      assert.ok(wrong instanceof StartupError && /does not answer as the EscrinPolicies contract/.test(wrong.message), String(wrong))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('a waiting version that a newer registered one supersedes waits no longer (it can never be registered now)', async () => {
    const [, , , v4, v5] = versions
    await net.nodes[0].policies.publish(v4)
    await net.nodes[0].policies.publish(v5)
    await waitFor(() => net.nodes.every(n => waiting(n, v4) && waiting(n, v5)), { timeoutMs: 30_000, describe: views(v4) })
    await register(v5)
    await waitFor(() => net.nodes.every(n => honoured(n, v5)), { timeoutMs: 30_000, describe: views(v5) })
    for (const node of net.nodes) assert.deepEqual(node.policies.waiting(), [])
  })

  it('a registry told to wait for confirmations counts a registration only once that many blocks are on it', async () => {
    const registryView = new ChainPolicyRegistry({ url: anvil.url, contract: registry, confirmations: 3, pollMs: 3_600_000 })
    await registryView.start()
    try {
      const heard: string[] = []
      registryView.onRegistered(digests => { heard.push(...digests) })
      const signed = await signPolicy(createPolicy({ owner: OWNER, name: 'confirmed', version: 1, predicate: JSON.stringify({ has: ['roles', 'runner'] }), createdAt: 1_760_000_000 }), APP_KEY)
      const digest = policyDigest(signed.policy)
      await register(signed)
      assert.equal(await registryView.registered(digest), false, 'under fewer than 3 blocks')
      await anvil.test.mine({ blocks: 3 })
      await registryView.poll()
      assert.ok(heard.includes(digest), 'listeners hear of it once it counts')
      assert.equal(await registryView.registered(digest), true)
    } finally {
      await registryView.stop()
    }
  })

  it('reads of arriving policies are rate-limited: past the budget a policy waits unread, and is read after the next poll', async () => {
    const registryView = new ChainPolicyRegistry({ url: anvil.url, contract: registry, pollMs: 3_600_000, reads: { perSecond: 0.001, burst: 2 } })
    await registryView.start()
    try {
      const heard: string[] = []
      registryView.onRegistered(digests => { heard.push(...digests) })
      const unregistered = async (version: number): Promise<`0x${string}`> =>
        policyDigest((await signPolicy(createPolicy({ owner: OWNER, name: 'flood', version, predicate: JSON.stringify({ has: ['roles', 'runner'] }) }), APP_KEY)).policy)
      assert.equal(await registryView.registered(await unregistered(1)), false)
      assert.equal(await registryView.registered(await unregistered(2)), false)
      // the budget is spent: a registered version is not read now...
      const v1 = policyDigest(versions[0].policy)
      assert.equal(await registryView.registered(v1), false)
      assert.equal(heard.length, 0)
      // ...but after the next poll, and its listeners hear of it
      await registryView.poll()
      await waitFor(() => heard.includes(v1), { timeoutMs: 10_000 })
      assert.equal(await registryView.registered(v1), true)
    } finally {
      await registryView.stop()
    }
  })
})

