export { AttestationError, type AttestationErrorCode } from './errors.js'
export { enclaveBinding } from './binding.js'
export { signOperatorStatement, recoverOperator, OPERATOR_EIP712_DOMAIN, OPERATOR_EIP712_TYPES, type OperatorStatement } from './operator.js'
export { createDevEvidence, verifyDevEvidence } from './dev-evidence.js'
export { EvidenceError, devVerifier, nitroVerifier, defaultVerifiers, type EvidenceVerifier, type EvidenceContext, type TeeFacts } from './evidence.js'
export {
  sealAttestation, openAttestation, bindingOf, ATTESTATION_DOMAIN, ATTESTATION_MAX_BYTES, MAX_ATTESTATION_TTL_MS,
  type AttestationRecord, type VerifiedAttestation
} from './record.js'
