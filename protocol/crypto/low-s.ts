/** secp256k1 group order / 2: an s above it is the malleated twin of a valid signature (EIP-2). */
const HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n

/**
 * Whether a 65-byte Ethereum signature (0x-hex r ‖ s ‖ v) has a high s. Every
 * secp256k1 signature has a twin (r, n - s) that recovers the same signer;
 * wallets and viem make only the low one, so a high one was malleated from a
 * genuine signature by someone else. Refusing it keeps one valid encoding per
 * signed message, which matters wherever a signature is remembered or used as
 * an identity (caches of verified signatures, applied deletions).
 */
export function hasHighS (signature: string): boolean {
  const s = signature.slice(66, 130)
  return s.length === 64 && /^[0-9a-fA-F]+$/.test(s) && BigInt(`0x${s}`) > HALF_ORDER
}
