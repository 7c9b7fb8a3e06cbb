import type { Progress } from '../engine/simulation.js'

/** How often a plain progress line is printed when stderr is not a terminal. */
const PLAIN_EVERY_MS = 5_000
const BAR_WIDTH = 24

/**
 * Progress on stderr: a bar redrawn in place on a terminal, a plain line
 * every few seconds otherwise (CI logs, pipes), so a long run is never silent
 * and never floods a log.
 */
export class ProgressReporter {
  private lastPlain = -Infinity
  private lastPhase = ''
  private drawn = false

  constructor (private readonly stream: NodeJS.WriteStream = process.stderr, private readonly tty = stream.isTTY === true) {}

  update (p: Progress): void {
    const fraction = Math.min(1, p.elapsedMs / p.durationMs)
    const text = `${(p.elapsedMs / 1000).toFixed(0).padStart(4)}s/${(p.durationMs / 1000).toFixed(0)}s ${p.phase.padEnd(8)} nodes ${p.nodesUp}/${p.nodesTotal}  agree ${p.agreeing}/${p.checked}  jobs ${p.jobsOk} ok ${p.jobsFailed} failed  violations ${p.violations}${p.lastAction !== '' ? `  | ${p.lastAction}` : ''}`
    if (this.tty) {
      const filled = Math.round(fraction * BAR_WIDTH)
      const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${text}`
      const columns = this.stream.columns ?? 120
      this.stream.write(`\r${line.slice(0, columns - 1).padEnd(Math.min(columns - 1, line.length))}\u001b[K`)
      this.drawn = true
      return
    }
    if (p.elapsedMs - this.lastPlain < PLAIN_EVERY_MS && p.phase === this.lastPhase) return
    this.lastPlain = p.elapsedMs
    this.lastPhase = p.phase
    this.stream.write(`sim: ${Math.round(fraction * 100)}% ${text}\n`)
  }

  /** A message (a violation) on its own line, without breaking the bar. */
  message (text: string): void {
    if (this.tty && this.drawn) this.stream.write('\r\u001b[K')
    this.stream.write(`${text}\n`)
  }

  done (): void {
    if (this.tty && this.drawn) this.stream.write('\n')
    this.drawn = false
  }
}
