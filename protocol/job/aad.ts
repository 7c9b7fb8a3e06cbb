import { lengthPrefixed, utf8Bytes } from './length-prefixed.js'

// Distinct domains: a box sealed as a job's input never opens as its output, nor the reverse.
const INPUT_DOMAIN = utf8Bytes('escrin-job/1 input')
const OUTPUT_DOMAIN = utf8Bytes('escrin-job/1 output')

/**
 * Associated data of a job's sealed input: the direction, the job id, the
 * policy id and the worker CID, each length-prefixed. A box moved to another
 * job, another app or another worker does not open.
 */
export function jobInputAad (jobId: Uint8Array, policyId: string, workerCid: Uint8Array): Uint8Array {
  return lengthPrefixed([INPUT_DOMAIN, jobId, utf8Bytes(policyId), workerCid])
}

/** Associated data of a job's sealed output; see jobInputAad. */
export function jobOutputAad (jobId: Uint8Array, policyId: string, workerCid: Uint8Array): Uint8Array {
  return lengthPrefixed([OUTPUT_DOMAIN, jobId, utf8Bytes(policyId), workerCid])
}
