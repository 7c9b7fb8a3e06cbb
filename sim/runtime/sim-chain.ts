import type { Hex } from 'viem'
import { BONDS_OPERATOR_ABI } from '../../protocol/chain/index.js'
import type { SignedPolicy } from '../../protocol/policy/index.js'
import type { ChainConfig } from '../../node/config/index.js'
import { DEPLOYER_KEY, deployBonds, deployPolicyRegistry, lockBond, sendAs, startLocalChain, type BondContracts, type LocalChain } from '../../node/devnet/local-chain.js'
import { registerPolicy } from '../../node/sdk/index.js'

/**
 * The chain under a simulated network (`chain: true` in a scenario): anvil
 * with the bond contracts and the policy registry. The simulator changes
 * bonds and registers policies with real transactions, and the nodes follow
 * the contracts as `start --chain` does, so the run measures the whole path
 * from a transaction to every node's scopes.
 */
export class SimChain {
  /** Transactions one at a time: the deployer mints for every lock, and its nonces must not race. */
  private queue: Promise<unknown> = Promise.resolve()
  /** Each operator's bond as this simulator last set it: nobody else moves bonds here, so unchanged ones cost nothing. */
  private readonly bonds = new Map<string, bigint>()

  private constructor (private readonly local: LocalChain, private readonly contracts: BondContracts & { policies: Hex }) {}

  static async start (): Promise<SimChain> {
    const local = await startLocalChain()
    try {
      const bonds = await deployBonds(local)
      return new SimChain(local, { ...bonds, policies: await deployPolicyRegistry(local) })
    } catch (err) {
      await local.stop()
      throw err
    }
  }

  get url (): string {
    return this.local.url
  }

  /** What each node is started with: both contracts, followed at the head. */
  config (): ChainConfig {
    return { url: this.local.url, bondContract: this.contracts.bonds.toLowerCase() as Hex, policyRegistry: this.contracts.policies.toLowerCase() as Hex, confirmations: 0 }
  }

  /** Brings each operator's bond on chain to the given one: locks what is missing, asks back what is over. */
  async setBonds (entries: Array<[operator: string, wei: bigint]>): Promise<void> {
    await this.serially(async () => {
      for (const [operator, wei] of entries) {
        const address = operator.toLowerCase() as Hex
        const current = this.bonds.get(address) ?? 0n
        if (wei > current) await lockBond(this.local, this.contracts, address, wei - current)
        else if (wei < current) await sendAs(this.local, address, this.contracts.bonds, BONDS_OPERATOR_ABI, 'requestUnlock', [current - wei])
        this.bonds.set(address, wei)
      }
    })
  }

  /** Registers a policy version (the deployer sends it; the owner's signature is what counts). */
  async register (signed: SignedPolicy): Promise<void> {
    await this.serially(async () => { await registerPolicy(signed, { url: this.local.url, registry: this.contracts.policies, senderKey: DEPLOYER_KEY }) })
  }

  async stop (): Promise<void> {
    await this.queue.catch(() => {})
    await this.local.stop()
  }

  private async serially<T> (action: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => {}).then(action)
    this.queue = run
    return await run
  }
}
