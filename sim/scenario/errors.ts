/**
 * A scenario file that cannot be run: the message names the offending path,
 * e.g. `timeline[3].at: expected a duration like "5s"`, so a user can fix the
 * file without reading the simulator's code. The CLI exits with code 2.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError'
  readonly exitCode = 2

  constructor (readonly path: string, readonly reason: string) {
    super(path === '' ? reason : `${path}: ${reason}`)
  }
}
