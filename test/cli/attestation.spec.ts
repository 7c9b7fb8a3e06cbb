import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decode } from 'cborg'
import { runCli } from '../helpers/cli.js'

/** The shared vectors sit beside the repository (CI clones it with shared/ next to it). */
const SAMPLE = fileURLToPath(new URL('../../../../shared/vectors/nitro/att_doc_sample.bin', import.meta.url))
const SAMPLE_TIME = '1703101376'
/** The AWS Nitro root, as PEM, and its fingerprint. */
const ROOT_SHA256 = '641a0321a3e244efe456463195d606317ed7cdcc3c1756e09893f3c68f79bb5b'

/** The sample's payload fields, read here without trusting them (for expectations and certificates). */
async function samplePayload (): Promise<Map<string, unknown>> {
  const [, , payload] = decode(await readFile(SAMPLE), { useMaps: true }) as [unknown, unknown, Uint8Array]
  return decode(payload, { useMaps: true }) as Map<string, unknown>
}

function toPem (der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`
}

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

  describe('with files, times and expectations as operators have them', () => {
    let dir: string
    before(async () => { dir = await mkdtemp(join(tmpdir(), 'escrin-att-')) })
    after(async () => { await rm(dir, { recursive: true, force: true }) })

    it('reads the document as binary, as hex text and as base64 text, with line breaks', async () => {
      const bytes = await readFile(SAMPLE)
      await writeFile(join(dir, 'sample.hex'), `0x${bytes.toString('hex').replace(/.{60}/g, '$&\n')}\n`)
      await writeFile(join(dir, 'sample.b64'), `${bytes.toString('base64').replace(/.{76}/g, '$&\r\n')}\n`)
      await writeFile(join(dir, 'sample.b64url'), bytes.toString('base64url'))
      const binary = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', SAMPLE_TIME])
      assert.equal(binary.code, 0, binary.stderr)
      for (const name of ['sample.hex', 'sample.b64', 'sample.b64url']) {
        const text = await runCli(['attestation', 'verify', join(dir, name), '--kind', 'nitro', '--at', SAMPLE_TIME])
        assert.equal(text.code, 0, `${name}: ${text.stderr}`)
        assert.equal(text.stdout, binary.stdout, name)
      }
      // text that is neither is the verifier's to reject, not a crash
      await writeFile(join(dir, 'prose.txt'), 'this is not an attestation document\n')
      const prose = await runCli(['attestation', 'verify', join(dir, 'prose.txt'), '--kind', 'nitro', '--at', SAMPLE_TIME])
      assert.equal(prose.code, 1)
      assert.match(prose.stderr, /\(MALFORMED\)/)
    })

    it('verifies as of the document\'s own time with --at document, or of an ISO 8601 time', async () => {
      const own = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', 'document'])
      assert.equal(own.code, 0, own.stderr)
      const facts = JSON.parse(own.stdout)
      assert.equal(facts.verifiedAt, new Date(facts.timestamp).toISOString())
      const iso = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', '2023-12-20T20:00:00Z'])
      assert.equal(iso.code, 0, iso.stderr)
      assert.equal(JSON.parse(iso.stdout).verifiedAt, '2023-12-20T20:00:00.000Z')
      // an hour and a bit later the document is too old, however its certificates stand
      const late = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', '2023-12-20T20:45:00+00:00'])
      assert.equal(late.code, 1)
      assert.match(late.stderr, /\(TOO_OLD\)/)
    })

    it('says when a document verified now was made, so an expired one is not taken for a forgery', async () => {
      const now = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro'])
      assert.equal(now.code, 1)
      assert.match(now.stderr, /made at 2023-12-20T19:42:22\.719Z: --at document verifies it as of then/)
      // a forgery gets no such hint
      const bytes = await readFile(SAMPLE)
      bytes[bytes.length - 10] ^= 0x01
      await writeFile(join(dir, 'forged.bin'), bytes)
      const forged = await runCli(['attestation', 'verify', join(dir, 'forged.bin'), '--kind', 'nitro', '--at', 'document'])
      assert.equal(forged.code, 1)
      assert.match(forged.stderr, /\(BAD_SIGNATURE\)/)
      assert.doesNotMatch(forged.stderr, /made at/)
    })

    it('checks --pcr and --binding expectations against the signed values', async () => {
      const payload = await samplePayload()
      const pcrs = payload.get('pcrs') as Map<number, Uint8Array>
      const pcr4 = Buffer.from(pcrs.get(4) as Uint8Array).toString('hex')
      const userData = Buffer.from(payload.get('user_data') as Uint8Array).toString('hex')
      const matching = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', SAMPLE_TIME, '--pcr', `4=${pcr4.toUpperCase()}`, '--pcr', `0=0x${'0'.repeat(96)}`, '--binding', userData])
      assert.equal(matching.code, 0, matching.stderr)

      const otherPcr4 = pcr4.replace(/^./, c => c === '0' ? '1' : '0')
      const pcr = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', SAMPLE_TIME, '--pcr', `4=${otherPcr4}`])
      assert.equal(pcr.code, 1)
      assert.match(pcr.stderr, /\(PCR_MISMATCH\): PCR4 differs/)
      const absent = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', SAMPLE_TIME, '--pcr', `20=${'0'.repeat(96)}`])
      assert.match(absent.stderr, /\(PCR_MISMATCH\): PCR20 is absent/)
      const binding = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', SAMPLE_TIME, '--binding', userData.slice(2) + '00'])
      assert.equal(binding.code, 1)
      assert.match(binding.stderr, /\(BINDING_MISMATCH\)/)
    })

    it('verifies several files at once, one JSON line each, and exits 1 if any is rejected', async () => {
      const bytes = await readFile(SAMPLE)
      await writeFile(join(dir, 'good.b64'), bytes.toString('base64'))
      bytes[bytes.length - 10] ^= 0x01
      await writeFile(join(dir, 'bad.bin'), bytes)
      const files = [SAMPLE, join(dir, 'good.b64'), join(dir, 'bad.bin'), join(dir, 'missing.bin')]
      const result = await runCli(['attestation', 'verify', ...files, '--kind', 'nitro', '--at', 'document'])
      assert.equal(result.code, 1, result.stderr)
      const lines = result.stdout.trim().split('\n').map(line => JSON.parse(line))
      assert.deepEqual(lines.map(l => [l.file, l.ok, l.code]), [[files[0], true, undefined], [files[1], true, undefined], [files[2], false, 'BAD_SIGNATURE'], [files[3], false, 'UNREADABLE']])
      assert.equal(lines[0].certificateFingerprints.at(-1), ROOT_SHA256)
      // --json for one file: the same line, and exit 0 when it verifies
      const one = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', SAMPLE_TIME, '--json'])
      assert.equal(one.code, 0, one.stderr)
      assert.equal(one.stdout.trim().split('\n').length, 1)
      assert.equal(JSON.parse(one.stdout).ok, true)
    })

    it('trusts another root only when given one with --root (PEM or DER)', async () => {
      const payload = await samplePayload()
      const [root, intermediate] = payload.get('cabundle') as Uint8Array[]
      await writeFile(join(dir, 'root.pem'), toPem(root))
      await writeFile(join(dir, 'intermediate.der'), intermediate)
      const pinned = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', SAMPLE_TIME, '--root', join(dir, 'root.pem')])
      assert.equal(pinned.code, 0, pinned.stderr)
      assert.equal(JSON.parse(pinned.stdout).certificateFingerprints.at(-1), ROOT_SHA256)
      const other = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', SAMPLE_TIME, '--root', join(dir, 'intermediate.der')])
      assert.equal(other.code, 1)
      assert.match(other.stderr, /\(UNTRUSTED_ROOT\)/)
      const notACertificate = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--root', SAMPLE])
      assert.equal(notACertificate.code, 1)
      assert.match(notACertificate.stderr, /--root: .* is not a PEM or DER certificate/)
    })
  })

  it('exits 2 on bad usage', async () => {
    assert.equal((await runCli(['attestation', 'verify', SAMPLE, '--kind', 'sgx'])).code, 2)
    assert.equal((await runCli(['attestation', 'verify', '--kind', 'nitro'])).code, 2)
    assert.equal((await runCli(['attestation', 'check', SAMPLE])).code, 2)
    assert.equal((await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', 'yesterday'])).code, 2)
    // a time without a zone would mean the local one
    assert.equal((await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--at', '2023-12-20T20:00:00'])).code, 2)
    for (const pcr of ['4', '4=', '32=00', 'x=00', '4=zz']) {
      const result = await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--pcr', pcr])
      assert.equal(result.code, 2, pcr)
      assert.match(result.stderr, /--pcr:/)
    }
    assert.equal((await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--pcr', '1=00', '--pcr', '1=01'])).code, 2)
    for (const binding of ['', 'abc', 'zz', 'ab'.repeat(1025)]) {
      assert.equal((await runCli(['attestation', 'verify', SAMPLE, '--kind', 'nitro', '--binding', binding])).code, 2, binding.slice(0, 8))
    }
  })
})
