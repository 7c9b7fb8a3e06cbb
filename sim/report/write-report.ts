import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { renderHtml } from './html-report.js'
import type { SimReport } from './build-report.js'

/** Where a run's reports go when --out is not given: sim/results/<scenario>-<timestamp>/ under the working directory. */
export function defaultOutDir (scenario: string, at = new Date()): string {
  return resolve('sim', 'results', `${scenario}-${at.toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z')}`)
}

export async function writeReports (report: SimReport, outDir: string): Promise<{ json: string, html: string }> {
  await mkdir(outDir, { recursive: true })
  const json = join(outDir, 'report.json')
  const html = join(outDir, 'report.html')
  await writeFile(json, JSON.stringify(report, (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v, 2) + '\n')
  await writeFile(html, renderHtml(report))
  return { json, html }
}
