import { getBlob, putBlob, type BlobDownload, type PutBlobAnswer, type PutBlobRequest } from './blob-transfer.js'
import { privateKeyToAccount } from 'viem/accounts'
import { signedPolicyToJson, type SignedPolicy } from '../../protocol/policy/index.js'
import { encodeSsssRequest, prepareDealing, prepareDeletion } from '../../protocol/ssss/index.js'
import { signBlobDeletion } from '../../protocol/blob/index.js'

import { EscrinApiError } from './errors.js'
export { EscrinApiError }

/** What the node answers to a deletion of blobs. */
export interface DeleteBlobsAnswer {
  /** Each CID (each one removed, for all of an app's), with the holders that removed their copy. */
  removed: Record<string, string[]>
  /** Copies removed, over all holders. */
  copiesRemoved: number
  failed: Array<{ peer: string, error: string }>
  asked: number
}

export interface SubmittedJob {
  jobId: string
  /** The runner that ran it (always a peer in the policy's scope, as the node verified it). */
  runner: string
  workerCid: string
  /** The worker's HTTP status. */
  status: number
  output: Uint8Array
  /** Signed by the runner's attested enclave key; the node verified it before answering. */
  receipt: { jobId: string, policyId: string, inputHash: string, outputHash: string, status: number, signature: string }
  attempts: Array<{ runner: string, code?: string, error?: string }>
  durationMs: number
}

export interface SubmitJobRequest {
  policyId: string
  /** The worker module (Cloudflare Workers format) as text or bytes; or `codeCid`. */
  code?: string | Uint8Array
  /** The CID of a worker module put with putBlob (no key): runners fetch it from the policy's storage scope. */
  codeCid?: string
  input?: Uint8Array | string
  timeoutMs?: number
}

/**
 * The app-side SDK: talks to an escrin node's HTTP API. The node does the
 * network part (scope, runner choice, end-to-end encryption to the runner's
 * enclave key, receipt verification); run it where the app runs.
 */
export class EscrinClient {
  readonly base: string

  constructor (apiUrl: string, private readonly options: { timeoutMs?: number } = {}) {
    this.base = apiUrl.replace(/\/$/, '')
  }

  async publishPolicy (signed: SignedPolicy): Promise<{ id: string, result: string }> {
    return await this.call('POST', '/v1/policies', signedPolicyToJson(signed))
  }

  async scope (policyId: string, options: { explain?: boolean } = {}): Promise<{ policyId: string, members: string[], explain?: Array<{ peerId: string, admitted: boolean, clause: string, reason: string }> }> {
    return await this.call('GET', `/v1/scopes/${policyId}${options.explain === true ? '?explain=1' : ''}`)
  }

  async submitJob (request: SubmitJobRequest): Promise<SubmittedJob> {
    const input = typeof request.input === 'string' ? new TextEncoder().encode(request.input) : request.input ?? new Uint8Array()
    const body = {
      policyId: request.policyId,
      ...(typeof request.code === 'string' ? { code: request.code } : request.code != null ? { codeBase64: Buffer.from(request.code).toString('base64') } : { codeCid: request.codeCid }),
      input: Buffer.from(input).toString('base64'),
      ...(request.timeoutMs != null ? { timeoutMs: request.timeoutMs } : {})
    }
    const result = await this.call('POST', '/v1/jobs', body, (request.timeoutMs ?? 30_000) * 5 + 10_000)
    return { ...result, output: new Uint8Array(Buffer.from(result.output as string, 'base64')) }
  }

