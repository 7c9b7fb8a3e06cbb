export { AttestationService, devEvidence, ATTESTATION_TTL_MS, MAX_ATTESTED_PEERS, type AttestationInit, type AttestationComponents, type EvidenceProducer, type OwnAttestationStatus } from './attestation-service.js'
export { loadOrCreateEnclaveKeys, generateEnclaveKeys, deriveEnclaveKeys, type EnclaveKeys } from './enclave-keys.js'
