import { foundry } from 'viem/chains'
import { compileContracts, startLocalChain, type BondContracts, type LocalChain } from '../../node/devnet/local-chain.js'

export { compileContracts, deployBonds, ESCRIN, lockBond, sendAs, type BondContracts } from '../../node/devnet/local-chain.js'
/** The tests' local chain: anvil, as a devnet on a chain runs it. */
export type Anvil = LocalChain
export const startAnvil = startLocalChain

/** The slasher burns `amount` of the operator's bond (simulated first: a revert names the contract's error). */
export async function slash (anvil: Anvil, contracts: BondContracts, operator: `0x${string}`, amount: bigint): Promise<void> {
  const { EscrinBonds } = compileContracts()
  const account = anvil.deployer.account
  if (account == null) throw new Error('no deployer account')
  await anvil.public.simulateContract({ address: contracts.bonds, abi: EscrinBonds.abi, functionName: 'slash', args: [operator, amount], account })
  const hash = await anvil.deployer.writeContract({ address: contracts.bonds, abi: EscrinBonds.abi, functionName: 'slash', args: [operator, amount], account, chain: foundry })
  const receipt = await anvil.public.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new Error('slash reverted')
}
