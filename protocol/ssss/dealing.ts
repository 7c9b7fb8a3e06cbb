import { peerIdFromString } from '@libp2p/peer-id'
import { privateKeyToAccount } from 'viem/accounts'
import type { SealedBox } from '../job/index.js'
import { deal, defaultThreshold, randomScalar } from './pedersen.js'
import { SsssError } from './errors.js'
import { MAX_POLICY_NAME_LENGTH } from '../policy/constants.js'
import { dealAad, sealShare } from './share-box.js'
import { signSecretControl, signSecretSpec, type SecretControl, type SecretSpec } from './spec.js'

export interface DealingInput {
  ownerKey: `0x${string}`
  /** The app's policy name: runners in its scope may request the key. */
  app: string
  /** The custody policy's name (same owner). */
  custody: string
  /** The holders (the custody scope's SSSS nodes) with their attested enclave X25519 keys. */
  holders: Array<{ peerId: string, x25519: Uint8Array }>
  /** Default ceil(2n/3), at least 2. */
  threshold?: number
  /** Default now in ms, so a later dealing rotates an earlier one. */
  version?: number
  /** The app key; default a fresh random one. */
  secret?: bigint
}

export interface PreparedDealing {
  spec: SecretSpec
  /** Each holder's share, sealed to its enclave key: whoever relays them sees ciphertext only. */
  shares: Array<{ holder: string, share: SealedBox }>
  /** The owner's COMMIT, to send once t holders stored their share. */
  commit: SecretControl
  /**
   * The owner's DELETE of every older version, to send once t holders
   * committed this one: until then the holders keep the previous version, and
   * runners fall back to it, so a rotation that fails half-way loses nothing.
   */
  prune: SecretControl
}

/**
 * Everything an owner needs to deal an app key, made where the owner's key
 * is (the SDK, the CLI): the shares never exist in plaintext outside this
 * function, and the node that relays them cannot read them.
 */
export async function prepareDealing (input: DealingInput): Promise<PreparedDealing> {
  checkPolicyName('app', input.app)
  checkPolicyName('custody', input.custody)
  const holders = [...input.holders].sort((a, b) => a.peerId.localeCompare(b.peerId))
  if (holders.length < 2) throw new SsssError('NO_HOLDERS', `${holders.length} holder${holders.length === 1 ? '' : 's'}; at least 2 are needed`)
  const n = holders.length
  const t = input.threshold ?? defaultThreshold(n)
  const version = input.version ?? Date.now()
  const owner = privateKeyToAccount(input.ownerKey).address.toLowerCase()
  const dealing = deal(input.secret ?? randomScalar(), t, n)
  const spec = await signSecretSpec({
    app: input.app,
    custody: input.custody,
    version,
    threshold: t,
    holders: holders.map(h => peerIdFromString(h.peerId).toMultihash().bytes),
    commitments: dealing.commitments.map(c => c.toBytes(true))
  }, input.ownerKey)
  const shares = holders.map((h, k) => ({ holder: h.peerId, share: sealShare(dealing.shares[k], h.x25519, dealAad(owner, input.app, version, k + 1)) }))
  const issuedAtMs = Date.now()
  const commit = await signSecretControl({ app: input.app, version, action: 'COMMIT', issuedAtMs }, input.ownerKey)
  const prune = await signSecretControl({ app: input.app, version: version - 1, action: 'DELETE', issuedAtMs }, input.ownerKey)
  return { spec, shares, commit, prune }
}

/**
 * The owner's deletion of an app key: a DELETE of `version`, which every
 * holder applies to that version and all older ones (and remembers, so a
 * replayed dealing of them is refused). Made where the owner's key is.
 */
export async function prepareDeletion (input: { ownerKey: `0x${string}`, app: string, version: number }): Promise<SecretControl> {
  checkPolicyName('app', input.app)
  if (!Number.isSafeInteger(input.version) || input.version < 1) throw new SsssError('MALFORMED', `version ${input.version}: a positive whole number is needed`)
  return await signSecretControl({ app: input.app, version: input.version, action: 'DELETE', issuedAtMs: Date.now() }, input.ownerKey)
}

/** An app and a custody scope are policy names (of the same owner): what no policy could be named is refused here, not by every holder. */
function checkPolicyName (field: string, name: string): void {
  if (name.length === 0 || name.length > MAX_POLICY_NAME_LENGTH) throw new SsssError('MALFORMED', `${field} ${JSON.stringify(name.slice(0, 80))}: a policy name of 1..${MAX_POLICY_NAME_LENGTH} characters is needed`)
}
