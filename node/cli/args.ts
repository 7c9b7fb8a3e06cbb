import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from '../errors.js'
import type { OptionSpec } from '../config/index.js'

export interface ParsedArgs {
  values: Record<string, string | string[] | boolean | undefined>
  positionals: string[]
}

/**
 * Parses a command's arguments strictly: an unknown flag, a missing value or a
 * stray positional is a UsageError naming it, never a silent default.
 */
export function parseCommandArgs (args: string[], options: readonly OptionSpec[], extra: ParseArgsConfig['options'] = {}, maxPositionals = 0): ParsedArgs {
  const config: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' }, ...extra }
  for (const option of options) {
    config[option.name] = { type: 'string', multiple: option.kind === 'list' }
  }
  let parsed
  try {
    parsed = parseArgs({ args, options: config, strict: true, allowPositionals: true })
  } catch (err) {
    // node's messages are good but long; keep the first sentence
    throw new UsageError(String((err as Error).message).split('. ')[0].replace(/\.$/, ''))
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[maxPositionals]}"`)
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals }
}

/** The flags given for options of the config table, in the shape resolveConfig takes. */
export function configFlags (values: ParsedArgs['values'], options: readonly OptionSpec[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const option of options) {
    const value = values[option.name]
    if (typeof value === 'string' || Array.isArray(value)) out[option.name] = value
  }
  return out
}
