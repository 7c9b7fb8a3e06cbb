import { parseAbi } from 'viem'

/**
 * What a node reads of the EscrinBonds contract (contracts/EscrinBonds.sol):
 * an operator's bond, and the event that carries each change of one.
 */
export const BONDS_ABI = parseAbi([
  'function bondOf(address operator) view returns (uint256)',
  'event BondChanged(address indexed operator, uint256 bond)'
])

/** What an operator calls of EscrinBonds (escrin-node bond), and the errors it may answer with. */
export const BONDS_OPERATOR_ABI = parseAbi([
  'function token() view returns (address)',
  'function bonds(address) view returns (uint256 locked, uint256 unlocking, uint64 unlockAt)',
  'function lock(uint256 amount)',
  'function requestUnlock(uint256 amount)',
  'function withdraw()',
  'error NotSlasher()',
  'error ZeroAmount()',
  'error NotEnoughLocked(uint256 locked, uint256 asked)',
  'error StillLocked(uint64 unlockAt)',
  'error TransferFailed()'
])

/** What an operator calls of the token it bonds (contracts/EscrinToken.sol). */
export const TOKEN_ABI = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function approve(address spender, uint256 value) returns (bool)',
  'error InsufficientBalance(uint256 balance, uint256 needed)',
  'error InsufficientAllowance(uint256 allowance, uint256 needed)'
])
