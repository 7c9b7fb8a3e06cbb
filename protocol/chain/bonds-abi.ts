import { parseAbi } from 'viem'

/**
 * What a node reads of the EscrinBonds contract (contracts/EscrinBonds.sol):
 * an operator's bond, and the event that carries each change of one.
 */
export const BONDS_ABI = parseAbi([
  'function bondOf(address operator) view returns (uint256)',
  'event BondChanged(address indexed operator, uint256 bond)'
])
