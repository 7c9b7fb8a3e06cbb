import { BlockNotFoundError, createPublicClient, http, isAddress, type PublicClient } from 'viem'
import type { Logger } from '../log/index.js'

export interface ChainFollowerInit {
  /** Ethereum JSON-RPC URL (--chain). */
  url: string
  /** The contract followed. */
  contract: string
  /** What the contract is and which option names it, for the error when there is none at the address: "the EscrinBonds contract (--bond-contract)". */
  contractRole: string
  /** How often new blocks are read (default 2 s). */
  pollMs?: number
  /** Blocks read in one log query at most (providers bound eth_getLogs ranges). */
  maxLogRange?: bigint
  /** Deadline of one JSON-RPC call. */
  rpcTimeoutMs?: number
  /** Blocks a change must be under before it counts (default 0: at once; a chain that reorganises often wants a few). */
  confirmations?: number
  logger?: Logger
  /** The error a follower's user throws for a bad setting or a chain it cannot start on (default ChainFollowerError). */
  errorOf?: (message: string) => Error
}

/** What a user of a follower is given: the chain, the contract, and how to follow it (the follower's user names the contract's role and its error). */
export type ChainContractInit = Omit<ChainFollowerInit, 'contractRole' | 'errorOf'>

/** What a follower's user does with the chain as it moves. */
export interface ChainFollowerHandlers {
  /** Reads and applies the contract's events of blocks from..to (inclusive); a throw leaves the range to the next poll. */
  applyRange: (from: bigint, to: bigint) => Promise<void>
  /** The chain reorganised below the block followed: everything read may be gone. Called after the follower moved to the new head. */
  reorganised: () => void
  /** After every poll that reached the head: a chance to retry reads that failed. */
  followed: () => void
  /** A read that only the right contract answers, made at start: a wrong address is refused then, not found out later. */
  probe?: () => Promise<void>
}

export class ChainFollowerError extends Error {
  override readonly name = 'ChainFollowerError'
}

const DEFAULT_POLL_MS = 2_000
const DEFAULT_MAX_LOG_RANGE = 5_000n
const DEFAULT_RPC_TIMEOUT_MS = 10_000
/** Catch-up polls (beyond the timer's) at most this often, however many reads ask for one. */
const CATCH_UP_INTERVAL_MS = 250
/** A failing chain is reported at most this often (it is retried at every poll). */
const FAILURE_LOG_INTERVAL_MS = 60_000

/**
 * Follows one contract on an Ethereum chain, through viem: polls for new
 * blocks `confirmations` behind the head, hands each new range of blocks to
 * its user to read events from, and notices a reorganisation below the block
 * it followed to (that block's hash changed, or the chain got shorter). Reads
 * of the contract's state are made as of the followed block (`head`), and a
 * read begun before a reorganisation is recognised by `epoch`. What the
 * follower's user keeps of the chain (bonds, registrations) is its own.
 */
export class ChainFollower {
  readonly client: PublicClient
  readonly contract: `0x${string}`
  private readonly confirmations: bigint
  /** The last block whose events are applied, and its hash (a different hash there later means a reorganisation). */
  private followedTo = -1n
  private followedHash?: `0x${string}`
  private reorganisations = 0
  private timer?: ReturnType<typeof setInterval>
  private polling?: Promise<void>
  private readonly pending = new Set<Promise<unknown>>()
  private stopped = false
  private lastFailureLog = -Infinity
  private lastPollAt = -Infinity
  private catchingUp?: Promise<void>
  private readonly maxLogRange: bigint
  /** Blocks asked for in one log query now: halved when a query fails, doubled back after each that succeeds. */
  private logRange: bigint

  constructor (private readonly init: ChainFollowerInit, private readonly handlers: ChainFollowerHandlers) {
    if (!isAddress(init.contract, { strict: false })) throw this.error(`"${init.contract}" is not an Ethereum address`)
    this.contract = init.contract.toLowerCase() as `0x${string}`
    if (!Number.isSafeInteger(init.confirmations ?? 0) || (init.confirmations ?? 0) < 0) throw this.error(`confirmations must be a whole number, not ${init.confirmations}`)
    this.confirmations = BigInt(init.confirmations ?? 0)
    this.maxLogRange = init.maxLogRange ?? DEFAULT_MAX_LOG_RANGE
    if (this.maxLogRange < 1n) throw this.error(`a log query covers at least one block, not ${this.maxLogRange}`)
    this.logRange = this.maxLogRange
    // no cache: viem would answer the block number from its last call for 4 s, and each poll wants the chain's
    this.client = createPublicClient({ cacheTime: 0, transport: http(init.url, { timeout: init.rpcTimeoutMs ?? DEFAULT_RPC_TIMEOUT_MS, retryCount: 0 }) })
  }

  /** What a user shows of the chain it follows (for /v1/status): the URL, the contract, the block followed (null before the first). */
  describe (): { chain: string, contract: string, block: string | null } {
    return { chain: this.init.url, contract: this.contract, block: this.followedTo < 0n ? null : this.followedTo.toString() }
  }

  /** The block followed to (-1 before start): reads of the contract's state are made as of it. */
  get head (): bigint {
    return this.followedTo
  }

  /** Counts reorganisations: a read begun in an earlier epoch is void. */
  get epoch (): number {
    return this.reorganisations
  }

  get isStopped (): boolean {
    return this.stopped
  }

