/** Bytes the uvarint of `value` takes. */
function uvarintLength (value: number): number {
  let n = 1
  while (value >= 0x80) {
    value = Math.floor(value / 128)
    n++
  }
  return n
}

/** Writes the uvarint of `value` at `offset`; returns the offset after it. */
function writeUvarint (out: Uint8Array, offset: number, value: number): number {
  while (value >= 0x80) {
    out[offset++] = (value & 0x7f) | 0x80
    value = Math.floor(value / 128)
  }
  out[offset++] = value
  return offset
}

/** Unsigned LEB128 varint, as protobuf and multiformats write lengths. */
export function uvarint (value: number): Uint8Array {
  const out = new Uint8Array(uvarintLength(value))
  writeUvarint(out, 0, value)
  return out
}

/** The parts one after another, in one new array. */
export function concatBytes (parts: readonly Uint8Array[]): Uint8Array {
  let size = 0
  for (const part of parts) size += part.byteLength
  const out = new Uint8Array(size)
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
 * Written into one array (every share request and reply builds two of these).
 */
export function lengthPrefixed (parts: readonly Uint8Array[]): Uint8Array {
  let size = 0
  for (const part of parts) size += uvarintLength(part.byteLength) + part.byteLength
  const out = new Uint8Array(size)
  let offset = 0
  for (const part of parts) {
    offset = writeUvarint(out, offset, part.byteLength)
    out.set(part, offset)
    offset += part.byteLength
  }
  return out
}
