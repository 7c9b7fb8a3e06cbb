import { concatBytes, uvarint } from '../wire/bytes.js'

/**
 * The exact bytes an envelope signature covers:
 *
 *   "escrin-envelope/1" || 0x00 || uvarint(len(domain)) || domain || uvarint(len(payload)) || payload
 *
 * The fixed prefix keeps escrin signatures apart from anything else the same
 * libp2p key signs (libp2p's own peer records use another prefix), and the
 * length prefixes make the encoding injective, so no (domain, payload) pair can
 * be re-read as another.
 */
const PREFIX = new TextEncoder().encode('escrin-envelope/1\u0000')
const utf8 = new TextEncoder()

export function envelopeSigningBytes (domain: string, payload: Uint8Array): Uint8Array {
  const domainBytes = utf8.encode(domain)
  return concatBytes([PREFIX, uvarint(domainBytes.byteLength), domainBytes, uvarint(payload.byteLength), payload])
}
