import { peerIdFromString } from '@libp2p/peer-id'
import { privateKeyToAccount } from 'viem/accounts'
import { prepareDealing, SsssError, ssssErrorFromFailure, type DealingInput, type PreparedDealing, type SecretSpec } from '../../protocol/ssss/index.js'
import { ssssCall, type LocalHolder } from './transport.js'
import type { AttestationService } from '../attestations/index.js'
import type { Host } from '../host/index.js'
import type { PolicyService } from '../policies/index.js'

const DEAL_TIMEOUT_MS = 10_000

export interface DealResult {
  spec: SecretSpec
  acked: string[]
  /** Holders that committed the version (a holder that missed the commit serves the previous version). */
  committed: string[]
  failed: Array<{ holder: string, error: string }>
}

/** The custody scope's SSSS nodes, with their attested enclave keys, as this node verified them. */
export function custodyHolders (components: { attestations: AttestationService, policies: PolicyService }, owner: string, custody: string): Array<{ peerId: string, x25519: Uint8Array }> {
  const policy = components.policies.store.latest(owner, custody)
  if (policy == null) throw new SsssError('NO_HOLDERS', `no custody policy "${custody}" of ${owner} is known`)
  return components.attestations.scopes.members(policy.id).flatMap(peerId => {
    const record = components.attestations.recordOf(peerId)
    return record?.roles.includes('ssss') === true ? [{ peerId, x25519: record.enclaveX25519 }] : []
  })
}

/**
 * Relays a prepared dealing: each sealed share to its holder, then, once at
 * least t holders verified and stored theirs, the owner's COMMIT, which makes
 * the version the one served (a rotation keeps the previous version until
 * then). The relaying node sees ciphertext only.
 */
export async function relayDealing (host: Host, dealing: PreparedDealing, local?: LocalHolder): Promise<DealResult> {
  const { spec } = dealing
  const acked: string[] = []
  const committed: string[] = []
  const failed: DealResult['failed'] = []
  await Promise.all(dealing.shares.map(async ({ holder, share }) => {
    try {
      const response = await ssssCall(host, peerIdFromString(holder), { deal: { spec, share } }, DEAL_TIMEOUT_MS, local)
      if ('ok' in response) acked.push(holder)
      else failed.push({ holder, error: 'failure' in response ? `${ssssErrorFromFailure(response.failure).code}: ${response.failure.message}` : 'unexpected response' })
    } catch (err) {
      failed.push({ holder, error: (err as Error).message })
    }
  }))
  if (acked.length < spec.threshold) {
    throw new SsssError('THRESHOLD_NOT_MET', `only ${acked.length} of ${dealing.shares.length} holders stored their share; ${spec.threshold} are needed (${failed.map(f => `${f.holder.slice(-8)}: ${f.error}`).join('; ')})`)
  }
  await Promise.all(acked.map(async holder => {
    try {
      const response = await ssssCall(host, peerIdFromString(holder), { control: dealing.commit }, DEAL_TIMEOUT_MS, local)
      if ('ok' in response) committed.push(holder)
      else failed.push({ holder, error: `commit: ${'failure' in response ? `${ssssErrorFromFailure(response.failure).code} ${response.failure.message}` : 'unexpected response'}` })
    } catch (err) {
      failed.push({ holder, error: `commit: ${(err as Error).message}` })
    }
  }))
  return { spec, acked, committed, failed }
}

/** Prepares and relays a dealing in one step, for an owner whose key is on this node's side (tests, the simulator). */
export async function dealSecret (components: { host: Host, attestations: AttestationService, policies: PolicyService, holder?: LocalHolder }, options: Omit<DealingInput, 'holders'>): Promise<DealResult> {
  const owner = privateKeyToAccount(options.ownerKey).address.toLowerCase()
  const dealing = await prepareDealing({ ...options, holders: custodyHolders(components, owner, options.custody) })
  return await relayDealing(components.host, dealing, components.holder)
}
