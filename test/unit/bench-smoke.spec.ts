import assert from 'node:assert/strict'
import { BENCHMARKS } from '../../bench/run-all.js'

/**
 * Every benchmark runs once at a tiny size so it cannot rot. This asserts the
 * shape of the results, never timings: performance targets live in bench/.
 */
describe('benchmarks (smoke, tiny sizes)', function () {
  this.timeout(180_000)

  for (const bench of BENCHMARKS) {
    it(`${bench.name} produces well-formed results`, async () => {
      const result = await bench.run(true)
      assert.equal(result.bench, bench.name)
      assert.ok(Array.isArray(result.results) && result.results.length > 0)
      for (const row of result.results as Array<Record<string, any>>) {
        for (const [key, value] of Object.entries(row)) {
          if (value != null && typeof value === 'object' && 'knowAllMs' in value) {
            assert.ok(typeof value.knowAllMs === 'number' && value.knowAllMs > 0, `${key}.knowAllMs = ${value.knowAllMs}`)
            assert.ok(typeof value.heapPerNodeBytes === 'number', `${key}.heapPerNodeBytes`)
          }
        }
        // the machine's CPU a release takes (every process), where /proc/stat tells it
        if (bench.name === 'key-release' && process.platform === 'linux') {
          assert.equal(typeof row.escrin.machineCpuMsPerRelease, 'number', JSON.stringify(row.escrin))
          // a smoke run is short enough for /proc/stat's 10 ms ticks to count nothing: then there is no floor
          if (row.escrin.machineCpuMsPerRelease > 0) assert.ok(row.cpuFloorMs > 0 && 'release/CPU floor p50' in row.ratios, JSON.stringify(row))
          else assert.ok(row.cpuFloorMs === null && !('release/CPU floor p50' in row.ratios), JSON.stringify(row))
        }
        if ('ratios' in row) assert.ok(Object.values(row.ratios).every((r: any) => typeof r.ratio === 'number'))
        assert.ok(Object.keys(row).length > 0)
      }
      JSON.stringify(result) // serialisable
    })
  }
})
