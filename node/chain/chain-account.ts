import { BaseError, ContractFunctionRevertedError, createPublicClient, createWalletClient, defineChain, http, type Chain, type Hex, type LocalAccount, type PublicClient, type WalletClient } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

/** Deadline of one JSON-RPC call from a command. */
const COMMAND_RPC_TIMEOUT_MS = 20_000

/** A command's view of a chain: reads through `client`, transactions signed here by `account` for the chain the URL serves. */
export interface ChainAccount {
  client: PublicClient
  wallet: WalletClient
  account: LocalAccount
  chain: Chain
}

export function chainClient (url: string): PublicClient {
  return createPublicClient({ transport: http(url, { timeout: COMMAND_RPC_TIMEOUT_MS, retryCount: 0 }) })
}

/** Connects `key` to the chain at `url`; refuses an account with no ETH, which could not pay for any transaction. */
export async function chainAccount (url: string, key: Hex, who: string, client = chainClient(url)): Promise<ChainAccount> {
  const account = privateKeyToAccount(key)
  const wallet = createWalletClient({ account, transport: http(url, { timeout: COMMAND_RPC_TIMEOUT_MS, retryCount: 0 }) })
  // the chain id is the URL's: the transactions are signed for the chain that will run them
  const chain = defineChain({ id: await client.getChainId(), name: 'escrin chain', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [url] } } })
  if (await client.getBalance({ address: account.address }) === 0n) {
    throw new Error(`the ${who} ${account.address.toLowerCase()} has no ETH to pay for gas: send it some first`)
  }
  return { client, wallet, account, chain }
}

/** A chain failure in one line: the contract's own error when it refused, else viem's first line. */
export function describeChainError (err: unknown): string {
  if (err instanceof BaseError) {
    const reverted = err.walk(e => e instanceof ContractFunctionRevertedError)
    if (reverted instanceof ContractFunctionRevertedError && reverted.data != null) {
      const args = (reverted.data.args ?? []).map(a => typeof a === 'bigint' ? a.toString() : String(a)).join(', ')
      return `the contract refused: ${reverted.data.errorName}(${args})`
    }
    return err.shortMessage
  }
  return (err as Error).message
}
