import assert from 'node:assert/strict'
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runCli } from '../helpers/cli.js'
import { ScenarioFiles, smallNetwork } from '../sim/helpers.js'

describe('escrin-node sim (the real binary)', function () {
  this.timeout(180_000)
  const files = new ScenarioFiles()
  before(async () => { await files.open() })
  after(async () => { await files.close() })

  it('--help describes the command and exits 0', async () => {
    const { code, stdout } = await runCli(['sim', '--help'])
    assert.equal(code, 0)
    assert.match(stdout, /Usage: escrin-node sim SCENARIO/)
    assert.match(stdout, /--mode M/)
    assert.match(stdout, /Exit codes/)
  })

  it('exits 2 with a one-line reason naming the offending path for an invalid scenario', async () => {
    const bad = smallNetwork()
    ;(bad.timeline as Array<Record<string, unknown>>)[1].at = 'soon'
    const path = await files.write('bad', bad)
    const { code, stderr, stdout } = await runCli(['sim', path])
    assert.equal(code, 2)
    assert.equal(stdout, '')
    assert.equal(stderr.trim().split('\n').length, 1, stderr)
    assert.match(stderr, /bad\.yaml: timeline\[1\]\.at: expected a duration like "5s"/)
  })

  it('exits 2 on bad usage', async () => {
    for (const [args, message] of [
      [['sim'], /needs a scenario file/],
      [['sim', 'x.yaml', '--mode', 'cloud'], /--mode: "cloud" is not memory or process/],
      [['sim', 'x.yaml', '--frobnicate'], /Unknown option '--frobnicate'/],
      [['sim', join(files.dir, 'missing.yaml')], /cannot read .*missing\.yaml: ENOENT/]
    ] as const) {
      const { code, stderr } = await runCli([...args])
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`)
      assert.match(stderr, message)
    }
  })

  it('exits 0 when every invariant held and writes the reports to --out', async () => {
    const path = await files.write('ok', smallNetwork({ duration: '5s' }))
    const out = join(files.dir, 'ok-out')
    const { code, stdout, stderr } = await runCli(['sim', path, '--out', out], { timeoutMs: 120_000 })
    assert.equal(code, 0, stderr)
    assert.match(stdout, /verdict +PASS/)
    assert.match(stdout, /\(a\) scope leaks +held/)
    assert.match(stderr, /^sim: \d+% /m, 'plain progress lines when stderr is not a terminal')
    await access(join(out, 'report.html'))
    assert.equal(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')).verdict, 'pass')
  })

  it('exits 1 when an invariant broke (an injected leak), and says so', async () => {
    const path = await files.write('leak', smallNetwork({ duration: '5s' }, [
      { at: '3s', do: 'misroute', from: 'dev[0]', to: 'dev[1]', app: 'alpha', policy: 'compute' }
    ]))
    const { code, stdout } = await runCli(['sim', path, '--quiet', '--out', join(files.dir, 'leak-out')], { timeoutMs: 120_000 })
    assert.equal(code, 1)
    assert.match(stdout, /^FAIL small: .*report\.html$/m)
  })
})
