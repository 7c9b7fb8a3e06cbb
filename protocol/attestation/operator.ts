import { bytesToHex } from 'viem/utils'
import { privateKeyToAccount } from 'viem/accounts'
import { recoverTypedDataAddress } from 'viem/utils'
import { hasHighS } from '../crypto/index.js'
import { BoundedMap } from '../util/index.js'

/** EIP-712 domain of escrin's signatures (no chainId: the statement holds on every chain). */
export const OPERATOR_EIP712_DOMAIN = { name: 'Escrin', version: '1' } as const

export const OPERATOR_EIP712_TYPES = {
  NodeOperator: [
    { name: 'peerId', type: 'string' },
    { name: 'enclaveX25519', type: 'bytes32' },
    { name: 'enclaveSigningKey', type: 'bytes32' }
  ]
} as const

export interface OperatorStatement {
  /** The node's peer id, base58 as users see it (so a wallet shows it). */
  peerId: string
  enclaveX25519: Uint8Array
  enclaveSigningKey: Uint8Array
}

function typedData (statement: OperatorStatement) {
  return {
    domain: OPERATOR_EIP712_DOMAIN,
    types: OPERATOR_EIP712_TYPES,
    primaryType: 'NodeOperator' as const,
    message: {
      peerId: statement.peerId,
      enclaveX25519: bytesToHex(statement.enclaveX25519),
      enclaveSigningKey: bytesToHex(statement.enclaveSigningKey)
    }
  }
}

/** The operator vouches for a node: signs (peer id, enclave keys) with its Ethereum key. */
export async function signOperatorStatement (statement: OperatorStatement, privateKey: `0x${string}`): Promise<{ operator: `0x${string}`, signature: `0x${string}` }> {
  const account = privateKeyToAccount(privateKey)
  return { operator: account.address.toLowerCase() as `0x${string}`, signature: await account.signTypedData(typedData(statement)) }
}

/**
 * Recovered operators by (statement, signature). The statement of a node does
 * not change when it re-publishes its record, so every re-publication (and
 * every relay of it) would otherwise pay a secp256k1 recovery (~3 ms in JS)
 * for an answer this node already computed. Recovery is a pure function of
 * the key, so caching it cannot admit anything that was not verified.
 */
const RECOVERED_MAX = 10_000
/** Recoveries by key, done or in flight: a record that arrives from several peers at once is recovered once. */
const recovered = new BoundedMap<string, Promise<string>>(RECOVERED_MAX)

/** The address that signed the statement (lowercase); throws on a malformed signature. */
export async function recoverOperator (statement: OperatorStatement, signature: `0x${string}`): Promise<string> {
  if (hasHighS(signature)) throw new Error('the signature has a high s value (malleable form)')
  const key = `${statement.peerId}|${bytesToHex(statement.enclaveX25519)}|${bytesToHex(statement.enclaveSigningKey)}|${signature.toLowerCase()}`
  let recovery = recovered.get(key)
  if (recovery == null) {
    recovery = recoverTypedDataAddress({ ...typedData(statement), signature }).then(address => address.toLowerCase())
    recovered.set(key, recovery)
    // a malformed signature is not worth remembering (a flood of them would only evict good entries)
    recovery.catch(() => { if (recovered.get(key) === recovery) recovered.delete(key) })
  }
  return await recovery
}
