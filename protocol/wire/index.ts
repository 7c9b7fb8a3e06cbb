export { WireError, type WireErrorCode } from './errors.js'
export { decodeMessage, encodeMessage, checkEnum, checkLength, type MessageDecoder, type MessageEncoder } from './decode.js'
export { uvarint, concatBytes, lengthPrefixed } from './bytes.js'
export { uint64Bits, UINT64_MAX, wireInteger, wireUint64 } from './integer.js'
