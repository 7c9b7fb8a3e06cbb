import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { openStream, sealedSize, sealStream } from '../../protocol/blob/index.js'
import { drained } from '../api/drain.js'
import { EscrinApiError } from './errors.js'

/** Blob transfers stream for as long as bytes keep moving; this is the idle bound. */
const IDLE_TIMEOUT_MS = 60_000


export interface PutBlobRequest {
  policyId: string
  /** The blob: bytes, or a stream of them of exactly `size` bytes. */
  data: Uint8Array | AsyncIterable<Uint8Array>
  size?: number
  /** The app's 32-byte data key: the blob is encrypted with it here, before it leaves. Omit only for public content (worker code). */
  key?: Uint8Array
  replicas?: number
}

export interface PutBlobAnswer { cid: string, size: number, replicas: string[] }

function send (url: URL, method: string, headers: Record<string, string | number>): ReturnType<typeof httpRequest> {
  const make = url.protocol === 'https:' ? httpsRequest : httpRequest
  const req = make(url, { method, headers })
  req.setTimeout(IDLE_TIMEOUT_MS, () => { req.destroy(new Error(`no progress for ${IDLE_TIMEOUT_MS / 1000} s`)) })
  return req
}

async function readJson (res: IncomingMessage): Promise<any> {
  const parts: Buffer[] = []
  for await (const part of res) parts.push(part as Buffer)
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8'))
  } catch {
    return undefined
  }
}

async function failure (res: IncomingMessage): Promise<EscrinApiError> {
  const json = await readJson(res)
  return new EscrinApiError(json?.error?.code ?? 'HTTP_ERROR', res.statusCode ?? 0, json?.error?.message ?? res.statusMessage ?? 'request failed')
}

function unreachable (base: string, err: Error): EscrinApiError {
  return new EscrinApiError('UNREACHABLE', 0, `cannot reach ${base}: ${err.message}`)
}

/**
 * Streams a blob to a node's `POST /v1/blobs`: encrypted here when a key is
 * given, never held whole in memory, with the Content-Length the holders
 * check against their limits before any byte is sent.
 */
export async function putBlob (base: string, put: PutBlobRequest): Promise<PutBlobAnswer> {
  const plainSize = put.data instanceof Uint8Array ? put.data.byteLength : put.size
  if (plainSize == null) throw new EscrinApiError('MALFORMED', 0, 'a streamed blob needs its size')
  const plain: AsyncIterable<Uint8Array> = put.data instanceof Uint8Array ? once(put.data) : put.data
  const body = put.key != null ? sealStream(plain, put.key) : plain
  const size = put.key != null ? sealedSize(plainSize) : plainSize
  const url = new URL(`${base}/v1/blobs?policy=${put.policyId}${put.replicas != null ? `&replicas=${put.replicas}` : ''}`)
  return await new Promise<PutBlobAnswer>((resolve, reject) => {
    const req = send(url, 'POST', { 'content-type': 'application/octet-stream', 'content-length': size })
    req.on('error', err => { reject(unreachable(base, err)) })
    req.on('response', res => {
      if (res.statusCode !== 200) {
        void failure(res).then(reject)
        return
      }
      void readJson(res).then(resolve, reject)
    })
    void (async () => {
      try {
        for await (const chunk of body) {
          if (!req.write(chunk)) await drained(req)
          if (req.destroyed) return
        }
        req.end()
      } catch (err) {
        req.destroy()
        reject(err)
      }
    })()
  })
}

export interface BlobDownload {
  cid: string
  policyId: string
  /** Bytes as stored (the sealed size for encrypted blobs). */
  size: number
  /** The blob, decrypted when a key was given; verified against the CID by the node. */
  data: AsyncIterable<Uint8Array>
}

/** Streams a blob from a node's `GET /v1/blobs/:cid`, decrypting it with `key` when given. */
export async function getBlob (base: string, cid: string, options: { key?: Uint8Array, policyId?: string } = {}): Promise<BlobDownload> {
  const url = new URL(`${base}/v1/blobs/${encodeURIComponent(cid)}${options.policyId != null ? `?policy=${options.policyId}` : ''}`)
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = send(url, 'GET', {})
    req.on('error', err => { reject(unreachable(base, err)) })
    req.on('response', resolve)
    req.end()
  })
  if (res.statusCode !== 200) throw await failure(res)
  const size = Number(res.headers['content-length'])
  // a response cut short (every holder failed mid-blob) must not pass for a whole blob
  async function * checked (): AsyncGenerator<Uint8Array> {
    let received = 0
    try {
      for await (const part of res) {
        received += (part as Buffer).byteLength
        yield part as Uint8Array
      }
    } catch (err) {
      throw new EscrinApiError('TRUNCATED', 200, `the blob stream broke after ${received} of ${size} bytes: ${(err as Error).message}`)
    }
    if (received !== size) throw new EscrinApiError('TRUNCATED', 200, `the blob stream ended after ${received} of ${size} bytes`)
  }
  return {
    cid: String(res.headers['x-escrin-cid'] ?? cid),
    policyId: String(res.headers['x-escrin-policy'] ?? ''),
    size,
    data: options.key != null ? openStream(checked(), options.key) : checked()
  }
}

async function * once (bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes
}
