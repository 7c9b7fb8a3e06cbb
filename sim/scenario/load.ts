import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import { ScenarioError } from './errors.js'
import { validateScenario } from './validate.js'
import type { Scenario } from './types.js'

/** Reads a scenario from a .json, .yaml or .yml file and validates it. */
export async function loadScenario (file: string): Promise<Scenario> {
  const ext = extname(file).toLowerCase()
  if (!['.json', '.yaml', '.yml'].includes(ext)) throw new ScenarioError('', `${file}: a scenario is a .json, .yaml or .yml file`)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw new ScenarioError('', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  return validateScenario(parseScenarioText(text, ext === '.json' ? 'json' : 'yaml', file), file)
}

export function parseScenarioText (text: string, format: 'json' | 'yaml', file: string): unknown {
  try {
    // YAML 1.2 core schema: no surprises like `no` meaning false or 010 meaning 8
    return format === 'json' ? JSON.parse(text) : parseYaml(text, { schema: 'core' })
  } catch (err) {
    // the parser's message is several lines (with a code excerpt); its first line names the line and column
    const detail = (err instanceof YAMLParseError ? err.message.split('\n')[0] : (err as Error).message).replace(/:$/, '')
    throw new ScenarioError('', `${file} is not valid ${format === 'json' ? 'JSON' : 'YAML'}: ${detail}`)
  }
}
