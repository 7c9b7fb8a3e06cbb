import assert from 'node:assert/strict'
import { spawnCli, waitForExit } from '../helpers/cli.js'
import { getJson } from '../helpers/http.js'
import { waitFor } from '../helpers/wait.js'

describe('escrin-node devnet (the README main command)', function () {
  this.timeout(60_000)

  it('starts N nodes that find each other, prints their APIs, and stops cleanly on SIGINT', async () => {
    const child = spawnCli(['devnet', '--nodes', '3'])
    try {
      const apis = await waitFor(() => {
        const found = [...child.output.stdout.matchAll(/^node (\d+) +(\S+) +api (http:\/\/\S+)/gm)]
        return found.length === 3 ? found.map(m => ({ peerId: m[2], api: m[3] })) : undefined
      }, { timeoutMs: 30_000, describe: () => child.output.stdout + child.output.stderr })
      await waitFor(async () => {
        const { peers } = await getJson(apis[0].api, '/v1/peers')
        return peers.filter((p: { connected: boolean }) => p.connected).length === 2
      }, { timeoutMs: 20_000 })
      const status = await getJson(apis[2].api, '/v1/status')
      assert.equal(status.peerId, apis[2].peerId)
    } finally {
      child.kill('SIGINT')
    }
    const { code } = await waitForExit(child, 15_000)
    assert.equal(code, 0, child.output.stderr)
    assert.match(child.output.stdout, /stopping 3 nodes/)
  })

  it('--chain: bonds on a local chain, each operator locking its own, and its policy registry; the chain stops with the devnet', async () => {
    const child = spawnCli(['devnet', '--nodes', '2', '--chain'])
    let chainUrl: string | undefined
    try {
      const apis = await waitFor(() => {
        const found = [...child.output.stdout.matchAll(/^node (\d+) +(\S+) +api (http:\/\/\S+)/gm)]
        return found.length === 2 ? found.map(m => m[3]) : undefined
      }, { timeoutMs: 40_000, describe: () => child.output.stdout + child.output.stderr })
      const chain = /^chain (http:\/\/\S+) +bond contract (0x[0-9a-fA-F]{40}) +token (0x[0-9a-fA-F]{40}) +policy registry (0x[0-9a-fA-F]{40})$/m.exec(child.output.stdout)
      assert.ok(chain != null, child.output.stdout)
      chainUrl = chain[1]
      const status = await getJson(apis[1], '/v1/status')
      assert.equal(status.bonds.source, 'chain')
      assert.equal(status.bonds.contract, chain[2].toLowerCase())
      assert.equal(status.bonds.operatorBond, (2n * 10n ** 18n).toString())
      assert.equal(status.policyRegistry.contract, chain[4].toLowerCase())
    } finally {
      child.kill('SIGINT')
    }
    const { code } = await waitForExit(child, 15_000)
    assert.equal(code, 0, child.output.stderr)
    // anvil went with it
    await assert.rejects(fetch(chainUrl as string, { method: 'POST', body: '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"}', headers: { 'content-type': 'application/json' } }))
  })
})
