import { EvidenceError, type EvidenceVerifier } from '../../protocol/attestation/index.js'
import type { EvidenceProducer } from '../../node/attestations/index.js'

/**
 * A test-only evidence kind, "test": it states a measurement and commits to
 * the record's binding, so tests can give nodes crafted TEE facts while the
 * binding of evidence to the enclave keys is still checked. Never registered
 * outside tests.
 */
export function testEvidence (measurement: string): EvidenceProducer {
  return binding => ({ kind: 'test', data: new TextEncoder().encode(JSON.stringify({ measurement, binding: Buffer.from(binding).toString('hex') })) })
}

export const testVerifier: EvidenceVerifier = (data, context) => {
  let parsed: { measurement?: unknown, binding?: unknown }
  try {
    parsed = JSON.parse(new TextDecoder().decode(data))
  } catch {
    throw new EvidenceError('MALFORMED', 'test evidence is not JSON')
  }
  if (parsed.binding !== Buffer.from(context.binding).toString('hex')) throw new EvidenceError('BINDING_MISMATCH', 'test evidence is for other keys')
  if (typeof parsed.measurement !== 'string') throw new EvidenceError('MALFORMED', 'no measurement')
  return { kind: 'test', measurement: parsed.measurement }
}
