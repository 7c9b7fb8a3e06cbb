/**
 * bench/key-release: latency (p50/p99) of releasing an app key t-of-n on
 * loopback (the runner's signed requests to t holders in parallel, sealed
 * shares checked against the commitments, reconstruction), against one raw
 * libp2p request/response round trip measured in the same run, and against
 * t such round trips in parallel (raw hosts in the same process: the least
 * a t-way fan-out costs when every node shares the machine's cores).
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
    const fanout = await runChild(worker, ['fanout', String(t), '0', String(rounds)], 300_000)
    results.push({
      t,
      n,
      escrin: { p50Ms: escrin.p50Ms, p99Ms: escrin.p99Ms, cpuMsPerRelease: escrin.cpuMsPerRound },
      rawRoundTrip: { p50Ms: raw.p50Ms, p99Ms: raw.p99Ms, cpuMsPerRoundTrip: raw.cpuMsPerRound },
      rawFanout: { p50Ms: fanout.p50Ms, p99Ms: fanout.p99Ms, cpuMsPerRound: fanout.cpuMsPerRound },
      ratios: {
        'release/round trip p50': { ratio: ratio(escrin.p50Ms, raw.p50Ms), withinTarget: escrin.p50Ms <= raw.p50Ms * TARGET_RATIO },
        // the share of the release that the single-process setup imposes: t round trips in parallel on one CPU
        'release/raw fan-out of t p50': { ratio: ratio(escrin.p50Ms, fanout.p50Ms) }
      }
    })
  }
  return { bench: 'key-release', target: `release p50 <= ${TARGET_RATIO} x one raw libp2p round trip`, rounds, results }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--rounds')
  console.log(JSON.stringify(await runKeyReleaseBench([[3, 5], [7, 10]], i >= 0 ? Number(process.argv[i + 1]) : 50), null, 2))
}
