import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../helpers/cli.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'

const KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'

describe('escrin-node policy publish / scope (against real nodes)', function () {
  this.timeout(90_000)
  let net: TestNetwork
  let dir: string

  before(async () => {
    net = await startNetwork(3)
    dir = await mkdtemp(join(tmpdir(), 'escrin-app-'))
    await waitFor(() => net.nodes.every(n => n.attestations.size === 3), { timeoutMs: 30_000 })
  })
  after(async () => { await net?.close(); await rm(dir, { recursive: true, force: true }) })

  it('publishes a policy through one node and shows its scope on another, with reasons', async () => {
    const file = join(dir, 'dev-ok.json')
    await writeFile(file, JSON.stringify({ name: 'devnet', version: 1, predicate: { all: [{ eq: ['tee.kind', 'dev'] }, { has: ['roles', 'runner'] }] } }))
    const published = await runCli(['policy', 'publish', file, '--key', KEY, '--api', net.api(net.nodes[0])])
    assert.equal(published.code, 0, published.stderr)
    const { id } = JSON.parse(published.stdout)
    assert.match(id, /^[0-9a-f]{64}$/)

    await waitFor(() => net.nodes[2].attestations.scopes.members(id).length === 3, { timeoutMs: 20_000 })
    const shown = await runCli(['scope', id, '--api', net.api(net.nodes[2])])
    assert.equal(shown.code, 0, shown.stderr)
    assert.match(shown.stdout, /^3 members$/m)
    for (const node of net.nodes) assert.ok(shown.stdout.includes(node.peerId.toString()))

    const exclusive = join(dir, 'nitro-only.json')
    await writeFile(exclusive, JSON.stringify({ name: 'prod', version: 1, predicate: { eq: ['tee.kind', 'nitro'] } }))
    const second = JSON.parse((await runCli(['policy', 'publish', exclusive, '--key', KEY, '--api', net.api(net.nodes[1])])).stdout)
    await waitFor(() => net.nodes[0].attestations.scopes.hasPolicy(second.id), { timeoutMs: 20_000 })
    const explained = await runCli(['scope', second.id, '--api', net.api(net.nodes[0]), '--explain'])
    assert.equal(explained.code, 0, explained.stderr)
    assert.equal(explained.stdout.trim().split('\n').filter(l => l.startsWith('OUT ')).length, 3)
    assert.match(explained.stdout, /tee\.kind is 'dev'/)
  })

  it('refuses bad input with a clear reason', async () => {
    const bad = join(dir, 'bad.json')
    await writeFile(bad, JSON.stringify({ name: 'x', version: 1, predicate: { eq: ['tee.colour', 'red'] } }))
    const refused = await runCli(['policy', 'publish', bad, '--key', KEY, '--api', net.api(net.nodes[0])])
    assert.equal(refused.code, 2)
    assert.match(refused.stderr, /tee\.colour/)
    assert.equal((await runCli(['policy', 'publish', bad, '--key', 'nothex', '--api', net.api(net.nodes[0])])).code, 2)
    const unknown = await runCli(['scope', 'ab'.repeat(32), '--api', net.api(net.nodes[0])])
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /UNKNOWN_POLICY/)
    const unreachable = await runCli(['scope', 'ab'.repeat(32), '--api', 'http://127.0.0.1:1'])
    assert.equal(unreachable.code, 1)
    assert.match(unreachable.stderr, /cannot reach/)
  })
})
