import { claimedTimestamp, NitroVerificationError, verifyNitroAttestation, type NitroVerifyOptions } from '../../protocol/attestation/nitro/index.js'
import { StartupError, UsageError } from '../errors.js'
import { parseCommandArgs } from './args.js'
import { decodeEvidence, MAX_EVIDENCE_TEXT_BYTES } from '../attestations/evidence-encoding.js'
import { readBoundedFile, readRootCertificate } from '../attestations/nitro-evidence.js'

export const ATTESTATION_HELP = `Usage: escrin-node attestation verify FILE... --kind nitro [--at T] [--max-age SECONDS]
                                 [--pcr N=HEX]... [--binding HEX] [--root CERT] [--json]

Verifies attestation evidence the way a node verifies a peer's, and prints the
verified facts as JSON (exit 0), or the specific reason it is rejected (exit 1).
FILE holds the document as the enclave got it (binary), or as hex or base64 text.
With several files, or --json, prints one JSON object a line for each file,
{"file", "ok": true, ...facts} or {"file", "ok": false, "code", "message"},
and exits 1 if any was rejected.

Options:
  --kind K           evidence kind: nitro (AWS Nitro Enclaves attestation document)
  --at T             verify as of T: unix seconds, an ISO 8601 time (2023-12-20T20:00:00Z),
                     or "document" for the time the document says it was made (a
                     document's leaf certificate lives for hours: use it for old ones)
                     (default: now)
  --max-age S        oldest document accepted, in seconds (default: 3600)
  --pcr N=HEX        PCR N must equal HEX (repeatable; PCR0 is the enclave image)
  --binding HEX      public_key or user_data must equal these bytes (a node's evidence
                     carries its enclave binding there)
  --root CERT        trust this root certificate (PEM or DER) instead of the pinned
                     AWS Nitro root (private test PKIs)
  --json             one JSON object a line, rejections included (see above)`

/** PCR indices a Nitro document can carry (the NSM has 32 registers). */
const MAX_PCR_INDEX = 31

/** `attestation verify`: operators use it to see why a node's evidence is rejected. */
export async function attestation (args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, [], {
    kind: { type: 'string' },
    at: { type: 'string' },
    'max-age': { type: 'string' },
    pcr: { type: 'string', multiple: true },
    binding: { type: 'string' },
    root: { type: 'string' },
    json: { type: 'boolean' }
  }, Number.MAX_SAFE_INTEGER)
  const [sub, ...files] = parsed.positionals
  if (sub !== 'verify') throw new UsageError(sub === undefined ? 'missing subcommand (use: attestation verify FILE --kind nitro)' : `unknown subcommand "${sub}" (use: verify)`)
  if (files.length === 0) throw new UsageError('missing FILE: the evidence to verify')
  const kind = parsed.values.kind as string | undefined
  if (kind !== 'nitro') throw new UsageError(`--kind: ${kind === undefined ? 'missing' : `"${kind}" is not supported`} (supported: nitro)`)
  const at = parseAt(parsed.values.at as string | undefined)
  const maxAge = parseSeconds(parsed.values['max-age'] as string | undefined, '--max-age')
  const expectedPcrs = parsePcrs(parsed.values.pcr as string[] | undefined)
  const binding = parsed.values.binding as string | undefined
  const expectedBinding = binding === undefined ? undefined : parseHex(binding, '--binding', 1024)
  const rootFile = parsed.values.root as string | undefined
  const rootCertificate = rootFile === undefined ? undefined : await readRootCertificate(rootFile, '--root')
  const expectations: Omit<NitroVerifyOptions, 'now'> = {
    ...(maxAge !== undefined ? { maxAgeMs: maxAge * 1000 } : {}),
    ...(expectedPcrs !== undefined ? { expectedPcrs } : {}),
    ...(expectedBinding !== undefined ? { expectedBinding } : {}),
    ...(rootCertificate !== undefined ? { rootCertificate } : {})
  }

  // one file: the facts as indented JSON, or the reason on stderr
  if (files.length === 1 && parsed.values.json !== true) {
    const outcome = verifyFile(await readEvidence(files[0]), at, expectations)
    if (!outcome.ok) {
      console.error(`escrin-node: rejected (${outcome.code}): ${outcome.message}`)
      return 1
    }
    console.log(JSON.stringify(outcome.facts, hexBytes, 2))
    return 0
  }
  // several, or --json: one JSON object a line, each file's verdict, for scripts
  let rejected = 0
  for (const file of files) {
    let outcome: Outcome
    try {
      outcome = verifyFile(await readEvidence(file), at, expectations)
    } catch (err) {
      if (!(err instanceof StartupError)) throw err
      outcome = { ok: false, code: 'UNREADABLE', message: err.message }
    }
    if (!outcome.ok) rejected++
    console.log(JSON.stringify(outcome.ok ? { file, ok: true, ...outcome.facts } : { file, ...outcome }, hexBytes))
  }
  return rejected === 0 ? 0 : 1
}

