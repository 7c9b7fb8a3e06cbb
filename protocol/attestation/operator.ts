import { bytesToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { recoverTypedDataAddress } from 'viem'

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

/** The address that signed the statement (lowercase); throws on a malformed signature. */
export async function recoverOperator (statement: OperatorStatement, signature: `0x${string}`): Promise<string> {
  return (await recoverTypedDataAddress({ ...typedData(statement), signature })).toLowerCase()
}
