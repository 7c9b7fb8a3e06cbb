import { ChainFollower, type ChainFollowerInit } from './chain-follower.js'

/**
 * What a node keeps of one contract on a chain (bonds, policy
 * registrations), kept up to date by a ChainFollower: a subclass reads the
 * events of each new range of blocks, and forgets what a reorganisation may
 * have undone.
 */
export abstract class FollowedContract {
  protected readonly chain: ChainFollower

  constructor (init: ChainFollowerInit) {
    this.chain = new ChainFollower(init, {
      applyRange: async (from, to) => { await this.applyRange(from, to) },
      reorganised: () => { this.reorganised() },
      followed: () => { this.followed() },
      probe: async () => { await this.probe() }
    })
  }

  /** Checks that the chain answers and a contract is at the address, then follows it from its latest confirmed block. */
  async start (): Promise<void> {
    await this.chain.start()
  }

  async stop (): Promise<void> {
    await this.chain.stop()
  }

  /** Applies the events of the blocks since the last poll (a timer does this every pollMs). */
  async poll (): Promise<void> {
    await this.chain.poll()
  }

  /** Reads and applies the contract's events of blocks from..to (inclusive). */
  protected abstract applyRange (from: bigint, to: bigint): Promise<void>
  /** The chain reorganised below the block followed: what was read of it may be gone. */
  protected abstract reorganised (): void
  /** After every poll that reached the head: a chance to tell listeners and retry reads that failed. */
  protected abstract followed (): void
  /** A read at start that only the right contract answers (throws otherwise). */
  protected abstract probe (): Promise<void>
}
