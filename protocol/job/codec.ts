import { CID } from 'multiformats/cid'
import { escrin } from '../../proto/gen/escrin.js'
import { checkLength, decodeMessage, encodeMessage, WireError } from '../wire/index.js'
import { MAX_FAILURE_MESSAGE_LENGTH } from './errors.js'
import { NONCE_BYTES, TAG_BYTES, X25519_KEY_BYTES, type SealedBox } from './sealed-box.js'
import type { JobReceipt } from './receipt.js'

export const JOB_PROTOCOL = '/escrin/job/1'

/** Plaintext bounds: a job's input and output, and code sent inline. */
export const MAX_JOB_INPUT_BYTES = 1024 * 1024
export const MAX_JOB_OUTPUT_BYTES = 1024 * 1024
export const MAX_INLINE_CODE_BYTES = 1024 * 1024
/** The longest wall time a job may ask for. */
export const MAX_JOB_TIMEOUT_MS = 120_000
const FIELD_SLACK = 1024
/** Frame bounds for the stream's length-prefixed reads. */
export const MAX_JOB_REQUEST_BYTES = MAX_JOB_INPUT_BYTES + TAG_BYTES + MAX_INLINE_CODE_BYTES + FIELD_SLACK
export const MAX_JOB_RESPONSE_BYTES = MAX_JOB_OUTPUT_BYTES + TAG_BYTES + FIELD_SLACK

const JOB_ID_BYTES = 16
const HASH_BYTES = 32
const SIGNATURE_BYTES = 64
const MAX_CID_BYTES = 64
const POLICY_ID = /^[0-9a-f]{64}$/
const WIRE_CODES = new Set(Object.values(escrin.JobErrorCode as unknown as Record<string, number>).filter(v => typeof v === 'number'))

export interface JobRequest {
  jobId: Uint8Array
  policyId: string
  workerCid: Uint8Array
  inlineCode?: Uint8Array
  input: SealedBox
  timeoutMs: number
}

export interface JobResponse {
  ok?: { output: SealedBox, receipt: JobReceipt }
  failure?: { code: number, message: string }
}

/** protobufjs hands out Buffers on Node; callers get plain Uint8Array views (no copy). */
function u8 (b: Uint8Array | null | undefined): Uint8Array {
  return b == null ? new Uint8Array() : new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
}

function exact (field: string, value: Uint8Array | null | undefined, size: number): void {
  if (value?.length !== size) throw new WireError('INVALID_FIELD', `${field}: ${value?.length ?? 0} bytes, expected ${size}`)
}

function checkPolicyId (value: string): void {
  if (!POLICY_ID.test(value)) throw new WireError('INVALID_FIELD', 'policy_id: expected 64 lowercase hex characters')
}

function checkCid (field: string, bytes: Uint8Array): void {
  checkLength(field, bytes, MAX_CID_BYTES)
  try {
    CID.decode(bytes)
  } catch (err) {
    throw new WireError('INVALID_FIELD', `${field}: not a CID (${(err as Error).message})`)
  }
}

function checkBox (field: string, box: escrin.ISealedBox | null | undefined, maxPlaintext: number): SealedBox {
  if (box == null) throw new WireError('INVALID_FIELD', `${field}: missing`)
  exact(`${field}.ephemeral_public`, box.ephemeralPublic, X25519_KEY_BYTES)
  exact(`${field}.nonce`, box.nonce, NONCE_BYTES)
  const ciphertext = box.ciphertext ?? new Uint8Array()
  if (ciphertext.length < TAG_BYTES) throw new WireError('INVALID_FIELD', `${field}.ciphertext: shorter than its tag`)
  if (ciphertext.length > maxPlaintext + TAG_BYTES) throw new WireError('TOO_LARGE', `${field}: ${ciphertext.length - TAG_BYTES} bytes, more than ${maxPlaintext}`)
  return { ephemeralPublic: u8(box.ephemeralPublic), nonce: u8(box.nonce), ciphertext: u8(ciphertext) }
}

export function encodeJobRequest (r: JobRequest): Uint8Array {
  return encodeMessage(escrin.JobRequest, { ...r, inlineCode: r.inlineCode ?? new Uint8Array() })
}

/** Decodes and validates a request; WireError TOO_LARGE / MALFORMED / INVALID_FIELD. */
export function decodeJobRequest (bytes: Uint8Array): JobRequest {
  const m = decodeMessage(escrin.JobRequest, bytes, MAX_JOB_REQUEST_BYTES)
  exact('job_id', m.jobId, JOB_ID_BYTES)
  checkPolicyId(m.policyId)
  checkCid('worker_cid', m.workerCid)
  if (m.inlineCode.length > MAX_INLINE_CODE_BYTES) throw new WireError('TOO_LARGE', `inline_code: ${m.inlineCode.length} bytes, more than ${MAX_INLINE_CODE_BYTES}`)
  const input = checkBox('input', m.input, MAX_JOB_INPUT_BYTES)
  if (m.timeoutMs > MAX_JOB_TIMEOUT_MS) throw new WireError('INVALID_FIELD', `timeout_ms: ${m.timeoutMs}, more than ${MAX_JOB_TIMEOUT_MS}`)
  return { jobId: u8(m.jobId), policyId: m.policyId, workerCid: u8(m.workerCid), ...(m.inlineCode.length > 0 ? { inlineCode: u8(m.inlineCode) } : {}), input, timeoutMs: m.timeoutMs }
}

export function encodeJobResponse (r: JobResponse): Uint8Array {
  return encodeMessage(escrin.JobResponse, r)
}

/** Decodes and validates a response; WireError on anything a runner should not send. */
export function decodeJobResponse (bytes: Uint8Array): JobResponse {
  const m = decodeMessage(escrin.JobResponse, bytes, MAX_JOB_RESPONSE_BYTES)
  if (m.failure != null) {
    const code = m.failure.code ?? 0
    if (!WIRE_CODES.has(code)) throw new WireError('INVALID_FIELD', `failure.code: unknown value ${code}`)
    checkLength('failure.message', m.failure.message, MAX_FAILURE_MESSAGE_LENGTH)
    return { failure: { code, message: m.failure.message ?? '' } }
  }
  if (m.ok == null) throw new WireError('INVALID_FIELD', 'neither ok nor failure')
  const output = checkBox('ok.output', m.ok.output, MAX_JOB_OUTPUT_BYTES)
  const r = m.ok.receipt
  if (r == null) throw new WireError('INVALID_FIELD', 'ok.receipt: missing')
  exact('receipt.job_id', r.jobId, JOB_ID_BYTES)
  checkPolicyId(r.policyId ?? '')
  checkCid('receipt.worker_cid', r.workerCid ?? new Uint8Array())
  exact('receipt.input_hash', r.inputHash, HASH_BYTES)
  exact('receipt.output_hash', r.outputHash, HASH_BYTES)
  exact('receipt.signature', r.signature, SIGNATURE_BYTES)
  return {
    ok: {
      output,
      receipt: { jobId: u8(r.jobId), policyId: r.policyId as string, workerCid: u8(r.workerCid), inputHash: u8(r.inputHash), outputHash: u8(r.outputHash), status: r.status ?? 0, signature: u8(r.signature) }
    }
  }
}
