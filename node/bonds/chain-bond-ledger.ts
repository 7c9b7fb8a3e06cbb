import { BlockNotFoundError, createPublicClient, http, isAddress, type PublicClient } from 'viem'
import { BONDS_ABI } from '../../protocol/chain/index.js'
import { BoundedMap } from '../../protocol/util/index.js'
import { BondLedgerError, type BondLedger, type BondSource } from './bond-ledger.js'
import type { Logger } from '../log/index.js'

export interface ChainBondLedgerInit {
  /** Ethereum JSON-RPC URL (--chain). */
  url: string
  /** The EscrinBonds contract (--bond-contract). */
  contract: string
  /** How often new blocks' BondChanged events are read (default 2 s). */
  pollMs?: number
  /** Blocks read in one log query at most (providers bound eth_getLogs ranges). */
  maxLogRange?: bigint
  /** Deadline of one JSON-RPC call. */
  rpcTimeoutMs?: number
  /** Blocks a change must be under before it counts (default 0: at once; a chain that reorganises often wants a few). */
  confirmations?: number
  logger?: Logger
}

/** Operators whose bond this node keeps: every one it was asked about or saw change. */
const MAX_OPERATORS = 100_000
const DEFAULT_POLL_MS = 2_000
const DEFAULT_MAX_LOG_RANGE = 5_000n
const DEFAULT_RPC_TIMEOUT_MS = 10_000
/** A failing chain is reported at most this often (it is retried at every poll). */
const FAILURE_LOG_INTERVAL_MS = 60_000

interface KnownBond {
  wei: bigint
  /** The block the value is as of: an older read never overwrites a newer event. */
  block: bigint
}

/**
 * Bonds from the EscrinBonds contract on an Ethereum chain, through viem.
 *
 * No history is scanned: an operator's bond is read (`bondOf`, as of the
 * last block this ledger has followed) the first time a node asks about it,
 * and from then on each `BondChanged` event, read block by block from the
 * block the ledger started at, carries its new value. Until its first read
 * returns, an operator has no bond (fail closed); listeners hear of it once
 * it has one. While the chain cannot be reached, the last known bonds stay in
 * force and the node retries at every poll.
 */
export class ChainBondLedger implements BondLedger {
  private readonly client: PublicClient
  private readonly contract: `0x${string}`
  private readonly confirmations: bigint
  private readonly bonds = new BoundedMap<string, KnownBond>(MAX_OPERATORS)
  private readonly reading = new Set<string>()
  /** Operators asked about whose read failed (or came before start): read again after the next good poll. */
  private readonly unread = new BoundedMap<string, true>(MAX_OPERATORS)
  private readonly listeners = new Set<(operators: string[]) => void>()
  /** The last block whose events are applied, and its hash (a different hash there later means a reorganisation). */
  private head = -1n
  private headHash?: `0x${string}`
  /** Counts reorganisations: a read begun before one is dropped. */
  private epoch = 0
  private timer?: ReturnType<typeof setInterval>
  private polling?: Promise<void>
  private readonly pending = new Set<Promise<void>>()
  private stopped = false
  private lastFailureLog = -Infinity

  constructor (private readonly init: ChainBondLedgerInit) {
    if (!isAddress(init.contract, { strict: false })) throw new BondLedgerError(`"${init.contract}" is not an Ethereum address`)
    this.contract = init.contract.toLowerCase() as `0x${string}`
    if (!Number.isSafeInteger(init.confirmations ?? 0) || (init.confirmations ?? 0) < 0) throw new BondLedgerError(`confirmations must be a whole number, not ${init.confirmations}`)
    this.confirmations = BigInt(init.confirmations ?? 0)
    // no cache: viem would answer the block number from its last call for 4 s, and each poll wants the chain's
    this.client = createPublicClient({ cacheTime: 0, transport: http(init.url, { timeout: init.rpcTimeoutMs ?? DEFAULT_RPC_TIMEOUT_MS, retryCount: 0 }) })
  }

  bondOf (operator: string): bigint {
    const id = operator.toLowerCase()
    const known = this.bonds.get(id)
    if (known != null) return known.wei
    this.read(id)
    return 0n
  }

  describe (): BondSource {
    return { source: 'chain', chain: this.init.url, contract: this.contract, block: this.head < 0n ? null : this.head.toString(), operators: this.bonds.size }
  }

