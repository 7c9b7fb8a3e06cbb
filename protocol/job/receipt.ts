import { ed25519Sign, ed25519Verify } from '../crypto/index.js'
import { lengthPrefixed } from './aad.js'
import { JobError } from './errors.js'

export interface JobReceipt {
  jobId: Uint8Array
  policyId: string
  workerCid: Uint8Array
  inputHash: Uint8Array
  outputHash: Uint8Array
  status: number
  signature: Uint8Array
}

export type ReceiptFields = Omit<JobReceipt, 'signature'>

const DOMAIN = new TextEncoder().encode('escrin-job-receipt/1')

/** The signed bytes: a domain string, then every field length-prefixed, so no two receipts share an encoding. */
export function receiptSigningBytes (r: ReceiptFields): Uint8Array {
  const status = new Uint8Array(4)
  new DataView(status.buffer).setUint32(0, r.status)
  return lengthPrefixed([DOMAIN, r.jobId, new TextEncoder().encode(r.policyId), r.workerCid, r.inputHash, r.outputHash, status])
}

/** The runner signs what it ran: (job id, policy id, worker CID, input hash, output hash, status). */
export function signReceipt (fields: ReceiptFields, signingSecret: Uint8Array): JobReceipt {
  return { ...fields, signature: ed25519Sign(receiptSigningBytes(fields), signingSecret) }
}

function equal (a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((x, i) => x === b[i])
}

/**
 * Checks a receipt against the runner's attested signing key and against
 * what the client itself knows (its job, its input, the output it decrypted).
 * BAD_RECEIPT names the first thing that differs.
 */
export function verifyReceipt (receipt: JobReceipt, signingPublic: Uint8Array, expected: Omit<ReceiptFields, 'status'>): void {
  if (!equal(receipt.jobId, expected.jobId)) throw new JobError('BAD_RECEIPT', 'the receipt is for another job')
  if (receipt.policyId !== expected.policyId) throw new JobError('BAD_RECEIPT', 'the receipt names another policy')
  if (!equal(receipt.workerCid, expected.workerCid)) throw new JobError('BAD_RECEIPT', 'the receipt names another worker')
  if (!equal(receipt.inputHash, expected.inputHash)) throw new JobError('BAD_RECEIPT', 'the receipt is for another input')
  if (!equal(receipt.outputHash, expected.outputHash)) throw new JobError('BAD_RECEIPT', 'the receipt is for another output')
  if (!ed25519Verify(receipt.signature, receiptSigningBytes(receipt), signingPublic)) {
    throw new JobError('BAD_RECEIPT', 'the receipt signature is not the runner\'s attested enclave key\'s')
  }
}
