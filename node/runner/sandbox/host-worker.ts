import { COMPATIBILITY_DATE, MAX_ERROR_MESSAGE } from './constants.js'

/**
 * The code that runs inside workerd, as module sources (written next to the config at start).
 *
 * host.js is the process's one configured worker. For POST /run it loads the job's module
 * through the Worker Loader, named `<appId>/<codeId>`: warm code is reused across jobs of the
 * same app, while two apps that run the same code never share an isolate (a global of one app's
 * isolate must not reach another app's job). On a cache miss it fetches the code from the node
 * with the job's token. The loaded worker has no outbound network (`globalOutbound: null`) and
 * no `node:*` modules (no nodejs_compat); its only way out is env.NODE, held by the wrapper.
 *
 * wrapper.js is the loaded worker's main module. It reads the job from a header (which the
 * user's code never sees), builds env.escrin, calls the user's fetch handler, and reports a
 * throw or a non-Response as a failure with the `x-escrin-failure` header, which the host keeps
 * and which a user's response can never carry (the host forwards only its status and body).
 */
/** Failure reporting, the same in the host and in the wrapper (two isolates: the source is shared, not a module). */
const FAILURE_HELPERS = `
const FAILURE = 'x-escrin-failure'
const MAX_MESSAGE = ${MAX_ERROR_MESSAGE}
function failure (kind, message) {
  return new Response(String(message).slice(0, MAX_MESSAGE), { status: 500, headers: { [FAILURE]: kind } })
}
function describe (e) {
  try { return e instanceof Error ? e.name + ': ' + e.message : String(e) } catch { return 'an unprintable exception' }
}
`

const HOST_JS = `
${FAILURE_HELPERS}export default {
  async fetch (request, env) {
    const url = new URL(request.url)
    if (url.pathname === '/health') return new Response('ok')
    if (url.pathname !== '/run' || request.method !== 'POST') return new Response('not found', { status: 404 })
    const header = request.headers.get('x-escrin-job')
    const job = JSON.parse(header)
    let codeError
    const worker = env.LOADER.get(job.appId + '/' + job.codeId, async () => {
      const code = await env.NODE.fetch('http://node/code', { headers: { authorization: 'Bearer ' + job.token } })
      if (!code.ok) { codeError = await code.text(); throw new Error(codeError) }
      return {
        compatibilityDate: ${JSON.stringify(COMPATIBILITY_DATE)},
        mainModule: 'escrin-wrapper.js',
        modules: { 'escrin-wrapper.js': WRAPPER, 'worker.js': await code.text() },
        env: { NODE: env.NODE },
        globalOutbound: null
      }
    })
    let response
    try {
      response = await worker.getEntrypoint().fetch('http://worker/', { method: 'POST', headers: { 'x-escrin-job': header }, body: request.body })
    } catch (e) {
      if (codeError !== undefined) return failure('unavailable', codeError)
      const message = describe(e)
      return failure(/^Error: Failed to start Worker/.test(message) ? 'bad-worker' : 'threw', message)
    }
    const kind = response.headers.get(FAILURE)
    return new Response(response.body, { status: response.status, headers: kind !== null ? { [FAILURE]: kind } : {} })
  }
}
const WRAPPER = WRAPPER_SOURCE
`

const WRAPPER_JS = `
import * as mod from './worker.js'
${FAILURE_HELPERS}export default {
  async fetch (request, env, ctx) {
    const job = JSON.parse(request.headers.get('x-escrin-job'))
    const NODE = env.NODE
    const escrin = Object.freeze({
      appId: job.appId,
      policyId: job.policyId,
      jobId: job.jobId,
      attestation: job.attestation,
      async getKey (name) {
        const r = await NODE.fetch('http://node/key', { method: 'POST', headers: { authorization: 'Bearer ' + job.token }, body: JSON.stringify({ name: String(name) }) })
        if (!r.ok) throw new Error(await r.text())
        return new Uint8Array(await r.arrayBuffer())
      }
    })
    const worker = mod.default
    if (worker === null || typeof worker !== 'object' || typeof worker.fetch !== 'function') {
      return failure('bad-worker', 'the module has no default export with a fetch handler')
    }
    let response
    try {
      response = await worker.fetch(new Request('http://worker/', { method: 'POST', body: request.body }), { escrin }, ctx)
    } catch (e) {
      return failure('threw', describe(e))
    }
    if (!(response instanceof Response)) return failure('threw', 'the fetch handler did not return a Response')
    return new Response(response.body, { status: response.status })
  }
}
`

/** host.js, with the wrapper's source embedded as a string literal. */
export function hostWorkerSource (): string {
  return HOST_JS.replace('WRAPPER_SOURCE', JSON.stringify(WRAPPER_JS))
}
