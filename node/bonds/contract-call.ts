import type { Abi, Account, Address, Chain, Hash, PublicClient, WalletClient } from 'viem'

export interface ContractCall {
  address: Address
  abi: Abi
  functionName: string
  args: readonly unknown[]
  /** Who sends it: a local account (signed here) or an address the node signs for (anvil's impersonation). */
  account: Account | Address
  chain: Chain
}

/**
 * Sends a contract call the way an operator's tools must: simulated first, so
 * a refusal throws with the contract's own error (and nothing is sent), then
 * written and waited for; a mined call that reverted anyway throws too.
 * Returns the transaction's hash.
 */
export async function sendContractCall (client: PublicClient, wallet: WalletClient, call: ContractCall, receiptTimeoutMs = 120_000): Promise<Hash> {
  const { request } = await client.simulateContract(call as Parameters<PublicClient['simulateContract']>[0])
  const hash = await wallet.writeContract({ ...request, chain: call.chain } as Parameters<WalletClient['writeContract']>[0])
  const receipt = await client.waitForTransactionReceipt({ hash, timeout: receiptTimeoutMs })
  if (receipt.status !== 'success') throw new Error(`${call.functionName} (${hash}) reverted`)
  return hash
}
