/**
 * One measurement of bench/jobs, in its own process:
 *   node --expose-gc dist/bench/jobs-worker.js <escrin|raw-echo|workerd> <JOBS> <CONCURRENCY>
 *
 * escrin: two escrin nodes on TCP loopback (a client and a runner in the
 * policy's scope); jobs of a trivial warm worker through the full path
 * (scope check, sealing to the runner's enclave key, /escrin/job/1, workerd,
 * sealed output, receipt verified). raw-echo: two raw js-libp2p hosts, one
 * length-prefixed request/response echo per job over one connection.
 * workerd: the same worker through the runner's sandbox, without the network.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lpStream } from '@libp2p/utils'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../node/devnet/index.js'
import { EscrinNode } from '../node/escrin-node.js'
import { silentLogger } from '../node/log/index.js'
import { WorkerSandbox } from '../node/runner/sandbox/index.js'
import { workerCid } from '../protocol/job/index.js'
import { createPolicy, signPolicy } from '../protocol/policy/index.js'
import { settle, timeUntil } from './lib/measure.js'
import { createBareHost } from './lib/raw-host.js'

const [variant, jobsText, concurrencyText] = process.argv.slice(2)
const jobs = Number(jobsText ?? 200)
const concurrency = Number(concurrencyText ?? 1)
const INPUT = new Uint8Array(256).fill(7)
const APP_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const ECHO_WORKER = fileURLToPath(new URL('../../sim/workers/echo.js', import.meta.url))

function percentile (values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 100) / 100
}

/** Runs `one` jobs times (warm-up first), `concurrency` at a time; per-job latencies and throughput. */
async function measure (one: () => Promise<void>): Promise<{ latencies: number[], jobsPerSecond: number }> {
  for (let i = 0; i < 20; i++) await one() // warm: workerd isolates, connections, JIT
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < jobs) {
      next++
      const t = performance.now()
      await one()
      latencies.push(performance.now() - t)
    }
  }))
  return { latencies, jobsPerSecond: Math.round(jobs / ((performance.now() - started) / 1000)) }
}

async function escrin (): Promise<{ latencies: number[], jobsPerSecond: number }> {
  const root = await mkdtemp(join(tmpdir(), 'escrin-bench-jobs-'))
  const nodes: EscrinNode[] = []
  try {
    for (let i = 0; i < 2; i++) {
      const bootstrap = i === 0 ? [] : [nodes[0].host.getMultiaddrs()[0].toString()]
      // node 0 is the client only; node 1 the runner
      const node = await EscrinNode.create(devnetNodeConfig(join(root, `n${i}`), bootstrap, { api: null, roles: i === 0 ? ['storage'] : ['runner'] }), { logger: silentLogger(), ephemeral: true, sandbox: { processes: 2 } })
      await node.start()
      nodes.push(node)
    }
    const signed = await signPolicy(createPolicy({ owner: privateKeyToAccount(APP_KEY).address, name: 'bench', version: 1, predicate: '{"has":["roles","runner"]}' }), APP_KEY)
    const { id } = await nodes[0].policies.publish(signed)
    if (await timeUntil(Date.now(), async () => nodes.every(n => n.attestations.scopes.members(id).length === 1), 30_000, 20) == null) throw new Error('scope did not form')
    await settle()
    const code = new Uint8Array(await readFile(ECHO_WORKER))
    return await measure(async () => {
      const outcome = await nodes[0].jobs.submit({ policyId: id, code, input: INPUT })
      if (outcome.output.byteLength !== INPUT.byteLength) throw new Error('wrong output')
    })
  } finally {
    await Promise.allSettled(nodes.map(async n => { await n.stop() }))
    await rm(root, { recursive: true, force: true })
  }
}

async function rawEcho (): Promise<{ latencies: number[], jobsPerSecond: number }> {
  const [client, server] = await Promise.all([createBareHost(), createBareHost()])
  try {
    await server.handle('/bench/echo/1', async stream => {
      const lp = lpStream(stream)
      await lp.write(await lp.read())
      await stream.close()
    })
    await client.dial(server.getMultiaddrs()[0])
    await settle()
    return await measure(async () => {
      const stream = await client.dialProtocol(server.peerId, '/bench/echo/1')
      const lp = lpStream(stream)
      await lp.write(INPUT)
      const back = await lp.read()
      if (back.byteLength !== INPUT.byteLength) throw new Error('wrong echo')
      await stream.close()
    })
  } finally {
    await Promise.allSettled([client.stop(), server.stop()])
  }
}

async function workerd (): Promise<{ latencies: number[], jobsPerSecond: number }> {
  const sandbox = new WorkerSandbox({ processes: 2 })
  await sandbox.start()
  try {
    const code = new Uint8Array(await readFile(ECHO_WORKER))
    const codeId = workerCid(code).toString()
    let n = 0
    return await measure(async () => {
      const result = await sandbox.run({ jobId: `bench-${n++}`, codeId, code, input: INPUT, appId: 'bench', policyId: 'bench', attestation: null })
      if (result.output.byteLength !== INPUT.byteLength) throw new Error('wrong output')
    })
  } finally {
    await sandbox.stop()
  }
}

const result = variant === 'escrin' ? await escrin() : variant === 'raw-echo' ? await rawEcho() : await workerd()
console.log(JSON.stringify({ variant, jobs, concurrency, p50Ms: percentile(result.latencies, 0.5), p99Ms: percentile(result.latencies, 0.99), jobsPerSecond: result.jobsPerSecond }))
process.exit(0)
