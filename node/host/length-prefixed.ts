import { InvalidMessageLengthError, lpStream, type LengthPrefixedStream, type LengthPrefixedStreamOpts } from '@libp2p/utils'
import type { MessageStream } from '@libp2p/interface'
import type { Uint8ArrayList } from 'uint8arraylist'

/**
 * A length decoder's signal that the prefix has not all arrived, for
 * @libp2p/utils' readers, which take a RangeError as "wait for more bytes".
 * One instance, made once: an error built on the spot captures a stack trace
 * each time (2.5-3 us here; 0.25 us to throw this). lpStream reads a varint
 * prefix a byte at a time, so every message of 128 bytes or more asked once,
 * and uint8-varint's decoder got a fresh RangeError from Uint8ArrayList for
 * it: 6% of the CPU of a 7-of-10 key release with every node in one process.
 * Noise's 2-byte lengths use it too (noise-length-decoding).
 */
export const NEED_MORE_BYTES = new RangeError('the length prefix has not all arrived')

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

/** A stream read and written as length-prefixed messages: what lengthPrefixed returns. */
export type LengthPrefixed = LengthPrefixedStream<MessageStream>

/** @libp2p/utils' own bound on the bytes a stream buffers unread. */
export const LIBRARY_MAX_BUFFER_BYTES = 4 * 1024 * 1024
/** The least a stream may buffer unread, however small its messages. */
const MIN_BUFFER_BYTES = 64 * 1024

/**
 * What a stream of messages of at most `maxDataLength` bytes may buffer
 * unread: four messages (an honest peer sends one and waits, or a few at
 * most), at least 64 KiB, at most the library's 4 MiB. yamux grants the
 * sender window as bytes arrive, not as they are read, so this is what
 * bounds the memory a peer can fill on every stream it opens: with 4 MiB on
 * each, 64 share request streams from one peer could hold 256 MiB.
 */
export function bufferBoundFor (maxDataLength: number): number {
  return Math.min(LIBRARY_MAX_BUFFER_BYTES, Math.max(MIN_BUFFER_BYTES, 4 * (maxDataLength + 10)))
}

/**
 * lpStream with varintLength as its length decoder: what every escrin
 * protocol frames its messages with. Unless told otherwise, it buffers at
 * most bufferBoundFor(maxDataLength) unread.
 */
export function lengthPrefixed<T extends MessageStream> (stream: T, options: Partial<LengthPrefixedStreamOpts> = {}): LengthPrefixedStream<T> {
  const maxBufferSize = options.maxBufferSize ?? (options.maxDataLength != null ? bufferBoundFor(options.maxDataLength) : undefined)
  return lpStream(stream, { ...options, ...(maxBufferSize != null ? { maxBufferSize } : {}), lengthDecoder: varintLength })
}

/**
 * Whether a read failed because the peer broke a frame's bound: a length
 * over maxDataLength, a length prefix too long, or more bytes than the
 * stream may buffer unread (each protocol's flow control keeps an honest
 * peer far below it). The sender's doing, which the caller penalises.
 */
export function isOversizeFrame (err: unknown): boolean {
  return /InvalidDataLength|InvalidMessageLength|InvalidLengthPrefix|StreamBufferError/.test(`${(err as Error)?.name}`)
}
