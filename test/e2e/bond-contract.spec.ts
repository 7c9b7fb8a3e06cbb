import assert from 'node:assert/strict'
import { toFunctionSignature, toEventSignature, type Abi, type AbiItem } from 'viem'
import { BONDS_ABI, BONDS_OPERATOR_ABI, TOKEN_ABI } from '../../protocol/chain/index.js'
import { ChainBondLedger } from '../../node/bonds/index.js'
import { compileContracts, deployBonds, lockBond, sendAs, slash, startAnvil, type Anvil, type BondContracts, ESCRIN } from '../helpers/chain.js'

const DELAY = 3600n
const BURN = '0x000000000000000000000000000000000000dEaD'

// The rules of EscrinBonds.sol that nodes and operators rely on, on a real EVM (anvil).
describe('EscrinBonds: what a bond is, and how it leaves', function () {
  this.timeout(120_000)
  let anvil: Anvil
  let contracts: BondContracts
  const { EscrinBonds, EscrinToken } = compileContracts()
  const read = async (address: `0x${string}`, abi: typeof EscrinBonds.abi, functionName: string, args: unknown[]): Promise<bigint> =>
    await anvil.public.readContract({ address, abi, functionName, args }) as bigint
  const bondOf = async (who: `0x${string}`): Promise<bigint> => await read(contracts.bonds, EscrinBonds.abi, 'bondOf', [who])
  const balanceOf = async (who: `0x${string}`): Promise<bigint> => await read(contracts.token, EscrinToken.abi, 'balanceOf', [who])
  const reverts = async (action: Promise<unknown>, error: RegExp): Promise<void> => {
    await assert.rejects(action, (err: Error) => error.test(err.message))
  }

  before(async () => {
    anvil = await startAnvil()
    contracts = await deployBonds(anvil, DELAY)
  })
  after(async () => { await anvil?.stop() })

  it('what nodes and the bond command call is what the contracts compile to (no ABI drift)', () => {
    const signatures = (abi: Abi): Set<string> => new Set(abi.flatMap((item: AbiItem) =>
      item.type === 'function' ? [toFunctionSignature(item)] : item.type === 'event' ? [toEventSignature(item)] : item.type === 'error' ? [`error ${item.name}(${item.inputs.map(i => i.type).join(',')})`] : []))
    const bonds = signatures(EscrinBonds.abi)
    const token = signatures(EscrinToken.abi)
    for (const item of signatures([...BONDS_ABI, ...BONDS_OPERATOR_ABI])) assert.ok(bonds.has(item), `EscrinBonds has no ${item}`)
    for (const item of signatures(TOKEN_ABI)) assert.ok(token.has(item), `EscrinToken has no ${item}`)
  })

  it('an unlock request stops the amount counting at once; it is withdrawn only after the delay', async () => {
    const operator = '0x00000000000000000000000000000000000a11ce'
    await lockBond(anvil, contracts, operator, 100n * ESCRIN)
    assert.equal(await bondOf(operator), 100n * ESCRIN)
    await sendAs(anvil, operator, contracts.bonds, EscrinBonds.abi, 'requestUnlock', [40n * ESCRIN])
    assert.equal(await bondOf(operator), 60n * ESCRIN)
    await reverts(sendAs(anvil, operator, contracts.bonds, EscrinBonds.abi, 'withdraw', []), /StillLocked/)
    await reverts(sendAs(anvil, operator, contracts.bonds, EscrinBonds.abi, 'requestUnlock', [61n * ESCRIN]), /NotEnoughLocked/)
    await anvil.test.increaseTime({ seconds: Number(DELAY) })
    await anvil.test.mine({ blocks: 1 })
    await sendAs(anvil, operator, contracts.bonds, EscrinBonds.abi, 'withdraw', [])
    assert.equal(await balanceOf(operator), 40n * ESCRIN)
    assert.equal(await bondOf(operator), 60n * ESCRIN)
  })

  it('only the slasher slashes; a slash burns the bond first, then what is unlocking, and no more than there is', async () => {
    const operator = '0x0000000000000000000000000000000000000b0b'
    await lockBond(anvil, contracts, operator, 100n * ESCRIN)
    await sendAs(anvil, operator, contracts.bonds, EscrinBonds.abi, 'requestUnlock', [30n * ESCRIN])
    await reverts(sendAs(anvil, operator, contracts.bonds, EscrinBonds.abi, 'slash', [operator, 1n]), /NotSlasher/)
    const burntBefore = await balanceOf(BURN)
    await slash(anvil, contracts, operator, 80n * ESCRIN)
    assert.equal(await bondOf(operator), 0n)
    const [locked, unlocking] = await anvil.public.readContract({ address: contracts.bonds, abi: EscrinBonds.abi, functionName: 'bonds', args: [operator] }) as [bigint, bigint, bigint]
    assert.equal(locked, 0n)
    assert.equal(unlocking, 20n * ESCRIN)
    await slash(anvil, contracts, operator, 1000n * ESCRIN)
    assert.equal(await balanceOf(BURN) - burntBefore, 100n * ESCRIN)
    await reverts(slash(anvil, contracts, operator, 1n), /reverted|ZeroAmount/)
  })

  it('every change of a bond is announced with the new bond (what nodes follow)', async () => {
    const logs = await anvil.public.getContractEvents({ address: contracts.bonds, abi: EscrinBonds.abi, eventName: 'BondChanged', fromBlock: 0n, toBlock: 'latest' })
    const last = new Map<string, bigint>()
    for (const log of logs) {
      const args = (log as unknown as { args: { operator: string, bond: bigint } }).args
      last.set(args.operator.toLowerCase(), args.bond)
    }
    assert.equal(last.get('0x00000000000000000000000000000000000a11ce'), await bondOf('0x00000000000000000000000000000000000a11ce'))
    assert.equal(last.get('0x0000000000000000000000000000000000000b0b'), 0n)
  })

  it('a node told to wait for confirmations counts a change only once that many blocks are on it', async () => {
    const operator = '0x0000000000000000000000000000000000000c0c'
    const ledger = new ChainBondLedger({ url: anvil.url, contract: contracts.bonds, confirmations: 3, pollMs: 3_600_000 })
    await ledger.start()
    try {
      const heard: string[][] = []
      ledger.onChange(operators => { heard.push(operators) })
      await lockBond(anvil, contracts, operator, 7n * ESCRIN)
      await ledger.poll()
      assert.equal(ledger.bondOf(operator), 0n, 'the lock is under fewer than 3 blocks')
      await anvil.test.mine({ blocks: 3 })
      await ledger.poll()
      assert.equal(ledger.bondOf(operator), 7n * ESCRIN)
      assert.ok(heard.some(ops => ops.includes(operator)))
    } finally {
      await ledger.stop()
    }
  })
})
