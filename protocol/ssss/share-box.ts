import { concatBytes, lengthPrefixed, uvarint } from '../wire/index.js'
import { OpeningKeys, openSealedBox, sealToKey, type SealedBox, type SealingKeys, type X25519Secret } from '../job/index.js'
import { scalarFromBytes, scalarToBytes, type Share } from './pedersen.js'
import { SsssError } from './errors.js'

const utf8 = new TextEncoder()
const DEAL = utf8.encode('escrin-ssss/1 deal')
const REPLY = utf8.encode('escrin-ssss/1 reply')

function ids (owner: string, app: string, version: number, index: number): Uint8Array[] {
  return [utf8.encode(owner.toLowerCase()), utf8.encode(app), uvarint(version), uvarint(index)]
}

/** AAD of a share sealed to its holder at dealing. */
export function dealAad (owner: string, app: string, version: number, index: number): Uint8Array {
  return lengthPrefixed([DEAL, ...ids(owner, app, version, index)])
}

/** AAD of a share sealed to a requester: bound to the request's nonce, so it answers that request only. */
export function replyAad (owner: string, app: string, version: number, index: number, nonce: Uint8Array): Uint8Array {
  return lengthPrefixed([REPLY, ...ids(owner, app, version, index), nonce])
}

/** Seals a share to a recipient; with `keys`, under the ephemeral key it keeps for that recipient (see SealingKeys). */
export function sealShare (share: Share, recipientX25519: Uint8Array, aad: Uint8Array, keys?: SealingKeys): SealedBox {
  const plain = concatBytes([scalarToBytes(share.value), scalarToBytes(share.blinding)])
  return keys != null ? keys.seal(recipientX25519, plain, aad) : sealToKey(recipientX25519, plain, aad).box
}

/** Opens a share sealed to `secret` (an OpeningKeys of it reuses the key agreed with a holder's ephemeral key). */
export function openShare (box: SealedBox, secret: X25519Secret | OpeningKeys, aad: Uint8Array, index: number): Share {
  let plain: Uint8Array
  try {
    plain = secret instanceof OpeningKeys ? secret.open(box, aad) : openSealedBox(secret, box, aad)
  } catch {
    throw new SsssError('BAD_SHARE', 'the share does not decrypt (tampered, or sealed to another key or request)')
  }
  if (plain.length !== 64) throw new SsssError('BAD_SHARE', 'a share is 64 bytes')
  return { index, value: scalarFromBytes(plain.subarray(0, 32)), blinding: scalarFromBytes(plain.subarray(32)) }
}
