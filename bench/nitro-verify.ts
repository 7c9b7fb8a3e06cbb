/**
 * Nitro evidence verification: the real AWS sample document, checked as a
 * node checks a peer's record. Baseline in the same run: the cold check
 * (every certificate signature of the chain verified, as for a node never
 * seen), against the warm one (the chain's links remembered, as for every
 * renewal of a known node's record, every 5 minutes until its leaf rotates).
 *
 *   node dist/bench/nitro-verify.js [--rounds N]
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { verifyNitroAttestation } from '../protocol/attestation/nitro/index.js'
import { forgetVerifiedLinks } from '../protocol/attestation/nitro/x509-chain.js'

/** The shared vectors sit beside the repository, as for the tests. */
const SAMPLE = fileURLToPath(new URL('../../../shared/vectors/nitro/att_doc_sample.bin', import.meta.url))
const SAMPLE_NOW = 1703101376 * 1000

function usPerDocument (document: Uint8Array, rounds: number, cold: boolean): number {
  let total = 0n
  for (let i = 0; i < rounds; i++) {
    if (cold) forgetVerifiedLinks()
    const start = process.hrtime.bigint()
    verifyNitroAttestation(document, { now: SAMPLE_NOW })
    total += process.hrtime.bigint() - start
  }
  return Number(total) / rounds / 1000
}

export async function runNitroVerifyBench (rounds: number): Promise<Record<string, unknown>> {
  const document = new Uint8Array(readFileSync(SAMPLE))
  // warm-up of both paths, then the two measured in alternating blocks so both see the same machine
  usPerDocument(document, 20, true)
  usPerDocument(document, 20, false)
  const cold: number[] = []
  const warm: number[] = []
  for (let block = 0; block < 5; block++) {
    cold.push(usPerDocument(document, Math.ceil(rounds / 5), true))
    warm.push(usPerDocument(document, Math.ceil(rounds / 5), false))
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const round = (n: number): number => Number(n.toFixed(1))
  return {
    bench: 'nitro-verify',
    target: 'a known node\'s renewed record costs well under the cold check (its chain remembered)',
    results: [{
      document: 'shared/vectors/nitro/att_doc_sample.bin (real AWS, 4 CA certificates + leaf)',
      rounds,
      coldUsPerDocument: round(median(cold)),
      warmUsPerDocument: round(median(warm)),
      ratios: { 'cold/warm': { ratio: Number((median(cold) / median(warm)).toFixed(2)) } }
    }]
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--rounds')
  const rounds = i >= 0 ? Number(process.argv[i + 1]) : 1000
  process.stdout.write(JSON.stringify(await runNitroVerifyBench(rounds)) + '\n')
}
