import type { BondLedger, BondSource } from '../../node/bonds/index.js'

/**
 * The bonds of a simulated network, set by the simulator (as the chain would
 * be by operators' transactions). Every node of a run is told the same bonds,
 * so bond facts agree across nodes as they would from one chain.
 */
export class SimBondLedger implements BondLedger {
  private readonly bonds = new Map<string, bigint>()
  private readonly listeners = new Set<(operators: string[]) => void>()

  constructor (entries: Array<[string, bigint]> = []) {
    for (const [operator, wei] of entries) this.bonds.set(operator.toLowerCase(), wei)
  }

  bondOf (operator: string): bigint {
    return this.bonds.get(operator.toLowerCase()) ?? 0n
  }

  /** Replaces the given operators' bonds and tells the listeners which changed. */
  set (entries: Array<[string, bigint]>): void {
    const changed: string[] = []
    for (const [operator, wei] of entries) {
      const key = operator.toLowerCase()
      if (this.bonds.get(key) === wei) continue
      this.bonds.set(key, wei)
      changed.push(key)
    }
    if (changed.length === 0) return
    for (const listener of this.listeners) listener(changed)
  }

  onChange (listener: (operators: string[]) => void): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }

  describe (): BondSource {
    return { source: 'simulator', operators: this.bonds.size }
  }

  async start (): Promise<void> {}
  async stop (): Promise<void> {}
}
