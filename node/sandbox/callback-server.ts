import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { rm } from 'node:fs/promises'

/** A key name, as a worker asks for it: short and printable. */
const KEY_NAME = /^[\x20-\x7e]{1,128}$/
const MAX_KEY_REQUEST_BYTES = 1024

export interface CallbackHandlers {
  /** The module source of a code id with a job pending, if any. */
  code(id: string): Uint8Array | undefined
  /** The key release of the job holding this token, or undefined when the token is not a live job's. */
  getKey(token: string, name: string): Promise<Uint8Array> | undefined
}

/**
 * The node's side of env.escrin: a unix-socket HTTP server that workerd's
 * host worker calls for a job's code and for key release. Only workerd
 * processes of this sandbox know the socket path (a private temp dir), and
 * key release needs the token of a job that is running right now.
 */
export class CallbackServer {
  private server?: Server

  constructor (readonly socket: string, private readonly handlers: CallbackHandlers) {}

  async start (): Promise<void> {
    await rm(this.socket, { force: true })
    const server = createServer((req, res) => { void this.serve(req, res) })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.socket, () => { resolve() })
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
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/octet-stream' })
      res.end(body)
    }
    try {
      const url = new URL(req.url ?? '/', 'http://node')
      if (url.pathname.startsWith('/code/')) {
        const code = this.handlers.code(decodeURIComponent(url.pathname.slice('/code/'.length)))
        reply(code != null ? 200 : 404, code ?? 'no such code')
        return
      }
      if (url.pathname === '/key' && req.method === 'POST') {
        const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]
        let body = ''
        for await (const chunk of req) {
          body += (chunk as Buffer).toString()
          if (body.length > MAX_KEY_REQUEST_BYTES) { reply(413, 'key request too large'); return }
        }
        const name = (JSON.parse(body) as { name?: unknown }).name
        if (typeof name !== 'string' || !KEY_NAME.test(name)) { reply(400, 'a key name is 1-128 printable characters'); return }
        const release = token != null ? this.handlers.getKey(token, name) : undefined
        if (release == null) { reply(403, 'key release is not available to this job'); return }
        reply(200, await release)
        return
      }
      reply(404, 'not found')
    } catch (err) {
      reply(500, `key release failed: ${(err as Error).message}`.slice(0, 512))
    }
  }
}
