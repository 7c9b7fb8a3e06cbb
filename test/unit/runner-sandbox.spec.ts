import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { CallbackServer, type TokenGrant } from '../../node/runner/sandbox/callback-server.js'
import { SandboxError, WorkerSandbox, type SandboxErrorCode, type SandboxJob } from '../../node/runner/sandbox/index.js'

const te = new TextEncoder()
const td = new TextDecoder()
/** Sample workers, read from the source tree (this file runs from dist/test/unit). */
const FIXTURES = new URL('../../../test/fixtures/workers/', import.meta.url)
let jobs = 0

function fixture (name: string): Uint8Array {
  return te.encode(readFileSync(new URL(`${name}.js`, FIXTURES), 'utf8'))
}

function job (name: string, input = '', extra: Partial<SandboxJob> = {}): SandboxJob {
  return { jobId: `job-${jobs++}`, codeId: `cid-${name}`, code: fixture(name), input: te.encode(input), appId: '0xapp', policyId: 'p'.repeat(64), attestation: { peerId: 'me', kind: 'dev' }, ...extra }
}

async function rejectsWith (promise: Promise<unknown>, ...codes: SandboxErrorCode[]): Promise<SandboxError> {
  try {
    await promise
  } catch (err) {
    assert.ok(err instanceof SandboxError, String(err))
    assert.ok(codes.includes(err.code), `${err.code} (${err.message}), expected ${codes.join(' or ')}`)
    return err
  }
  assert.fail(`expected ${codes.join(' or ')}`)
}

/** workerd processes whose parent is this process, from /proc. */
function workerdChildren (): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (comm === 'workerd' && Number(fields[1]) === process.pid && fields[0] !== 'Z') found.push(Number(entry))
    } catch {}
  }
  return found
}

