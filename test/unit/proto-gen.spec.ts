import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../../', import.meta.url))

describe('generated protobuf code', function () {
  this.timeout(60_000)

  it('is what `npm run proto` generates from proto/*.proto (regenerate and commit if this fails)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'escrin-proto-'))
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'gen-proto.js'), out], { cwd: root, stdio: 'pipe' })
      const generated = (await readdir(out)).sort()
      assert.deepEqual((await readdir(join(root, 'proto', 'gen'))).sort(), generated)
      for (const file of generated) {
        assert.equal(await readFile(join(root, 'proto', 'gen', file), 'utf8'), await readFile(join(out, file), 'utf8'), `proto/gen/${file} is stale`)
      }
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })
})
