import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, spawnCli, waitForExit } from '../helpers/cli.js'
import { getJson } from '../helpers/http.js'
import { waitFor } from '../helpers/wait.js'

describe('escrin-node start (the real process)', function () {
  this.timeout(60_000)
  let dir: string

  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'escrin-cli-')) })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

  async function startNode (env: NodeJS.ProcessEnv = {}, extra: string[] = []): Promise<{ child: ReturnType<typeof spawnCli>, api: string, peerId: string }> {
    const child = spawnCli(['start', '--attestation', 'dev', '--roles', 'runner,ssss,storage', '--listen', '/ip4/127.0.0.1/tcp/0', '--api', '127.0.0.1:0', '--data-dir', dir, ...extra], env)
    const api = await waitFor(() => /^api: (http:\/\/\S+)$/m.exec(child.output.stdout)?.[1], {
      timeoutMs: 20_000,
      describe: () => `stdout=${JSON.stringify(child.output.stdout)} stderr=${JSON.stringify(child.output.stderr)}`
    })
    const peerId = /^peer id: (\S+)$/m.exec(child.output.stdout)?.[1] ?? ''
    return { child, api, peerId }
  }

  it('serves /v1/status, exits 0 on SIGTERM, and keeps its identity in the data dir', async () => {
    const { child, api, peerId } = await startNode()
    const status = await getJson(api, '/v1/status')
    assert.equal(status.peerId, peerId)
    assert.deepEqual(status.roles, ['runner', 'ssss', 'storage'])
    assert.ok(status.addrs.length > 0)
    const metrics = await (await fetch(`${api}/metrics`)).text()
    assert.match(metrics, /^libp2p_connection_manager_connections\{/m)
    assert.match(metrics, /^libp2p_kad_dht_/m)
    assert.match(metrics, /^escrin_connected_peers 0$/m)
    const keyBefore = await readFile(join(dir, 'identity.key'))

    child.kill('SIGTERM')
    const { code } = await waitForExit(child, 10_000)
    assert.equal(code, 0, child.output.stderr)

    // the data dir is intact: same key bytes, and `id` gives the same peer id
    assert.deepEqual(await readFile(join(dir, 'identity.key')), keyBefore)
    const id = await runCli(['id', '--data-dir', dir])
    assert.equal(id.code, 0, id.stderr)
    assert.equal(id.stdout.trim(), peerId)

    // and a restart on the same dir is the same node
    const again = await startNode()
    assert.equal(again.peerId, peerId)
    again.child.kill('SIGINT')
    assert.equal((await waitForExit(again.child, 10_000)).code, 0)
  })

  it('takes options from the environment and a config file, flags first', async () => {
    const config = join(dir, 'config.json')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(config, JSON.stringify({ roles: ['storage'], network: 'from-file' }))
    const child = spawnCli(['start', '--attestation', 'dev', '--config', config, '--listen', '/ip4/127.0.0.1/tcp/0', '--api', '127.0.0.1:0', '--data-dir', dir, '--runner-limit', 'capacity=3', '--runner-limit', 'memory=512MiB'], { ESCRIN_ROLES: 'runner,ssss', ESCRIN_RUNNER_LIMIT: 'capacity=99,processes=1' })
    const api = await waitFor(() => /^api: (http:\/\/\S+)$/m.exec(child.output.stdout)?.[1], { timeoutMs: 20_000, describe: () => child.output.stderr })
    const status = await getJson(api, '/v1/status')
    assert.deepEqual(status.roles, ['runner', 'ssss']) // env beats file
    assert.equal(status.network, 'from-file') // file beats default
    // the runner takes on what it was told (flags are a list of their own: the environment's whole list loses)
    const runner = await getJson(api, '/v1/runner') as { capacity: number, sandbox: { processes: number, limits: { memoryBytes: number } } }
    assert.equal(runner.capacity, 3)
    assert.equal(runner.sandbox.limits.memoryBytes, 512 * 2 ** 20)
    assert.equal(runner.sandbox.processes, 2, 'processes=1 came with the environment\'s list, which the flags replace')
    child.kill('SIGTERM')
    assert.equal((await waitForExit(child, 10_000)).code, 0)
  })
})

