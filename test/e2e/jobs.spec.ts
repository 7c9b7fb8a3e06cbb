import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import { privateKeyToAccount } from 'viem/accounts'
import { defaultVerifiers } from '../../protocol/attestation/index.js'
import { JobClient } from '../../node/jobs/index.js'
import { JobError } from '../../protocol/job/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { testEvidence, testVerifier } from '../helpers/test-evidence.js'
import { waitFor } from '../helpers/wait.js'
import type { EscrinNode, EscrinNodeOptions } from '../../node/escrin-node.js'

const APP_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const M1 = '11'.repeat(48)
const M2 = '22'.repeat(48)
const TTL_MS = 6_000
const te = new TextEncoder()
const td = new TextDecoder()

const worker = (source: string): Uint8Array => te.encode(source)
const ECHO = worker('export default { async fetch (request) { return new Response(await request.arrayBuffer()) } }')
const SLOW = worker('export default { async fetch (request) { await new Promise(r => setTimeout(r, 1500)); return new Response("slow " + await request.text()) } }')

/** Nodes 0 and 5 are dev (clients; runners outside both scopes); 1-2 measure M1, 3-4 measure M2. */
function optionsOf (i: number): EscrinNodeOptions {
  const verifiers = defaultVerifiers()
  verifiers.set('test', testVerifier)
  const measurement = i === 1 || i === 2 ? M1 : i === 3 || i === 4 ? M2 : undefined
  return { verifiers, attestationTtlMs: TTL_MS, sandbox: { processes: 2 }, ...(measurement != null ? { evidence: testEvidence(measurement) } : {}) }
}

async function publish (node: EscrinNode, name: string, measurement: string): Promise<string> {
  const predicate = { all: [{ eq: ['tee.kind', 'test'] }, { eq: ['tee.measurement', measurement] }, { has: ['roles', 'runner'] }] }
  const signed = await signPolicy(createPolicy({ owner: privateKeyToAccount(APP_KEY).address, name, version: 1, predicate: JSON.stringify(predicate) }), APP_KEY)
  return (await node.policies.publish(signed)).id
}

async function rejects (promise: Promise<unknown>, code: string | string[]): Promise<JobError> {
  try {
    await promise
  } catch (err) {
    assert.ok(err instanceof JobError, `expected a JobError ${String(code)}, got ${String(err)}`)
    if (Array.isArray(code)) assert.ok(code.includes(err.code), `${err.code}: ${err.message}`)
    else assert.equal(err.code, code, err.message)
    return err
  }
  assert.fail(`expected ${code}, but the job succeeded`)
}

