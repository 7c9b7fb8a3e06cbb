export { lengthPrefixed } from '../wire/index.js'

const utf8 = new TextEncoder()

export function utf8Bytes (text: string): Uint8Array {
  return utf8.encode(text)
}
