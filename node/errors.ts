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
