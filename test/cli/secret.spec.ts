import assert from 'node:assert/strict'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { SsssError } from '../../protocol/ssss/index.js'
import { runCli } from '../helpers/cli.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'

const KEY = '8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(`0x${KEY}`).address.toLowerCase()

describe('escrin-node secret deal / delete (against real nodes)', function () {
  this.timeout(120_000)
  let net: TestNetwork
  let api: string

  before(async () => {
    // devnet nodes: every one a runner and an SSSS node
    net = await startNetwork(3)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 3), { timeoutMs: 30_000 })
    const publish = async (name: string, role: string): Promise<string> =>
      (await net.nodes[0].policies.publish(await signPolicy(createPolicy({ owner: OWNER, name, version: 1, predicate: JSON.stringify({ has: ['roles', role] }) }), `0x${KEY}`))).id
    const custody = await publish('custody', 'ssss')
    const app = await publish('app', 'runner')
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(custody).length === 3 && n.attestations.scopes.members(app).length === 3), { timeoutMs: 30_000 })
    api = net.api(net.nodes[1])
  })

  after(async () => { await net?.close() })

  it('deletes a dealt key at every holder: afterwards no runner gets it', async () => {
    const dealt = await runCli(['secret', 'deal', '--app', 'app', '--custody', 'custody', '--key', KEY, '--api', api])
    assert.equal(dealt.code, 0, dealt.stderr)
    const { version } = JSON.parse(dealt.stdout) as { version: number }
    const runner = net.nodes[2]
    assert.equal((await runner.keyRelease.appKey(OWNER, 'app')).length, 32)

    // a key that is not the owner's: nothing of its own to delete, and the owner's key untouched
    const stranger = await runCli(['secret', 'delete', '--app', 'app', '--version', String(version), '--key', generatePrivateKey(), '--api', api])
    assert.equal(stranger.code, 1, stranger.stderr)
    assert.match(stranger.stderr.split('\n')[0], /^escrin-node: the node refused: UNKNOWN_SECRET: /)
    assert.equal((await runner.keyRelease.appKey(OWNER, 'app')).length, 32)

    const deleted = await runCli(['secret', 'delete', '--app', 'app', '--version', String(version), '--key', KEY, '--api', api])
    assert.equal(deleted.code, 0, deleted.stderr)
    const result = JSON.parse(deleted.stdout) as { deleted: string[], failed: unknown[] }
    assert.deepEqual(result.deleted.sort(), net.nodes.map(n => n.peerId.toString()).sort())
    assert.deepEqual(result.failed, [])
    for (const n of net.nodes) assert.deepEqual(await n.holder?.store.versions(OWNER, 'app'), [])
    await assert.rejects(runner.keyRelease.appKey(OWNER, 'app'), (err: unknown) => err instanceof SsssError && err.code === 'THRESHOLD_NOT_MET' && /UNKNOWN_SECRET/.test(err.message))
  })

  it('--help, and bad usage: exit 2 with a one-line reason', async () => {
    const help = await runCli(['secret', 'delete', '--help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, /escrin-node secret delete --app NAME --version V --key HEX --api URL/)
    const base = ['secret', 'delete', '--app', 'app', '--key', KEY, '--api', api]
    for (const [args, reason] of [
      [base, /--version V is required/],
      [[...base, '--version', 'abc'], /--version: "abc" is not a positive whole number/],
      [[...base, '--version', '0'], /--version: "0" is not a positive whole number/],
      [[...base, '--version', '1.5'], /--version: "1.5" is not a positive whole number/],
      [['secret', 'delete', '--version', '1', '--key', KEY, '--api', api], /--app NAME is required/],
      [[...base, '--version', '1', '--custody', 'custody'], /--custody is for secret deal/],
      [['secret', 'delete', '--app', 'app', '--version', '1', '--key', 'nothex', '--api', api], /--key must be a 32-byte hex private key/],
      [['secret', 'delete', '--app', 'app', '--version', '1', '--key', KEY], /--api URL is required/],
      [['secret', 'deal', '--app', 'app', '--custody', 'custody', '--version', '1', '--key', KEY, '--api', api], /--version is for secret delete/],
      [['secret', 'erase'], /unknown subcommand "erase" \(use: deal, delete\)/]
    ] as Array<[string[], RegExp]>) {
      const result = await runCli(args)
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`)
      assert.match(result.stderr.split('\n')[0], reason)
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace')
    }
  })
})
