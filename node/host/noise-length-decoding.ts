import { NEED_MORE_BYTES } from './length-prefixed.js'
import type { ConnectionEncrypter } from '@libp2p/interface'
import type { Uint8ArrayList } from 'uint8arraylist'

/**
 * Reads the 2-byte big-endian length that prefixes every noise message.
 *
 * @libp2p/utils' LengthPrefixedDecoder asks its length decoder for the next
 * length until the buffer runs dry, and takes a RangeError as "wait for more
 * bytes": so every read from a connection ends with one. Noise's own decoder
 * builds a new RangeError for it, stack trace and all; in a 7-of-10 key
 * release with every node in one process that was 5% of the CPU time.
 */
export function uint16Length (data: Uint8Array | Uint8ArrayList): number {
  if (data.byteLength < 2) throw NEED_MORE_BYTES
  return data instanceof Uint8Array ? (data[0] << 8) | data[1] : data.getUint16(0)
}

/** What this module needs of the encrypted stream noise returns: its message decoder. */
interface DecodingStream {
  decoder?: { lengthDecoder?: unknown }
}

/**
 * Gives an encrypted connection's message decoder uint16Length; false if it
 * is not one this applies to (noise's internals changed), which leaves it as
 * it was.
 */
export function useCheapLengthDecoding (connection: unknown): boolean {
  const decoder = (connection as DecodingStream | undefined)?.decoder
  if (decoder == null || typeof decoder.lengthDecoder !== 'function') return false
  decoder.lengthDecoder = uint16Length
  return true
}

/** Wraps noise() so that every connection it secures decodes message lengths with uint16Length. */
export function withCheapLengthDecoding<T extends (components: never) => ConnectionEncrypter> (factory: T): T {
  return ((components: never) => {
    const encrypter = factory(components)
    const secureInbound = encrypter.secureInbound.bind(encrypter)
    const secureOutbound = encrypter.secureOutbound.bind(encrypter)
    encrypter.secureInbound = async (...args: Parameters<typeof secureInbound>) => {
      const secured = await secureInbound(...args)
      useCheapLengthDecoding(secured.connection)
      return secured
    }
    encrypter.secureOutbound = async (...args: Parameters<typeof secureOutbound>) => {
      const secured = await secureOutbound(...args)
      useCheapLengthDecoding(secured.connection)
      return secured
    }
    return encrypter
  }) as T
}
