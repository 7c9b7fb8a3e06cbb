import { InvalidMessageLengthError, lpStream, type LengthPrefixedStream, type LengthPrefixedStreamOpts } from '@libp2p/utils'
import type { MessageStream } from '@libp2p/interface'
import type { Uint8ArrayList } from 'uint8arraylist'

/**
 * The decoder's signal that the varint prefix has not all arrived. One
 * instance, made once: lpStream reads a prefix a byte at a time and takes a
 * RangeError as "read another byte", so every message of 128 bytes or more
 * costs one; uint8-varint's decoder gets it from Uint8ArrayList, which builds
 * a new RangeError (stack trace and all) for an index out of bounds. In a
 * 7-of-10 key release with every node in one process that was 6% of the CPU.
 */
const NEED_MORE_BYTES = new RangeError('the length prefix has not all arrived')

/** 8 bytes of varint carry 56 bits: more than any length a stream accepts (maxDataLength is checked after). */
const MAX_VARINT_BYTES = 8

/**
 * Reads an unsigned varint length prefix. A prefix still open after 8 bytes
 * is malformed: an InvalidMessageLengthError ends the read (lpStream's own
 * decoder keeps asking for bytes until the stream's deadline).
 */
export function varintLength (data: Uint8Array | Uint8ArrayList): number {
  const available = Math.min(data.byteLength, MAX_VARINT_BYTES)
  let value = 0
  let scale = 1
  for (let i = 0; i < available; i++) {
    const byte = data instanceof Uint8Array ? data[i] : data.get(i)
    value += (byte & 0x7f) * scale
    if (byte < 0x80) return value
    scale *= 0x80
  }
  if (data.byteLength >= MAX_VARINT_BYTES) throw new InvalidMessageLengthError(`a length prefix longer than ${MAX_VARINT_BYTES} bytes`)
  throw NEED_MORE_BYTES
}

/** lpStream with varintLength as its length decoder: what every escrin protocol frames its messages with. */
export function lengthPrefixed<T extends MessageStream> (stream: T, options: Partial<LengthPrefixedStreamOpts> = {}): LengthPrefixedStream<T> {
  return lpStream(stream, { ...options, lengthDecoder: varintLength })
}
