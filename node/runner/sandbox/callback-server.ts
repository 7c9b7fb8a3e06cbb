import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { rm } from 'node:fs/promises'
import { KEY_NAME, MAX_KEY_BYTES, MAX_KEY_REQUEST_BYTES } from './constants.js'

/** What a job token opens while its job runs. */
export interface TokenGrant {
  code: Uint8Array
  onGetKey?: (name: string) => Promise<Uint8Array>
}

/**
 * The node's side of env.escrin: an HTTP server on a unix socket in the sandbox's private
 * (0700) directory, so only this sandbox's workerd processes reach it. Every request carries
 * the bearer token of one running job; a token opens that job's code (for the host worker's
 * Worker Loader) and that job's key release, and nothing once the job has ended.
 */
export class CallbackServer {
  private server?: Server

  constructor (readonly socket: string, private readonly grant: (token: string) => TokenGrant | undefined) {}

  async start (): Promise<void> {
    await rm(this.socket, { force: true })
    const server = createServer((req, res) => { void this.serve(req, res) })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.socket, () => { server.off('error', reject); resolve() })
    })
    this.server = server
  }

  async stop (): Promise<void> {
    const server = this.server
    this.server = undefined
    if (server == null) return
    server.closeAllConnections()
    await new Promise<void>(resolve => { server.close(() => { resolve() }) })
  }

  private async serve (req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = (status: number, body: Uint8Array | string): void => {
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream' })
      res.end(body)
    }
    try {
      const token = /^Bearer ([\w-]{16,})$/.exec(req.headers.authorization ?? '')?.[1]
      const grant = token != null ? this.grant(token) : undefined
      if (req.url === '/code' && req.method === 'GET') {
        if (grant == null) { reply(403, 'the code is not available: unknown or expired job token'); return }
        reply(200, grant.code)
        return
      }
      if (req.url === '/key' && req.method === 'POST') {
        const chunks: Buffer[] = []
        let size = 0
        for await (const chunk of req) {
          size += (chunk as Buffer).byteLength
          if (size > MAX_KEY_REQUEST_BYTES) { reply(413, 'key request too large'); return }
          chunks.push(chunk as Buffer)
        }
        if (grant == null) { reply(403, 'key release is not available: unknown or expired job token'); return }
        if (grant.onGetKey == null) { reply(403, 'key release is not available to this job'); return }
        const name = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { name?: unknown }).name
        if (typeof name !== 'string' || !KEY_NAME.test(name)) { reply(400, 'a key name is 1-128 printable ASCII characters'); return }
        const key = await grant.onGetKey(name)
        if (key.byteLength > MAX_KEY_BYTES) { reply(500, 'key release failed: the key is too large'); return }
        reply(200, key instanceof Uint8Array ? key : new Uint8Array(key))
        return
      }
      reply(404, 'not found')
    } catch (err) {
      if (!res.headersSent) reply(500, `key release failed: ${(err as Error)?.message ?? String(err)}`.slice(0, 512))
    }
  }
}
