import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { FileBondLedger } from '../../node/bonds/index.js'
import { createPolicy, signedPolicyToJson, signPolicy } from '../../protocol/policy/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'

const APP_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const ETH = 10n ** 18n

describe('bonds from the local ledger file (4 real nodes sharing one ledger)', function () {
  this.timeout(120_000)
  let net: TestNetwork
  let ledger: FileBondLedger
  let root: string

  before(async () => {
    // every node reads the same ledger file, as on a devnet
    root = await mkdtemp(join(tmpdir(), 'escrin-bonds-e2e-'))
    ledger = new FileBondLedger(join(root, 'bonds.json'))
    await ledger.start()
    net = await startNetwork(4, { bondLedger: ledger.path })
    await ledger.set(net.nodes.map((n, i) => [n.operator, i < 2 ? 1n * ETH : 3n * ETH]))
    await waitFor(() => net.nodes.every(n => n.attestations.size === 4), { timeoutMs: 30_000 })
  })

  after(async () => {
    await ledger?.stop()
    await net?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('a policy on bond admits the bonded operators, and membership follows a change in the ledger', async () => {
    const signed = await signPolicy(createPolicy({
      owner: privateKeyToAccount(APP_KEY).address, name: 'bonded', version: 1, predicate: JSON.stringify({ gte: ['bond', (2n * ETH).toString()] })
    }), APP_KEY)
    const res = await fetch(`${net.api(net.nodes[0])}/v1/policies`, { method: 'POST', body: JSON.stringify(signedPolicyToJson(signed)) })
    assert.equal(res.status, 200)
    const { id } = await res.json() as { id: string }
    const ids = (indexes: number[]): string[] => indexes.map(i => net.nodes[i].peerId.toString()).sort()
    const agree = (want: string[]) => async () => net.nodes.every(n => n.attestations.scopes.hasPolicy(id) && JSON.stringify(n.attestations.scopes.members(id)) === JSON.stringify(want))
    await waitFor(agree(ids([2, 3])), { timeoutMs: 30_000, describe: () => net.nodes.map(n => n.attestations.scopes.hasPolicy(id) ? n.attestations.scopes.members(id).length : 'none').join(',') })

    // the peers' view shows the bond
    const peers = await (await fetch(`${net.api(net.nodes[1])}/v1/peers`)).json() as { peers: Array<{ peerId: string, attestation?: { bond: string } }> }
    assert.equal(peers.peers.find(p => p.peerId === net.nodes[3].peerId.toString())?.attestation?.bond, (3n * ETH).toString())

    await ledger.set([[net.nodes[0].operator, 5n * ETH], [net.nodes[3].operator, 0n]])
    await waitFor(agree(ids([0, 2])), { timeoutMs: 30_000, describe: () => net.nodes.map(n => n.attestations.scopes.members(id).length).join(',') })
  })
})
