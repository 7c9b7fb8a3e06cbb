import { peerIdFromString } from '@libp2p/peer-id'
import { privateKeyToAccount } from 'viem/accounts'
import {
  deal, dealAad, defaultThreshold, randomScalar, sealShare, signSecretControl, signSecretSpec, SsssError, ssssErrorFromFailure, type SecretSpec
} from '../../protocol/ssss/index.js'
import { ssssCall } from './transport.js'
import type { AttestationService } from '../attestations/index.js'
import type { Host } from '../host/index.js'
import type { PolicyService } from '../policies/index.js'

const DEAL_TIMEOUT_MS = 10_000

export interface DealOptions {
  ownerKey: `0x${string}`
  /** The app's policy name: runners in its scope may request the key. */
  app: string
  /** The custody policy's name (same owner): the holders are its SSSS members. */
  custody: string
  /** Default: ceil(2n/3), at least 2. */
  threshold?: number
  /** Default: now in ms, so later dealings rotate earlier ones. */
  version?: number
  /** The app key; default a fresh random one. */
  secret?: bigint
}

export interface DealResult {
  spec: SecretSpec
  acked: string[]
  /** Holders that committed the version (a holder that missed the commit serves the previous version). */
  committed: string[]
  failed: Array<{ holder: string, error: string }>
}

/**
 * Deals an app key t-of-n over the SSSS members of the custody scope (as
 * this node verified them): each share sealed to its holder's attested
 * enclave key, the commitments and holder list signed by the owner. When at
 * least t holders verified and stored their share, the owner's COMMIT makes
 * the version the one served (a rotation keeps the previous version until
 * then).
 */
export async function dealSecret (components: { host: Host, attestations: AttestationService, policies: PolicyService }, options: DealOptions): Promise<DealResult> {
  const { host, attestations, policies } = components
  const owner = privateKeyToAccount(options.ownerKey).address.toLowerCase()
  const custody = policies.store.latest(owner, options.custody)
  if (custody == null) throw new SsssError('NO_HOLDERS', `no custody policy "${options.custody}" of ${owner} is known`)
  const holders = attestations.scopes.members(custody.id).filter(p => attestations.recordOf(p)?.roles.includes('ssss') === true).sort()
  if (holders.length < 2) throw new SsssError('NO_HOLDERS', `the custody scope has ${holders.length} SSSS node${holders.length === 1 ? '' : 's'}; at least 2 are needed`)
  const n = holders.length
  const t = options.threshold ?? defaultThreshold(n)
  const version = options.version ?? Date.now()
  const dealing = deal(options.secret ?? randomScalar(), t, n)
  const spec = await signSecretSpec({
    app: options.app,
    custody: options.custody,
    version,
    threshold: t,
    holders: holders.map(h => peerIdFromString(h).toMultihash().bytes),
    commitments: dealing.commitments.map(c => c.toBytes(true))
  }, options.ownerKey)

  const acked: string[] = []
  const failed: DealResult['failed'] = []
  await Promise.all(holders.map(async (holder, k) => {
    const record = attestations.recordOf(holder)
    if (record == null) { failed.push({ holder, error: 'no attestation' }); return }
    const share = sealShare(dealing.shares[k], record.enclaveX25519, dealAad(owner, options.app, version, k + 1))
    try {
      const response = await ssssCall(host, peerIdFromString(holder), { deal: { spec, share } }, DEAL_TIMEOUT_MS)
      if ('ok' in response) acked.push(holder)
      else failed.push({ holder, error: 'failure' in response ? `${ssssErrorFromFailure(response.failure).code}: ${response.failure.message}` : 'unexpected response' })
    } catch (err) {
      failed.push({ holder, error: (err as Error).message })
    }
  }))
  if (acked.length < t) throw new SsssError('THRESHOLD_NOT_MET', `only ${acked.length} of ${n} holders stored their share; ${t} are needed (${failed.map(f => `${f.holder.slice(-8)}: ${f.error}`).join('; ')})`)
  const commit = await signSecretControl({ app: options.app, version, action: 'COMMIT', issuedAtMs: Date.now() }, options.ownerKey)
  const committed: string[] = []
  await Promise.all(acked.map(async holder => {
    try {
      const response = await ssssCall(host, peerIdFromString(holder), { control: commit }, DEAL_TIMEOUT_MS)
      if ('ok' in response) committed.push(holder)
      else failed.push({ holder, error: `commit: ${'failure' in response ? ssssErrorFromFailure(response.failure).code + ' ' + response.failure.message : 'unexpected response'}` })
    } catch (err) {
      failed.push({ holder, error: `commit: ${(err as Error).message}` })
    }
  }))
  return { spec, acked, committed, failed }
}