describe('jobs (6 real nodes, two policies with disjoint runner scopes)', function () {
  this.timeout(240_000)
  let net: TestNetwork
  let p1: string
  let p2: string
  const id = (i: number): string => net.nodes[i].peerId.toString()

  before(async () => {
    net = await startNetwork(6, {}, optionsOf)
    await waitFor(() => net.nodes.every(n => n.attestations.size === 6), { timeoutMs: 30_000, describe: () => net.nodes.map(n => n.attestations.size).join(',') })
    p1 = await publish(net.nodes[0], 'app-one', M1)
    p2 = await publish(net.nodes[0], 'app-two', M2)
    const want = (p: string, members: number[]): boolean => net.nodes.every(n => JSON.stringify(n.attestations.scopes.members(p)) === JSON.stringify(members.map(id).sort()))
    await waitFor(() => want(p1, [1, 2]) && want(p2, [3, 4]), { timeoutMs: 30_000 })
  })

  after(async () => { await net?.close() })

  it('100 jobs per policy all run on runners of their own scope, as the runners record it', async () => {
    const jobs = Array.from({ length: 200 }, (_, k) => ({ policyId: k % 2 === 0 ? p1 : p2, client: net.nodes[k % 4 < 2 ? 0 : 5], input: te.encode(`job ${k}`) }))
    const outcomes = []
    for (let i = 0; i < jobs.length; i += 10) {
      outcomes.push(...await Promise.all(jobs.slice(i, i + 10).map(async j => await j.client.jobs.submit({ policyId: j.policyId, code: ECHO, input: j.input }))))
    }
    outcomes.forEach((o, k) => { assert.equal(td.decode(o.output), `job ${k}`) })

    // the runners' own logs: which policy each of them executed
    const executed = net.nodes.map(n => n.runner?.jobs().filter(j => j.result === 'ok') ?? [])
    const policiesAt = (i: number): Set<string> => new Set(executed[i].map(j => j.policyId))
    for (const i of [1, 2]) assert.deepEqual([...policiesAt(i)], [p1], `runner ${i} ran only app-one's jobs`)
    for (const i of [3, 4]) assert.deepEqual([...policiesAt(i)], [p2], `runner ${i} ran only app-two's jobs`)
    for (const i of [0, 5]) assert.equal(executed[i].length, 0, `node ${i} is outside both scopes and ran nothing`)
    assert.equal(executed[1].length + executed[2].length, 100)
    assert.equal(executed[3].length + executed[4].length, 100)
    assert.ok(executed[1].length > 0 && executed[2].length > 0, 'both app-one runners were used')
    // at most once per runner
    for (const log of executed) assert.equal(new Set(log.map(j => j.jobId)).size, log.length)
  })

  it('worker misbehaviour is bounded and reported, and the runner keeps serving', async () => {
    const client = net.nodes[0].jobs
    const run = async (source: string, timeoutMs = 5_000): Promise<unknown> => await client.submit({ policyId: p1, code: worker(source), input: te.encode('x'), timeoutMs })
    // a loop spends its wall time computing: on an idle machine the sandbox reports the CPU bound;
    // on a loaded one the loop gets less CPU than wall time and the wall-time bound ends it first
    await rejects(run('export default { async fetch () { while (true) {} } }', 2_000), ['WORKER_CPU_EXCEEDED', 'WORKER_TIMEOUT'])
    const threw = await rejects(run('export default { async fetch () { throw new Error("boom in worker") } }'), 'WORKER_THREW')
    assert.match(threw.message, /boom in worker/)
    await rejects(run('export default { async fetch () { return new Response(new Uint8Array(8 * 1024 * 1024)) } }'), 'OUTPUT_TOO_LARGE')
    await rejects(run('import fs from "node:fs"; export default { async fetch () { return new Response(fs.readFileSync("/etc/passwd")) } }'), 'WORKER_THREW')

    // no outbound network: a server on this machine sees no request from the worker
    let hits = 0
    const server: Server = createServer((_req, res) => { hits++; res.end('reached') })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    try {
      const outcome = await client.submit({
        policyId: p1,
        code: worker(`export default { async fetch () { try { const r = await fetch("http://127.0.0.1:${port}/"); return new Response("fetched " + await r.text()) } catch (e) { return new Response("blocked: " + e.message) } } }`),
        input: new Uint8Array()
      })
      assert.match(td.decode(outcome.output), /^blocked: /)
      assert.equal(hits, 0)
    } finally {
      server.close()
    }

    const fine = await client.submit({ policyId: p1, code: ECHO, input: te.encode('still serving') })
    assert.equal(td.decode(fine.output), 'still serving')
  })

  it('a byzantine runner\'s tampered output or forged receipt is detected, and the job moves to an honest runner', async () => {
    const [a, b] = [net.nodes[1].runner, net.nodes[2].runner]
    assert.ok(a != null && b != null)
    try {
      a.faults.corruptReceipt = true
      b.faults.corruptReceipt = true
      await rejects(net.nodes[0].jobs.submit({ policyId: p1, code: ECHO, input: te.encode('r') }), 'BAD_RECEIPT')
      a.faults.corruptReceipt = false
      b.faults.corruptReceipt = false
      a.faults.corruptOutput = true
      b.faults.corruptOutput = true
      await rejects(net.nodes[0].jobs.submit({ policyId: p1, code: ECHO, input: te.encode('o') }), 'DECRYPT_FAILED')
      // one byzantine runner among honest ones: the job still completes, on the honest one
      b.faults.corruptOutput = false
      for (let k = 0; k < 6; k++) {
        const outcome = await net.nodes[5].jobs.submit({ policyId: p1, code: ECHO, input: te.encode(`h${k}`) })
        assert.equal(outcome.runner, id(2))
        assert.equal(td.decode(outcome.output), `h${k}`)
      }
      assert.ok(net.nodes[0].scores.score(id(1)) < 0, 'the client that saw the forgeries penalised the runner')
    } finally {
      a.faults.corruptOutput = false
      b.faults.corruptOutput = false
    }
  })

  it('an oversize input is refused before it is sent', async () => {
    await rejects(net.nodes[0].jobs.submit({ policyId: p1, code: ECHO, input: new Uint8Array(2 * 1024 * 1024) }), 'INPUT_TOO_LARGE')
  })

  it('no runner in scope: a clear error that says why', async () => {
    const signed = await signPolicy(createPolicy({ owner: privateKeyToAccount(APP_KEY).address, name: 'nobody', version: 1, predicate: JSON.stringify({ eq: ['tee.kind', 'nitro'] }) }), APP_KEY)
    const { id: nobody } = await net.nodes[0].policies.publish(signed)
    const err = await rejects(net.nodes[0].jobs.submit({ policyId: nobody, code: ECHO, input: new Uint8Array() }), 'NO_RUNNER_IN_SCOPE')
    assert.match(err.message, /excluded/)
    assert.match(err.message, /nitro/)
  })

  it('a client whose clock is an hour behind: runners refuse its job ids as CLOCK_SKEW, and it stops after two, saying so', async () => {
    const signed = await signPolicy(createPolicy({ owner: privateKeyToAccount(APP_KEY).address, name: 'any-runner', version: 1, predicate: JSON.stringify({ has: ['roles', 'runner'] }) }), APP_KEY)
    const { id: anyRunner } = await net.nodes[0].policies.publish(signed)
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(anyRunner).length === 6), { timeoutMs: 30_000 })
    const node = net.nodes[0]
    const late = new JobClient({ host: node.host, attestations: node.attestations, policies: node.policies, logger: node.logger, penalise: () => {}, now: () => Date.now() - 3_600_000 })
    const err = await rejects(late.submit({ policyId: anyRunner, code: ECHO, input: te.encode('late') }), 'CLOCK_SKEW')
    assert.match(err.message, /2 runners refused/)
    assert.match(err.message, /clock is likely off/)
    // two runners were asked, of six: the others would only have said the same
    const refusals = net.nodes.flatMap(n => n.runner?.jobs().filter(j => j.policyId === anyRunner) ?? [])
    assert.deepEqual(refusals.map(j => j.result), ['CLOCK_SKEW', 'CLOCK_SKEW'])
    // the same node with its clock right: the job runs
    const outcome = await node.jobs.submit({ policyId: anyRunner, code: ECHO, input: te.encode('on time') })
    assert.equal(td.decode(outcome.output), 'on time')
  })

  // last: it stops nodes
  it('failover: a runner killed mid-job, the job completes on another in-scope runner; with every runner gone, a clear error', async () => {
    const pending = net.nodes[0].jobs.submit({ policyId: p2, code: SLOW, input: te.encode('x'), timeoutMs: 10_000 })
    const busy = await waitFor(() => [3, 4].find(i => (net.nodes[i].runner?.stats().inFlight ?? 0) > 0), { timeoutMs: 10_000 })
    const other = busy === 3 ? 4 : 3
    await net.nodes[busy].stop()
    const outcome = await pending
    assert.equal(outcome.runner, id(other))
    assert.equal(td.decode(outcome.output), 'slow x')
    assert.equal(outcome.attempts[0].runner, id(busy))
    assert.ok(outcome.attempts[0].code != null, 'the first attempt failed')

    await net.nodes[other].stop()
    // their records are still valid: the client tries both and says so
    const gone = await rejects(net.nodes[0].jobs.submit({ policyId: p2, code: ECHO, input: new Uint8Array(), timeoutMs: 3_000 }), 'RUNNER_UNAVAILABLE')
    assert.match(gone.message, new RegExp(id(3).slice(-8)))
    // once the records expire, the scope is empty and the error says so
    await waitFor(() => net.nodes[0].attestations.scopes.members(p2).length === 0, { timeoutMs: TTL_MS * 2 })
    await rejects(net.nodes[0].jobs.submit({ policyId: p2, code: ECHO, input: new Uint8Array() }), 'NO_RUNNER_IN_SCOPE')
  })
})
