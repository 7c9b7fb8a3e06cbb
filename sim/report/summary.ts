import { formatBytes, formatMs } from './stats.js'
import type { SimReport } from './build-report.js'

/** The summary table printed at the end of a run: the figures and the invariants' states, aligned for a terminal. */
export function renderSummary (report: SimReport, paths?: { json: string, html: string }): string {
  const inv = report.invariants
  const conv = inv.convergence
  const state = (ok: boolean): string => ok ? 'held' : 'BROKEN'
  const rows: Array<[string, string]> = [
    ['scenario', `${report.scenario.name} (${report.scenario.mode} mode, ${report.scenario.nodes} nodes, seed ${report.scenario.seed})`],
    ['ran for', formatMs(report.durationMs)],
    ['(a) scope leaks', `${state(inv.scopeLeaks.ok)}: ${inv.scopeLeaks.fromHonest} from honest senders, ${inv.scopeLeaks.total - inv.scopeLeaks.fromHonest} from byzantine; ${Object.values(inv.scopeLeaks.arrivals).reduce((a, b) => a + b, 0)} arrivals checked`],
    ['(b) convergence', `${state(conv.ok)}: ${conv.events.length} changes, ${conv.failures.length} missed the deadline`],
    ['    steady state', `p50 ${formatMs(conv.steady.p50)}, p99 ${formatMs(conv.steady.p99)}, max ${formatMs(conv.steady.max)} over ${conv.steady.count} events`],
    ['    formation', conv.formedAtMs != null ? `all honest nodes first agreed at ${formatMs(conv.formedAtMs)}` : 'never fully agreed'],
    ['(c) record integrity', `${state(inv.recordIntegrity.ok)}: ${inv.recordIntegrity.violations} bad records accepted (${inv.recordIntegrity.checks} checks)`],
    ['(d) blob durability', inv.blobDurability.stored === 0 ? 'no blobs stored' : `${state(inv.blobDurability.ok)}: ${inv.blobDurability.readable}/${inv.blobDurability.checked} stored blobs read back whole at the end, ${inv.blobDurability.lost.length} lost, ${inv.blobDurability.unavailable} with every holder down; ${inv.blobDurability.wrongBytes} reads of other bytes`],
    ['(e) blob deletion', inv.blobDeletion.deleted === 0 ? 'no blobs deleted' : `${state(inv.blobDeletion.ok)}: ${inv.blobDeletion.gone}/${inv.blobDeletion.checked} deleted blobs gone at the end, ${inv.blobDeletion.resurrected.length} readable again, ${inv.blobDeletion.pending} pending (a storage node was down during the deletion)`],
    ['jobs', report.jobs.sent === 0 ? 'none' : `${report.jobs.ok}/${report.jobs.sent} ok (${((report.jobs.successRate ?? 0) * 100).toFixed(1)}%), p50 ${formatMs(report.jobs.latencyMs.p50)}, p90 ${formatMs(report.jobs.latencyMs.p90)}, p99 ${formatMs(report.jobs.latencyMs.p99)}`],
    ['key releases', report.keyReleases.sent === 0 && report.keyReleases.refusedAsExpected === 0 ? 'none' : `${report.keyReleases.ok}/${report.keyReleases.sent} in scope ok, p50 ${formatMs(report.keyReleases.latencyMs.p50)}; ${report.keyReleases.refusedAsExpected} out-of-scope refused`],
    ...(report.blobs.puts.sent === 0 ? [] : [['blobs', `${report.blobs.puts.ok}/${report.blobs.puts.sent} puts ok, p50 ${formatMs(report.blobs.puts.latencyMs.p50)}; ${report.blobs.gets.ok}/${report.blobs.gets.sent} reads ok, p50 ${formatMs(report.blobs.gets.latencyMs.p50)}${report.blobs.deletes.sent > 0 ? `; ${report.blobs.deletes.ok}/${report.blobs.deletes.sent} deletions ok` : ''}`] as [string, string]]),
    ['connections', connectionsRow(report)],
    ['per node', `${formatBytes(report.resources.average.rssBytes)} RSS, ${report.resources.average.cpuPercent.toFixed(1)}% CPU (${report.scenario.mode === 'memory' ? 'shared process, averaged' : 'own process'})`],
    ['verdict', report.verdict === 'pass' ? 'PASS: every invariant held' : 'FAIL: an invariant broke']
  ]
  if (paths != null) rows.push(['report', paths.html], ['json', paths.json])
  const width = Math.max(...rows.map(r => r[0].length))
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')
}

/** Degree at the end, and churn: connections opened over the run and in its last minute (a settled network opens few). */
function connectionsRow (report: SimReport): string {
  const samples = report.series.samples
  const last = samples.at(-1)
  if (last == null) return 'no samples'
  const opened = samples.reduce((sum, s) => sum + s.connectionsOpened, 0)
  const lastMinute = samples.filter(s => s.t > last.t - 60_000).reduce((sum, s) => sum + s.connectionsOpened, 0)
  const perNode = report.scenario.nodes > 0 ? Math.round(opened / report.scenario.nodes) : 0
  return `${last.connections.mean.toFixed(0)} per node at the end (min ${last.connections.min}, max ${last.connections.max}); opened ${opened} in all (${perNode} per node), ${lastMinute} in the last minute`
}
