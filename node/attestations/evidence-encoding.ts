import { Buffer } from 'node:buffer'
import { MAX_DOCUMENT_BYTES } from '../../protocol/attestation/nitro/index.js'

/** Evidence read at most, file or helper output: a document as hex with line breaks, and room to spare. */
export const MAX_EVIDENCE_TEXT_BYTES = 4 * MAX_DOCUMENT_BYTES

/** How the bytes of an evidence file or a helper's output were written. */
export type EvidenceEncoding = 'binary' | 'hex' | 'base64'

/**
 * The first byte of a COSE_Sign1: an array of four (0x84), or tag 18 (0xd2)
 * in front of one. Neither is printable ASCII, so bytes starting with one are
 * the document itself and never text.
 */
const COSE_FIRST_BYTES = new Set([0x84, 0xd2])

/**
 * Evidence as operators find it: the raw document (what the NSM returns), or
 * the same bytes as hex or base64 text (what logs, KMS requests, JSON APIs and
 * shell tools carry), with any whitespace and line breaks. Text that is
 * neither is returned as it is, for the verifier to reject as MALFORMED.
 */
export function decodeEvidence (file: Uint8Array): { bytes: Uint8Array, encoding: EvidenceEncoding } {
  if (file.length === 0 || COSE_FIRST_BYTES.has(file[0])) return { bytes: file, encoding: 'binary' }
  const text = Buffer.from(file).toString('latin1').replace(/\s+/g, '')
  // hex first: every hex digit is also a base64 letter, while base64 of a document starts "hE" or "0oR"
  const hex = /^(?:0x)?([0-9a-fA-F]*)$/.exec(text)?.[1]
  if (hex !== undefined && hex.length > 0 && hex.length % 2 === 0) return { bytes: new Uint8Array(Buffer.from(hex, 'hex')), encoding: 'hex' }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return { bytes: new Uint8Array(Buffer.from(text, 'base64')), encoding: 'base64' }
  return { bytes: file, encoding: 'binary' }
}
