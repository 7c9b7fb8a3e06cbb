import { decodeSsssRequest, SsssError, verifySecretControl, verifySecretSpec, type SecretControl } from '../../protocol/ssss/index.js'
import { WireError } from '../../protocol/wire/index.js'
import { ApiError, type Route } from '../api/index.js'
import { relayDealing, relayDeletion } from './dealer.js'
import { describePeerFailures } from '../errors.js'
import type { Host } from '../host/index.js'
import type { LocalHolder, Penalise } from './transport.js'

const MAX_HOLDERS_IN_BODY = 255

function control (field: string, value: unknown, action: SecretControl['action']): SecretControl {
  if (typeof value !== 'string') throw new ApiError(400, 'MALFORMED', `${field} must be a base64 SsssRequest`)
  const request = decodeSsssRequest(Buffer.from(value, 'base64'))
  if (!('control' in request) || request.control.action !== action) throw new ApiError(400, 'MALFORMED', `${field} must be a ${action} control`)
  return request.control
}

function apiError (err: unknown): unknown {
  if (err instanceof WireError) return new ApiError(400, 'MALFORMED', err.message)
  if (err instanceof SsssError) {
    const status = err.code === 'THRESHOLD_NOT_MET' ? 502 : err.code === 'BAD_SIGNATURE' ? 403 : err.code === 'UNKNOWN_SECRET' ? 404 : 400
    return new ApiError(status, err.code, err.message)
  }
  return err
}

/**
 * The owner's SSSS messages, prepared where the owner's key is (SDK, CLI),
 * relayed by this node. It checks their form and the owner's signatures
 * (so that it never relays a forgery the holders would blame it for); the
 * holders check everything again. It never sees a share in plaintext.
 *
 * POST /v1/secrets: a dealing, `{ deals: [{ holder, request }], commit, prune? }`,
 * each a base64 SsssRequest (a deal with the share sealed to that holder, the
 * COMMIT, the DELETE of older versions sent once t holders committed).
 *
 * POST /v1/secrets/delete: `{ control }`, the owner's DELETE of a version
 * (and all older ones), sent to every SSSS node this node knows.
 */
export function secretRoutes (host: Host, local?: LocalHolder, ssssPeers: () => string[] = () => [], penalise?: Penalise): Route[] {
  return [{
    method: 'POST',
    path: '/v1/secrets',
    handler: async ({ body }) => {
      const b = body as { deals?: Array<{ holder?: unknown, request?: unknown }>, commit?: unknown, prune?: unknown } | undefined
      if (b == null || !Array.isArray(b.deals) || b.deals.length === 0 || b.deals.length > MAX_HOLDERS_IN_BODY || typeof b.commit !== 'string') {
        throw new ApiError(400, 'MALFORMED', 'expected {deals: [{holder, request}], commit, prune?}, requests as base64 SsssRequest')
      }
      try {
        const shares = b.deals.map(d => {
          if (typeof d.holder !== 'string' || typeof d.request !== 'string') throw new ApiError(400, 'MALFORMED', 'each deal needs holder and request')
          const request = decodeSsssRequest(Buffer.from(d.request, 'base64'))
          if (!('deal' in request)) throw new ApiError(400, 'MALFORMED', 'a deal request must be a deal')
          return { holder: d.holder, spec: request.deal.spec, share: request.deal.share }
        })
        const commit = control('commit', b.commit, 'COMMIT')
        const prune = b.prune === undefined ? undefined : control('prune', b.prune, 'DELETE')
        const spec = shares[0].spec
        if (shares.some(s => s.spec.signature !== spec.signature)) throw new ApiError(400, 'MALFORMED', 'every deal must carry the same spec')
        const same = (c: SecretControl): boolean => c.owner === spec.owner && c.app === spec.app
        if (!same(commit) || commit.version !== spec.version) throw new ApiError(400, 'MALFORMED', 'the commit must name the dealt version')
        if (prune != null && (!same(prune) || prune.version >= spec.version)) throw new ApiError(400, 'MALFORMED', 'the prune must delete versions older than the dealt one')
        await verifySecretSpec(spec)
        await verifySecretControl(commit)
        if (prune != null) await verifySecretControl(prune)
        const dealing = { spec, shares: shares.map(s => ({ holder: s.holder, share: s.share })), commit, ...(prune != null ? { prune } : {}) }
        const result = await relayDealing(host, dealing, local, penalise)
        return { owner: spec.owner, app: spec.app, version: spec.version, threshold: spec.threshold, holders: shares.length, acked: result.acked, committed: result.committed, pruned: result.pruned, failed: result.failed }
      } catch (err) {
        throw apiError(err)
      }
    }
  }, {
    method: 'POST',
    path: '/v1/secrets/delete',
    handler: async ({ body }) => {
      const b = body as { control?: unknown } | undefined
      if (b == null || typeof b.control !== 'string') throw new ApiError(400, 'MALFORMED', 'expected {control}, the owner\'s DELETE as a base64 SsssRequest')
      try {
        const deletion = control('control', b.control, 'DELETE')
        await verifySecretControl(deletion)
        const targets = ssssPeers().filter(p => local != null || p !== host.peerId.toString())
        if (local != null && !targets.includes(host.peerId.toString())) targets.push(host.peerId.toString())
        const result = await relayDeletion(host, deletion, targets, local, penalise)
        if (result.deleted.length === 0) {
          if (result.failed.length === 0) throw new ApiError(404, 'UNKNOWN_SECRET', `none of the ${result.absent.length} SSSS nodes holds version ${deletion.version} (or older) of "${deletion.app}" of ${deletion.owner}`)
          throw new ApiError(502, 'NOT_DELETED', `no SSSS node deleted version ${deletion.version} of "${deletion.app}": ${describePeerFailures(result.failed.map(f => ({ peer: f.holder, error: f.error })))}`)
        }
        return result
      } catch (err) {
        throw apiError(err)
      }
    }
  }]
}