  /**
   * Deals an app key t-of-n to the SSSS nodes of the owner's custody policy:
   * the shares are made and sealed to each holder's attested enclave key
   * here, where the owner's key is; the node only relays them. Runners in the
   * scope of the owner's policy named `app` can then use env.escrin.getKey.
   */
  async dealSecret (options: { ownerKey: `0x${string}`, app: string, custody: string, threshold?: number, version?: number }): Promise<{ owner: string, app: string, version: number, threshold: number, holders: number, acked: string[], committed: string[], pruned: string[], failed: Array<{ holder: string, error: string }> }> {
    const owner = privateKeyToAccount(options.ownerKey).address.toLowerCase()
    const { policies } = await this.call('GET', '/v1/policies') as { policies: Array<{ id: string, policy: { owner: string, name: string, version: number } }> }
    const custody = policies.filter(p => p.policy.owner.toLowerCase() === owner && p.policy.name === options.custody).sort((a, b) => b.policy.version - a.policy.version)[0]
    if (custody == null) throw new EscrinApiError('UNKNOWN_POLICY', 404, `the node knows no policy "${options.custody}" of ${owner}`)
    const scope = await this.call('GET', `/v1/scopes/${custody.id}?records=1`) as { records: Array<{ peerId: string, roles: string[], enclaveX25519: string }> }
    const holders = scope.records.filter(r => r.roles.includes('ssss')).map(r => ({ peerId: r.peerId, x25519: new Uint8Array(Buffer.from(r.enclaveX25519, 'hex')) }))
    const dealing = await prepareDealing({ ownerKey: options.ownerKey, app: options.app, custody: options.custody, holders, ...(options.threshold != null ? { threshold: options.threshold } : {}), ...(options.version != null ? { version: options.version } : {}) })
    return await this.call('POST', '/v1/secrets', {
      deals: dealing.shares.map(s => ({ holder: s.holder, request: Buffer.from(encodeSsssRequest({ deal: { spec: dealing.spec, share: s.share } })).toString('base64') })),
      commit: Buffer.from(encodeSsssRequest({ control: dealing.commit })).toString('base64'),
      prune: Buffer.from(encodeSsssRequest({ control: dealing.prune })).toString('base64')
    })
  }

  /**
   * Deletes version `version` of an app key, and every older version, at
   * every SSSS node the API's node knows: the owner's DELETE is signed here
   * and the node relays it, as it relays a dealing's COMMIT. Holders refuse a
   * later replay of the deleted dealing. Throws UNKNOWN_SECRET when no holder
   * held it (which is also what a key other than the owner's gets: it can
   * only name its own secrets) and NOT_DELETED when none could be reached;
   * `failed` lists holders that may still hold it.
   */
  async deleteSecret (options: { ownerKey: `0x${string}`, app: string, version: number }): Promise<{ owner: string, app: string, version: number, deleted: string[], absent: string[], failed: Array<{ holder: string, error: string }> }> {
    const control = await prepareDeletion(options)
    return await this.call('POST', '/v1/secrets/delete', { control: Buffer.from(encodeSsssRequest({ control })).toString('base64') })
  }

  /** Puts a blob in the storage scope of a policy (encrypted here with `key`, if given); resolves to its CID and holders. */
  async putBlob (put: PutBlobRequest): Promise<PutBlobAnswer> {
    return await putBlob(this.base, put)
  }

  /** Streams a blob back, verified by the node and decrypted here with `key`, if given. */
  async getBlob (cid: string, options: { key?: Uint8Array, policyId?: string } = {}): Promise<BlobDownload> {
    return await getBlob(this.base, cid, options)
  }

  /**
   * Deletes blobs of the app `app` (the owner's policy name), the ones named
   * or `all` of them: signed here with the owner's key, relayed by the node to
   * every peer that may hold them. Each holder removes its copy of the blobs
   * it stored for the app until now.
   */
  async deleteBlobs (options: { ownerKey: `0x${string}`, app: string, cids?: string[], all?: boolean }): Promise<DeleteBlobsAnswer> {
    const deletion = await signBlobDeletion({ app: options.app, ...(options.cids != null ? { cids: options.cids } : {}), ...(options.all === true ? { all: true } : {}) }, options.ownerKey)
    return await this.call('POST', '/v1/blobs/delete', { deletion })
  }

  private async call (method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs = this.options.timeoutMs ?? 30_000): Promise<any> {
    let res: Response
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
        signal: AbortSignal.timeout(timeoutMs)
      })
    } catch (err) {
      throw new EscrinApiError('UNREACHABLE', 0, `cannot reach ${this.base}: ${(err as { cause?: Error }).cause?.message ?? (err as Error).message}`)
    }
    const json = await res.json().catch(() => undefined) as any
    if (!res.ok) throw new EscrinApiError(json?.error?.code ?? 'HTTP_ERROR', res.status, json?.error?.message ?? res.statusText)
    return json
  }
}
