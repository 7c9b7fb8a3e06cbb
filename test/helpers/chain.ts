import { compileContracts, sendAs, startLocalChain, type BondContracts, type LocalChain } from '../../node/devnet/local-chain.js'

export { compileContracts, deployBonds, deployPolicyRegistry, ESCRIN, lockBond, sendAs, type BondContracts } from '../../node/devnet/local-chain.js'
/** The tests' local chain: anvil, as a devnet on a chain runs it. */
export type Anvil = LocalChain
export const startAnvil = startLocalChain

/** The slasher (the deployer) burns `amount` of the operator's bond. */
export async function slash (anvil: Anvil, contracts: BondContracts, operator: `0x${string}`, amount: bigint): Promise<void> {
  const slasher = anvil.deployer.account?.address
  if (slasher == null) throw new Error('no deployer account')
  await sendAs(anvil, slasher, contracts.bonds, compileContracts().EscrinBonds.abi, 'slash', [operator, amount])
}
