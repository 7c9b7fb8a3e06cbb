import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { foundry } from 'viem/chains'
import { compileContracts, deployBonds, startAnvil, type Anvil, type BondContracts, ESCRIN } from '../helpers/chain.js'
import { runCli } from '../helpers/cli.js'


describe('escrin-node bond (against a local chain)', function () {
  this.timeout(120_000)
  let anvil: Anvil
  let contracts: BondContracts
  let dir: string
  const bond = async (...args: string[]): ReturnType<typeof runCli> => await runCli(['bond', ...args, '--chain', anvil.url, '--bond-contract', contracts.bonds, '--data-dir', dir])

  before(async () => {
    anvil = await startAnvil()
    contracts = await deployBonds(anvil, 3600n)
    dir = await mkdtemp(join(tmpdir(), 'escrin-bond-cli-'))
  })
  after(async () => {
    await anvil?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('shows the operator of this data dir, with no bond; locking without gas says what to do', async () => {
    const shown = await bond('show')
    assert.equal(shown.code, 0, shown.stderr)
    assert.match(shown.stdout, /^operator: 0x[0-9a-f]{40}$/m)
    assert.match(shown.stdout, /^bond: 0 ESCRIN \(0 wei\)$/m)
    const refused = await bond('lock', '10')
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /has no ETH to pay for gas/)
  })

  it('locks, unlocks and refuses an early withdrawal with the contract\'s reason', async () => {
    const operator = /^operator: (0x[0-9a-f]{40})$/m.exec((await bond('show')).stdout)?.[1] as `0x${string}`
    await anvil.test.setBalance({ address: operator, value: 10n ** 18n })
    const { EscrinToken } = compileContracts()
    const mint = await anvil.deployer.writeContract({ address: contracts.token, abi: EscrinToken.abi, functionName: 'mint', args: [operator, 1500n * ESCRIN], account: anvil.deployer.account ?? null, chain: foundry })
    await anvil.public.waitForTransactionReceipt({ hash: mint })

    const tooMuch = await bond('lock', '2000')
    assert.equal(tooMuch.code, 1)
    assert.match(tooMuch.stderr, /has 1500 ESCRIN, not 2000/)
    const locked = await bond('lock', '1000.5')
    assert.equal(locked.code, 0, locked.stderr)
    assert.match(locked.stdout, /^bond: 1000\.5 ESCRIN/m)
    const unlocked = await bond('unlock', '400')
    assert.equal(unlocked.code, 0, unlocked.stderr)
    assert.match(unlocked.stdout, /^bond: 600\.5 ESCRIN/m)
    assert.match(unlocked.stdout, /^unlocking: 400 ESCRIN, withdrawable from \d{4}-/m)
    const early = await bond('withdraw')
    assert.equal(early.code, 1)
    assert.match(early.stderr, /the contract refused: StillLocked\(\d+\)/)
  })

  it('refuses bad usage with exit 2 and a reason', async () => {
    for (const [args, reason] of [
      [['lock', 'lots'], /"lots" is not an amount of ESCRIN/],
      [['lock'], /bond lock needs an AMOUNT/],
      [['burn'], /unknown subcommand "burn"/],
      [['lock', '1', '--operator', `0x${'ab'.repeat(20)}`], /--operator is for show/]
    ] as Array<[string[], RegExp]>) {
      const result = await bond(...args)
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`)
      assert.match(result.stderr, reason)
    }
  })
})
