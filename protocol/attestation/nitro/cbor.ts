import { decode, Tokenizer, Type } from 'cborg'
import { MAX_CBOR_DEPTH } from './constants.js'
import { describeError, NitroVerificationError } from './errors.js'
import type { DecodeOptions, Token } from 'cborg'

/**
 * Strict decoding for untrusted input: maps keep their key types (PCR indices
 * are integers), a repeated key or an indefinite length is an error (the NSM
 * never emits them, and a repeated key could make two verifiers disagree on a
 * value), tags are refused (the caller strips COSE's tag 18 itself), and
 * integers beyond 2^53 are refused instead of becoming bigints. Floats are
 * refused by the tokenizer below: the format has none, and a float 1.0 would
 * otherwise pass for the PCR index 1.
 */
const STRICT_OPTIONS: DecodeOptions = {
  useMaps: true,
  rejectDuplicateMapKeys: true,
  allowIndefinite: false,
  allowUndefined: false,
  allowInfinity: false,
  allowNaN: false,
  allowBigInt: false
}

/**
 * Wraps cborg's tokenizer to refuse floats and to bound nesting depth: cborg
 * builds containers by recursion, so deep nesting in a small input would
 * otherwise overflow the stack. `open` holds, for each enclosing container,
 * how many items it still expects.
 */
class StrictTokenizer extends Tokenizer {
  private readonly open: number[] = []

  override next (): Token {
    const token = super.next()
    if (Type.equals(token.type, Type.float)) {
      throw new Error('floating-point values are not allowed')
    }
    // a tag's content, not the tag, fills the slot in the enclosing container
    if (token.type.major !== Type.tag.major && this.open.length > 0) {
      this.open[this.open.length - 1]--
    }
    if (token.type.major === Type.array.major || token.type.major === Type.map.major) {
      const items = token.type.major === Type.map.major ? token.value * 2 : token.value
      if (!Number.isSafeInteger(items)) {
        throw new Error('indefinite or oversized container')
      }
      if (items > 0) {
        this.open.push(items)
        if (this.open.length > MAX_CBOR_DEPTH) {
          throw new Error(`nesting deeper than ${MAX_CBOR_DEPTH}`)
        }
      }
    }
    while (this.open.length > 0 && this.open[this.open.length - 1] <= 0) {
      this.open.pop()
    }
    return token
  }
}

/**
 * Decodes exactly one CBOR item filling all of `bytes`. `what` names the item
 * in the error so a MALFORMED says where the document broke.
 */
export function decodeCbor (bytes: Uint8Array, what: string): unknown {
  const options: DecodeOptions = { ...STRICT_OPTIONS }
  options.tokenizer = new StrictTokenizer(bytes, options)
  try {
    return decode(bytes, options)
  } catch (err) {
    throw new NitroVerificationError('MALFORMED', `${what} is not valid CBOR: ${describeError(err)}`, { cause: err })
  }
}
