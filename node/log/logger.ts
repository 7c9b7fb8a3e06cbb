/**
 * Structured, per-component logging. One line per record, either readable text
 * (the default, for a terminal) or one JSON object (for log collectors).
 * Records go to a sink (stderr by default) so stdout stays for command output.
 */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'trace'] as const
export type LogLevel = typeof LOG_LEVELS[number]
export type LogFormat = 'text' | 'json'

export type LogContext = Record<string, unknown>

export interface Logger {
  readonly component: string
  error(message: string, context?: LogContext): void
  warn(message: string, context?: LogContext): void
  info(message: string, context?: LogContext): void
  debug(message: string, context?: LogContext): void
  trace(message: string, context?: LogContext): void
  isEnabled(level: LogLevel): boolean
  /** A logger for a sub-component, e.g. `node.discovery`, sharing this one's settings and context. */
  child(component: string, context?: LogContext): Logger
}

export interface LoggerInit {
  level?: LogLevel
  format?: LogFormat
  /** Receives each formatted line (without newline). */
  sink?: (line: string) => void
  /** Fields added to every record, e.g. the node's peer id in a devnet. */
  context?: LogContext
  now?: () => Date
}

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3, trace: 4 }

export function isLogLevel (value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value)
}

export function createLogger (component: string, init: LoggerInit = {}): Logger {
  const level = init.level ?? 'info'
  const format = init.format ?? 'text'
  const sink = init.sink ?? ((line: string) => { process.stderr.write(line + '\n') })
  const now = init.now ?? (() => new Date())
  const baseContext = init.context ?? {}

  const emit = (recordLevel: LogLevel, message: string, context?: LogContext): void => {
    if (RANK[recordLevel] > RANK[level]) return
    const fields = { ...baseContext, ...context }
    const time = now().toISOString()
    sink(format === 'json'
      ? JSON.stringify({ time, level: recordLevel, component, msg: message, ...toJsonFields(fields) })
      : formatText(time, recordLevel, component, message, fields))
  }

  return {
    component,
    error: (m, c) => { emit('error', m, c) },
    warn: (m, c) => { emit('warn', m, c) },
    info: (m, c) => { emit('info', m, c) },
    debug: (m, c) => { emit('debug', m, c) },
    trace: (m, c) => { emit('trace', m, c) },
    isEnabled: (l) => RANK[l] <= RANK[level],
    child: (sub, context) => createLogger(`${component}.${sub}`, { ...init, context: { ...baseContext, ...context } })
  }
}

/** A logger that drops everything, for library use and tests that do not look at logs. */
export function silentLogger (component = 'escrin'): Logger {
  return createLogger(component, { level: 'error', sink: () => {} })
}

function toJsonFields (fields: LogContext): LogContext {
  const out: LogContext = {}
  for (const [key, value] of Object.entries(fields)) out[key] = normalise(value)
  return out
}

function normalise (value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, ...('code' in value ? { code: value.code } : {}) }
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex')
  if (value != null && typeof value === 'object' && 'toString' in value && value.toString !== Object.prototype.toString) {
    // PeerId, Multiaddr and CID print meaningfully through toString()
    return value.toString()
  }
  return value
}

function formatText (time: string, level: LogLevel, component: string, message: string, fields: LogContext): string {
  const pairs = Object.entries(fields).map(([k, v]) => {
    const value = normalise(v)
    const text = typeof value === 'string' ? value : JSON.stringify(value)
    return `${k}=${/\s/.test(text) ? JSON.stringify(text) : text}`
  })
  return `${time} ${level.toUpperCase().padEnd(5)} ${component}: ${message}${pairs.length > 0 ? ' ' + pairs.join(' ') : ''}`
}
