import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'

/** Writes scenarios into a temporary directory, as a user would, and removes it afterwards. */
export class ScenarioFiles {
  dir = ''

  async open (): Promise<this> {
    this.dir = await mkdtemp(join(tmpdir(), 'escrin-sim-test-'))
    return this
  }

  async write (name: string, scenario: unknown): Promise<string> {
    const path = join(this.dir, `${name}.yaml`)
    await writeFile(path, stringify(scenario))
    return path
  }

  async close (): Promise<void> {
    if (this.dir !== '') await rm(this.dir, { recursive: true, force: true })
  }
}

/** Three TEE runners that also hold shares and one dev client; a policy for the runners, a custody policy, a dealt key. */
export function smallNetwork (extra: Record<string, unknown> = {}, timeline: unknown[] = []): Record<string, unknown> {
  return {
    name: 'small',
    duration: '12s',
    attestationTtl: '6s',
    convergeWithin: '8s',
    apps: ['alpha'],
    nodes: [
      { group: 'tee', count: 3, roles: ['runner', 'ssss'], evidence: 'nitro:aa11' },
      { group: 'dev', count: 2, roles: ['runner'], evidence: 'dev' }
    ],
    timeline: [
      { at: '1s', do: 'publish', app: 'alpha', name: 'compute', predicate: { all: [{ eq: ['tee.kind', 'nitro'] }, { has: ['roles', 'runner'] }] } },
      { at: '1s', do: 'publish', app: 'alpha', name: 'custody', predicate: { has: ['roles', 'ssss'] } },
      ...timeline
    ],
    ...extra
  }
}
