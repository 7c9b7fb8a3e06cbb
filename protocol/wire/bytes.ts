/** Unsigned LEB128 varint, as protobuf and multiformats write lengths. */
export function uvarint (value: number): Uint8Array {
  const bytes: number[] = []
  while (value >= 0x80) {
    bytes.push((value & 0x7f) | 0x80)
    value = Math.floor(value / 128)
  }
  bytes.push(value)
  return Uint8Array.from(bytes)
}

/** The parts one after another, in one new array. */
export function concatBytes (parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.byteLength
  }
  return out
}

/**
 * Each part preceded by its uvarint length: an injective encoding, so no two
 * different lists of parts give the same bytes. What every domain-separated
 * signed or authenticated encoding (receipts, AAD, share requests) is built on.
 */
export function lengthPrefixed (parts: readonly Uint8Array[]): Uint8Array {
  return concatBytes(parts.flatMap(p => [uvarint(p.byteLength), p]))
}
