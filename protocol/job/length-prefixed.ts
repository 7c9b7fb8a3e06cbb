import { concatBytes, uvarint } from '../wire/index.js'

/**
 * Each part preceded by its uvarint length: an injective encoding, so that
 * no two different lists of parts (AAD, signed receipt fields) give the same
 * bytes. Internal to protocol/job.
 */
export function lengthPrefixed (parts: readonly Uint8Array[]): Uint8Array {
  return concatBytes(parts.flatMap(p => [uvarint(p.byteLength), p]))
}

const utf8 = new TextEncoder()

export function utf8Bytes (text: string): Uint8Array {
  return utf8.encode(text)
}
