/**
 * AWS Nitro Enclaves attestation: `verifyNitroAttestation(document, options)`
 * turns a COSE_Sign1 attestation document into verified facts or a typed
 * error. Pure logic: the time, the trusted root and the expectations are
 * parameters.
 */
export { claimedTimestamp, verifyNitroAttestation, type NitroFacts, type NitroVerifyOptions } from './verify.js'
export { NitroVerificationError, type NitroErrorCode } from './errors.js'
export { awsNitroRootCertificate, AWS_NITRO_ROOT_SHA256 } from './root.js'
export { DEFAULT_MAX_AGE_MS, MAX_FUTURE_SKEW_MS, MAX_DOCUMENT_BYTES } from './constants.js'
