import { escapeXml, lineChart, type Marker } from './svg-chart.js'
import { formatBytes, formatMs } from './stats.js'
import type { SimReport } from './build-report.js'

const COLORS = { green: '#2e7d32', blue: '#1565c0', orange: '#ef6c00', red: '#c62828', grey: '#757575', purple: '#6a1b9a' }

/** The HTML report: one self-contained file (inline CSS and SVG, no script) a person opens in a browser. */
export function renderHtml (report: SimReport): string {
  const e = escapeXml
  const samples = report.series.samples
  const markers: Marker[] = report.invariants.convergence.events.filter(ev => ev.kind !== 'join').slice(0, 60).map(ev => ({ x: ev.t, label: `${ev.label}: ${ev.convergedMs != null ? formatMs(ev.convergedMs) : 'not converged'}`, color: ev.failed ? COLORS.red : '#bbb' }))
  const convergenceChart = lineChart({
    title: 'Scope convergence: honest nodes agreeing with the ground truth',
    xLabel: 'time since start',
    yLabel: '% of honest nodes',
    yMin: 0,
    yMax: 100,
    formatY: y => `${y}%`,
    lines: [{ label: 'agreeing', color: COLORS.green, step: true, points: samples.map(s => [s.t, s.checked === 0 ? null : (100 * s.agreeing) / s.checked]) }],
    markers
  })
  const jobs = report.series.jobs
  const latencyChart = lineChart({
    title: `Job latency percentiles (per ${report.series.binMs / 1000} s)`,
    xLabel: 'time since start',
    yLabel: 'latency (ms)',
    lines: [
      { label: 'p50', color: COLORS.blue, points: jobs.map(b => [b.t, b.p50]) },
      { label: 'p90', color: COLORS.orange, points: jobs.map(b => [b.t, b.p90]) },
      { label: 'p99', color: COLORS.red, points: jobs.map(b => [b.t, b.p99]) }
    ]
  })
  const successChart = lineChart({
    title: `Job success rate (per ${report.series.binMs / 1000} s)`,
    xLabel: 'time since start',
    yLabel: 'success %',
    yMin: 0,
    yMax: 100,
    formatY: y => `${y}%`,
    lines: [{ label: 'succeeded', color: COLORS.green, points: jobs.map(b => [b.t, b.count === 0 ? null : (100 * b.ok) / b.count]) }],
    markers
  })
  const connectionsChart = lineChart({
    title: 'Connections per node, and nodes up',
    xLabel: 'time since start',
    yLabel: 'count',
    lines: [
      { label: 'mean connections', color: COLORS.blue, points: samples.map(s => [s.t, s.nodesUp === 0 ? null : s.connections.mean]) },
      { label: 'min', color: COLORS.grey, dashed: true, points: samples.map(s => [s.t, s.nodesUp === 0 ? null : s.connections.min]) },
      { label: 'max', color: COLORS.grey, dashed: true, points: samples.map(s => [s.t, s.nodesUp === 0 ? null : s.connections.max]) },
      { label: 'nodes up', color: COLORS.purple, step: true, points: samples.map(s => [s.t, s.nodesUp]) }
    ],
    markers
  })
  // opened per second over ~10 s groups of samples, so that single handshakes do not draw a comb
  const spacingMs = samples.length > 1 ? Math.max(1, samples[1].t - samples[0].t) : 1_000
  const churnEvery = Math.max(1, Math.round(10_000 / spacingMs))
  const churn: Array<[number, number]> = []
  let groupStart = 0
  for (let i = churnEvery - 1; i < samples.length; i += churnEvery) {
    const opened = samples.slice(i - churnEvery + 1, i + 1).reduce((sum, s) => sum + s.connectionsOpened, 0)
    churn.push([samples[i].t, opened / Math.max(1, samples[i].t - groupStart) * 1_000])
    groupStart = samples[i].t
  }
  const churnChart = lineChart({
    title: 'Connections opened per second (all nodes; a new link counts at both ends)',
    xLabel: 'time since start',
    yLabel: 'per second',
    yMin: 0,
    lines: [{ label: 'opened / s', color: COLORS.blue, points: churn }],
    markers
  })
  const resourceChart = lineChart({
    title: `Resources (${report.scenario.mode} mode)`,
    xLabel: 'time since start',
    yLabel: 'CPU % of one core',
    lines: [{ label: 'CPU %', color: COLORS.orange, points: samples.map(s => [s.t, s.cpuPercent]) }]
  })
  const inv = report.invariants
  const badge = (ok: boolean): string => `<span class="${ok ? 'ok' : 'bad'}">${ok ? 'held' : 'BROKEN'}</span>`
  const rows = (cells: string[][]): string => cells.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('\n')
  const conv = inv.convergence
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>escrin sim: ${e(report.scenario.name)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 960px; color: #222; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 8px 0; } td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
.ok { color: ${COLORS.green}; font-weight: 600; } .bad { color: ${COLORS.red}; font-weight: 700; }
.verdict { font-size: 18px; } .muted { color: #666; }
svg .title { font-size: 13px; font-weight: 600; } svg .tick, svg .legend { font-size: 11px; fill: #444; } svg .label { font-size: 11px; fill: #666; }
svg .grid { stroke: #eee; } svg .axis { stroke: #999; } svg .marker { stroke-dasharray: 2 3; }
</style></head><body>
<h1>${e(report.scenario.name)}</h1>
<p class="muted">${e(report.scenario.description)}</p>
<p class="verdict">Verdict: <span class="${report.verdict === 'pass' ? 'ok' : 'bad'}">${report.verdict === 'pass' ? 'every invariant held' : 'an invariant broke'}</span></p>
<table>${rows([
    ['mode', e(report.scenario.mode)], ['nodes', String(report.scenario.nodes)], ['seed', String(report.scenario.seed)],
    ['started', e(report.startedAt)], ['ran for', formatMs(report.durationMs)], ['scenario file', e(report.scenario.file)]
  ])}</table>

<h2>Invariants</h2>
<table><tr><th>invariant</th><th>state</th><th>evidence</th></tr>${rows([
    ['(a) nothing reached a peer outside its scope (counted at receivers)', badge(inv.scopeLeaks.ok), `${inv.scopeLeaks.fromHonest} leaks from honest senders, ${inv.scopeLeaks.total - inv.scopeLeaks.fromHonest} from byzantine ones; arrivals checked: ${Object.entries(inv.scopeLeaks.arrivals).map(([k, v]) => `${v} ${k}`).join(', ')}`],
    ['(b) every honest node converges to the true scope membership', badge(conv.ok), `${conv.events.length} membership changes; steady state p50 ${formatMs(conv.steady.p50)}, p99 ${formatMs(conv.steady.p99)}, max ${formatMs(conv.steady.max)}; formed after ${formatMs(conv.formedAtMs)}; ${conv.failures.length} missed the deadline`],
    ['(c) no accepted record failed verification', badge(inv.recordIntegrity.ok), `${inv.recordIntegrity.violations} violations in ${inv.recordIntegrity.checks} peer-table checks`],
    ['(d) every stored blob is read back whole while a holder of it is up', badge(inv.blobDurability.ok), inv.blobDurability.stored === 0 ? 'no blobs stored' : `${inv.blobDurability.readable} of ${inv.blobDurability.checked} read back at the end (of ${inv.blobDurability.stored} stored); ${inv.blobDurability.lost.length} lost, ${inv.blobDurability.unavailable} with every holder down; ${inv.blobDurability.wrongBytes} reads returned other bytes`],
    ['(e) no deleted blob is readable again (deleted while every storage node was up)', badge(inv.blobDeletion.ok), inv.blobDeletion.deleted === 0 ? 'no blobs deleted' : `${inv.blobDeletion.gone} of ${inv.blobDeletion.checked} gone at the end (of ${inv.blobDeletion.deleted} deleted); ${inv.blobDeletion.resurrected.length} readable again; ${inv.blobDeletion.pending} readable while pending (a storage node was down during the deletion)`]
  ])}</table>
${inv.blobDeletion.resurrected.length > 0 ? `<h3>Deleted blobs readable again</h3><table>${rows(inv.blobDeletion.resurrected.map(r => [formatMs(r.deletedAt), e(r.cid), e(r.reader)]))}</table>` : ''}
${inv.blobDurability.lost.length > 0 ? `<h3>Lost blobs</h3><table>${rows(inv.blobDurability.lost.map(l => [formatMs(l.storedAt), e(l.cid), e(l.reader), e(`${l.code}: ${l.message}`)]))}</table>` : ''}
${conv.failures.length > 0 ? `<h3>Convergence failures</h3><table>${rows(conv.failures.map(f => [formatMs(f.t), e(f.label), e(f.detail)]))}</table>` : ''}
${inv.scopeLeaks.leaks.length > 0 ? `<h3>Leaks</h3><table><tr><th>t</th><th>what</th><th>from</th><th>to</th><th>why</th></tr>${rows(inv.scopeLeaks.leaks.map(l => [formatMs(l.t), e(l.kind), `${e(l.sender)}${l.senderHonest ? '' : ' (byzantine)'}`, e(l.receiver), e(l.reason)]))}</table>` : ''}
${inv.recordIntegrity.list.length > 0 ? `<h3>Accepted records that fail the truth</h3><table>${rows(inv.recordIntegrity.list.map(v => [formatMs(v.t), e(v.holder), e(v.peerId.slice(-12)), e(v.reason)]))}</table>` : ''}

<h2>Scope convergence</h2>
${convergenceChart}
<table><tr><th>t</th><th>event</th><th>converged after</th><th>last to agree</th></tr>${rows(conv.events.slice(0, 300).map(ev => [formatMs(ev.t), `${e(ev.label)}${ev.formation ? ' <span class="muted">(formation)</span>' : ''}`, ev.convergedMs != null ? formatMs(ev.convergedMs) : '<span class="bad">never</span>', e(ev.slowest ?? '')]))}</table>

<h2>Jobs</h2>
<table>${rows([
    ['sent', String(report.jobs.sent)], ['succeeded', `${report.jobs.ok}${report.jobs.successRate != null ? ` (${(100 * report.jobs.successRate).toFixed(1)}%)` : ''}`],
    ['latency p50 / p90 / p99 / max', `${formatMs(report.jobs.latencyMs.p50)} / ${formatMs(report.jobs.latencyMs.p90)} / ${formatMs(report.jobs.latencyMs.p99)} / ${formatMs(report.jobs.latencyMs.max)}`],
    ['errors', e(Object.entries(report.jobs.errors).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none')],
    ['key releases (in-scope requesters)', `${report.keyReleases.ok} of ${report.keyReleases.sent}, p50 ${formatMs(report.keyReleases.latencyMs.p50)}, p99 ${formatMs(report.keyReleases.latencyMs.p99)}`],
    ['key requests refused as they should be', String(report.keyReleases.refusedAsExpected)],
    ['blob puts', `${report.blobs.puts.ok} of ${report.blobs.puts.sent}, p50 ${formatMs(report.blobs.puts.latencyMs.p50)}, p99 ${formatMs(report.blobs.puts.latencyMs.p99)}; errors: ${e(Object.entries(report.blobs.puts.errors).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none')}`],
    ['blob reads', `${report.blobs.gets.ok} of ${report.blobs.gets.sent}, p50 ${formatMs(report.blobs.gets.latencyMs.p50)}, p99 ${formatMs(report.blobs.gets.latencyMs.p99)}; errors: ${e(Object.entries(report.blobs.gets.errors).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none')}`],
    ['blob deletions', `${report.blobs.deletes.ok} of ${report.blobs.deletes.sent}, p50 ${formatMs(report.blobs.deletes.latencyMs.p50)}; errors: ${e(Object.entries(report.blobs.deletes.errors).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none')}`],
    ['requests skipped (over 64 in flight, or no client up)', String(report.skippedRequests)]
  ])}</table>
${latencyChart}
${successChart}

<h2>Network</h2>
${connectionsChart}
${churnChart}
${resourceChart}
<table>${rows([
    ['memory per node', formatBytes(report.resources.average.rssBytes)], ['CPU per node', `${report.resources.average.cpuPercent.toFixed(1)}% of one core`],
    ['how measured', e(report.resources.basis)], ['peak total RSS', formatBytes(report.resources.peakRssBytes)]
  ])}</table>

<h2>Timeline as played</h2>
<table><tr><th>t</th><th>action</th><th>result</th></tr>${rows(report.log.map(l => [formatMs(l.t), e(l.action), `${l.ok ? '' : '<span class="bad">failed:</span> '}${e(l.detail)}`]))}</table>
</body></html>
`
}
