import { concatBytes, uvarint } from '../wire/index.js'

const INPUT_DOMAIN = new TextEncoder().encode('escrin-job/1 input')
const OUTPUT_DOMAIN = new TextEncoder().encode('escrin-job/1 output')

function lengthPrefixed (parts: Uint8Array[]): Uint8Array {
  return concatBytes(parts.flatMap(p => [uvarint(p.byteLength), p]))
}

/**
 * Associated data of a job's sealed input and output: the direction, the job
 * id, the policy id and the worker CID. A box moved to another job, another
 * app or another worker, or an input replayed as an output, does not open.
 */
export function jobInputAad (jobId: Uint8Array, policyId: string, workerCid: Uint8Array): Uint8Array {
  return lengthPrefixed([INPUT_DOMAIN, jobId, new TextEncoder().encode(policyId), workerCid])
}

export function jobOutputAad (jobId: Uint8Array, policyId: string, workerCid: Uint8Array): Uint8Array {
  return lengthPrefixed([OUTPUT_DOMAIN, jobId, new TextEncoder().encode(policyId), workerCid])
}

export { lengthPrefixed }
