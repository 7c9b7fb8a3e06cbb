import { parseAbi } from 'viem'

/**
 * What nodes and apps call of the EscrinPolicies registry
 * (contracts/EscrinPolicies.sol): the public record of every version of every
 * app's trust-boundary policy. A registration carries the owner's EIP-712
 * signature over the whole policy (the same one nodes check off chain), so
 * anyone may send it, and the registry keeps a version only when it is newer
 * than the owner's last of that name.
 */
export const POLICY_REGISTRY_ABI = parseAbi([
  'function registered(bytes32 digest) view returns (bool)',
  'function latest(address owner, bytes32 nameHash) view returns (uint64 version, bytes32 digest)',
  'function digestOf(address owner, string name, uint64 version, string predicate, uint64 createdAt) pure returns (bytes32)',
  'function register(address owner, string name, uint64 version, string predicate, uint64 createdAt, bytes signature)',
  'event PolicyRegistered(address indexed owner, bytes32 indexed nameHash, bytes32 indexed digest, string name, uint64 version, string predicate, uint64 createdAt)',
  'error BadSignature()',
  'error VersionNotNewer(uint64 latest, uint64 version)',
  'error BadLength()'
])
