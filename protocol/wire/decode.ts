import { WireError } from './errors.js'

/** The decoding half of a protobufjs static-module message class. */
export interface MessageDecoder<T> {
  decode(bytes: Uint8Array): T
}

/** The encoding half; `P` is the message's properties interface. */
export interface MessageEncoder<P> {
  encode(message: P): { finish(): Uint8Array }
}

/**
 * Decodes `bytes` as a message, bounding the input size and turning every
 * failure of protobufjs (which throws plain Errors and RangeErrors on truncated
 * or malformed input) into a WireError. `validate` then checks field-level
 * invariants that protobuf itself does not express (enum ranges, sizes).
 */
export function decodeMessage<T> (codec: MessageDecoder<T>, bytes: Uint8Array, maxSize: number, validate?: (message: T) => void): T {
  if (bytes.byteLength > maxSize) {
    throw new WireError('TOO_LARGE', `message of ${bytes.byteLength} bytes exceeds the ${maxSize}-byte bound`)
  }
  let message: T
  try {
    message = codec.decode(bytes)
  } catch (err) {
    throw new WireError('MALFORMED', `not a valid encoding: ${(err as Error).message}`)
  }
  validate?.(message)
  return message
}

export function encodeMessage<P> (codec: MessageEncoder<P>, message: P): Uint8Array {
  return codec.encode(message).finish()
}

/** Throws INVALID_FIELD unless `value` is one of the enum's declared numbers. */
export function checkEnum (field: string, value: number, allowed: ReadonlySet<number>): void {
  if (!allowed.has(value)) {
    throw new WireError('INVALID_FIELD', `${field}: unknown enum value ${value}`)
  }
}

/** Throws INVALID_FIELD if a string or byte field is longer than `max`. */
export function checkLength (field: string, value: { length: number } | null | undefined, max: number): void {
  const length = value?.length ?? 0
  if (length > max) {
    throw new WireError('INVALID_FIELD', `${field}: length ${length} exceeds ${max}`)
  }
}
