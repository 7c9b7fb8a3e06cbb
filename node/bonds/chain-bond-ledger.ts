import { BONDS_ABI } from '../../protocol/chain/index.js'
import { BoundedMap } from '../../protocol/util/index.js'
import { FollowedContract, type ChainContractInit } from '../chain/index.js'
import { BondLedgerError, type BondLedger, type BondSource } from './bond-ledger.js'

/** The chain and the EscrinBonds contract (--chain, --bond-contract), and how to follow them. */
export type ChainBondLedgerInit = ChainContractInit

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000'

/** Operators whose read failed that are read again after one poll, at most (the rest after the next). */
const MAX_RETRIES_PER_POLL = 256

/** Operators whose bond this node keeps: every one it was asked about or saw change. */
const MAX_OPERATORS = 100_000

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
 * force and the node retries at every poll. After a reorganisation below the
 * block followed, every bond known is forgotten (fail closed) and read again
 * when next asked; listeners hear of each, so scopes ask at once.
 */
export class ChainBondLedger extends FollowedContract implements BondLedger {
  private readonly bonds = new BoundedMap<string, KnownBond>(MAX_OPERATORS)
  private readonly reading = new Set<string>()
  /** Operators asked about whose read failed (or came before start): read again after the next good poll. */
  private readonly unread = new BoundedMap<string, true>(MAX_OPERATORS)
  private readonly listeners = new Set<(operators: string[]) => void>()
  private changed = new Set<string>()

  constructor (private readonly init: ChainBondLedgerInit) {
    super({ ...init, contractRole: 'the EscrinBonds contract (--bond-contract)', errorOf: message => new BondLedgerError(message) })
  }

  bondOf (operator: string): bigint {
    const id = operator.toLowerCase()
    const known = this.bonds.get(id)
    if (known != null) return known.wei
    this.read(id)
    return 0n
  }

  describe (): BondSource {
    return { source: 'chain', ...this.chain.describe(), operators: this.bonds.size }
  }

  onChange (listener: (operators: string[]) => void): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }

  protected async probe (): Promise<void> {
    await this.chain.client.readContract({ address: this.chain.contract, abi: BONDS_ABI, functionName: 'bondOf', args: [ZERO_ADDRESS] })
  }

  protected async applyRange (from: bigint, to: bigint): Promise<void> {
    const logs = await this.chain.client.getContractEvents({ address: this.chain.contract, abi: BONDS_ABI, eventName: 'BondChanged', fromBlock: from, toBlock: to, strict: true })
    for (const log of logs) {
      const operator = log.args.operator.toLowerCase()
      const block = log.blockNumber ?? to
      const known = this.bonds.get(operator)
      if (known != null && known.block > block) continue
      if (known?.wei !== log.args.bond) this.changed.add(operator)
      this.bonds.delete(operator)
      this.bonds.set(operator, { wei: log.args.bond, block })
    }
  }

  protected followed (): void {
    const changed = [...this.changed]
    this.changed = new Set()
    this.notify(changed)
    let retries = 0
    for (const operator of [...this.unread.keys()]) {
      if (retries++ >= MAX_RETRIES_PER_POLL) break
      this.unread.delete(operator)
      if (!this.bonds.has(operator)) this.read(operator)
    }
  }

  /** Events applied may be gone: every bond known is forgotten and read again when next asked. */
  protected reorganised (): void {
    const forgotten = [...this.bonds.keys()]
    this.bonds.clear()
    this.changed = new Set()
    this.notify(forgotten)
  }

  /** Reads one operator's bond as of the followed head, once at a time; listeners hear of a bond above zero. */
  private read (operator: string): void {
    if (this.reading.has(operator) || this.chain.isStopped) return
    const asOf = this.chain.head
    if (asOf < 0n) {
      this.unread.set(operator, true)
      return
    }
    this.reading.add(operator)
    const epoch = this.chain.epoch
    void this.chain.track(this.chain.client.readContract({ address: this.chain.contract, abi: BONDS_ABI, functionName: 'bondOf', args: [operator as `0x${string}`], blockNumber: asOf })
      .then(wei => {
        // an event of a later block may have arrived while this read ran: it wins; a reorganisation voids the read
        if (epoch !== this.chain.epoch) {
          this.unread.set(operator, true)
          return
        }
        if (this.bonds.has(operator)) return
        this.bonds.set(operator, { wei, block: asOf })
        if (wei !== 0n) this.notify([operator])
      })
      .catch(err => {
        this.unread.set(operator, true)
        this.chain.failed('cannot read an operator\'s bond; it counts as none until a read succeeds', err, { operator })
      })
      .finally(() => {
        this.reading.delete(operator)
      }))
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
}
