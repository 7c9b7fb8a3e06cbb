import { escrin } from '../../proto/gen/escrin.js'
import { checkLength, decodeMessage, encodeMessage, WireError } from '../wire/index.js'
import { MAX_FAILURE_MESSAGE_LENGTH, WIRE_FAILURE_CODES, type JobFailure } from './errors.js'
import { NONCE_BYTES, TAG_BYTES, X25519_KEY_BYTES, type SealedBox } from './sealed-box.js'
import { parseWorkerCid } from './worker-cid.js'
import type { JobReceipt } from './receipt.js'

/** One length-prefixed JobRequest from the client, one JobResponse back. */
export const JOB_PROTOCOL = '/escrin/job/1'

/** Plaintext bounds of a job's input and output (a box's ciphertext adds TAG_BYTES). */
export const MAX_JOB_INPUT_BYTES = 1024 * 1024
export const MAX_JOB_OUTPUT_BYTES = 1024 * 1024
/** Worker code sent inline. */
export const MAX_INLINE_CODE_BYTES = 1024 * 1024
/** The longest wall time a job may ask for; 0 on the wire means "the runner's default". */
export const MAX_JOB_TIMEOUT_MS = 120_000
/** Room for every field but the bulk ones (ids, keys, nonce, hashes, signature, tags): a few hundred bytes, rounded up. */
const FIELD_SLACK = 1024
/** Frame bounds for the stream's length-prefixed reads. */
export const MAX_JOB_REQUEST_BYTES = MAX_JOB_INPUT_BYTES + TAG_BYTES + MAX_INLINE_CODE_BYTES + FIELD_SLACK
export const MAX_JOB_RESPONSE_BYTES = MAX_JOB_OUTPUT_BYTES + TAG_BYTES + FIELD_SLACK

export const JOB_ID_BYTES = 16
export const HASH_BYTES = 32
export const SIGNATURE_BYTES = 64
/** A CIDv1 raw sha256 is 36 bytes; nothing longer is a worker CID. */
const MAX_CID_BYTES = 64
const POLICY_ID = /^[0-9a-f]{64}$/

export interface JobRequest {
  jobId: Uint8Array
  policyId: string
  workerCid: Uint8Array
  /** Absent on the wire as empty bytes. The runner checks it hashes to workerCid (CODE_MISMATCH). */
  inlineCode?: Uint8Array
  input: SealedBox
  timeoutMs: number
}

export interface JobResult {
  output: SealedBox
  receipt: JobReceipt
}

/** Exactly one of `ok` and `failure`. */
export interface JobResponse {
  ok?: JobResult
  failure?: JobFailure
}

/** protobufjs hands out Buffers on Node; callers get plain Uint8Array views of the decoded bytes (no copy). */
function u8 (b: Uint8Array | null | undefined): Uint8Array {
  return b == null ? new Uint8Array() : new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
}

function exact (field: string, value: Uint8Array | null | undefined, size: number): Uint8Array {
  if (value?.length !== size) throw new WireError('INVALID_FIELD', `${field}: ${value?.length ?? 0} bytes, expected ${size}`)
  return u8(value)
}

function policyId (field: string, value: string | null | undefined): string {
  if (value == null || !POLICY_ID.test(value)) throw new WireError('INVALID_FIELD', `${field}: expected 64 lowercase hex characters`)
  return value
}

function cid (field: string, bytes: Uint8Array | null | undefined): Uint8Array {
  checkLength(field, bytes, MAX_CID_BYTES)
  if (bytes == null || parseWorkerCid(bytes) == null) throw new WireError('INVALID_FIELD', `${field}: not a CIDv1 (raw, sha256)`)
  return u8(bytes)
}

