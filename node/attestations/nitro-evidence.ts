import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { EvidenceError, type EvidenceVerifier } from '../../protocol/attestation/index.js'
import { StartupError } from '../errors.js'
import { decodeEvidence, MAX_EVIDENCE_TEXT_BYTES } from './evidence-encoding.js'
import type { EvidenceProducer } from './attestation-service.js'

/** The variable that hands the evidence command the 32 bytes its document must carry, as hex. */
export const BINDING_ENV = 'ESCRIN_ENCLAVE_BINDING'

/** How long the evidence command may take: the NSM answers in milliseconds, a hung helper must not hold a start. */
export const EVIDENCE_COMMAND_TIMEOUT_MS = 10_000

/** What of the command's stderr goes into an error message. */
const STDERR_EXCERPT_BYTES = 500

/** Why this node could not make its own evidence (the command failed, or what it printed is not valid for this node). */
export class EvidenceUnavailableError extends Error {
  override readonly name = 'EvidenceUnavailableError'
}

export interface CommandEvidenceInit {
  /** Run with /bin/sh -c, the binding in ESCRIN_ENCLAVE_BINDING; prints a document (binary, hex or base64). */
  command: string
  /** Checks the document as peers will (the Nitro verifier with this node's trusted root). */
  verify: EvidenceVerifier
  timeoutMs?: number
  /** The verification time; default the clock. */
  now?: () => number
}

/**
 * Nitro evidence made inside the enclave. Documents come from the Nitro
 * Secure Module, which is reached by an ioctl on /dev/nsm that Node cannot
 * make, so the node runs a helper the enclave image carries (any program
 * built on AWS's NSM API): it is given the binding (sha256 of the peer id and
 * both enclave keys, see enclaveBinding) and prints a document carrying it as
 * `user_data` or `public_key`. Each record gets a fresh document, and the node
 * checks it as every peer will before publishing it: a helper that returns a
 * stale, foreign or unchained document fails here, with the verifier's
 * reason, rather than leaving the node out of every scope without a word.
 */
export function commandEvidence (init: CommandEvidenceInit): EvidenceProducer {
  const timeoutMs = init.timeoutMs ?? EVIDENCE_COMMAND_TIMEOUT_MS
  const now = init.now ?? Date.now
  return async (binding, keys) => {
    const output = await runEvidenceCommand(init.command, binding, timeoutMs)
    const { bytes } = decodeEvidence(output)
    try {
      init.verify(bytes, { binding, enclaveSigningKey: keys.signingPublic, now: now() })
    } catch (err) {
      const reason = err instanceof EvidenceError ? `${err.code}: ${err.message}` : (err as Error).message
      throw new EvidenceUnavailableError(`the evidence command printed a document peers would reject (${reason})`)
    }
    return { kind: 'nitro', data: bytes }
  }
}

async function runEvidenceCommand (command: string, binding: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
  const child = spawn('/bin/sh', ['-c', command], {
    env: { ...process.env, [BINDING_ENV]: Buffer.from(binding).toString('hex') },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const stdout: Buffer[] = []
  let stdoutBytes = 0
  let stderr = ''
  let failure: string | undefined
  const stop = (reason: string): void => {
    failure ??= reason
    child.kill('SIGKILL')
  }
  const timer = setTimeout(() => { stop(`did not finish within ${timeoutMs} ms`) }, timeoutMs)
  child.stdout.on('data', (chunk: Buffer) => {
    stdoutBytes += chunk.length
    if (stdoutBytes > MAX_EVIDENCE_TEXT_BYTES) stop(`printed more than ${MAX_EVIDENCE_TEXT_BYTES} bytes`)
    else stdout.push(chunk)
  })
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < STDERR_EXCERPT_BYTES) stderr += chunk.toString('utf8')
  })
  const exit = await new Promise<{ code: number | null, signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => { resolve({ code, signal }) })
  }).catch((err: Error) => {
    failure ??= `could not be started: ${err.message}`
    return { code: null, signal: null }
  }).finally(() => { clearTimeout(timer) })
  const said = stderr.trim().slice(0, STDERR_EXCERPT_BYTES)
  if (failure == null && exit.code !== 0) failure = `exited with ${exit.code ?? exit.signal ?? 'an error'}`
  if (failure == null && stdoutBytes === 0) failure = 'printed nothing'
  if (failure != null) throw new EvidenceUnavailableError(`the evidence command ${failure}${said !== '' ? `: ${said}` : ''}`)
  return new Uint8Array(Buffer.concat(stdout))
}

/** A certificate file: a few KiB even as PEM with text dumps around it. */
const MAX_CERTIFICATE_FILE_BYTES = 64 * 1024

/**
 * A file of at most `limit` bytes (larger ones are refused unread); a
 * StartupError saying why it cannot be read.
 */
export async function readBoundedFile (path: string, limit: number, what: string): Promise<Uint8Array> {
  let size: number
  try {
    size = (await stat(path)).size
    if (size <= limit) return new Uint8Array(await readFile(path))
  } catch (err) {
    throw new StartupError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  throw new StartupError(`${path} has ${size} bytes; ${what} files are at most ${limit}`)
}

/** A root certificate file, PEM or DER, as DER; a StartupError naming `flag` when it cannot be read or is neither. */
export async function readRootCertificate (path: string, flag: string): Promise<Uint8Array> {
  let file: Uint8Array
  try {
    file = await readBoundedFile(path, MAX_CERTIFICATE_FILE_BYTES, 'certificate')
  } catch (err) {
    throw new StartupError(`${flag}: ${(err as Error).message}`)
  }
  try {
    return new Uint8Array(new X509Certificate(file).raw)
  } catch (err) {
    throw new StartupError(`${flag}: ${path} is not a PEM or DER certificate (${(err as Error).message})`)
  }
}
