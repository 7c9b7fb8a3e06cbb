import { resolve } from 'node:path'
import { parseCommandArgs } from '../node/cli/args.js'
import { UsageError } from '../node/errors.js'
import { runScenario } from './engine/simulation.js'
import { buildReport } from './report/build-report.js'
import { ProgressReporter } from './report/progress.js'
import { renderSummary } from './report/summary.js'
import { defaultOutDir, writeReports } from './report/write-report.js'
import { loadScenario, ScenarioError, type SimMode } from './scenario/index.js'

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const
/** Violations printed as they are found; the rest only in the report. */
const MAX_VIOLATION_LINES = 20

/**
 * `escrin-node sim SCENARIO`: validates the scenario, runs it, prints
 * progress and the summary, writes the reports. Returns the exit code: 0
 * when every invariant held, 1 when one broke, 2 for bad usage or an invalid
 * scenario (reported on one line naming the offending path).
 */
export async function simCommand (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], {
    mode: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    'log-level': { type: 'string' }
  }, 1)
  const file = parsed.positionals[0]
  if (file == null) throw new UsageError('sim needs a scenario file (e.g. sim/scenarios/steady-state.yaml)')
  const mode = parsed.values.mode as string | undefined
  if (mode != null && mode !== 'memory' && mode !== 'process') throw new UsageError(`--mode: "${mode}" is not memory or process`)
  const seedText = parsed.values.seed as string | undefined
  const seed = seedText != null ? Number(seedText) : undefined
  if (seed != null && (!Number.isSafeInteger(seed) || seed < 0)) throw new UsageError(`--seed: "${seedText}" is not a non-negative whole number`)
  const logLevel = parsed.values['log-level'] as string | undefined
  if (logLevel != null && !(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new UsageError(`--log-level: "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}`)
  const quiet = parsed.values.quiet === true

  let scenario
  try {
    scenario = await loadScenario(resolve(file))
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err
    // one line: the file and the offending path say everything needed to fix it
    console.error(`escrin-node: ${err.path === '' ? '' : `${file}: `}${err.message}`)
    return err.exitCode
  }
  const outDir = resolve((parsed.values.out as string | undefined) ?? defaultOutDir(scenario.name))
  const progress = quiet ? undefined : new ProgressReporter()
  let violations = 0
  const onViolation = (message: string): void => {
    // the first ones say what went wrong; a flood would bury the progress (the report has them all)
    if (++violations <= MAX_VIOLATION_LINES) progress?.message(`violation: ${message}`)
    else if (violations === MAX_VIOLATION_LINES + 1) progress?.message('violation: … further violations are in the report')
  }
  const result = await runScenario(scenario, {
    ...(mode != null ? { mode: mode as SimMode } : {}),
    ...(seed != null ? { seed } : {}),
    ...(logLevel != null ? { logLevel: logLevel as typeof LOG_LEVELS[number] } : {}),
    ...(progress != null ? { onProgress: p => { progress.update(p) }, onViolation } : {})
  })
  progress?.done()
  const report = buildReport(result)
  const paths = await writeReports(report, outDir)
  if (quiet) console.log(`${report.verdict === 'pass' ? 'PASS' : 'FAIL'} ${scenario.name}: ${paths.html}`)
  else console.log(renderSummary(report, paths))
  return report.verdict === 'pass' ? 0 : 1
}
