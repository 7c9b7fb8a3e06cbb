import type { WorkerName } from '../scenario/index.js'

const te = new TextEncoder()

/**
 * The smart workers a scenario's job load runs (Cloudflare Workers format,
 * as the runner runs them). Inline, so a run does not depend on where the
 * simulator is installed; sim/workers/ has the same samples as files.
 */
export const WORKERS: Record<WorkerName, Uint8Array> = {
  echo: te.encode('export default { async fetch (request) { return new Response(await request.arrayBuffer()) } }'),
  hello: te.encode(`export default {
  async fetch (request, env) {
    const name = (await request.text()).trim() || 'world'
    return Response.json({ greeting: 'hello, ' + name, policyId: env.escrin?.policyId })
  }
}`)
}