function box (field: string, b: escrin.ISealedBox | null | undefined, maxPlaintext: number): SealedBox {
  if (b == null) throw new WireError('INVALID_FIELD', `${field}: missing`)
  const ephemeralPublic = exact(`${field}.ephemeral_public`, b.ephemeralPublic, X25519_KEY_BYTES)
  const nonce = exact(`${field}.nonce`, b.nonce, NONCE_BYTES)
  const ciphertext = b.ciphertext ?? new Uint8Array()
  if (ciphertext.length < TAG_BYTES) throw new WireError('INVALID_FIELD', `${field}.ciphertext: shorter than its tag`)
  if (ciphertext.length > maxPlaintext + TAG_BYTES) throw new WireError('TOO_LARGE', `${field}: ${ciphertext.length - TAG_BYTES} bytes of plaintext, more than ${maxPlaintext}`)
  return { ephemeralPublic, nonce, ciphertext: u8(ciphertext) }
}

export function encodeJobRequest (r: JobRequest): Uint8Array {
  return encodeMessage(escrin.JobRequest, { ...r, inlineCode: r.inlineCode ?? new Uint8Array() })
}

/**
 * Decodes and validates a request: WireError TOO_LARGE (the frame, the input
 * or the inline code over its bound), MALFORMED (not protobuf) or
 * INVALID_FIELD (a field of the wrong size or form). Never another error.
 */
export function decodeJobRequest (bytes: Uint8Array): JobRequest {
  const m = decodeMessage(escrin.JobRequest, bytes, MAX_JOB_REQUEST_BYTES)
  const jobId = exact('job_id', m.jobId, JOB_ID_BYTES)
  const policy = policyId('policy_id', m.policyId)
  const workerCid = cid('worker_cid', m.workerCid)
  const code = m.inlineCode ?? new Uint8Array()
  if (code.length > MAX_INLINE_CODE_BYTES) throw new WireError('TOO_LARGE', `inline_code: ${code.length} bytes, more than ${MAX_INLINE_CODE_BYTES}`)
  const input = box('input', m.input, MAX_JOB_INPUT_BYTES)
  if (m.timeoutMs > MAX_JOB_TIMEOUT_MS) throw new WireError('INVALID_FIELD', `timeout_ms: ${m.timeoutMs}, more than ${MAX_JOB_TIMEOUT_MS}`)
  return { jobId, policyId: policy, workerCid, ...(code.length > 0 ? { inlineCode: u8(code) } : {}), input, timeoutMs: m.timeoutMs }
}

export function encodeJobResponse (r: JobResponse): Uint8Array {
  return encodeMessage(escrin.JobResponse, r)
}

/** Decodes and validates a response; WireError (as decodeJobRequest) on anything a runner should not send. */
export function decodeJobResponse (bytes: Uint8Array): JobResponse {
  const m = decodeMessage(escrin.JobResponse, bytes, MAX_JOB_RESPONSE_BYTES)
  if (m.failure != null) {
    const code = m.failure.code ?? 0
    if (!WIRE_FAILURE_CODES.has(code)) throw new WireError('INVALID_FIELD', `failure.code: unknown or unspecified value ${code}`)
    checkLength('failure.message', m.failure.message, MAX_FAILURE_MESSAGE_LENGTH)
    return { failure: { code, message: m.failure.message ?? '' } }
  }
  if (m.ok == null) throw new WireError('INVALID_FIELD', 'neither ok nor failure')
  const output = box('ok.output', m.ok.output, MAX_JOB_OUTPUT_BYTES)
  const r = m.ok.receipt
  if (r == null) throw new WireError('INVALID_FIELD', 'ok.receipt: missing')
  return {
    ok: {
      output,
      receipt: {
        jobId: exact('receipt.job_id', r.jobId, JOB_ID_BYTES),
        policyId: policyId('receipt.policy_id', r.policyId),
        workerCid: cid('receipt.worker_cid', r.workerCid),
        inputHash: exact('receipt.input_hash', r.inputHash, HASH_BYTES),
        outputHash: exact('receipt.output_hash', r.outputHash, HASH_BYTES),
        status: r.status ?? 0,
        signature: exact('receipt.signature', r.signature, SIGNATURE_BYTES)
      }
    }
  }
}
