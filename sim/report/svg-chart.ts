/**
 * Line charts as inline SVG: no script, no external file, so the HTML report
 * opens anywhere, offline, and can be attached to an issue as one file.
 */
export interface Line {
  label: string
  color: string
  points: Array<[x: number, y: number | null]>
  /** Drawn as steps (a state held until the next sample) rather than slopes. */
  step?: boolean
  dashed?: boolean
}

export interface Marker { x: number, label: string, color?: string }

export interface ChartOptions {
  title: string
  xLabel: string
  yLabel: string
  lines: Line[]
  markers?: Marker[]
  yMin?: number
  yMax?: number
  formatY?: (y: number) => string
  formatX?: (x: number) => string
  width?: number
  height?: number
}

const PAD = { left: 64, right: 16, top: 32, bottom: 44 }

export function escapeXml (text: string): string {
  return text.replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] as string)
}

/** "Nice" tick values covering [min, max]. */
function ticks (min: number, max: number, count = 5): number[] {
  if (max <= min) return [min]
  const raw = (max - min) / count
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(s => s >= raw) ?? raw
  const out: number[] = []
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)))
  return out
}

export function lineChart (options: ChartOptions): string {
  const width = options.width ?? 860
  const height = options.height ?? 260
  const xs = options.lines.flatMap(l => l.points.map(p => p[0]))
  const ys = options.lines.flatMap(l => l.points.map(p => p[1]).filter((y): y is number => y != null))
  const xMin = xs.length > 0 ? Math.min(...xs) : 0
  const xMax = Math.max(xMin + 1, ...(xs.length > 0 ? xs : [1]))
  const yMin = options.yMin ?? Math.min(0, ...(ys.length > 0 ? ys : [0]))
  const yMax = Math.max(options.yMax ?? 0, yMin + 1e-9, ...(options.yMax == null && ys.length > 0 ? [Math.max(...ys) * 1.08] : []))
  const plotW = width - PAD.left - PAD.right
  const plotH = height - PAD.top - PAD.bottom
  const sx = (x: number): number => PAD.left + ((x - xMin) / (xMax - xMin)) * plotW
  const sy = (y: number): number => PAD.top + plotH - ((y - yMin) / (yMax - yMin)) * plotH
  const fx = options.formatX ?? ((x: number) => `${Math.round(x / 1000)}s`)
  const fy = options.formatY ?? ((y: number) => String(Math.round(y * 100) / 100))
  const parts: string[] = []
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeXml(options.title)}">`)
  parts.push(`<text x="${PAD.left}" y="18" class="title">${escapeXml(options.title)}</text>`)
  for (const y of ticks(yMin, yMax)) {
    parts.push(`<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" class="grid"/>`)
    parts.push(`<text x="${PAD.left - 6}" y="${(sy(y) + 4).toFixed(1)}" class="tick" text-anchor="end">${escapeXml(fy(y))}</text>`)
  }
  for (const x of ticks(xMin, xMax, 8)) {
    parts.push(`<text x="${sx(x).toFixed(1)}" y="${height - PAD.bottom + 16}" class="tick" text-anchor="middle">${escapeXml(fx(x))}</text>`)
  }
  parts.push(`<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}" class="axis"/>`)
  parts.push(`<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${PAD.top + plotH}" class="axis"/>`)
  parts.push(`<text x="${PAD.left + plotW / 2}" y="${height - 6}" class="label" text-anchor="middle">${escapeXml(options.xLabel)}</text>`)
  parts.push(`<text x="14" y="${PAD.top + plotH / 2}" class="label" text-anchor="middle" transform="rotate(-90 14 ${PAD.top + plotH / 2})">${escapeXml(options.yLabel)}</text>`)
  for (const marker of options.markers ?? []) {
    const x = sx(Math.min(xMax, Math.max(xMin, marker.x))).toFixed(1)
    parts.push(`<line x1="${x}" x2="${x}" y1="${PAD.top}" y2="${PAD.top + plotH}" class="marker" stroke="${marker.color ?? '#999'}"><title>${escapeXml(marker.label)}</title></line>`)
  }
  for (const line of options.lines) {
    const segments: string[][] = [[]]
    let prevY: number | null = null
    for (const [x, y] of line.points) {
      if (y == null) {
        if (segments.at(-1)?.length !== 0) segments.push([])
        prevY = null
        continue
      }
      const seg = segments.at(-1) as string[]
      if (line.step === true && prevY != null) seg.push(`${sx(x).toFixed(1)},${sy(prevY).toFixed(1)}`)
      seg.push(`${sx(x).toFixed(1)},${sy(y).toFixed(1)}`)
      prevY = y
    }
    for (const seg of segments.filter(s => s.length > 0)) {
      parts.push(seg.length === 1
        ? `<circle cx="${seg[0].split(',')[0]}" cy="${seg[0].split(',')[1]}" r="2.5" fill="${line.color}"/>`
        : `<polyline points="${seg.join(' ')}" fill="none" stroke="${line.color}" stroke-width="1.8"${line.dashed === true ? ' stroke-dasharray="5 3"' : ''}/>`)
    }
  }
  let lx = PAD.left + 8
  for (const line of options.lines) {
    parts.push(`<rect x="${lx}" y="${PAD.top + 4}" width="10" height="10" fill="${line.color}"/><text x="${lx + 14}" y="${PAD.top + 13}" class="legend">${escapeXml(line.label)}</text>`)
    lx += 24 + line.label.length * 6.5
  }
  parts.push('</svg>')
  return parts.join('\n')
}
