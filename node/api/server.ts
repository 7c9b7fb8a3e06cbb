import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { API_MAX_BODY_BYTES, API_REQUEST_TIMEOUT_MS, API_STREAM_TIMEOUT_MS } from '../constants.js'
import { StartupError } from '../errors.js'
import { ApiError } from './http-error.js'
import { drained } from './drain.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'

export interface ApiRequest {
  params: Record<string, string>
  query: URLSearchParams
  /** The request body parsed as JSON (bounded in size); undefined for GET and streaming routes. */
  body: unknown
  /** The raw request, for streaming routes (`stream: true`): its body is not read by the server. */
  raw?: IncomingMessage
}

/** A streamed answer: bytes written with backpressure; the response is cut (not completed) if the source fails. */
export interface StreamResult { stream: AsyncIterable<Uint8Array>, contentType: string, headers?: Record<string, string> }
/** A route answers with a JSON-serialisable value, a `{ text, contentType }` for non-JSON bodies, or a StreamResult. */
export type RouteResult = unknown | { text: string, contentType: string } | StreamResult
export type RouteHandler = (request: ApiRequest) => Promise<RouteResult> | RouteResult

export interface Route {
  method: 'GET' | 'POST' | 'DELETE'
  /** A path with `:name` parameters, e.g. `/v1/scopes/:policyId`. */
  path: string
  handler: RouteHandler
  /** A larger body bound for this route (e.g. jobs carry code and input); default the server's. */
  maxBodyBytes?: number
  /** The handler reads the body itself from `raw` (uploads); the server's JSON bound and deadline do not apply. */
  stream?: boolean
}

export interface ApiServerInit {
  host: string
  port: number
  maxBodyBytes?: number
  requestTimeoutMs?: number
}

export interface ApiServerComponents {
  logger: Logger
  metrics?: NodeMetrics
}

/**
 * The node's HTTP API: JSON under /v1, Prometheus text at /metrics. Routes are
 * registered by the services that own the data; this class only does HTTP:
 * routing, bounded bodies, timeouts, and errors as JSON with a status code.
 */
export class ApiServer {
  private readonly routes: Array<Route & { pattern: RegExp, names: string[] }> = []
  private server?: Server
  private readonly log: Logger

  constructor (private readonly components: ApiServerComponents, private readonly init: ApiServerInit) {
    this.log = components.logger.child('api')
  }

  route (route: Route): void {
    const names: string[] = []
    const pattern = new RegExp('^' + route.path.replace(/:([a-zA-Z]+)/g, (_, name: string) => { names.push(name); return '([^/]+)' }) + '$')
    this.routes.push({ ...route, pattern, names })
  }

  /** The address the server listens on, e.g. `127.0.0.1:7001`, once started. */
  get address (): string | undefined {
    const address = this.server?.address()
    if (address == null || typeof address === 'string') return undefined
    return address.family === 'IPv6' ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`
  }

  async start (): Promise<void> {
    if (this.server != null) return
    const server = createServer((req, res) => { void this.serve(req, res) })
    // streaming routes need longer than JSON ones, whose bodies get their own deadline in readJson
    server.requestTimeout = Math.max(this.init.requestTimeoutMs ?? API_REQUEST_TIMEOUT_MS, API_STREAM_TIMEOUT_MS)
    server.headersTimeout = Math.min(server.requestTimeout, 60_000)
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        reject(new StartupError(`cannot serve the API on ${this.init.host}:${this.init.port}: ${err.code === 'EADDRINUSE' ? 'address already in use' : err.code ?? err.message}`))
      })
      server.listen(this.init.port, this.init.host, () => { resolve() })
    })
    server.on('error', err => { this.log.error('api server error', { err }) })
    this.server = server
  }

  async stop (): Promise<void> {
    const server = this.server
    if (server == null) return
    this.server = undefined
    server.closeAllConnections()
    await new Promise<void>(resolve => { server.close(() => { resolve() }) })
  }

  private async serve (req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let routeName = 'unknown'
    let status = 200
    try {
      const pathMatches = this.routes.filter(r => r.pattern.test(url.pathname))
      if (pathMatches.length === 0) throw new ApiError(404, 'NOT_FOUND', `no such endpoint: ${url.pathname}`)
      const route = pathMatches.find(r => r.method === req.method)
      if (route == null) {
        res.setHeader('allow', pathMatches.map(r => r.method).join(', '))
        throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${url.pathname}`)
      }
      routeName = route.path
      const match = route.pattern.exec(url.pathname) as RegExpExecArray
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]))
      const body = req.method === 'GET' || route.stream === true ? undefined : await this.readJson(req, route.maxBodyBytes)
      const result = await route.handler({ params, query: url.searchParams, body, ...(route.stream === true ? { raw: req } : {}) })
      if (isStream(result)) {
        await this.writeStream(res, result)
      } else if (isText(result)) {
        res.writeHead(200, { 'content-type': result.contentType })
        res.end(result.text)
      } else {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(result, jsonReplacer))
      }
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(500, 'INTERNAL', 'internal error')
      if (!(err instanceof ApiError)) this.log.error('api handler failed', { route: routeName, err })
      status = apiError.status
      if (!res.headersSent) {
        res.writeHead(apiError.status, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { code: apiError.code, message: apiError.message } }))
      } else {
        res.destroy()
      }
    } finally {
      this.components.metrics?.apiRequests.inc({ route: routeName, status: String(status) })
    }
  }

  private async writeStream (res: ServerResponse, result: StreamResult): Promise<void> {
    res.writeHead(200, { 'content-type': result.contentType, ...result.headers })
    for await (const chunk of result.stream) {
      if (res.destroyed) return
      if (!res.write(chunk)) await drained(res)
    }
    res.end()
  }

  private async readJson (req: IncomingMessage, routeMax?: number): Promise<unknown> {
    const max = routeMax ?? this.init.maxBodyBytes ?? API_MAX_BODY_BYTES
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > max) throw new ApiError(413, 'TOO_LARGE', `request body exceeds ${max} bytes`)
    const chunks: Buffer[] = []
    let size = 0
    const deadline = setTimeout(() => { req.destroy(new Error('request body timeout')) }, this.init.requestTimeoutMs ?? API_REQUEST_TIMEOUT_MS)
    try {
      for await (const chunk of req) {
        size += (chunk as Buffer).byteLength
        if (size > max) throw new ApiError(413, 'TOO_LARGE', `request body exceeds ${max} bytes`)
        chunks.push(chunk as Buffer)
      }
    } catch (err) {
      if (err instanceof ApiError) throw err
      throw new ApiError(408, 'REQUEST_TIMEOUT', 'the request body did not arrive in time')
    } finally {
      clearTimeout(deadline)
    }
    if (size === 0) return undefined
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch (err) {
      throw new ApiError(400, 'BAD_JSON', `request body is not JSON: ${(err as Error).message}`)
    }
  }
}

function isStream (value: unknown): value is StreamResult {
  return value != null && typeof value === 'object' && 'stream' in value && 'contentType' in value
}

function isText (value: unknown): value is { text: string, contentType: string } {
  return value != null && typeof value === 'object' && 'text' in value && 'contentType' in value
}

/** bigint and bytes have no JSON form of their own: decimal strings and hex. */
function jsonReplacer (_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex')
  return value
}
