import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../../node/devnet/index.js'
import { EscrinNode } from '../../node/escrin-node.js'
import { StartupError } from '../../node/errors.js'
import { silentLogger } from '../../node/log/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { compileContracts, deployBonds, lockBond, sendAs, slash, startAnvil, type Anvil, type BondContracts, ESCRIN } from '../helpers/chain.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'

const APP_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'

describe('bonds from the EscrinBonds contract on a local chain (anvil, 4 real nodes)', function () {
  this.timeout(180_000)
  let anvil: Anvil
  let contracts: BondContracts
  let net: TestNetwork
  let policyId: string
  const ids = (indexes: number[]): string[] => indexes.map(i => net.nodes[i].peerId.toString()).sort()
  const members = (node: EscrinNode): string => JSON.stringify(node.attestations.scopes.members(policyId))
  const agree = (want: string[], nodes = (): EscrinNode[] => net.nodes) => () => nodes().every(n => n.attestations.scopes.hasPolicy(policyId) && members(n) === JSON.stringify(want))
  const operator = (i: number): `0x${string}` => net.nodes[i].operator

  before(async () => {
    anvil = await startAnvil()
    contracts = await deployBonds(anvil)
    net = await startNetwork(3, { chain: { url: anvil.url, bondContract: contracts.bonds.toLowerCase() as `0x${string}`, confirmations: 0 } })
    await waitFor(() => net.nodes.every(n => n.attestations.size === 3), { timeoutMs: 30_000 })
    const signed = await signPolicy(createPolicy({ owner: privateKeyToAccount(APP_KEY).address, name: 'bonded', version: 1, predicate: JSON.stringify({ gte: ['bond', (1000n * ESCRIN).toString()] }) }), APP_KEY)
    policyId = (await net.nodes[0].policies.publish(signed)).id
  })

  after(async () => {
    await net?.close()
    await anvil?.stop()
  })

  it('no operator has locked anything: the scope is empty at every node', async () => {
    await waitFor(agree([]), { timeoutMs: 30_000 })
    for (const n of net.nodes) assert.equal(n.bonds.bondOf(operator(0)), 0n)
  })

  it('operators lock $ESCRIN: their nodes enter the scope at every node, from the contract\'s events', async () => {
    await lockBond(anvil, contracts, operator(0), 1000n * ESCRIN)
    await lockBond(anvil, contracts, operator(2), 1500n * ESCRIN)
    await lockBond(anvil, contracts, operator(1), 999n * ESCRIN)
    await waitFor(agree(ids([0, 2])), { timeoutMs: 30_000, describe: () => net.nodes.map(members).join(' ') })
    // a node shows its own operator's bond, and how far it followed the chain
    type Status = { operator: string, bonds: { source: string, contract: string, block: string, operatorBond: string } }
    const latest = await anvil.public.getBlockNumber()
    const status = await waitFor(async () => {
      const s = await (await fetch(`${net.api(net.nodes[2])}/v1/status`)).json() as Status
      return BigInt(s.bonds.block) >= latest ? s : undefined
    }, { timeoutMs: 10_000 })
    assert.equal(status.operator, operator(2))
    assert.equal(status.bonds.source, 'chain')
    assert.equal(status.bonds.contract, contracts.bonds.toLowerCase())
    assert.equal(status.bonds.operatorBond, (1500n * ESCRIN).toString())
    const gauge = /^escrin_bonds_block (\d+)$/m.exec(await net.nodes[2].metrics.registry.metrics())?.[1]
    assert.ok(gauge != null && BigInt(gauge) >= latest, `escrin_bonds_block ${gauge}`)
    const peers = await (await fetch(`${net.api(net.nodes[1])}/v1/peers`)).json() as { peers: Array<{ peerId: string, attestation?: { bond: string } }> }
    assert.equal(peers.peers.find(p => p.peerId === net.nodes[2].peerId.toString())?.attestation?.bond, (1500n * ESCRIN).toString())
  })

  it('a slashed bond, or one asked back, stops counting at once; a bond topped up starts', async () => {
    await slash(anvil, contracts, operator(0), 1n)
    await sendAs(anvil, operator(2), contracts.bonds, compileContracts().EscrinBonds.abi, 'requestUnlock', [600n * ESCRIN])
    await lockBond(anvil, contracts, operator(1), 1n * ESCRIN)
    await waitFor(agree(ids([1])), { timeoutMs: 30_000, describe: () => net.nodes.map(members).join(' ') })
  })

  it('the chain reorganises away a lock: the nodes forget what they followed and read the bonds again', async () => {
    const snapshot = await anvil.test.snapshot()
    await lockBond(anvil, contracts, operator(0), 5n * ESCRIN)
    await waitFor(agree(ids([0, 1])), { timeoutMs: 30_000, describe: () => net.nodes.map(members).join(' ') })
    // back to before the lock, then a longer chain without it (other blocks at the same heights)
    await anvil.test.revert({ id: snapshot })
    await anvil.test.mine({ blocks: 8 })
    await waitFor(agree(ids([1])), { timeoutMs: 30_000, describe: () => net.nodes.map(members).join(' ') })
    await waitFor(() => net.nodes.every(n => n.bonds.bondOf(operator(1)) === 1000n * ESCRIN), { timeoutMs: 10_000 })
  })

  it('a node that joins later reads the bonds it is asked about from the contract (no history scanned)', async () => {
    const late = await EscrinNode.create(devnetNodeConfig(join(net.root, 'late'), [net.nodes[0].host.getMultiaddrs()[0].toString()], { chain: { url: anvil.url, bondContract: contracts.bonds.toLowerCase() as `0x${string}`, confirmations: 0 } }), { logger: silentLogger() })
    await late.start()
    try {
      await waitFor(() => late.policies.store.get(policyId) != null && members(late) === JSON.stringify(ids([1])), { timeoutMs: 30_000, describe: () => members(late) })
      // (its read may still be under way when the scope settles: until it returns the operator has none)
      await waitFor(() => late.bonds.bondOf(operator(2)) === 900n * ESCRIN, { timeoutMs: 10_000, describe: () => String(late.bonds.bondOf(operator(2))) })
    } finally {
      await late.stop()
    }
  })

  it('a node told of a chain it cannot reach, or of an address with no bond contract, does not start, and says why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'escrin-chain-'))
    try {
      const attempt = async (chain: { url: string, bondContract: `0x${string}`, confirmations: number }): Promise<unknown> => {
        const node = await EscrinNode.create(devnetNodeConfig(join(dir, String(Math.random())), [], { chain }), { logger: silentLogger() })
        return await node.start().then(async () => { await node.stop(); return undefined }, err => err)
      }
      const nowhere = await attempt({ url: 'http://127.0.0.1:1', bondContract: contracts.bonds.toLowerCase() as `0x${string}`, confirmations: 0 })
      assert.ok(nowhere instanceof StartupError && /bond ledger: cannot reach the chain at http:\/\/127\.0\.0\.1:1/.test(nowhere.message), String(nowhere))
      const noContract = await attempt({ url: anvil.url, bondContract: `0x${'12'.repeat(20)}`, confirmations: 0 })
      assert.ok(noContract instanceof StartupError && /no contract at 0x1212/.test(noContract.message), String(noContract))
      const wrong = await attempt({ url: anvil.url, bondContract: contracts.token.toLowerCase() as `0x${string}`, confirmations: 0 })
      assert.ok(wrong instanceof StartupError && /does not answer as the EscrinBonds contract/.test(wrong.message), String(wrong))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
