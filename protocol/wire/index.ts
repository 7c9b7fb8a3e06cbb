export { WireError, type WireErrorCode } from './errors.js'
export { decodeMessage, encodeMessage, checkEnum, checkLength, type MessageDecoder, type MessageEncoder } from './decode.js'
export { uvarint, concatBytes, lengthPrefixed } from './bytes.js'
export { wireInteger } from './integer.js'
