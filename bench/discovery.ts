/**
 * bench/discovery: how long until every node knows every other, for N nodes
 * on TCP loopback with one bootstrap, and memory per node; escrin against a
 * raw js-libp2p baseline with the same services, measured in the same run.
 *
 *   node dist/bench/discovery.js [N ...]      (default 10 30)
 *
 * Prints one JSON object. Target: escrin's knowAllMs within 1.2x of raw.
 */
import { fileURLToPath } from 'node:url'
import { ratio, runChild } from './lib/measure.js'

const worker = fileURLToPath(new URL('./discovery-worker.js', import.meta.url))
const TARGET_RATIO = 1.2

type Variant = 'escrin' | 'escrin-memory' | 'raw' | 'raw-level'
const VARIANTS: Variant[] = ['raw', 'escrin', 'raw-level', 'escrin-memory']
/** Each escrin variant against the raw host with the same datastore. */
const PAIRS: Array<[Variant, Variant]> = [['escrin', 'raw-level'], ['escrin-memory', 'raw']]

function median (values: Array<number | null>): number | null {
  const v = values.filter((x): x is number => x != null).sort((a, b) => a - b)
  return v.length === 0 ? null : v[Math.floor(v.length / 2)]
}

export async function runDiscoveryBench (sizes: number[], repeats = 1): Promise<Record<string, unknown>> {
  const results = []
  for (const n of sizes) {
    const runs = new Map<Variant, any[]>(VARIANTS.map(v => [v, []]))
    for (let r = 0; r < repeats; r++) {
      // rotate the order so no variant always runs on a warmer machine
      for (let k = 0; k < VARIANTS.length; k++) {
        const variant = VARIANTS[(k + r) % VARIANTS.length]
        runs.get(variant)?.push(await runChild(worker, [variant, String(n)], 300_000))
      }
    }
    const summary: Record<string, unknown> = { nodes: n }
    for (const variant of VARIANTS) {
      const rs = runs.get(variant) ?? []
      summary[variant] = {
        knowAllMs: median(rs.map(x => x.knowAllMs)),
        ...(variant.startsWith('escrin') ? { connectedMs: median(rs.map(x => x.connectedMs)) } : {}),
        heapPerNodeBytes: median(rs.map(x => x.heapPerNodeBytes)),
        rssPerNodeBytes: median(rs.map(x => x.rssPerNodeBytes))
      }
    }
    summary.ratios = Object.fromEntries(PAIRS.map(([ours, base]) => {
      const value = (summary[ours] as { knowAllMs: number | null }).knowAllMs
      const baseline = (summary[base] as { knowAllMs: number | null }).knowAllMs
      return [`${ours}/${base}`, { ratio: ratio(value, baseline), withinTarget: value != null && baseline != null && value <= baseline * TARGET_RATIO }]
    }))
    results.push(summary)
  }
  return { bench: 'discovery', target: `knowAllMs <= ${TARGET_RATIO} x raw js-libp2p with the same datastore`, repeats, results }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const repeatsIndex = args.indexOf('--repeats')
  const repeats = repeatsIndex >= 0 ? Number(args.splice(repeatsIndex, 2)[1]) : 3
  const sizes = args.length > 0 ? args.map(Number) : [10, 30]
  console.log(JSON.stringify(await runDiscoveryBench(sizes, repeats), null, 2))
}
