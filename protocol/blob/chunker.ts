import { BlobError } from './errors.js'

/**
 * Re-cuts a byte stream (HTTP body, file, libp2p stream) into chunks of
 * exactly `size` bytes, the last one shorter. Holds at most one chunk, so a
 * 64 MB blob streams through in `size`-byte steps. TOO_LARGE as soon as more
 * than `maxBytes` arrive, before they are buffered. A chunk may be a view of
 * the source's piece, so a source must not reuse a piece's memory once it
 * has yielded it (Node's streams and readers allocate each piece afresh).
 */
export async function * rechunk (source: AsyncIterable<Uint8Array>, size: number, maxBytes = Number.MAX_SAFE_INTEGER): AsyncGenerator<Uint8Array> {
  let buffer = new Uint8Array(size)
  let filled = 0
  let total = 0
  for await (const piece of source) {
    total += piece.byteLength
    if (total > maxBytes) throw new BlobError('TOO_LARGE', `the blob exceeds ${maxBytes} bytes`)
    let offset = 0
    // whole chunks of a piece go out as views of it, never copied: a 64 MB upload given in
    // chunk-sized pieces (a file read, the SDK) allocates nothing here
    while (filled === 0 && piece.byteLength - offset >= size) {
      yield piece.subarray(offset, offset + size)
      offset += size
    }
    while (offset < piece.byteLength) {
      const take = Math.min(size - filled, piece.byteLength - offset)
      buffer.set(piece.subarray(offset, offset + take), filled)
      filled += take
      offset += take
      if (filled === size) {
        yield buffer
        // a fresh buffer: the consumer may still hold the last one (a write in flight)
        buffer = new Uint8Array(size)
        filled = 0
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled)
}