describe('escrin-node bad usage', function () {
  this.timeout(60_000)
  let dir: string

  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'escrin-cli-')) })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

  /** Asserts a clear failure: the exit code, a first line that says why, and no stack trace. */
  function assertRefused (result: { code: number | null, stderr: string, stdout: string }, code: number, reason: RegExp): void {
    assert.equal(result.code, code, `stderr: ${result.stderr}`)
    const first = result.stderr.split('\n')[0]
    assert.match(first, reason)
    assert.match(first, /^escrin-node: /)
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace')
  }

  const base = (): string[] => ['--attestation', 'dev', '--listen', '/ip4/127.0.0.1/tcp/0', '--api', '127.0.0.1:0', '--data-dir', dir]

  it('an unknown role exits 2 naming the valid roles', async () => {
    assertRefused(await runCli(['start', '--roles', 'foo', ...base()]), 2, /unknown role "foo".*runner, ssss, storage/)
  })

  it('a malformed multiaddr exits 2', async () => {
    assertRefused(await runCli(['start', ...base(), '--bootstrap', '/ip4/999.1.1.1/tcp/x']), 2, /invalid multiaddr/)
    assertRefused(await runCli(['start', '--attestation', 'dev', '--listen', 'not-an-addr', '--data-dir', dir, '--api', 'off']), 2, /invalid multiaddr "not-an-addr"/)
  })

  it('a bootstrap address without a peer id exits 2', async () => {
    assertRefused(await runCli(['start', ...base(), '--bootstrap', '/ip4/127.0.0.1/tcp/4001']), 2, /no \/p2p\/<peer id>/)
  })

  it('an unknown flag or command exits 2', async () => {
    assertRefused(await runCli(['start', '--frobnicate']), 2, /frobnicate/)
    assertRefused(await runCli(['launch']), 2, /unknown command "launch"/)
    assertRefused(await runCli(['devnet', '--nodes', '0']), 2, /--nodes/)
  })

  it('bonds on a chain it cannot reach exit 1 with the reason; half a chain setting exits 2', async () => {
    assertRefused(await runCli(['start', ...base(), '--chain', 'http://127.0.0.1:1', '--bond-contract', `0x${'ab'.repeat(20)}`]), 1, /bond ledger: cannot reach the chain at http:\/\/127\.0\.0\.1:1/)
    assertRefused(await runCli(['start', ...base(), '--chain', 'http://127.0.0.1:1']), 2, /a chain is followed for its contracts/)
    assertRefused(await runCli(['start', ...base(), '--chain', 'http://127.0.0.1:1', '--policy-registry', `0x${'cd'.repeat(20)}`]), 1, /policy registry: cannot reach the chain at http:\/\/127\.0\.0\.1:1/)
  })

  it('an unusable data dir exits 1 with the reason', async () => {
    const file = join(dir, 'not-a-dir')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(file, 'x')
    assertRefused(await runCli(['start', '--attestation', 'dev', '--listen', '/ip4/127.0.0.1/tcp/0', '--api', 'off', '--data-dir', file]), 1, /data dir .*not-a-dir/)
    // a corrupt key is never overwritten: the operator decides
    const keyDir = join(dir, 'corrupt')
    const { mkdir } = await import('node:fs/promises')
    await mkdir(keyDir)
    await writeFile(join(keyDir, 'identity.key'), 'garbage')
    assertRefused(await runCli(['id', '--data-dir', keyDir]), 1, /does not hold a libp2p private key/)
    assert.equal(await readFile(join(keyDir, 'identity.key'), 'utf8'), 'garbage')
  })

  it('a port in use exits 1 saying so, for libp2p and for the API', async () => {
    const { createServer } = await import('node:net')
    const blocker = createServer()
    await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      assertRefused(await runCli(['start', '--attestation', 'dev', '--listen', `/ip4/127.0.0.1/tcp/${port}`, '--api', 'off', '--data-dir', dir]), 1, /address already in use/)
      assertRefused(await runCli(['start', '--attestation', 'dev', '--listen', '/ip4/127.0.0.1/tcp/0', '--api', `127.0.0.1:${port}`, '--data-dir', dir]), 1, /API .*address already in use/)
    } finally {
      blocker.close()
    }
  })

  it('nitro attestation (the default for start) without its evidence command exits 1 saying what to do', async () => {
    assertRefused(await runCli(['start', '--listen', '/ip4/127.0.0.1/tcp/0', '--api', 'off', '--data-dir', dir]), 1, /needs --nitro-evidence CMD.*outside an enclave, use --attestation dev/)
  })

  it('a nitro node whose evidence command fails exits 1 with the command\'s reason, before it listens', async () => {
    const helper = 'echo "cannot open /dev/nsm" >&2; exit 4'
    assertRefused(await runCli(['start', '--nitro-evidence', helper, '--listen', '/ip4/127.0.0.1/tcp/0', '--api', 'off', '--data-dir', dir]), 1, /cannot attest this node: the evidence command exited with 4: cannot open \/dev\/nsm/)
    assertRefused(await runCli(['start', '--attestation', 'dev', '--nitro-evidence', 'true', '--api', 'off', '--data-dir', dir]), 2, /nitro-evidence .*needs --attestation nitro/)
    assertRefused(await runCli(['start', '--nitro-evidence', 'true', '--nitro-root', join(dir, 'no-such-root.pem'), '--api', 'off', '--data-dir', dir]), 1, /--nitro-root: cannot read .*ENOENT/)
  })

  it('two nodes on one data dir: the second exits 1', async () => {
    const first = spawnCli(['start', ...base()])
    try {
      await waitFor(() => /^api: /m.test(first.output.stdout), { timeoutMs: 20_000, describe: () => first.output.stderr })
      assertRefused(await runCli(['start', ...base()]), 1, /another node is using this data dir/)
    } finally {
      first.kill('SIGTERM')
      await waitForExit(first, 10_000)
    }
  })
})