/** Whether a pid is a live (not zombie) process. */
function alive (pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

describe('runner sandbox (workerd)', function () {
  this.timeout(60_000)
  let sandbox: WorkerSandbox

  before(async () => {
    sandbox = new WorkerSandbox({ processes: 2, limits: { wallTimeMs: 4_000, cpuTimeMs: 1_000, memoryBytes: 400 * 1024 * 1024, outputBytes: 64 * 1024, codeBytes: 32 * 1024 } })
    await sandbox.start()
  })
  after(async () => { await sandbox.stop() })

  it('runs a worker: input as the request body, output and status back; warm processes are reused', async () => {
    const { pids } = sandbox.stats()
    assert.equal(pids.length, 2)
    for (let i = 0; i < 50; i++) {
      const result = await sandbox.run(job('echo', `in ${i}`))
      assert.equal(td.decode(result.output), `in ${i}`)
      assert.equal(result.status, 201)
      assert.ok(result.durationMs >= 0)
    }
    // a real 500 is an answer, not a failure
    const answered = await sandbox.run(job('error-response'))
    assert.equal(answered.status, 500)
    assert.equal(td.decode(answered.output), 'not found here')
    assert.deepEqual(sandbox.stats().pids, pids, 'no new workerd process for warm jobs')
    assert.equal(sandbox.stats().restarts, 0)
  })

  it('env.escrin carries the job; the worker sees no token, header or binding of the sandbox', async () => {
    const result = await sandbox.run(job('env', 'hello', { jobId: 'job-env' }))
    assert.deepEqual(JSON.parse(td.decode(result.output)), {
      appId: '0xapp', policyId: 'p'.repeat(64), jobId: 'job-env', attestation: { peerId: 'me', kind: 'dev' }, envKeys: ['escrin'], headers: [], input: 'hello'
    })
  })

  it('getKey calls back into the node for the job that asks, and fails without a key release', async () => {
    const asked: string[][] = [[], []]
    const [a, b] = await Promise.all([0, 1].map(async i => await sandbox.run(job('get-key', `key-${i}`, {
      onGetKey: async name => { asked[i].push(name); return te.encode(`secret of job ${i} for ${name}`) }
    }))))
    assert.equal(td.decode(a.output), 'secret of job 0 for key-0')
    assert.equal(td.decode(b.output), 'secret of job 1 for key-1')
    assert.deepEqual(asked, [['key-0'], ['key-1']])

    const denied = await sandbox.run(job('get-key', 'key-0'))
    assert.equal(denied.status, 403)
    assert.match(td.decode(denied.output), /^denied: key release is not available/)

    const failing = await sandbox.run(job('get-key', 'key-0', { onGetKey: async () => { throw new Error('custody said no') } }))
    assert.equal(failing.status, 403)
    assert.match(td.decode(failing.output), /custody said no/)

    const badName = await sandbox.run(job('get-key', 'x'.repeat(200), { onGetKey: async () => { assert.fail('called') } }))
    assert.equal(badName.status, 403)
  })

  it('a callback token opens only its own job, and only while the job runs', async () => {
    const socket = join(tmpdir(), `escrin-cb-test-${process.pid}.sock`)
    const grants = new Map<string, TokenGrant>()
    const server = new CallbackServer(socket, token => grants.get(token))
    await server.start()
    const call = async (path: string, token: string, body?: string): Promise<{ status: number, body: string }> => await new Promise((resolve, reject) => {
      const req = request({ socketPath: socket, path, method: body != null ? 'POST' : 'GET', headers: { authorization: `Bearer ${token}` } }, res => {
        let text = ''
        res.on('data', (d: Buffer) => { text += d.toString() })
        res.on('end', () => { resolve({ status: res.statusCode ?? 0, body: text }) })
      })
      req.on('error', reject)
      req.end(body)
    })
    try {
      const tokenA = 'a'.repeat(32)
      const tokenB = 'b'.repeat(32)
      grants.set(tokenA, { code: te.encode('code A'), onGetKey: async name => te.encode(`A:${name}`) })
      grants.set(tokenB, { code: te.encode('code B') })
      assert.deepEqual(await call('/code', tokenA), { status: 200, body: 'code A' })
      assert.deepEqual(await call('/key', tokenA, '{"name":"k"}'), { status: 200, body: 'A:k' })
      // B's token never opens A's key release
      assert.equal((await call('/key', tokenB, '{"name":"k"}')).status, 403)
      assert.equal((await call('/key', 'c'.repeat(32), '{"name":"k"}')).status, 403)
      assert.equal((await call('/code', 'c'.repeat(32))).status, 403)
      // the job ended: its token opens nothing
      grants.delete(tokenA)
      assert.equal((await call('/code', tokenA)).status, 403)
      assert.equal((await call('/key', tokenA, '{"name":"k"}')).status, 403)
    } finally {
      await server.stop()
    }
  })

  it('an infinite loop is stopped at its CPU bound, its process is replaced, and other jobs go on', async () => {
    const restarts = sandbox.stats().restarts
    const started = performance.now()
    const [looped, fine] = await Promise.allSettled([
      sandbox.run(job('infinite-loop')),
      sandbox.run(job('echo', 'alongside'))
    ])
    assert.equal(fine.status, 'fulfilled')
    assert.equal(td.decode(fine.value.output), 'alongside')
    assert.equal(looped.status, 'rejected')
    assert.equal((looped.reason as SandboxError).code, 'CPU_EXCEEDED', (looped.reason as Error).message)
    assert.ok(performance.now() - started < 4_000, 'stopped by the CPU bound (1 s), before the wall-time bound (4 s)')
    assert.equal(sandbox.stats().restarts, restarts + 1)
    assert.equal(td.decode((await sandbox.run(job('echo', 'after'))).output), 'after')
  })

  it('an infinite loop under a looser CPU bound is stopped by the wall time; a waiting worker times out', async () => {
    const started = performance.now()
    await rejectsWith(sandbox.run(job('infinite-loop', '', { limits: { wallTimeMs: 1_000, cpuTimeMs: 60_000 } })), 'CPU_EXCEEDED', 'TIMEOUT')
    assert.ok(performance.now() - started < 3_000)
    const hung = await rejectsWith(sandbox.run(job('hang', '', { limits: { wallTimeMs: 500 } })), 'TIMEOUT')
    assert.match(hung.message, /500 ms/)
    assert.equal(td.decode((await sandbox.run(job('echo', 'after'))).output), 'after')
  })

  it('a throw, a non-Response, a huge output, node:fs, no handler and oversize code are typed errors', async () => {
    const threw = await rejectsWith(sandbox.run(job('throw')), 'WORKER_THREW')
    assert.equal(threw.message, 'TypeError: boom from the worker')
    await rejectsWith(sandbox.run(job('not-a-response')), 'WORKER_THREW')
    await rejectsWith(sandbox.run(job('huge-output')), 'OUTPUT_TOO_LARGE')
    const fs = await rejectsWith(sandbox.run(job('read-file')), 'BAD_WORKER')
    assert.match(fs.message, /node:fs/)
    await rejectsWith(sandbox.run(job('no-handler')), 'BAD_WORKER')
    await rejectsWith(sandbox.run({ ...job('echo'), codeId: 'cid-syntax', code: te.encode('export default { async fetch () { return ') }), 'BAD_WORKER')
    const pids = sandbox.stats().pids
    const big = te.encode(`export default {} /* ${'x'.repeat(40 * 1024)} */`)
    await rejectsWith(sandbox.run({ ...job('echo'), codeId: 'cid-big', code: big }), 'CODE_TOO_LARGE')
    assert.deepEqual(sandbox.stats().pids, pids, 'oversize code never reaches a process')
    assert.equal(td.decode((await sandbox.run(job('echo', 'still fine'))).output), 'still fine')
  })

  it('no outbound network: a server on this machine is never reached', async () => {
    let hits = 0
    const server: Server = createServer((_req, res) => { hits++; res.end('reached') })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    try {
      const port = (server.address() as { port: number }).port
      const result = await sandbox.run(job('fetch-network', `http://127.0.0.1:${port}/`))
      assert.equal(result.status, 502)
      assert.match(td.decode(result.output), /^blocked: /)
      assert.equal(hits, 0)
    } finally {
      server.close()
    }
  })

  it('memory hogs are stopped, on and off the V8 heap; warm code is per app', async () => {
    // its own sandbox: generous time bounds, so that only the memory bound can stop the hogs
    const local = new WorkerSandbox({ processes: 1, limits: { wallTimeMs: 30_000, cpuTimeMs: 30_000, memoryBytes: 256 * 1024 * 1024 } })
    try {
      await local.start()
      const external = await rejectsWith(local.run(job('memory-hog')), 'MEMORY_EXCEEDED')
      assert.match(external.message, /MiB/)
      const heap = await rejectsWith(local.run(job('heap-hog')), 'MEMORY_EXCEEDED')
      assert.match(heap.message, /heap/)
      // module state lives on in a warm worker, but not across apps
      const count = async (appId: string): Promise<string> => td.decode((await local.run(job('counter', '', { appId }))).output)
      assert.deepEqual([await count('a'), await count('a'), await count('b'), await count('a')], ['1', '2', '1', '3'])
    } finally {
      await local.stop()
    }
  })

  it('a full queue is BUSY, an aborted job is ABORTED, and a missing directory is UNAVAILABLE', async () => {
    const local = new WorkerSandbox({ processes: 1, queueLimit: 1, limits: { wallTimeMs: 2_000 } })
    try {
      await local.start()
      const first = local.run(job('hang'))
      const queued = local.run(job('echo', 'queued'))
      await rejectsWith(local.run(job('echo')), 'BUSY')
      assert.deepEqual({ busy: local.stats().busy, queued: local.stats().queued }, { busy: 1, queued: 1 })
      const abort = new AbortController()
      const cancelled = local.run(job('hang'), { signal: abort.signal })
      abort.abort()
      await rejectsWith(cancelled, 'ABORTED', 'BUSY')
      await rejectsWith(first, 'TIMEOUT')
      assert.equal(td.decode((await queued).output), 'queued')
      // abort a running job
      const running = new AbortController()
      const job2 = local.run(job('hang'), { signal: running.signal })
      while (local.stats().busy === 0) await delay(1)
      running.abort()
      await rejectsWith(job2, 'ABORTED')
    } finally {
      await local.stop()
    }
    await rejectsWith(new WorkerSandbox({ tmpDir: '/nonexistent/escrin' }).start(), 'UNAVAILABLE')
  })

  it('stop() leaves no workerd process behind, and is safe twice', async () => {
    const local = new WorkerSandbox({ processes: 2 })
    await local.start()
    const pids = local.stats().pids
    assert.equal(pids.length, 2)
    assert.ok(pids.every(pid => workerdChildren().includes(pid)))
    await local.stop()
    await local.stop()
    assert.deepEqual(pids.filter(alive), [])
    assert.deepEqual(workerdChildren().filter(pid => pids.includes(pid)), [])
    await rejectsWith(local.run(job('echo')), 'UNAVAILABLE')
  })

  it('workerd dies with the node, even when the node is SIGKILLed', async () => {
    const script = `
      const { WorkerSandbox } = await import(${JSON.stringify(new URL('../../node/runner/sandbox/index.js', import.meta.url).href)})
      const s = new WorkerSandbox({ processes: 2 })
      await s.start()
      process.stdout.write(JSON.stringify(s.stats().pids) + '\\n')
      setInterval(() => {}, 1000)`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    const pids = await new Promise<number[]>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => { resolve(JSON.parse(d.toString()) as number[]) })
      child.once('exit', code => { reject(new Error(`the node exited early: ${code}`)) })
    })
    assert.equal(pids.length, 2)
    assert.ok(pids.every(alive))
    child.kill('SIGKILL')
    // the kernel delivers the parent-death signal; wait (bounded) for it to land
    const deadline = Date.now() + 10_000
    while (pids.some(alive) && Date.now() < deadline) await delay(20)
    assert.deepEqual(pids.filter(alive), [])
  })
})
