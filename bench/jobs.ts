/**
 * bench/jobs: round-trip latency (p50/p99) and throughput of a trivial warm
 * worker through the full job path, against its baseline measured in the same
 * run: a raw libp2p request/response echo plus a direct request to the
 * workerd sandbox (the two things a job cannot avoid).
 *
 *   node dist/bench/jobs.js [--jobs N]
 *
 * Targets: escrin p50 within 2x of (raw echo p50 + workerd p50); p50 under 10 ms on loopback.
 */
import { fileURLToPath } from 'node:url'
import { ratio, runChild } from './lib/measure.js'

const worker = fileURLToPath(new URL('./jobs-worker.js', import.meta.url))
const TARGET_RATIO = 2
const TARGET_P50_MS = 10

export async function runJobsBench (jobs: number): Promise<Record<string, unknown>> {
  const results = []
  for (const concurrency of [1, 8]) {
    const escrin = await runChild(worker, ['escrin', String(jobs), String(concurrency)], 600_000)
    const echo = await runChild(worker, ['raw-echo', String(jobs), String(concurrency)], 600_000)
    const workerd = await runChild(worker, ['workerd', String(jobs), String(concurrency)], 600_000)
    const baselineP50 = echo.p50Ms + workerd.p50Ms
    results.push({
      concurrency,
      escrin: { p50Ms: escrin.p50Ms, p99Ms: escrin.p99Ms, jobsPerSecond: escrin.jobsPerSecond },
      rawEcho: { p50Ms: echo.p50Ms, p99Ms: echo.p99Ms, jobsPerSecond: echo.jobsPerSecond },
      workerd: { p50Ms: workerd.p50Ms, p99Ms: workerd.p99Ms, jobsPerSecond: workerd.jobsPerSecond },
      ratios: {
        'escrin/(echo+workerd) p50': { ratio: ratio(escrin.p50Ms, baselineP50), withinTarget: escrin.p50Ms <= baselineP50 * TARGET_RATIO },
        'escrin p50 vs 10 ms': { ratio: ratio(escrin.p50Ms, TARGET_P50_MS), withinTarget: escrin.p50Ms < TARGET_P50_MS }
      }
    })
  }
  return { bench: 'jobs', target: `escrin p50 <= ${TARGET_RATIO} x (raw echo + workerd) p50, and < ${TARGET_P50_MS} ms`, jobs, results }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--jobs')
  console.log(JSON.stringify(await runJobsBench(i >= 0 ? Number(process.argv[i + 1]) : 500), null, 2))
}
