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
}

/** A ledger where nobody has a bond: for nodes that are told of no ledger. */
export const NO_BONDS: BondLedger = {
  bondOf: () => 0n,
  onChange: () => () => {},
  start: async () => {},
  stop: async () => {}
}

export class BondLedgerError extends Error {
  override readonly name = 'BondLedgerError'
}
