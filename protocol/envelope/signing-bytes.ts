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
  const domainLength = uvarint(domainBytes.byteLength)
  const payloadLength = uvarint(payload.byteLength)
  const out = new Uint8Array(PREFIX.byteLength + domainLength.byteLength + domainBytes.byteLength + payloadLength.byteLength + payload.byteLength)
  let offset = 0
  for (const part of [PREFIX, domainLength, domainBytes, payloadLength, payload]) {
    out.set(part, offset)
    offset += part.byteLength
  }
  return out
}

function uvarint (value: number): Uint8Array {
  const bytes: number[] = []
  while (value >= 0x80) {
    bytes.push((value & 0x7f) | 0x80)
    value = Math.floor(value / 128)
  }
  bytes.push(value)
  return Uint8Array.from(bytes)
}
