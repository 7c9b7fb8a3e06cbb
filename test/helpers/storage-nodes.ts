import { defaultVerifiers } from '../../protocol/attestation/index.js'
import { testEvidence, testVerifier } from './test-evidence.js'
import type { EscrinNodeOptions } from '../../node/escrin-node.js'

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