type Outcome = { ok: true, facts: Record<string, unknown> } | { ok: false, code: string, message: string }

async function readEvidence (file: string): Promise<Uint8Array> {
  return decodeEvidence(await readBoundedFile(file, MAX_EVIDENCE_TEXT_BYTES, 'attestation document')).bytes
}

/** One document's verdict at `at` (now when undefined, or the time it claims). */
function verifyFile (document: Uint8Array, at: number | 'document' | undefined, expectations: Omit<NitroVerifyOptions, 'now'>): Outcome {
  try {
    const now = at === 'document' ? claimedTimestamp(document) : at ?? Date.now()
    const facts = verifyNitroAttestation(document, { now, ...expectations })
    return { ok: true, facts: { verifiedAt: new Date(now).toISOString(), ...facts } }
  } catch (err) {
    if (!(err instanceof NitroVerificationError)) throw err
    return { ok: false, code: err.code, message: `${err.message}${at === undefined ? hintForNow(err, document) : ''}` }
  }
}

/** Byte fields as hex in the JSON printed. */
function hexBytes (_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value
}

/**
 * A genuine document verified now fails on time once its leaf certificate
 * (hours) or its age (an hour) has passed: say when it was made and how to
 * check it as of then, so an operator does not take it for a forgery.
 */
function hintForNow (err: NitroVerificationError, document: Uint8Array): string {
  if (err.code !== 'CERT_EXPIRED' && err.code !== 'TOO_OLD') return ''
  const made = claimedTimestamp(document)
  return `; the document says it was made at ${new Date(made).toISOString()}: --at document verifies it as of then`
}

/** `--at`: unix seconds, an ISO 8601 time with a zone, or "document". */
function parseAt (value: string | undefined): number | 'document' | undefined {
  if (value === undefined || value === 'document') return value
  if (/^\d+$/.test(value)) return parseSeconds(value, '--at') as number * 1000
  // a time without a zone would be read in the local one: refuse the ambiguity
  const ms = /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? Date.parse(value) : NaN
  if (Number.isNaN(ms)) throw new UsageError(`--at: "${value}" is not unix seconds, an ISO 8601 time with a zone, or "document"`)
  return ms
}

function parseSeconds (value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`${flag}: "${value}" is not a whole number of seconds`)
  return n
}

function parsePcrs (values: string[] | undefined): Record<number, string> | undefined {
  if (values === undefined) return undefined
  const pcrs: Record<number, string> = {}
  for (const value of values) {
    const match = /^(\d+)=(?:0x)?([0-9a-fA-F]+)$/.exec(value)
    const index = match == null ? NaN : Number(match[1])
    if (match == null || index > MAX_PCR_INDEX) throw new UsageError(`--pcr: "${value.slice(0, 40)}" is not N=HEX with N from 0 to ${MAX_PCR_INDEX}`)
    if (index in pcrs) throw new UsageError(`--pcr: PCR${index} given twice`)
    pcrs[index] = match[2]
  }
  return pcrs
}

function parseHex (value: string, flag: string, maxBytes: number): Uint8Array {
  const hex = value.replace(/^0x/i, '')
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex) || hex.length / 2 > maxBytes) throw new UsageError(`${flag}: expected 1 to ${maxBytes} bytes of hex`)
  return new Uint8Array(Buffer.from(hex, 'hex'))
}
