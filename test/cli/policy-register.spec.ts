import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { POLICY_REGISTRY_ABI } from '../../protocol/chain/index.js'
import { deployPolicyRegistry, startAnvil, type Anvil } from '../helpers/chain.js'
import { runCli } from '../helpers/cli.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'

const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d'
/** Not one of anvil's funded development accounts. */
const POOR_KEY = '0x1f0a5c3d7e9b2468ace13579bdf02468ace13579bdf02468ace13579bdf0246a'

describe('escrin-node policy publish --policy-registry (a local chain, 2 real nodes that require registration)', function () {
  this.timeout(120_000)
  let anvil: Anvil
  let registry: `0x${string}`
  let net: TestNetwork
  let dir: string
  const publish = async (file: string, key = KEY, extra: string[] = []): ReturnType<typeof runCli> =>
    await runCli(['policy', 'publish', file, '--key', key, '--api', net.api(net.nodes[0]), '--chain', anvil.url, '--policy-registry', registry, ...extra])

  before(async () => {
    anvil = await startAnvil()
    registry = (await deployPolicyRegistry(anvil)).toLowerCase() as `0x${string}`
    net = await startNetwork(2, { chain: { url: anvil.url, bondContract: null, policyRegistry: registry, confirmations: 0 } })
    dir = await mkdtemp(join(tmpdir(), 'escrin-register-'))
    await anvil.test.setBalance({ address: privateKeyToAccount(KEY).address, value: 10n ** 18n })
  })
  after(async () => {
    await net?.close()
    await anvil?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('registers the signed version on chain, then publishes it: the nodes honour it at once; publishing it again sends no transaction', async () => {
    const file = join(dir, 'registered.json')
    await writeFile(file, JSON.stringify({ name: 'registered', version: 1, createdAt: 1_760_000_000, predicate: { has: ['roles', 'runner'] } }))
    const first = await publish(file)
    assert.equal(first.code, 0, first.stderr)
    assert.match(first.stderr, /^registered: 0x[0-9a-f]{64}$/m)
    const { id, result } = JSON.parse(first.stdout) as { id: string, result: string }
    assert.equal(result, 'added', 'the node read the registration when the policy arrived')
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.hasPolicy(id)), { timeoutMs: 30_000 })
    const blockBefore = await anvil.public.getBlockNumber()
    const again = await publish(file)
    assert.equal(again.code, 0, again.stderr)
    assert.match(again.stderr, /registered already/)
    assert.equal(await anvil.public.getBlockNumber(), blockBefore, 'no transaction')
  })

  it('a version published before it was registered is in force once published again with the registry', async () => {
    const file = join(dir, 'late-registration.json')
    await writeFile(file, JSON.stringify({ name: 'late-registration', version: 1, createdAt: 1_760_000_000, predicate: { has: ['roles', 'runner'] } }))
    const unregistered = await runCli(['policy', 'publish', file, '--key', KEY, '--api', net.api(net.nodes[0])])
    assert.equal(unregistered.code, 0, unregistered.stderr)
    assert.equal(JSON.parse(unregistered.stdout).result, 'unregistered')
    const registered = await publish(file)
    assert.equal(registered.code, 0, registered.stderr)
    assert.match(registered.stderr, /^registered: 0x/m)
    const { id, result } = JSON.parse(registered.stdout) as { id: string, result: string }
    // the node asked the registry again rather than keep it waiting (its event may have released it first)
    assert.ok(result === 'added' || result === 'duplicate', result)
    assert.ok(net.nodes[0].policies.store.get(id) != null)
  })

  it('a version the registry refuses is not published, and the contract\'s reason is given', async () => {
    const file = join(dir, 'older.json')
    // same name and version as above, another document: the registry keeps versions strictly rising
    await writeFile(file, JSON.stringify({ name: 'registered', version: 1, createdAt: 1_760_000_001, predicate: { has: ['roles', 'ssss'] } }))
    const refused = await publish(file)
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /cannot register the policy: the contract refused: VersionNotNewer\(1, 1\)/)
    assert.equal(net.nodes[0].policies.waiting().length, 0, 'nothing was published')
  })

  it('an owner with no ETH is told so before anything is sent; half the chain options are a usage error', async () => {
    const file = join(dir, 'poor.json')
    await writeFile(file, JSON.stringify({ name: 'poor', version: 1, predicate: { has: ['roles', 'runner'] } }))
    const poor = await publish(file, POOR_KEY)
    assert.equal(poor.code, 1)
    assert.match(poor.stderr, /has no ETH to pay for gas/)
    const owner = privateKeyToAccount(POOR_KEY).address
    const latest = await anvil.public.readContract({ address: registry, abi: POLICY_REGISTRY_ABI, functionName: 'latest', args: [owner, '0x'.padEnd(66, '0') as `0x${string}`] })
    assert.equal(latest[0], 0n)
    const half = await runCli(['policy', 'publish', file, '--key', KEY, '--api', net.api(net.nodes[0]), '--chain', anvil.url])
    assert.equal(half.code, 2)
    assert.match(half.stderr, /give --policy-registry too/)
  })

  it('policy history lists every registered version of an owner\'s policy, oldest first, with its predicate', async () => {
    const file = join(dir, 'registered-v2.json')
    await writeFile(file, JSON.stringify({ name: 'registered', version: 2, createdAt: 1_760_000_002, predicate: { has: ['roles', 'storage'] } }))
    assert.equal((await publish(file)).code, 0)
    const owner = privateKeyToAccount(KEY).address
    const history = async (...extra: string[]): ReturnType<typeof runCli> =>
      await runCli(['policy', 'history', '--chain', anvil.url, '--policy-registry', registry, ...extra])
    const json = await history('--owner', owner, '--name', 'registered', '--json')
    assert.equal(json.code, 0, json.stderr)
    const versions = JSON.parse(json.stdout) as Array<{ version: string, predicate: string, createdAt: number, digest: string, registeredAt: string }>
    assert.deepEqual(versions.map(v => [v.version, v.predicate, v.createdAt]), [
      ['1', JSON.stringify({ has: ['roles', 'runner'] }), 1_760_000_000],
      ['2', JSON.stringify({ has: ['roles', 'storage'] }), 1_760_000_002]
    ])
    for (const v of versions) assert.match(v.digest, /^0x[0-9a-f]{64}$/)
    const text = await history('--owner', owner, '--name', 'registered')
    assert.equal(text.stdout.match(/^version \d+ +block \d+ /gm)?.length, 2, text.stdout)
    const none = await history('--owner', owner, '--name', 'never-registered')
    assert.match(none.stdout, /no version of "never-registered"/)
    const bad = await history('--owner', 'nobody', '--name', 'registered')
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /--owner ADDRESS is needed/)
    const noChain = await runCli(['policy', 'history', '--owner', owner, '--name', 'registered', '--policy-registry', registry])
    assert.equal(noChain.code, 2)
    assert.match(noChain.stderr, /--chain URL is needed/)
    const badRegistry = await runCli(['policy', 'publish', join(dir, 'registered.json'), '--key', KEY, '--api', net.api(net.nodes[0]), '--chain', anvil.url, '--policy-registry', 'registry'])
    assert.equal(badRegistry.code, 2)
    assert.match(badRegistry.stderr, /--policy-registry "registry" is not a 0x Ethereum address/)
  })
})

