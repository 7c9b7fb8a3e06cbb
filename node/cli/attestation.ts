import { readFile } from 'node:fs/promises'
import { NitroVerificationError, verifyNitroAttestation, MAX_DOCUMENT_BYTES } from '../../protocol/attestation/nitro/index.js'
import { StartupError, UsageError } from '../errors.js'
import { parseCommandArgs } from './args.js'

export const ATTESTATION_HELP = `Usage: escrin-node attestation verify FILE --kind nitro [--at UNIX_SECONDS] [--max-age SECONDS]

Verifies attestation evidence the way a node verifies a peer's, and prints the
verified facts as JSON (exit 0), or the specific reason it is rejected (exit 1).

Options:
  --kind K           evidence kind: nitro (AWS Nitro Enclaves attestation document)
  --at T             verify as of unix time T (default: now)
  --max-age S        oldest document accepted, in seconds (default: 3600)`

/** `attestation verify`: operators use it to see why a node's evidence is rejected. */
export async function attestation (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], {
    kind: { type: 'string' },
    at: { type: 'string' },
    'max-age': { type: 'string' }
  }, 2)
  const [sub, file] = parsed.positionals
  if (sub !== 'verify') throw new UsageError(sub === undefined ? 'missing subcommand (use: attestation verify FILE --kind nitro)' : `unknown subcommand "${sub}" (use: verify)`)
  if (file === undefined) throw new UsageError('missing FILE: the evidence to verify')
  const kind = parsed.values.kind as string | undefined
  if (kind !== 'nitro') throw new UsageError(`--kind: ${kind === undefined ? 'missing' : `"${kind}" is not supported`} (supported: nitro)`)
  const at = parseSeconds(parsed.values.at as string | undefined, '--at')
  const maxAge = parseSeconds(parsed.values['max-age'] as string | undefined, '--max-age')

  let document: Buffer
  try {
    document = await readFile(file)
  } catch (err) {
    throw new StartupError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  if (document.byteLength > MAX_DOCUMENT_BYTES) {
    console.error(`escrin-node: rejected (MALFORMED): ${file} has ${document.byteLength} bytes, more than a Nitro document may (${MAX_DOCUMENT_BYTES})`)
    return 1
  }
  try {
    const facts = verifyNitroAttestation(new Uint8Array(document), {
      now: at !== undefined ? at * 1000 : Date.now(),
      ...(maxAge !== undefined ? { maxAgeMs: maxAge * 1000 } : {})
    })
    console.log(JSON.stringify(facts, (_key, value: unknown) => value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value, 2))
    return 0
  } catch (err) {
    if (err instanceof NitroVerificationError) {
      console.error(`escrin-node: rejected (${err.code}): ${err.message}`)
      return 1
    }
    throw err
  }
}

function parseSeconds (value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`${flag}: "${value}" is not a whole number of seconds`)
  return n
}
