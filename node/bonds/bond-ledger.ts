/**
 * Where `bond` facts come from: an operator's fidelity bond in wei. The
 * embedded default is a local ledger file ({@link FileBondLedger}); an
 * on-chain ledger implements the same interface.
 */
export interface BondLedger {
  /** The operator's bond in wei (0 when it has none). `operator` is a lowercase 0x address. */
  bondOf(operator: string): bigint
  /** Called with the operators whose bond changed; returns an unsubscribe function. */
  onChange(listener: (operators: string[]) => void): () => void
  start(): Promise<void>
  stop(): Promise<void>
  /** Where bonds come from, for /v1/status. */
  describe(): BondSource
}

/** Where a node's bonds come from, and how far it has followed them. */
export type BondSource =
  | { source: 'none' }
  | { source: 'file', path: string, operators: number }
  | { source: 'chain', chain: string, contract: string, block: string | null, operators: number }
  | { source: 'simulator', operators: number }

/** A ledger where nobody has a bond: for nodes that are told of no ledger. */
export const NO_BONDS: BondLedger = {
  bondOf: () => 0n,
  onChange: () => () => {},
  start: async () => {},
  stop: async () => {},
  describe: () => ({ source: 'none' })
}

export class BondLedgerError extends Error {
  override readonly name = 'BondLedgerError'
}