  onChange (listener: (operators: string[]) => void): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }

  /** Checks that the chain answers and a contract is at the address, then follows it from its latest block. */
  async start (): Promise<void> {
    let code: string | undefined
    try {
      const block = await this.confirmedBlock()
      this.head = block.number
      this.headHash = block.hash
      code = await this.client.getCode({ address: this.contract })
    } catch (err) {
      throw new BondLedgerError(`cannot reach the chain at ${this.init.url}: ${shortError(err)}`)
    }
    if (code == null || code === '0x') throw new BondLedgerError(`no contract at ${this.contract} on the chain at ${this.init.url} (--bond-contract names the EscrinBonds contract)`)
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

  /** Applies the events of the blocks since the last poll (the timer does this every pollMs). */
  async poll (): Promise<void> {
    this.polling ??= this.follow().finally(() => { this.polling = undefined })
    await this.polling
  }

  private async follow (): Promise<void> {
    if (this.stopped) return
    try {
      const latest = await this.client.getBlockNumber() - this.confirmations
      if (!await this.stillOnChain()) {
        await this.reorganised()
        return
      }
      const changed = new Set<string>()
      while (this.head < latest && !this.stopped) {
        const to = minBig(latest, this.head + (this.init.maxLogRange ?? DEFAULT_MAX_LOG_RANGE))
        // the hash first: a reorganisation while the logs are read leaves it stale, and the next poll sees that
        const toHash = (await this.client.getBlock({ blockNumber: to })).hash
        const logs = await this.client.getContractEvents({ address: this.contract, abi: BONDS_ABI, eventName: 'BondChanged', fromBlock: this.head + 1n, toBlock: to, strict: true })
        for (const log of logs) {
          const operator = log.args.operator.toLowerCase()
          const block = log.blockNumber ?? to
          const known = this.bonds.get(operator)
          if (known != null && known.block > block) continue
          if (known?.wei !== log.args.bond) changed.add(operator)
          this.bonds.delete(operator)
          this.bonds.set(operator, { wei: log.args.bond, block })
        }
        this.head = to
        this.headHash = toHash
      }
      this.notify([...changed])
      for (const operator of [...this.unread.keys()]) {
        this.unread.delete(operator)
        if (!this.bonds.has(operator)) this.read(operator)
      }
    } catch (err) {
      this.failed('cannot follow the bond contract; the last known bonds stay in force', err)
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
      return (await this.client.getBlock({ blockNumber: this.head })).hash === this.headHash
    } catch (err) {
      if (err instanceof BlockNotFoundError) return false
      throw err
    }
  }

  /**
   * The chain reorganised below the block followed: events applied may be
   * gone. Every bond known is forgotten (fail closed) and read again from the
   * new head when next asked; listeners hear of each, so scopes ask at once.
   */
  private async reorganised (): Promise<void> {
    const block = await this.confirmedBlock()
    const forgotten = [...this.bonds.keys()]
    this.init.logger?.warn('the chain reorganised below the block followed; bonds are read again', { chain: this.init.url, followed: this.head.toString(), latest: block.number.toString() })
    this.bonds.clear()
    this.epoch++
    this.head = block.number
    this.headHash = block.hash
    this.notify(forgotten)
  }

  /** Reads one operator's bond as of the followed head, once at a time; listeners hear of a bond above zero. */
  private read (operator: string): void {
    if (this.reading.has(operator) || this.stopped) return
    if (this.head < 0n) {
      this.unread.set(operator, true)
      return
    }
    this.reading.add(operator)
    const asOf = this.head
    const epoch = this.epoch
    const done: Promise<void> = this.client.readContract({ address: this.contract, abi: BONDS_ABI, functionName: 'bondOf', args: [operator as `0x${string}`], blockNumber: asOf })
      .then(wei => {
        // an event of a later block may have arrived while this read ran: it wins; a reorganisation voids the read
        if (this.bonds.has(operator) || epoch !== this.epoch) {
          if (epoch !== this.epoch) this.unread.set(operator, true)
          return
        }
        this.bonds.set(operator, { wei, block: asOf })
        if (wei !== 0n) this.notify([operator])
      })
      .catch(err => {
        this.unread.set(operator, true)
        this.failed('cannot read an operator\'s bond; it counts as none until a read succeeds', err, { operator })
      })
      .finally(() => {
        this.reading.delete(operator)
        this.pending.delete(done)
      })
    this.pending.add(done)
  }

  private notify (operators: string[]): void {
    if (operators.length === 0) return
    for (const listener of this.listeners) {
      try {
        listener(operators)
      } catch (err) {
        this.init.logger?.error('bond change listener failed', { err })
      }
    }
  }

  private failed (message: string, err: unknown, fields: Record<string, unknown> = {}): void {
    const now = Date.now()
    if (now - this.lastFailureLog < FAILURE_LOG_INTERVAL_MS) return
    this.lastFailureLog = now
    this.init.logger?.warn(message, { chain: this.init.url, err: shortError(err), ...fields })
  }
}

function minBig (a: bigint, b: bigint): bigint {
  return a < b ? a : b
}

/** viem's errors run to many lines (the request, the docs link): the first says what happened. */
function shortError (err: unknown): string {
  return ((err as Error)?.message ?? String(err)).split('\n')[0]
}
