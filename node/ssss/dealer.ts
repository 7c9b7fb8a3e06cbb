import { peerIdFromString } from '@libp2p/peer-id'
import { privateKeyToAccount } from 'viem/accounts'
import { prepareDealing, SsssError, ssssErrorFromFailure, type DealingInput, type PreparedDealing, type SecretControl, type SecretSpec, type SsssResponse } from '../../protocol/ssss/index.js'
import { ssssCallIdempotent, type LocalHolder, type Penalise } from './transport.js'
import type { AttestationService } from '../attestations/index.js'
import type { Host } from '../host/index.js'
import type { PolicyService } from '../policies/index.js'

const DEAL_TIMEOUT_MS = 10_000
/** A deletion is sent to every SSSS node this node knows (the holders are not known here); at most this many, which bounds the fan-out of one API call. */
export const MAX_DELETE_FANOUT = 1024

export interface DealResult {
  spec: SecretSpec
  acked: string[]
  /** Holders that committed the version: at least t, or the dealing throws THRESHOLD_NOT_MET. */
  committed: string[]
  /** Holders that applied the owner's prune of the older versions (sent once t holders committed). */
  pruned: string[]
  failed: Array<{ holder: string, error: string }>
}

export interface DeleteResult {
  owner: string
  app: string
  version: number
  /** Holders that deleted the version and every older one (or had already). */
  deleted: string[]
  /** SSSS nodes that hold no version up to it. */
  absent: string[]
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

function errorText (err: unknown): string {
  const e = err as Error | undefined
  return e?.message != null && e.message !== '' ? e.message : `${e?.name ?? 'Error'}${e instanceof AggregateError ? `: ${e.errors.map(errorText).join(', ')}` : ''}`
}

function describe (response: SsssResponse): string {
  return 'failure' in response ? `${ssssErrorFromFailure(response.failure).code}: ${response.failure.message}` : 'unexpected response'
}

/** Sends one control message to each holder in parallel; sorts who applied it from who refused or could not be reached. */
async function sendControl (host: Host, control: SecretControl, holders: string[], local?: LocalHolder, penalise?: Penalise): Promise<{ ok: string[], refused: Array<{ holder: string, code: string, error: string }>, unreachable: Array<{ holder: string, error: string }> }> {
  const ok: string[] = []
  const refused: Array<{ holder: string, code: string, error: string }> = []
  const unreachable: Array<{ holder: string, error: string }> = []
  await Promise.all(holders.map(async holder => {
    try {
      const response = await ssssCallIdempotent(host, peerIdFromString(holder), { control }, DEAL_TIMEOUT_MS, local, penalise)
      if ('ok' in response) ok.push(holder)
      else refused.push({ holder, code: 'failure' in response ? ssssErrorFromFailure(response.failure).code : 'MALFORMED', error: describe(response) })
    } catch (err) {
      unreachable.push({ holder, error: errorText(err) })
    }
  }))
  return { ok, refused, unreachable }
}

/**
 * Relays a prepared dealing: each sealed share to its holder; once at least
 * t holders verified and stored theirs, the owner's COMMIT, which makes the
 * version the one served; once at least t holders committed, the owner's
 * prune of the older versions. A holder killed half-way (before its ack, or
 * between ack and commit) only counts as failed; if that leaves fewer than
 * t commits the dealing throws THRESHOLD_NOT_MET, no prune is sent, and the
 * previous version stays in service (runners fall back to it). The relaying
 * node sees ciphertext only.
 */
export async function relayDealing (host: Host, dealing: PreparedDealing | Omit<PreparedDealing, 'prune'>, local?: LocalHolder, penalise?: Penalise): Promise<DealResult> {
  const { spec } = dealing
  const acked: string[] = []
  const failed: DealResult['failed'] = []
  await Promise.all(dealing.shares.map(async ({ holder, share }) => {
    try {
      const response = await ssssCallIdempotent(host, peerIdFromString(holder), { deal: { spec, share } }, DEAL_TIMEOUT_MS, local, penalise)
      if ('ok' in response) acked.push(holder)
      else failed.push({ holder, error: describe(response) })
    } catch (err) {
      failed.push({ holder, error: errorText(err) })
    }
  }))
  const summary = (): string => failed.map(f => `${f.holder.slice(-8)}: ${f.error}`).join('; ')
  if (acked.length < spec.threshold) {
    throw new SsssError('THRESHOLD_NOT_MET', `only ${acked.length} of ${dealing.shares.length} holders stored their share of version ${spec.version}; ${spec.threshold} are needed, nothing was committed (${summary()})`)
  }
  const commits = await sendControl(host, dealing.commit, acked, local, penalise)
  for (const r of commits.refused) failed.push({ holder: r.holder, error: `commit: ${r.error}` })
  for (const u of commits.unreachable) failed.push({ holder: u.holder, error: `commit: ${u.error}` })
  if (commits.ok.length < spec.threshold) {
    throw new SsssError('THRESHOLD_NOT_MET', `only ${commits.ok.length} of ${acked.length} holders committed version ${spec.version}; ${spec.threshold} are needed: the previous version stays in service, deal again (${summary()})`)
  }
  const pruned: string[] = []
  if ('prune' in dealing) {
    // every holder of the dealing may hold older versions, not only those that took this one
    const prunes = await sendControl(host, dealing.prune, dealing.shares.map(s => s.holder), local, penalise)
    pruned.push(...prunes.ok)
    // a holder that held nothing older has nothing to prune
    for (const r of prunes.refused) if (r.code !== 'UNKNOWN_SECRET') failed.push({ holder: r.holder, error: `prune: ${r.error}` })
    for (const u of prunes.unreachable) failed.push({ holder: u.holder, error: `prune: ${u.error}` })
  }
  return { spec, acked, committed: commits.ok, pruned, failed }
}

/**
 * Relays the owner's DELETE to every SSSS node given (the holders of a
 * version are known only to the holders themselves); each that holds the
 * version or an older one deletes them.
 */
export async function relayDeletion (host: Host, control: SecretControl, ssssPeers: string[], local?: LocalHolder, penalise?: Penalise): Promise<DeleteResult> {
  if (control.action !== 'DELETE') throw new SsssError('MALFORMED', 'a deletion is a DELETE control')
  const targets = [...new Set(ssssPeers)].slice(0, MAX_DELETE_FANOUT)
  const sent = await sendControl(host, control, targets, local, penalise)
  return {
    owner: control.owner,
    app: control.app,
    version: control.version,
    deleted: sent.ok,
    absent: sent.refused.filter(r => r.code === 'UNKNOWN_SECRET').map(r => r.holder),
    failed: [...sent.refused.filter(r => r.code !== 'UNKNOWN_SECRET'), ...sent.unreachable].map(f => ({ holder: f.holder, error: f.error }))
  }
}

/** Prepares and relays a dealing in one step, for an owner whose key is on this node's side (tests, the simulator). */
export async function dealSecret (components: { host: Host, attestations: AttestationService, policies: PolicyService, holder?: LocalHolder, penalise?: Penalise }, options: Omit<DealingInput, 'holders'>): Promise<DealResult> {
  const owner = privateKeyToAccount(options.ownerKey).address.toLowerCase()
  const dealing = await prepareDealing({ ...options, holders: custodyHolders(components, owner, options.custody) })
  return await relayDealing(components.host, dealing, components.holder, components.penalise?.bind(components))
}
