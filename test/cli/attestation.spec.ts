import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli } from '../helpers/cli.js'

/** The shared vectors sit beside the repository (CI clones it with shared/ next to it). */
const SAMPLE = fileURLToPath(new URL('../../../../shared/vectors/nitro/att_doc_sample.bin', import.meta.url))
const SAMPLE_TIME = '1703101376'

describe('escrin-node attestation verify', function () {
  this.timeout(30_000)

  it('prints the verified facts of the real Nitro sample at its time', async () => {
    const result = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', SAMPLE_TIME])
    assert.equal(result.code, 0, result.stderr)
    const facts = JSON.parse(result.stdout)
    assert.equal(facts.kind, 'nitro')
    assert.equal(facts.pcrs['0'], '0'.repeat(96))
    assert.notEqual(facts.pcrs['4'], '0'.repeat(96))
    assert.equal(facts.userData.length, 64)
    assert.equal(facts.certificateFingerprints.at(-1), '641a0321a3e244efe456463195d606317ed7cdcc3c1756e09893f3c68f79bb5b')
  })

  it('exits 1 with the specific reason: expired now, too old, tampered', async () => {
    const now = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro'])
    assert.equal(now.code, 1)
    assert.match(now.stderr, /^escrin-node: rejected \(CERT_EXPIRED\)/)

    const old = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', SAMPLE_TIME, '--max-age', '10'])
    assert.equal(old.code, 1)
    assert.match(old.stderr, /\(TOO_OLD\)/)

    const dir = await mkdtemp(join(tmpdir(), 'escrin-att-'))
    try {
      const bytes = await readFile(SAMPLE)
      bytes[bytes.length - 10] ^= 0x01 // inside the signature
      await writeFile(join(dir, 'tampered.bin'), bytes)
      const tampered = await runCli(['attestation', 'verify', join(dir, 'tampered.bin'), '--kind', 'nitro', '--at', SAMPLE_TIME])
      assert.equal(tampered.code, 1)
      assert.match(tampered.stderr, /\(BAD_SIGNATURE\)/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('exits 2 on bad usage', async () => {
    assert.equal((await runCli(['attestation', 'verify', SAMPLE, '--kind', 'sgx'])).code, 2)
    assert.equal((await runCli(['attestation', 'verify', '--kind', 'nitro'])).code, 2)
    assert.equal((await runCli(['attestation', 'check', SAMPLE])).code, 2)
    assert.equal((await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', 'yesterday'])).code, 2)
  })
})
