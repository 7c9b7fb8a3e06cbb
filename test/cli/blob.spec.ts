import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli, spawnCli, waitForExit } from '../helpers/cli.js'
import { getJson } from '../helpers/http.js'
import { waitFor } from '../helpers/wait.js'

const APP_KEY = '8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const DATA_KEY = 'a1'.repeat(32)
const HELLO_WORKER = fileURLToPath(new URL('../../../sim/workers/hello.js', import.meta.url))

describe('escrin-node blob put / get (end to end on a devnet)', function () {
  this.timeout(120_000)
  let dir: string
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'escrin-blob-cli-')) })
  after(async () => { await rm(dir, { recursive: true, force: true }) })

  it('refuses bad usage with exit 2 and a one-line reason', async () => {
    const noKey = await runCli(['blob', 'put', 'x', '--policy', 'ab'.repeat(32), '--api', 'http://127.0.0.1:1'])
    assert.equal(noKey.code, 2)
    assert.match(noKey.stderr, /--key HEX .* or --plain is required/)
    const badSub = await runCli(['blob', 'list', '--api', 'http://127.0.0.1:1'])
    assert.equal(badSub.code, 2)
    assert.match(badSub.stderr, /unknown subcommand "list"/)
    const badKey = await runCli(['blob', 'get', 'bafy', '--key', 'zz', '--api', 'http://127.0.0.1:1'])
    assert.equal(badKey.code, 2)
    const noCid = await runCli(['blob', 'delete', '--app', 'a', '--owner-key', APP_KEY, '--api', 'http://127.0.0.1:1'])
    assert.equal(noCid.code, 2)
    assert.match(noCid.stderr, /missing CID/)
    const notCid = await runCli(['blob', 'delete', 'nope', '--app', 'a', '--owner-key', APP_KEY, '--api', 'http://127.0.0.1:1'])
    assert.equal(notCid.code, 2)
    assert.match(notCid.stderr, /"nope" is not a blob CID/)
    const both = await runCli(['blob', 'delete', 'bafkreiajvhqf6fnq2haemyee2p3vvyza5ldaqrwvxigi2x4fsbmndu6eua', '--all', '--app', 'a', '--owner-key', APP_KEY, '--api', 'http://127.0.0.1:1'])
    assert.equal(both.code, 2)
    assert.match(both.stderr, /--all deletes every blob of the app: name no CID with it/)
  })

  it('puts an encrypted file, gets it back, and runs a worker fetched from storage by CID', async () => {
    const devnet = spawnCli(['devnet', '--nodes', '3'])
    try {
      const apis = await waitFor(() => {
        const found = [...devnet.output.stdout.matchAll(/^node (\d+) +(\S+) +api (http:\/\/\S+)/gm)]
        return found.length === 3 ? found.map(m => m[3]) : undefined
      }, { timeoutMs: 30_000, describe: () => devnet.output.stdout + devnet.output.stderr })
      await waitFor(async () => (await getJson(apis[0], '/v1/peers')).peers.filter((p: { attestation?: unknown }) => p.attestation != null).length === 2, { timeoutMs: 30_000 })
      const policyFile = join(dir, 'policy.json')
      await writeFile(policyFile, JSON.stringify({ name: 'devnet-app', version: 1, predicate: { eq: ['tee.kind', 'dev'] } }))
      const { id } = JSON.parse((await runCli(['policy', 'publish', policyFile, '--key', APP_KEY, '--api', apis[0]])).stdout) as { id: string }
      await waitFor(async () => (await getJson(apis[2], `/v1/scopes/${id}`)).members.length === 3, { timeoutMs: 20_000 })

      const file = join(dir, 'data.bin')
      const data = randomBytes(2_500_000)
      await writeFile(file, data)
      const put = await runCli(['blob', 'put', file, '--policy', id, '--key', DATA_KEY, '--api', apis[0]])
      assert.equal(put.code, 0, put.stderr)
      const cid = put.stdout.trim()
      assert.match(cid, /^b[a-z2-7]+$/)
      assert.match(put.stderr, /on 3 holders/)

      const out = join(dir, 'back.bin')
      const got = await runCli(['blob', 'get', cid, '--key', DATA_KEY, '--out', out, '--api', apis[2]])
      assert.equal(got.code, 0, got.stderr)
      assert.ok(data.equals(await readFile(out)), 'the same bytes came back')
      const wrong = await runCli(['blob', 'get', cid, '--key', 'b2'.repeat(32), '--out', join(dir, 'wrong.bin'), '--api', apis[1]])
      assert.equal(wrong.code, 1)
      assert.match(wrong.stderr, /does not open with this key/)

      const worker = await runCli(['blob', 'put', HELLO_WORKER, '--policy', id, '--plain', '--api', apis[1]])
      assert.equal(worker.code, 0, worker.stderr)
      const job = await runCli(['job', 'submit', '--policy', id, '--worker-cid', worker.stdout.trim(), '--api', apis[2]], { timeoutMs: 60_000 })
      assert.equal(job.code, 0, job.stderr)
      assert.equal((JSON.parse(job.stdout) as { greeting: string }).greeting, 'hello, world', 'the worker fetched from storage ran (no input: the default greeting)')

      // the app owner deletes the data blob: every holder removes it, and it cannot be read any more
      const deleted = await runCli(['blob', 'delete', cid, '--app', 'devnet-app', '--owner-key', APP_KEY, '--api', apis[1]])
      assert.equal(deleted.code, 0, deleted.stderr)
      assert.equal(deleted.stdout.trim(), `${cid}: removed by 3 holders`)
      const gone = await runCli(['blob', 'get', cid, '--key', DATA_KEY, '--out', join(dir, 'gone.bin'), '--api', apis[2]])
      assert.equal(gone.code, 1)
      assert.match(gone.stderr, /NOT_FOUND/)
    } finally {
      devnet.kill('SIGINT')
    }
    assert.equal((await waitForExit(devnet, 20_000)).code, 0, devnet.output.stderr)
  })
})
