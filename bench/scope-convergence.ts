/**
 * bench/scope-convergence: time from an attestation record's publication
 * until every one of N nodes has verified it and placed the peer in the right
 * scopes, against raw gossipsub propagation of a message of the same size over
 * the same full mesh, in the same run.
 *
 *   node dist/bench/scope-convergence.js [N ...] [--rounds R]      (default 10 30, 9 rounds)
 *
 * Target: escrin p50 within 1.2x of raw gossipsub.
 */
import { fileURLToPath } from 'node:url'
import { ratio, runChild } from './lib/measure.js'

const worker = fileURLToPath(new URL('./scope-convergence-worker.js', import.meta.url))
const TARGET_RATIO = 1.2

export async function runScopeConvergenceBench (sizes: number[], rounds: number): Promise<Record<string, unknown>> {
  const results = []
  for (const n of sizes) {
    const escrin = await runChild(worker, ['escrin', String(n), String(rounds)], 600_000)
    const raw = await runChild(worker, ['raw', String(n), String(rounds), String(escrin.messageBytes)], 600_000)
    results.push({
      nodes: n,
      messageBytes: escrin.messageBytes,
      escrin: { p50Ms: escrin.p50Ms, p99Ms: escrin.p99Ms },
      raw: { p50Ms: raw.p50Ms, p99Ms: raw.p99Ms },
      ratios: { 'escrin/raw p50': { ratio: ratio(Math.max(1, escrin.p50Ms), Math.max(1, raw.p50Ms)), withinTarget: escrin.p50Ms <= Math.max(1, raw.p50Ms) * TARGET_RATIO } }
    })
  }
  return { bench: 'scope-convergence', target: `escrin p50 <= ${TARGET_RATIO} x raw gossipsub`, rounds, results }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const roundsIndex = args.indexOf('--rounds')
  const rounds = roundsIndex >= 0 ? Number(args.splice(roundsIndex, 2)[1]) : 9
  const sizes = args.length > 0 ? args.map(Number) : [10, 30]
  console.log(JSON.stringify(await runScopeConvergenceBench(sizes, rounds), null, 2))
}
