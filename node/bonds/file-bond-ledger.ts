import { randomBytes } from 'node:crypto'
import { open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { BondLedgerError, type BondLedger, type BondSource } from './bond-ledger.js'
import { formatLedgerFile, parseLedgerFile } from './ledger-file.js'
import type { Logger } from '../log/index.js'

/** How often the file is checked for changes (other processes, e.g. a devnet, write it). */
export const LEDGER_POLL_MS = 1_000

/**
 * The embedded bond ledger: a JSON file that several local nodes may share
 * (a devnet assigns bonds in one file for all its nodes). Changes are picked
 * up by polling the file's mtime and size: `fs.watch` misses atomic renames
 * on some platforms, and one stat a second costs nothing.
 *
 * A file that turns invalid is reported and ignored: the last good bonds
 * stay in force, so a half-edited file never zeroes every bond at once.
 */
export class FileBondLedger implements BondLedger {
  private bonds = new Map<string, bigint>()
  private readonly listeners = new Set<(operators: string[]) => void>()
  private timer?: ReturnType<typeof setInterval>
  private lastStamp = ''
  private polling?: Promise<void>

  constructor (readonly path: string, private readonly logger?: Logger, private readonly pollMs = LEDGER_POLL_MS) {}

  bondOf (operator: string): bigint {
    return this.bonds.get(operator.toLowerCase()) ?? 0n
  }

  describe (): BondSource {
    return { source: 'file', path: this.path, operators: this.bonds.size }
  }

  entries (): Map<string, bigint> {
    return new Map(this.bonds)
  }

  onChange (listener: (operators: string[]) => void): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }

  /** Loads the file (a missing file is an empty ledger; an invalid one is an error) and starts watching it. */
  async start (): Promise<void> {
    await this.reload(true)
    this.timer = setInterval(() => { void this.poll() }, this.pollMs)
    this.timer.unref?.()
  }

  async stop (): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.polling
  }

  /** Checks the file now (the poller does this every second). */
  async poll (): Promise<void> {
    this.polling ??= this.reload(false).finally(() => { this.polling = undefined })
    await this.polling
  }

  /**
   * Sets bonds in the file, atomically (write a temporary file, rename).
   * Concurrent writers in one process must serialise themselves; the devnet
   * is the only writer and assigns bonds before its nodes start.
   */
  async set (bonds: Iterable<[string, bigint]>): Promise<void> {
    const next = new Map(await this.readFile(true))
    for (const [operator, amount] of bonds) {
      if (!/^0x[0-9a-fA-F]{40}$/.test(operator)) throw new BondLedgerError(`"${operator}" is not a 0x Ethereum address`)
      if (amount < 0n) throw new BondLedgerError(`a bond cannot be negative (${operator}: ${amount})`)
      next.set(operator.toLowerCase(), amount)
    }
    const tmp = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    const handle = await open(tmp, 'w', 0o644)
    try {
      await handle.writeFile(formatLedgerFile(next))
      await handle.sync()
    } catch (err) {
      await handle.close()
      await unlink(tmp).catch(() => {})
      throw err
    }
    await handle.close()
    await rename(tmp, this.path)
    await this.poll()
  }

  private async readFile (strict: boolean): Promise<Map<string, bigint>> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map()
      if (strict) throw new BondLedgerError(`cannot read ${this.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
      throw err
    }
    return parseLedgerFile(text, this.path)
  }

  private async reload (strict: boolean): Promise<void> {
    let stamp: string
    try {
      const s = await stat(this.path)
      stamp = `${s.mtimeMs}:${s.size}:${s.ino}`
    } catch {
      stamp = 'missing'
    }
    if (!strict && stamp === this.lastStamp) return
    let next: Map<string, bigint>
    try {
      next = await this.readFile(strict)
    } catch (err) {
      if (strict) throw err
      this.logger?.warn('bond ledger file is invalid; keeping the last good bonds', { path: this.path, err })
      this.lastStamp = stamp
      return
    }
    this.lastStamp = stamp
    const changed: string[] = []
    for (const [operator, amount] of next) if (this.bonds.get(operator) !== amount) changed.push(operator)
    for (const operator of this.bonds.keys()) if (!next.has(operator)) changed.push(operator)
    this.bonds = next
    if (changed.length === 0) return
    for (const listener of this.listeners) {
      try {
        listener(changed)
      } catch (err) {
        this.logger?.error('bond change listener failed', { err })
      }
    }
  }
}