  /** Checks that the chain answers and a contract is at the address, then follows it from its latest confirmed block. */
  async start (): Promise<void> {
    let code: string | undefined
    try {
      const block = await this.confirmedBlock()
      this.followedTo = block.number
      this.followedHash = block.hash
      code = await this.client.getCode({ address: this.contract })
    } catch (err) {
      throw this.error(`cannot reach the chain at ${this.init.url}: ${shortError(err)}`)
    }
    if (code == null || code === '0x') throw this.error(`no contract at ${this.contract} on the chain at ${this.init.url} (${this.init.contractRole})`)
    try {
      await this.handlers.probe?.()
    } catch (err) {
      throw this.error(`the contract at ${this.contract} does not answer as ${this.init.contractRole}: ${shortError(err)}`)
    }
    this.timer = setInterval(() => { void this.poll() }, this.init.pollMs ?? DEFAULT_POLL_MS)
    this.timer.unref?.()
  }

  async stop (): Promise<void> {
    this.stopped = true
    clearInterval(this.timer)
    this.timer = undefined
    await this.polling
    await Promise.allSettled([...this.pending])
  }

  /** Reads the blocks since the last poll (the timer does this every pollMs). */
  async poll (): Promise<void> {
    this.polling ??= this.follow().finally(() => { this.polling = undefined })
    await this.polling
  }

  /**
   * A poll that begins after this call: for a user that read the contract
   * at the followed block and wants what happened since (the events of the
   * new blocks) without waiting for the timer. Callers meanwhile share it,
   * and it begins at least `minIntervalMs` after the last poll began, so
   * however many ask, the chain is asked no more often than that.
   */
  async catchUp (minIntervalMs = CATCH_UP_INTERVAL_MS): Promise<void> {
    this.catchingUp ??= (async () => {
      await this.polling
      const wait = this.lastPollAt + minIntervalMs - Date.now()
      if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
      // who asks from now on needs a poll that begins later than this one
      this.catchingUp = undefined
      await this.poll()
    })()
    await this.catchingUp
  }

  /** A read of the contract's state; stop() waits for it. */
  track<T> (read: Promise<T>): Promise<T> {
    const tracked = read.finally(() => { this.pending.delete(tracked) })
    this.pending.add(tracked)
    return tracked
  }

  private error (message: string): Error {
    return this.init.errorOf?.(message) ?? new ChainFollowerError(message)
  }

  /** Logs a failure of the chain, at most once a minute (it is retried at every poll). */
  failed (message: string, err: unknown, fields: Record<string, unknown> = {}): void {
    const now = Date.now()
    if (now - this.lastFailureLog < FAILURE_LOG_INTERVAL_MS) return
    this.lastFailureLog = now
    this.init.logger?.warn(message, { chain: this.init.url, err: shortError(err), ...fields })
  }

  private async follow (): Promise<void> {
    if (this.stopped) return
    this.lastPollAt = Date.now()
    try {
      const latest = await this.client.getBlockNumber() - this.confirmations
      if (!await this.stillOnChain()) {
        await this.reorganised()
        return
      }
      while (this.followedTo < latest && !this.stopped) {
        const to = minBig(latest, this.followedTo + this.logRange)
        // the hash first: a reorganisation while the logs are read leaves it stale, and the next poll sees that
        const toHash = (await this.client.getBlock({ blockNumber: to })).hash
        try {
          await this.handlers.applyRange(this.followedTo + 1n, to)
        } catch (err) {
          // providers bound a log query by blocks or by results, each its own way: a range refused is
          // asked again in halves, down to one block, so a node back from a long outage is never stuck
          const span = to - this.followedTo
          if (span <= 1n) throw err
          this.logRange = span / 2n
          continue
        }
        this.followedTo = to
        this.followedHash = toHash
        this.logRange = minBig(this.maxLogRange, this.logRange * 2n)
      }
      this.handlers.followed()
    } catch (err) {
      this.failed(`cannot follow ${this.init.contractRole}; what was read stays in force`, err)
    }
  }

  /** The newest block with `confirmations` blocks on it (the chain's first, while it is shorter). */
  private async confirmedBlock (): Promise<{ number: bigint, hash: `0x${string}` }> {
    const latest = await this.client.getBlockNumber()
    const block = await this.client.getBlock({ blockNumber: latest > this.confirmations ? latest - this.confirmations : 0n })
    return { number: block.number, hash: block.hash }
  }

  /** Whether the block followed to is still the chain's block at that height (not reorganised away, the chain not cut shorter). */
  private async stillOnChain (): Promise<boolean> {
    try {
      return (await this.client.getBlock({ blockNumber: this.followedTo })).hash === this.followedHash
    } catch (err) {
      if (err instanceof BlockNotFoundError) return false
      throw err
    }
  }

  private async reorganised (): Promise<void> {
    const block = await this.confirmedBlock()
    this.init.logger?.warn('the chain reorganised below the block followed; what was read of it is read again', { chain: this.init.url, contract: this.contract, followed: this.followedTo.toString(), latest: block.number.toString() })
    this.reorganisations++
    this.followedTo = block.number
    this.followedHash = block.hash
    this.handlers.reorganised()
  }
}

function minBig (a: bigint, b: bigint): bigint {
  return a < b ? a : b
}

/** viem's errors run to many lines (the request, the docs link): the first says what happened. */
export function shortError (err: unknown): string {
  return ((err as Error)?.message ?? String(err)).split('\n')[0]
}
