import { ed25519Sign, ed25519Verify } from '../crypto/index.js'
import { JobCryptoError } from './errors.js'
import { lengthPrefixed, utf8Bytes } from './length-prefixed.js'

export interface JobReceipt {
  jobId: Uint8Array
  policyId: string
  workerCid: Uint8Array
  /** sha256 of the plaintext input. */
  inputHash: Uint8Array
  /** sha256 of the plaintext output. */
  outputHash: Uint8Array
  /** The worker's HTTP status. */
  status: number
  /** Ed25519, by the runner's attested enclave signing key, over receiptSigningBytes. */
  signature: Uint8Array
}

export type ReceiptFields = Omit<JobReceipt, 'signature'>

/** What a client checks a receipt against: all it knows itself (the status it learns from the receipt). */
export type ExpectedReceipt = Omit<ReceiptFields, 'status'>

const DOMAIN = utf8Bytes('escrin-job-receipt/1')
const MAX_STATUS = 0xffff_ffff

/** The signed bytes: a domain string, then every field length-prefixed, so no two receipts share an encoding. */
export function receiptSigningBytes (r: ReceiptFields): Uint8Array {
  if (!Number.isInteger(r.status) || r.status < 0 || r.status > MAX_STATUS) throw new RangeError(`receipt status ${r.status} is not a uint32`)
  const status = new Uint8Array(4)
  new DataView(status.buffer).setUint32(0, r.status)
  return lengthPrefixed([DOMAIN, r.jobId, utf8Bytes(r.policyId), r.workerCid, r.inputHash, r.outputHash, status])
}

/** The runner signs what it ran: (job id, policy id, worker CID, input hash, output hash, status). */
export function signReceipt (fields: ReceiptFields, signingSecret: Uint8Array): JobReceipt {
  const { jobId, policyId, workerCid, inputHash, outputHash, status } = fields
  const unsigned = { jobId, policyId, workerCid, inputHash, outputHash, status }
  return { ...unsigned, signature: ed25519Sign(receiptSigningBytes(unsigned), signingSecret) }
}

function equal (a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((x, i) => x === b[i])
}

/**
 * Checks a receipt against the runner's attested signing key and against
 * what the client itself knows (its job, its input, the output it decrypted).
 * JobCryptoError BAD_RECEIPT names the first thing that differs.
 */
export function verifyReceipt (receipt: JobReceipt, signingPublic: Uint8Array, expected: ExpectedReceipt): void {
  if (!equal(receipt.jobId, expected.jobId)) throw new JobCryptoError('BAD_RECEIPT', 'the receipt is for another job')
  if (receipt.policyId !== expected.policyId) throw new JobCryptoError('BAD_RECEIPT', 'the receipt names another policy')
  if (!equal(receipt.workerCid, expected.workerCid)) throw new JobCryptoError('BAD_RECEIPT', 'the receipt names another worker')
  if (!equal(receipt.inputHash, expected.inputHash)) throw new JobCryptoError('BAD_RECEIPT', 'the receipt is for another input')
  if (!equal(receipt.outputHash, expected.outputHash)) throw new JobCryptoError('BAD_RECEIPT', 'the receipt is for another output')
  let signed: Uint8Array
  try {
    signed = receiptSigningBytes(receipt)
  } catch {
    throw new JobCryptoError('BAD_RECEIPT', `the receipt status ${receipt.status} is not a uint32`)
  }
  if (!ed25519Verify(receipt.signature, signed, signingPublic)) {
    throw new JobCryptoError('BAD_RECEIPT', 'the receipt signature is not by the runner\'s attested enclave key')
  }
}
