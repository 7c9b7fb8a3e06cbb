import { ed25519Sign, ed25519Verify, ed25519VerifyAsync } from '../crypto/index.js'
import { lengthPrefixed, uvarint } from '../wire/index.js'

export interface ShareRequest {
  owner: `0x${string}`
  app: string
  /** 0: the latest committed version. */
  version: number
  /** The key the share is sealed to: must be the requester's attested enclave X25519 key. */
  replyX25519: Uint8Array
  timestampMs: number
  nonce: Uint8Array
  signature: Uint8Array
}

const utf8 = new TextEncoder()
const DOMAIN = utf8.encode('escrin-ssss/1 get')

/**
 * What the requester signs with its enclave Ed25519 key: its own peer id and
 * every field, the reply key included (upstream's SSSS let the requester key
 * sit outside the signature, so a relay could swap it).
 */
export function shareRequestBytes (requesterPeerId: Uint8Array, r: Omit<ShareRequest, 'signature'>): Uint8Array {
  return lengthPrefixed([DOMAIN, requesterPeerId, utf8.encode(r.owner.toLowerCase()), utf8.encode(r.app), uvarint(r.version), r.replyX25519, uvarint(r.timestampMs), r.nonce])
}

export function signShareRequest (requesterPeerId: Uint8Array, r: Omit<ShareRequest, 'signature'>, signingSecret: Uint8Array): ShareRequest {
  return { ...r, signature: ed25519Sign(shareRequestBytes(requesterPeerId, r), signingSecret) }
}

export function verifyShareRequest (requesterPeerId: Uint8Array, r: ShareRequest, signingPublic: Uint8Array): boolean {
  return ed25519Verify(r.signature, shareRequestBytes(requesterPeerId, r), signingPublic)
}

/** verifyShareRequest off the event loop (ed25519VerifyAsync): what a holder uses on every request. */
export async function verifyShareRequestAsync (requesterPeerId: Uint8Array, r: ShareRequest, signingPublic: Uint8Array): Promise<boolean> {
  return await ed25519VerifyAsync(r.signature, shareRequestBytes(requesterPeerId, r), signingPublic)
}
