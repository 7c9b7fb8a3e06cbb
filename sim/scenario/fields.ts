import { ScenarioError } from './errors.js'
import { describe } from './units.js'

/**
 * Typed reads of one mapping of the scenario file. Each read names its path in
 * the error, and `done()` refuses keys nobody read: a misspelt key is an
 * error, never a silently ignored setting.
 */
export class Fields {
  private readonly seen = new Set<string>()
  readonly raw: Record<string, unknown>

  constructor (value: unknown, readonly path: string) {
    if (value == null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ScenarioError(path, `expected a mapping, got ${describe(value)}`)
    }
    this.raw = value as Record<string, unknown>
  }

  at (key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`
  }

  has (key: string): boolean {
    return this.raw[key] !== undefined && this.raw[key] !== null
  }

  get (key: string): unknown {
    this.seen.add(key)
    return this.raw[key]
  }

  required (key: string): unknown {
    const value = this.get(key)
    if (value === undefined || value === null) throw new ScenarioError(this.at(key), 'is required')
    return value
  }

  string (key: string, fallback?: string): string {
    const value = this.get(key) ?? fallback
    if (typeof value !== 'string' || value === '') throw new ScenarioError(this.at(key), value === undefined ? 'is required' : `expected a non-empty string, got ${describe(value)}`)
    return value
  }

  integer (key: string, fallback: number | undefined, min: number, max: number): number {
    const value = this.get(key) ?? fallback
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new ScenarioError(this.at(key), value === undefined ? 'is required' : `expected a whole number from ${min} to ${max}, got ${describe(value)}`)
    }
    return value
  }

  boolean (key: string, fallback: boolean): boolean {
    const value = this.get(key) ?? fallback
    if (typeof value !== 'boolean') throw new ScenarioError(this.at(key), `expected true or false, got ${describe(value)}`)
    return value
  }

  list (key: string, required = true): unknown[] {
    const value = this.get(key)
    if (value === undefined || value === null) {
      if (required) throw new ScenarioError(this.at(key), 'is required')
      return []
    }
    if (!Array.isArray(value)) throw new ScenarioError(this.at(key), `expected a list, got ${describe(value)}`)
    return value
  }

  /** Throws for the first key that no read asked for. */
  done (known: readonly string[] = []): void {
    for (const key of Object.keys(this.raw)) {
      if (!this.seen.has(key)) {
        const hint = [...this.seen, ...known].filter(k => k !== key)
        throw new ScenarioError(this.at(key), `unknown key${hint.length > 0 ? ` (expected one of: ${[...new Set(hint)].join(', ')})` : ''}`)
      }
    }
  }
}
