import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { waitFor } from '../helpers/wait.js'
import { createServer, type Server } from 'node:http'
import { SandboxError, WorkerSandbox, type SandboxJob } from '../../node/sandbox/index.js'
import { workerCid } from '../../protocol/job/index.js'

const te = new TextEncoder()
const td = new TextDecoder()
let n = 0

function job (source: string, input = '', extra: Partial<SandboxJob> = {}): SandboxJob {
  const code = te.encode(source)
  return { jobId: `job-${n++}`, codeId: workerCid(code).toString(), code, input: te.encode(input), appId: '0xapp', policyId: 'p'.repeat(64), attestation: { peerId: 'me' }, ...extra }
}

const ECHO = 'export default { async fetch (r, env) { return new Response(await r.text(), { status: 201 }) } }'

async function rejectsWith (promise: Promise<unknown>, code: string): Promise<SandboxError> {
  try {
    await promise
  } catch (err) {
    assert.ok(err instanceof SandboxError, String(err))
    assert.equal(err.code, code, err.message)
    return err
  }
  assert.fail(`expected ${code}`)
}

describe('workerd sandbox', function () {
  this.timeout(60_000)
  let sandbox: WorkerSandbox

  before(async () => {
    sandbox = new WorkerSandbox({ processes: 2, limits: { wallTimeMs: 3_000, memoryBytes: 400 * 1024 * 1024, outputBytes: 64 * 1024, codeBytes: 32 * 1024 } })
    await sandbox.start()
  })
  after(async () => { await sandbox.stop() })

  it('runs a worker: input as the request body, output and status back; warm processes are reused', async () => {
    const pids = sandbox.stats().pids
    assert.equal(pids.length, 2)
    for (let i = 0; i < 30; i++) {
      const result = await sandbox.run(job(ECHO, `in ${i}`))
      assert.equal(td.decode(result.output), `in ${i}`)
      assert.equal(result.status, 201)
    }
    assert.deepEqual(sandbox.stats().pids, pids, 'no new workerd process for warm jobs')
    assert.equal(sandbox.stats().restarts, 0)
  })

  it('env.escrin carries the job, and getKey calls back into the node, scoped to the job', async () => {
    const source = 'export default { async fetch (r, env) { const k = await env.escrin.getKey("db"); return Response.json({ app: env.escrin.appId, policy: env.escrin.policyId, att: env.escrin.attestation, key: [...k] }) } }'
    const asked: string[] = []
    const result = await sandbox.run(job(source, '', { onGetKey: async name => { asked.push(name); return Uint8Array.of(1, 2, 3) } }))
    const body = JSON.parse(td.decode(result.output))
    assert.deepEqual(body, { app: '0xapp', policy: 'p'.repeat(64), att: { peerId: 'me' }, key: [1, 2, 3] })
    assert.deepEqual(asked, ['db'])
    // without a key release, getKey fails inside the worker
    const denied = await sandbox.run(job('export default { async fetch (r, env) { try { await env.escrin.getKey("db"); return new Response("leaked") } catch (e) { return new Response("denied: " + e.message) } } }'))
    assert.match(td.decode(denied.output), /^denied: key release is not available/)
  })

  it('an infinite loop times out, its process is replaced, and other jobs go on', async () => {
    const restarts = sandbox.stats().restarts
    const [looped, fine] = await Promise.allSettled([
      sandbox.run(job('export default { async fetch () { while (true) {} } }')),
      sandbox.run(job(ECHO, 'alongside'))
    ])
    assert.equal(looped.status, 'rejected')
    assert.equal((looped as PromiseRejectedResult).reason.code, 'TIMEOUT')
    assert.equal(fine.status, 'fulfilled')
    assert.equal(sandbox.stats().restarts, restarts + 1)
    assert.equal(td.decode((await sandbox.run(job(ECHO, 'after'))).output), 'after')
  })

  it('throwing, a huge output, a forbidden import, no handler and oversize code are typed errors', async () => {
    const threw = await rejectsWith(sandbox.run(job('export default { async fetch () { throw new Error("boom") } }')), 'WORKER_THREW')
    assert.match(threw.message, /boom/)
    await rejectsWith(sandbox.run(job('export default { async fetch () { return new Response(new Uint8Array(1024 * 1024)) } }')), 'OUTPUT_TOO_LARGE')
    await rejectsWith(sandbox.run(job('import fs from "node:fs"; export default { async fetch () { return new Response(fs.readFileSync("/etc/passwd")) } }')), 'BAD_WORKER')
    await rejectsWith(sandbox.run(job('export const x = 1')), 'BAD_WORKER')
    await rejectsWith(sandbox.run(job('export default {}; ' + '/*' + 'x'.repeat(40 * 1024) + '*/')), 'CODE_TOO_LARGE')
    await rejectsWith(sandbox.run(job('export default { async fetch () { return "not a response" } }')), 'WORKER_THREW')
  })

  it('a memory hog is stopped', async () => {
    // its own sandbox: a generous wall time, so that only the memory bound can stop the hog
    const local = new WorkerSandbox({ processes: 1, limits: { wallTimeMs: 40_000, memoryBytes: 200 * 1024 * 1024 } })
    try {
      await rejectsWith(local.run(job('export default { async fetch () { const keep = []; while (true) { keep.push(new Uint8Array(16 * 1024 * 1024).fill(1)); await null } } }')), 'MEMORY_EXCEEDED')
      assert.equal(td.decode((await local.run(job(ECHO, 'ok'))).output), 'ok')
    } finally {
      await local.stop()
    }
  })

  it('no outbound network: a server on this machine is never reached', async () => {
    let hits = 0
    const server: Server = createServer((_req, res) => { hits++; res.end('reached') })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    try {
      const port = (server.address() as { port: number }).port
      const result = await sandbox.run(job(`export default { async fetch () { try { await fetch("http://127.0.0.1:${port}/"); return new Response("fetched") } catch (e) { return new Response("blocked") } } }`))
      assert.equal(td.decode(result.output), 'blocked')
      assert.equal(hits, 0)
    } finally {
      server.close()
    }
  })

  it('two apps running the same code never share an isolate', async () => {
    const source = 'let secret; export default { async fetch (r) { const mine = await r.text(); const seen = secret; secret = mine; return new Response(String(seen)) } }'
    await sandbox.run(job(source, 'app-a-secret', { policyId: 'a'.repeat(64) }))
    const other = await sandbox.run(job(source, 'b', { policyId: 'b'.repeat(64) }))
    assert.notEqual(td.decode(other.output), 'app-a-secret')
  })

  it('stop() leaves no workerd process behind', async () => {
    const local = new WorkerSandbox({ processes: 2 })
    await local.start()
    const pids = local.stats().pids
    await local.stop()
    // killed processes are reaped by init once their watchdog exits: poll for that, with a deadline
    const alive = (): number[] => pids.filter(pid => { try { process.kill(pid, 0); return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8')) } catch { return false } })
    await waitFor(() => alive().length === 0, { timeoutMs: 5_000, describe: () => `still alive: ${alive().join(', ')}` })
    await rejectsWith(local.run(job(ECHO)), 'UNAVAILABLE')
  })
})
