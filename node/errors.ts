/**
 * Errors the program reports to a user. The CLI maps each class to an exit
 * code and prints its message as one line, never a stack trace.
 */

/** The command line or configuration is wrong: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
  readonly exitCode = 2
}

/** The node could not start with a valid configuration (port in use, unreadable data dir): exit code 1. */
export class StartupError extends Error {
  override readonly name = 'StartupError'
  readonly exitCode = 1
}

/** How many peers' failures a one-line message names before it only counts the rest. */
const FAILURES_NAMED = 5

/**
 * The peers that failed an operation, for a one-line message: each by the
 * end of its id with its error, the first few only (a deletion may ask a
 * thousand nodes), then how many more.
 */
export function describePeerFailures (failures: ReadonlyArray<{ peer: string, error: string }>, named = FAILURES_NAMED): string {
  const listed = failures.slice(0, named).map(f => `${f.peer.slice(-8)}: ${f.error}`).join('; ')
  return failures.length > named ? `${listed}; and ${failures.length - named} more` : listed
}
