import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BondLedgerError, FileBondLedger, parseLedgerFile } from '../../node/bonds/index.js'

const A = '0x' + 'aA'.repeat(20)
const B = '0x' + 'bb'.repeat(20)

describe('bond ledger file', () => {
  let dir: string
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'escrin-bonds-')) })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

  it('parses bonds as bigint wei with lowercase addresses', () => {
    const bonds = parseLedgerFile(JSON.stringify({ version: 1, bonds: { [A]: '1000000000000000000000', [B]: '0' } }), 'f')
    assert.equal(bonds.get(A.toLowerCase()), 10n ** 21n)
    assert.equal(bonds.get(B), 0n)
  })

  for (const [name, text, pattern] of [
    ['not JSON', '{', /not valid JSON/],
    ['a wrong version', JSON.stringify({ version: 2, bonds: {} }), /version/],
    ['a bad address', JSON.stringify({ version: 1, bonds: { '0x12': '1' } }), /not a 0x Ethereum address/],
    ['a number amount', JSON.stringify({ version: 1, bonds: { [A]: 5 } }), /decimal string of wei/],
    ['a negative amount', JSON.stringify({ version: 1, bonds: { [A]: '-5' } }), /decimal string of wei/],
    ['an amount over uint256', JSON.stringify({ version: 1, bonds: { [A]: (1n << 256n).toString() } }), /uint256/]
  ] as const) {
    it(`refuses ${name} with a reason`, () => {
      assert.throws(() => parseLedgerFile(text, 'f'), (err: Error) => err instanceof BondLedgerError && pattern.test(err.message))
    })
  }

  it('a missing file is an empty ledger; set() writes it and readers see the change', async () => {
    const path = join(dir, 'bonds.json')
    const writer = new FileBondLedger(path)
    const reader = new FileBondLedger(path)
    await writer.start()
    await reader.start()
    assert.equal(reader.bondOf(A), 0n)
    const seen: string[][] = []
    reader.onChange(ops => seen.push(ops))
    await writer.set([[A, 7n]])
    await reader.poll()
    assert.equal(reader.bondOf(A), 7n)
    assert.equal(reader.bondOf(A.toUpperCase().replace('0X', '0x')), 7n)
    assert.deepEqual(seen, [[A.toLowerCase()]])
    assert.deepEqual(JSON.parse(await readFile(path, 'utf8')), { version: 1, bonds: { [A.toLowerCase()]: '7' } })
    await writer.stop()
    await reader.stop()
  })

  it('an invalid file at start is an error; one that turns invalid later keeps the last good bonds', async () => {
    const path = join(dir, 'bonds.json')
    await writeFile(path, 'garbage')
    await assert.rejects(new FileBondLedger(path).start(), BondLedgerError)
    await writeFile(path, JSON.stringify({ version: 1, bonds: { [B]: '3' } }))
    const ledger = new FileBondLedger(path)
    await ledger.start()
    assert.equal(ledger.bondOf(B), 3n)
    await writeFile(path, '{"version": 1, "bonds": {') // a half-written edit
    await ledger.poll()
    assert.equal(ledger.bondOf(B), 3n)
    await writeFile(path, JSON.stringify({ version: 1, bonds: {} }))
    await ledger.poll()
    assert.equal(ledger.bondOf(B), 0n)
    await ledger.stop()
  })
})
