import { defaultVerifiers } from '../../protocol/attestation/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { testEvidence, testVerifier } from './test-evidence.js'
import { waitFor } from './wait.js'
import type { EscrinNode, EscrinNodeOptions } from '../../node/escrin-node.js'
import type { TestNetwork } from './network.js'

/**
 * A node attested with test evidence of `measurement` whose repair runs only
 * when the test asks (so what it does is the test's to see) and judges blobs
 * as soon as they are stored (a holder that comes back to a deleted blob, or
 * that left a blob's scope, acts at once).
 */
export function storageTestOptions (measurement: string): EscrinNodeOptions {
  const verifiers = defaultVerifiers()
  verifiers.set('test', testVerifier)
  return { verifiers, evidence: testEvidence(measurement), storage: { repairIntervalMs: 3_600_000, repairSettleMs: 0 } }
}

/**
 * Publishes, from `from`, the owner's policy `name` admitting the nodes of
 * test `measurement`, and waits until every node of `net` counts `members`
 * peers in its scope. Its id.
 */
export async function publishMeasurementScope (net: TestNetwork, from: EscrinNode, owner: { address: string, key: `0x${string}` }, name: string, measurement: string, members: number): Promise<string> {
  const signed = await signPolicy(createPolicy({ owner: owner.address, name, version: 1, predicate: JSON.stringify({ eq: ['tee.measurement', measurement] }) }), owner.key)
  const { id } = await from.policies.publish(signed)
  await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(id).length === members), { timeoutMs: 30_000, describe: () => net.nodes.map(n => n.attestations.scopes.members(id).length).join(',') })
  return id
}

