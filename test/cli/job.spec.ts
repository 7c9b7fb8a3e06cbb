import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli, spawnCli, waitForExit } from '../helpers/cli.js'
import { getJson } from '../helpers/http.js'
import { waitFor } from '../helpers/wait.js'

const APP_KEY = '8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const HELLO_WORKER = fileURLToPath(new URL('../../../sim/workers/hello.js', import.meta.url))

describe('escrin-node job submit (end to end: devnet, policy, sample worker)', function () {
  this.timeout(120_000)
  let dir: string
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'escrin-job-cli-')) })
  after(async () => { await rm(dir, { recursive: true, force: true }) })

  it('runs the sample worker on an in-scope runner and prints the decrypted output', async () => {
    const devnet = spawnCli(['devnet', '--nodes', '3'])
    try {
      const apis = await waitFor(() => {
        const found = [...devnet.output.stdout.matchAll(/^node (\d+) +(\S+) +api (http:\/\/\S+)/gm)]
        return found.length === 3 ? found.map(m => ({ peerId: m[2], api: m[3] })) : undefined
      }, { timeoutMs: 30_000, describe: () => devnet.output.stdout + devnet.output.stderr })
      const api = apis[0].api
      await waitFor(async () => (await getJson(api, '/v1/peers')).peers.filter((p: { attestation?: unknown }) => p.attestation != null).length === 2, { timeoutMs: 30_000 })

      const policyFile = join(dir, 'policy.json')
      await writeFile(policyFile, JSON.stringify({ name: 'devnet-runners', version: 1, predicate: { all: [{ eq: ['tee.kind', 'dev'] }, { has: ['roles', 'runner'] }] } }))
      const published = await runCli(['policy', 'publish', policyFile, '--key', APP_KEY, '--api', api])
      assert.equal(published.code, 0, published.stderr)
      const { id } = JSON.parse(published.stdout) as { id: string }
      await waitFor(async () => (await getJson(api, `/v1/scopes/${id}`)).members.length === 3, { timeoutMs: 20_000 })

      const inputFile = join(dir, 'input.txt')
      await writeFile(inputFile, 'escrin')
      const job = await runCli(['job', 'submit', '--policy', id, '--worker', HELLO_WORKER, '--input', inputFile, '--api', api], { timeoutMs: 60_000 })
      assert.equal(job.code, 0, job.stderr)
      const output = JSON.parse(job.stdout) as { greeting: string, sha256: string, policyId: string, runner: string }
      assert.equal(output.greeting, 'hello, escrin')
      assert.equal(output.policyId, id)
      assert.ok(apis.some(a => a.peerId === output.runner), 'ran on a devnet node')
      assert.match(job.stderr, /ran on \S+ \(status 200/)

      // key custody: deal an app key to the devnet's SSSS nodes, then a worker derives a key from it
      const custodyFile = join(dir, 'custody.json')
      await writeFile(custodyFile, JSON.stringify({ name: 'devnet-custody', version: 1, predicate: { has: ['roles', 'ssss'] } }))
      const custody = JSON.parse((await runCli(['policy', 'publish', custodyFile, '--key', APP_KEY, '--api', api])).stdout) as { id: string }
      await waitFor(async () => (await getJson(api, `/v1/scopes/${custody.id}`)).members.length === 3, { timeoutMs: 20_000 })
      const dealt = await runCli(['secret', 'deal', '--app', 'devnet-runners', '--custody', 'devnet-custody', '--key', APP_KEY, '--api', api])
      assert.equal(dealt.code, 0, dealt.stderr)
      const dealing = JSON.parse(dealt.stdout) as { threshold: number, holders: number, committed: string[] }
      assert.deepEqual([dealing.threshold, dealing.holders, dealing.committed.length], [2, 3, 3], dealt.stdout)
      const keyWorker = join(dir, 'key-worker.js')
      await writeFile(keyWorker, 'export default { async fetch (r, env) { const k = await env.escrin.getKey("db"); return new Response(k.length + " bytes") } }')
      const keyed = await runCli(['job', 'submit', '--policy', id, '--worker', keyWorker, '--api', api], { timeoutMs: 60_000 })
      assert.equal(keyed.code, 0, keyed.stderr)
      assert.equal(keyed.stdout, '32 bytes')

      // a policy nobody satisfies: exit 1 with the reason
      await writeFile(policyFile, JSON.stringify({ name: 'nitro-only', version: 1, predicate: { eq: ['tee.kind', 'nitro'] } }))
      const nitro = JSON.parse((await runCli(['policy', 'publish', policyFile, '--key', APP_KEY, '--api', api])).stdout) as { id: string }
      const refused = await runCli(['job', 'submit', '--policy', nitro.id, '--worker', HELLO_WORKER, '--api', api])
      assert.equal(refused.code, 1)
      assert.match(refused.stderr, /NO_RUNNER_IN_SCOPE/)

      const usage = await runCli(['job', 'submit', '--policy', 'nope', '--worker', HELLO_WORKER, '--api', api])
      assert.equal(usage.code, 2)
    } finally {
      devnet.kill('SIGINT')
    }
    assert.equal((await waitForExit(devnet, 20_000)).code, 0, devnet.output.stderr)
  })
})
