// A sample smart worker (Cloudflare Workers format, as upstream Escrin's runner runs them).
// The job input is the request body; the response body is the job output, which the
// runner encrypts to the client. env.escrin says which app and runner this is.
export default {
  async fetch (request, env) {
    const name = (await request.text()).trim() || 'world'
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(name))
    return Response.json({
      greeting: `hello, ${name}`,
      sha256: [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join(''),
      policyId: env.escrin?.policyId,
      runner: env.escrin?.attestation?.peerId
    })
  }
}
