/**
 * bench/key-release: latency (p50/p99) of releasing an app key t-of-n on
 * loopback (the runner's signed requests to every holder in parallel, sealed
 * shares checked against the commitments, reconstruction), against one raw
 * libp2p request/response round trip measured in the same run.
 *
 *   node dist/bench/key-release.js [--rounds R]
 *
 * Target: within 3x of one round trip (the fan-out is parallel).
 */
import { fileURLToPath } from 'node:url'
import { ratio, runChild } from './lib/measure.js'

const worker = fileURLToPath(new URL('./key-release-worker.js', import.meta.url))
const TARGET_RATIO = 3

export async function runKeyReleaseBench (configs: Array<[number, number]>, rounds: number): Promise<Record<string, unknown>> {
  const raw = await runChild(worker, ['raw', '0', '0', String(rounds)], 300_000)
  const results = []
  for (const [t, n] of configs) {
    const escrin = await runChild(worker, ['escrin', String(t), String(n), String(rounds)], 600_000)
    results.push({
      t,
      n,
      escrin: { p50Ms: escrin.p50Ms, p99Ms: escrin.p99Ms },
      rawRoundTrip: { p50Ms: raw.p50Ms, p99Ms: raw.p99Ms },
      ratios: { 'release/round trip p50': { ratio: ratio(escrin.p50Ms, raw.p50Ms), withinTarget: escrin.p50Ms <= raw.p50Ms * TARGET_RATIO } }
    })
  }
  return { bench: 'key-release', target: `release p50 <= ${TARGET_RATIO} x one raw libp2p round trip`, rounds, results }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--rounds')
  console.log(JSON.stringify(await runKeyReleaseBench([[3, 5], [7, 10]], i >= 0 ? Number(process.argv[i + 1]) : 50), null, 2))
}
