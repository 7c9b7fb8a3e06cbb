import { privateKeyToAccount } from 'viem/accounts'
import { defaultVerifiers } from '../../protocol/attestation/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { ssssErrorFromFailure, type SsssChannelResponse } from '../../protocol/ssss/index.js'
import { startNetwork, type TestNetwork } from './network.js'
import { testEvidence, testVerifier } from './test-evidence.js'
import { waitFor } from './wait.js'
import type { EscrinNode, EscrinNodeOptions } from '../../node/escrin-node.js'

export const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
export const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase() as `0x${string}`

export interface CustodyNetwork {
  net: TestNetwork
  /** Nodes 0-2: the custody scope's SSSS holders. */
  holders: EscrinNode[]
  /** Node 3: the app's runner (an SSSS node too, outside the custody scope). */
  runner: EscrinNode
  custodyPolicy: string
  appPolicy: string
}

/**
 * Four real nodes for the SSSS specs: nodes 0-2 attest the custody
 * measurement, node 3 the runner's; the owner publishes the custody policy
 * (`custody`: that measurement and the ssss role) and the app policy (`app`:
 * the runner's measurement and the runner role). Resolves once every node
 * agrees on both scopes. Each spec passes its own measurements, so specs
 * never share policy ids.
 */
export async function startCustodyNetwork (options: { custodyMeasurement: string, runnerMeasurement: string, runnerAttestationTtlMs?: number }): Promise<CustodyNetwork> {
  const optionsOf = (i: number): EscrinNodeOptions => {
    const verifiers = defaultVerifiers()
    verifiers.set('test', testVerifier)
    return {
      verifiers,
      sandbox: { processes: 1 },
      evidence: testEvidence(i <= 2 ? options.custodyMeasurement : options.runnerMeasurement),
      ...(i === 3 && options.runnerAttestationTtlMs != null ? { attestationTtlMs: options.runnerAttestationTtlMs } : {})
    }
  }
  const net = await startNetwork(4, {}, optionsOf)
  try {
    await waitFor(() => net.nodes.every(n => n.attestations.size === 4), { timeoutMs: 30_000 })
    const publish = async (name: string, measurement: string, role: string): Promise<string> =>
      (await net.nodes[0].policies.publish(await signPolicy(createPolicy({ owner: OWNER, name, version: 1, predicate: JSON.stringify({ all: [{ eq: ['tee.measurement', measurement] }, { has: ['roles', role] }] }) }), OWNER_KEY))).id
    const custodyPolicy = await publish('custody', options.custodyMeasurement, 'ssss')
    const appPolicy = await publish('app', options.runnerMeasurement, 'runner')
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(custodyPolicy).length === 3 && n.attestations.scopes.members(appPolicy).length === 1), { timeoutMs: 30_000 })
    return { net, holders: net.nodes.slice(0, 3), runner: net.nodes[3], custodyPolicy, appPolicy }
  } catch (err) {
    await net.close()
    throw err
  }
}

/** What an SSSS response says, in one word: SHARE, OK, or the failure's code. */
export const responseCode = (r: SsssChannelResponse): string => 'failure' in r ? ssssErrorFromFailure(r.failure).code : 'share' in r || 'knownSpecShare' in r ? 'SHARE' : 'OK'

/** The runner's enclave keys, from inside its key release (tests sign requests with them). */
export function enclaveKeysOf (runner: EscrinNode): { x25519: Uint8Array, signing: Uint8Array } {
  const k = (runner.keyRelease as unknown as { components: { keys: { x25519Public: Uint8Array, signingSecret: Uint8Array } } }).components.keys
  return { x25519: k.x25519Public, signing: k.signingSecret }
}
