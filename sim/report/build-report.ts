import { bins, percentiles, type Percentiles } from './stats.js'
import type { SimResult } from '../engine/result.js'

/**
 * The JSON report: what a network operator reads after a run. A stable,
 * documented shape (sim/README.md); the HTML report and the summary table
 * are views of it.
 */
export interface SimReport {
  version: 1
  scenario: { name: string, file: string, description: string, seed: number, mode: string, nodes: number, durationMs: number }
  startedAt: string
  durationMs: number
  verdict: 'pass' | 'fail'
  invariants: {
    scopeLeaks: { ok: boolean, fromHonest: number, total: number, arrivals: Record<string, number>, leaks: SimResult['leaks']['list'] }
    convergence: {
      ok: boolean
      formedAtMs: number | null
      /** Convergence times (ms) after each membership-changing event, all events and steady state only (after formation). */
      all: Percentiles
      steady: Percentiles
      events: Array<{ t: number, label: string, kind: string, formation: boolean, convergedMs: number | null, failed: boolean, slowest: string | null }>
      failures: SimResult['convergenceFailures']
    }
    recordIntegrity: { ok: boolean, violations: number, checks: number, unlisted: number, list: SimResult['integrity']['list'] }
    /** Every stored blob read back whole at the end while a holder that committed it is up; no read ever returned other bytes. */
    blobDurability: { ok: boolean, stored: number, checked: number, readable: number, unavailable: number, lost: SimResult['blobs']['lost'], wrongBytes: number }
    /** No blob an owner deleted while every storage node was up is readable at the end. */
    blobDeletion: { ok: boolean } & SimResult['deletions']
  }
  jobs: LoadSummary
  keyReleases: LoadSummary & { refusedAsExpected: number, wronglyRefused: number, wronglyReleased: number }
  /**
   * Blob loads: puts (each to r holders of the storage scope), reads of blobs put before (not counting a read that
   * failed because its blob was being deleted), and owners' deletions, during the run.
   */
  blobs: { puts: LoadSummary, gets: LoadSummary, deletes: LoadSummary }
  skippedRequests: number
  resources: SimResult['resources'] & { peakRssBytes: number, peakCpuPercent: number }
  series: {
    binMs: number
    samples: SimResult['samples']
    jobs: Array<{ t: number, count: number, ok: number, p50: number | null, p90: number | null, p99: number | null }>
  }
  log: SimResult['log']
  nodes: SimResult['nodes']
}

export interface LoadSummary { sent: number, ok: number, failed: number, successRate: number | null, latencyMs: Percentiles, errors: Record<string, number> }

function summarize (records: SimResult['requests']): LoadSummary {
  const errors: Record<string, number> = {}
  for (const r of records) if (!r.ok) errors[r.code ?? 'ERROR'] = (errors[r.code ?? 'ERROR'] ?? 0) + 1
  const ok = records.filter(r => r.ok)
  return { sent: records.length, ok: ok.length, failed: records.length - ok.length, successRate: records.length === 0 ? null : ok.length / records.length, latencyMs: percentiles(ok.map(r => r.latencyMs)), errors }
}

export function buildReport (result: SimResult): SimReport {
  const events = result.epochs.map(e => ({ t: e.t0, label: e.label, kind: e.kind, formation: e.formation, convergedMs: e.convergedAt != null ? e.convergedAt - e.t0 : null, failed: e.failed, slowest: e.slowest ?? null }))
  const converged = events.filter(e => e.convergedMs != null)
  const jobs = result.requests.filter(r => r.kind === 'jobs')
  const keys = result.requests.filter(r => r.kind === 'keys')
  const expected = keys.filter(r => r.expectedOk)
  const binMs = Math.max(1_000, Math.ceil(result.durationMs / 60 / 1000) * 1000)
  const leaksOk = result.leaks.fromHonest === 0
  const convergenceOk = result.convergenceFailures.length === 0
  const integrityOk = result.integrity.violations === 0
  const blobGets = result.requests.filter(r => r.kind === 'blob-get')
  const wrongBytes = blobGets.filter(r => r.code === 'WRONG_BYTES').length
  const blobsOk = result.blobs.lost.length === 0 && wrongBytes === 0
  const deletionOk = result.deletions.resurrected.length === 0
  return {
    version: 1,
    scenario: { name: result.scenario.name, file: result.scenario.file, description: result.scenario.description, seed: result.seed, mode: result.mode, nodes: result.scenario.nodes.length, durationMs: result.scenario.durationMs },
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    verdict: leaksOk && convergenceOk && integrityOk && blobsOk && deletionOk ? 'pass' : 'fail',
    invariants: {
      scopeLeaks: { ok: leaksOk, fromHonest: result.leaks.fromHonest, total: result.leaks.total, arrivals: result.leaks.arrivals, leaks: result.leaks.list },
      convergence: {
        ok: convergenceOk,
        formedAtMs: result.formedAtMs,
        all: percentiles(converged.map(e => e.convergedMs as number)),
        steady: percentiles(converged.filter(e => !e.formation).map(e => e.convergedMs as number)),
        events,
        failures: result.convergenceFailures
      },
      recordIntegrity: { ok: integrityOk, violations: result.integrity.violations, checks: result.integrity.checks, unlisted: result.integrity.unlisted, list: result.integrity.list },
      blobDurability: { ok: blobsOk, ...result.blobs, wrongBytes },
      blobDeletion: { ok: deletionOk, ...result.deletions }
    },
    jobs: summarize(jobs),
    keyReleases: {
      ...summarize(expected),
      refusedAsExpected: keys.filter(r => !r.expectedOk && !r.ok).length,
      wronglyRefused: expected.filter(r => !r.ok).length,
      wronglyReleased: keys.filter(r => !r.expectedOk && r.ok).length
    },
    blobs: {
      puts: summarize(result.requests.filter(r => r.kind === 'blob-put')),
      gets: summarize(blobGets.filter(r => r.expectedOk)),
      deletes: summarize(result.requests.filter(r => r.kind === 'blob-delete'))
    },
    skippedRequests: result.skippedRequests,
    resources: { ...result.resources, peakRssBytes: Math.max(0, ...result.samples.map(s => s.rssBytes)), peakCpuPercent: Math.max(0, ...result.samples.map(s => s.cpuPercent)) },
    series: {
      binMs,
      samples: result.samples,
      jobs: bins(jobs, r => r.at, result.durationMs, binMs).map(b => {
        const ok = b.items.filter(r => r.ok)
        const p = percentiles(ok.map(r => r.latencyMs))
        return { t: b.t, count: b.items.length, ok: ok.length, p50: p.p50, p90: p.p90, p99: p.p99 }
      })
    },
    log: result.log,
    nodes: result.nodes
  }
}
