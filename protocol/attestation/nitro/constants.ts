/**
 * Default maximum age of a document at verification time. The Nitro Secure
 * Module stamps each document when it is made; a node republishes its
 * attestation well within an hour, so anything older is a replay or a stale
 * record.
 */
export const DEFAULT_MAX_AGE_MS = 60 * 60 * 1000

/**
 * How far a document's timestamp may be ahead of the verifier's clock. The
 * enclave's time comes from the Nitro hypervisor, the verifier's from its own
 * host: both are NTP-synchronised but not to each other, so allow the usual
 * five minutes of disagreement and no more.
 */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000

/**
 * Largest document accepted. Real documents are 4-6 KiB (five certificates of
 * at most 1 KiB each plus PCRs and up to 3 KiB of key/user data/nonce); the
 * bound stops a peer from making us parse megabytes.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024

/** The NSM has 32 PCR registers (indices 0-31). */
export const MAX_PCRS = 32

/** PCR widths the AWS document format allows: SHA-256, SHA-384 or SHA-512 digests. */
export const PCR_LENGTHS: readonly number[] = [32, 48, 64]

/** AWS bounds `cabundle` only by use; real bundles hold 4 certificates, 10 leaves room for deeper PKIs. */
export const MAX_CABUNDLE_CERTIFICATES = 10

/** The AWS document format bounds each certificate to 1..1024 bytes. */
export const MAX_CERTIFICATE_BYTES = 1024

/** The AWS document format bounds `public_key`, `user_data` and `nonce` to 1024 bytes each. */
export const MAX_BLOB_BYTES = 1024

/**
 * Longest `module_id` accepted. Real ids are an instance id plus an enclave
 * id, about 40 characters; the bound keeps a hostile value out of logs and labels.
 */
export const MAX_MODULE_ID_LENGTH = 256

/**
 * Deepest CBOR nesting accepted. The payload nests three levels (map, the
 * `cabundle` array, its byte strings); without a bound a 16 KiB run of array
 * headers would exhaust the decoder's stack.
 */
export const MAX_CBOR_DEPTH = 8

/** COSE algorithm identifier of ECDSA with SHA-384 (RFC 9053), the only one Nitro uses. */
export const COSE_ALG_ES384 = -35

/** An ES384 signature is r || s, 48 bytes each (RFC 9053 section 2.1). */
export const ES384_SIGNATURE_BYTES = 96
