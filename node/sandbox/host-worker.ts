/**
 * The code workerd runs, as strings written next to its config.
 *
 * host.js is the process's only configured worker. For each job it loads the
 * job's module through the Worker Loader, cached per (app, code) so warm code
 * is reused while two apps that run the same code never share an isolate (a
 * global in one app's isolate must not reach another app's job). The loaded
 * worker gets no outbound network (globalOutbound: null) and no node:*
 * modules (no nodejs_compat); its only way out is env.escrin, which calls
 * back into the node over a unix socket.
 *
 * wrapper.js is the loaded worker's main module: it builds env.escrin from
 * the job's header (which it removes before the user's code sees the
 * request) and calls the user's fetch handler.
 */
export const HOST_JS = `
const MAX_MESSAGE = 1024
function failure (kind, message) {
  return new Response(String(message).slice(0, MAX_MESSAGE), { status: 599, headers: { 'x-escrin-failure': kind } })
}
export default {
  async fetch (request, env) {
    const url = new URL(request.url)
    if (url.pathname === '/health') return new Response('ok')
    const loaderId = request.headers.get('x-escrin-loader-id')
    const codeId = request.headers.get('x-escrin-code-id')
    const worker = env.LOADER.get(loaderId, async () => {
      const code = await env.NODE.fetch('http://node/code/' + encodeURIComponent(codeId))
      if (!code.ok) throw new Error('code ' + codeId + ' is not available')
      return {
        compatibilityDate: '2025-06-01',
        mainModule: 'escrin-wrapper.js',
        modules: { 'escrin-wrapper.js': WRAPPER, 'worker.js': await code.text() },
        env: { NODE: env.NODE },
        globalOutbound: null
      }
    })
    let response
    try {
      response = await worker.getEntrypoint().fetch(new Request('http://worker/', { method: 'POST', headers: request.headers, body: request.body }))
    } catch (e) {
      const message = e && e.message ? e.message : String(e)
      return failure(/Failed to start Worker|No such module|SyntaxError|no default export/.test(message) ? 'bad-worker' : 'threw', message)
    }
    return response
  }
}
const WRAPPER = WRAPPER_SOURCE
`

export const WRAPPER_JS = `
import worker from './worker.js'
export default {
  async fetch (request, env, ctx) {
    const job = JSON.parse(request.headers.get('x-escrin-job'))
    const escrin = Object.freeze({
      appId: job.appId,
      policyId: job.policyId,
      jobId: job.jobId,
      attestation: job.attestation,
      async getKey (name) {
        const r = await env.NODE.fetch('http://node/key', { method: 'POST', headers: { authorization: 'Bearer ' + job.token }, body: JSON.stringify({ name: String(name) }) })
        if (!r.ok) throw new Error(await r.text())
        return new Uint8Array(await r.arrayBuffer())
      }
    })
    const headers = new Headers(request.headers)
    for (const h of ['x-escrin-job', 'x-escrin-loader-id', 'x-escrin-code-id']) headers.delete(h)
    const handler = worker && worker.fetch
    if (typeof handler !== 'function') throw new Error('no default export with a fetch handler')
    const response = await handler.call(worker, new Request('http://worker/', { method: 'POST', headers, body: request.body }), { escrin }, ctx)
    if (!(response instanceof Response)) throw new Error('the worker fetch handler did not return a Response')
    return response
  }
}
`

/** host.js with the wrapper's source embedded as a string literal. */
export function hostSource (): string {
  return HOST_JS.replace('WRAPPER_SOURCE', JSON.stringify(WRAPPER_JS))
}
