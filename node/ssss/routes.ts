import { decodeSsssRequest, SsssError } from '../../protocol/ssss/index.js'
import { WireError } from '../../protocol/wire/index.js'
import { ApiError, type Route } from '../api/index.js'
import { relayDealing } from './dealer.js'
import type { Host } from '../host/index.js'
import type { LocalHolder } from './transport.js'

const MAX_HOLDERS_IN_BODY = 255

/**
 * POST /v1/secrets: relays a dealing an owner prepared (SDK, CLI):
 * `{ deals: [{ holder, request }], commit }`, each request a base64
 * SsssRequest (a deal with the share sealed to that holder, or the COMMIT).
 * The node checks the messages' form and relays them; holders check the
 * owner's signatures and their shares. It never sees a share in plaintext.
 */
export function secretRoutes (host: Host, local?: LocalHolder): Route[] {
  return [{
    method: 'POST',
    path: '/v1/secrets',
    handler: async ({ body }) => {
      const b = body as { deals?: Array<{ holder?: unknown, request?: unknown }>, commit?: unknown } | undefined
      if (b == null || !Array.isArray(b.deals) || b.deals.length === 0 || b.deals.length > MAX_HOLDERS_IN_BODY || typeof b.commit !== 'string') {
        throw new ApiError(400, 'MALFORMED', 'expected {deals: [{holder, request}], commit}, requests as base64 SsssRequest')
      }
      try {
        const shares = b.deals.map(d => {
          if (typeof d.holder !== 'string' || typeof d.request !== 'string') throw new ApiError(400, 'MALFORMED', 'each deal needs holder and request')
          const request = decodeSsssRequest(Buffer.from(d.request, 'base64'))
          if (!('deal' in request)) throw new ApiError(400, 'MALFORMED', 'a deal request must be a deal')
          return { holder: d.holder, spec: request.deal.spec, share: request.deal.share }
        })
        const commit = decodeSsssRequest(Buffer.from(b.commit, 'base64'))
        if (!('control' in commit) || commit.control.action !== 'COMMIT') throw new ApiError(400, 'MALFORMED', 'commit must be a COMMIT control')
        const spec = shares[0].spec
        if (shares.some(s => s.spec.signature !== spec.signature)) throw new ApiError(400, 'MALFORMED', 'every deal must carry the same spec')
        const result = await relayDealing(host, { spec, shares: shares.map(s => ({ holder: s.holder, share: s.share })), commit: commit.control }, local)
        return { owner: spec.owner, app: spec.app, version: spec.version, threshold: spec.threshold, holders: shares.length, acked: result.acked, committed: result.committed, failed: result.failed }
      } catch (err) {
        if (err instanceof WireError) throw new ApiError(400, 'MALFORMED', err.message)
        if (err instanceof SsssError) throw new ApiError(err.code === 'THRESHOLD_NOT_MET' ? 502 : 400, err.code, err.message)
        throw err
      }
    }
  }]
}
