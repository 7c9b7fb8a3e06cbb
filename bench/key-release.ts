/**
 * bench/key-release: latency (p50/p99) of releasing an app key t-of-n on
 * loopback (the runner's signed requests to t holders in parallel, sealed
 * shares checked against the commitments, reconstruction), against one raw
 * libp2p request/response round trip on a new stream, measured in blocks
 * alternating with blocks of releases (the target's baseline: both under the
 * same machine conditions) and on its own; on a stream open already, as the
 * release's channels are; and
 * against t such round trips in parallel, on new streams and on streams open
 * already (the least a t-way fan-out on the release's channels costs when
 * every node shares the machine's cores).
 *
 *   node dist/bench/key-release.js [--rounds R (200)] [--warmup W] [--settings in-process,processes]
 *
 * In the `processes` setting each holder (and each raw server) runs in its
 * own OS process, as in production.
 *
 * Target: within 3x of one round trip (the fan-out is parallel).
 */
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { DEFAULT_WARMUP_ROUNDS, ratio, runChild } from './lib/measure.js'

const worker = fileURLToPath(new URL('./key-release-worker.js', import.meta.url))
const TARGET_RATIO = 3

/**
 * Both settings: every node in one process (`in-process`), and each holder or
 * raw server in its own OS process, the runner or raw client in the
 * measuring one (`processes`, as in production). Each is compared with the
 * raw round trip measured in the same setting.
 */
export async function runKeyReleaseBench (configs: Array<[number, number]>, rounds: number, settings = ['in-process', 'processes'], warmup = DEFAULT_WARMUP_ROUNDS): Promise<Record<string, unknown>> {
  const cores = availableParallelism()
  const results = []
  for (const setting of settings) {
    const suffix = setting === 'processes' ? '-procs' : ''
    const raw = await runChild(worker, [`raw${suffix}`, '0', '0', String(rounds), String(warmup)], 300_000)
    const rawOpen = await runChild(worker, [`rawopen${suffix}`, '0', '0', String(rounds), String(warmup)], 300_000)
    for (const [t, n] of configs) {
      const escrin = await runChild(worker, [`escrin${suffix}`, String(t), String(n), String(rounds), String(warmup)], 600_000)
      const fanout = await runChild(worker, [`fanout${suffix}`, String(t), '0', String(rounds), String(warmup)], 300_000)
      const openFanout = await runChild(worker, [`fanoutopen${suffix}`, String(t), '0', String(rounds), String(warmup)], 300_000)
      results.push({
        setting,
        t,
        n,
        // in the processes setting, cpuMs figures are the runner's (or the raw client's) alone; machineCpuMs
        // counts every process (Linux): over the cores it bounds how fast releases can follow one another
        escrin: { p50Ms: escrin.p50Ms, p99Ms: escrin.p99Ms, cpuMsPerRelease: escrin.cpuMsPerRound, machineCpuMsPerRelease: escrin.machineCpuMsPerRound },
        // the same round trip, measured in blocks alternating with the releases', by the same process: the target's baseline
        pairedRoundTrip: { p50Ms: escrin.paired.p50Ms, p99Ms: escrin.paired.p99Ms, cpuMsPerRoundTrip: escrin.paired.cpuMsPerRound, machineCpuMsPerRoundTrip: escrin.paired.machineCpuMsPerRound },
        rawRoundTrip: { p50Ms: raw.p50Ms, p99Ms: raw.p99Ms, cpuMsPerRoundTrip: raw.cpuMsPerRound, machineCpuMsPerRoundTrip: raw.machineCpuMsPerRound },
        // on a stream open already, as a release's channels are: the stricter baseline
        rawOpenStreamRoundTrip: { p50Ms: rawOpen.p50Ms, p99Ms: rawOpen.p99Ms, cpuMsPerRoundTrip: rawOpen.cpuMsPerRound, machineCpuMsPerRoundTrip: rawOpen.machineCpuMsPerRound },
        rawFanout: { p50Ms: fanout.p50Ms, p99Ms: fanout.p99Ms, cpuMsPerRound: fanout.cpuMsPerRound, machineCpuMsPerRound: fanout.machineCpuMsPerRound },
        // t round trips in parallel on streams open already: a release's fan-out with nothing on top
        rawOpenStreamFanout: { p50Ms: openFanout.p50Ms, p99Ms: openFanout.p99Ms, cpuMsPerRound: openFanout.cpuMsPerRound, machineCpuMsPerRound: openFanout.machineCpuMsPerRound },
        // the least a release can take when its work fills every core: the machine's CPU per release over
        // the cores. A p50 near it is CPU-bound, moved only by less work, not by how the work is arranged
        // (none from a run too short for /proc/stat's 10 ms ticks to count any CPU)
        cpuFloorMs: (escrin.machineCpuMsPerRound ?? 0) > 0 ? Math.round((escrin.machineCpuMsPerRound as number) / cores * 100) / 100 : null,
        ratios: {
          'release/round trip p50': { ratio: ratio(escrin.p50Ms, escrin.paired.p50Ms), withinTarget: escrin.p50Ms <= escrin.paired.p50Ms * TARGET_RATIO },
          // where /proc/stat tells the machine's CPU (Linux)
          ...((escrin.machineCpuMsPerRound ?? 0) > 0 ? { 'release/CPU floor p50': { ratio: ratio(escrin.p50Ms, (escrin.machineCpuMsPerRound as number) / cores) } } : {}),
          // against the round trip of two bare hosts in a process of their own, measured before
          'release/round trip measured apart p50': { ratio: ratio(escrin.p50Ms, raw.p50Ms) },
          'release/open-stream round trip p50': { ratio: ratio(escrin.p50Ms, rawOpen.p50Ms) },
          // in one process: the share of the release that t round trips in parallel on one CPU impose
          'release/raw fan-out of t p50': { ratio: ratio(escrin.p50Ms, fanout.p50Ms) },
          // what escrin adds to the fan-out itself; and what that fan-out alone costs against the target's round trip, measured apart
          'release/raw fan-out of t on open streams p50': { ratio: ratio(escrin.p50Ms, openFanout.p50Ms) },
          'raw fan-out of t on open streams/round trip measured apart p50': { ratio: ratio(openFanout.p50Ms, raw.p50Ms) }
        }
      })
    }
  }
  return { bench: 'key-release', target: `release p50 <= ${TARGET_RATIO} x one raw libp2p round trip (same setting, measured in alternating blocks)`, cores, rounds, warmupRounds: warmup, results }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--rounds')
  const s = process.argv.indexOf('--settings')
  const w = process.argv.indexOf('--warmup')
  console.log(JSON.stringify(await runKeyReleaseBench([[3, 5], [7, 10]], i >= 0 ? Number(process.argv[i + 1]) : 200, s >= 0 ? process.argv[s + 1].split(',') : undefined, w >= 0 ? Number(process.argv[w + 1]) : undefined), null, 2))
}
