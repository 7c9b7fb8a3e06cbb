/**
 * `npm run bench`: runs every benchmark, prints each result as JSON, and
 * writes them together to bench/results/latest.json with the machine they ran on.
 * `--quick` runs each at a tiny size (what the smoke test does).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { runBlobsBench } from './blobs.js'
import { runDiscoveryBench } from './discovery.js'
import { runJobsBench } from './jobs.js'
import { runKeyReleaseBench } from './key-release.js'
import { runNitroVerifyBench } from './nitro-verify.js'
import { runScopeConvergenceBench } from './scope-convergence.js'
import { runChild } from './lib/measure.js'

const policyEval = fileURLToPath(new URL('./policy-eval.js', import.meta.url))

export interface BenchEntry {
  name: string
  run: (quick: boolean) => Promise<Record<string, unknown>>
}

export const BENCHMARKS: BenchEntry[] = [
  { name: 'discovery', run: async quick => await runDiscoveryBench(quick ? [3] : [10, 30], quick ? 1 : 3) },
  { name: 'scope-convergence', run: async quick => await runScopeConvergenceBench(quick ? [3] : [10, 30], quick ? 2 : 9) },
  { name: 'jobs', run: async quick => await runJobsBench(quick ? 10 : 500) },
  { name: 'blobs', run: async quick => await runBlobsBench(quick ? [1024, 2 * 1024 * 1024] : [1024, 1024 * 1024, 64 * 1024 * 1024], quick ? 1 : 3) },
  { name: 'key-release', run: async quick => await runKeyReleaseBench(quick ? [[2, 3]] : [[3, 5], [7, 10]], quick ? 3 : 200, undefined, quick ? 3 : undefined) },
  { name: 'nitro-verify', run: async quick => await runNitroVerifyBench(quick ? 10 : 1000) },
  {
    name: 'policy-eval',
    run: async quick => ({
      bench: 'policy-eval',
      target: 'compiled >= 1M evaluations/s; one peer update far cheaper than a rescan',
      results: [await runChild(policyEval, quick ? ['--peers', '200', '--policies', '5'] : [], 600_000)]
    })
  }
]

export function machine (): Record<string, unknown> {
  return { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryBytes: totalmem(), platform: process.platform }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick')
  const only = process.argv.slice(2).filter(a => !a.startsWith('--'))
  const results: Record<string, unknown> = {}
  for (const bench of BENCHMARKS.filter(b => only.length === 0 || only.includes(b.name))) {
    const result = await bench.run(quick)
    console.log(JSON.stringify(result))
    results[bench.name] = result
  }
  const out = fileURLToPath(new URL('../../bench/results/latest.json', import.meta.url))
  await mkdir(fileURLToPath(new URL('../../bench/results/', import.meta.url)), { recursive: true })
  await writeFile(out, JSON.stringify({ date: new Date().toISOString(), machine: machine(), quick, results }, null, 2) + '\n')
  console.error(`wrote ${out}`)
}
