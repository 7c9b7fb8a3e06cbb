import { Uint8ArrayList } from 'uint8arraylist'
import {
  BLOB_PROTOCOL, BLOB_STREAM_BUFFER_BYTES, BLOB_WINDOW_CHUNKS, BlobError, blobErrorFromFailure, chunkFrame, decodeBlobFrame, decodeBlobResponse, encodeBlobFrame, encodeBlobRequest,
  MAX_BLOB_FRAME_BYTES, type BlobRequest, type BlobResponse, type ChunkPieces
} from '../../protocol/blob/index.js'
import { isOversizeFrame, lengthPrefixed, type LengthPrefixed } from '../host/length-prefixed.js'
import { openStreamFindingMovedPeer, type Host } from '../host/index.js'
import { PeerAction } from '../peer-score/index.js'
import { WireError } from '../../protocol/wire/index.js'
import type { PeerId, Stream } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

/** Answers to a request header (ready, found, ...) come within this. */
export const BLOB_HEADER_TIMEOUT_MS = 10_000
/**
 * Each chunk, each way, moves within this: an idle deadline rather than one
 * for the whole blob, so a 64 MB transfer is fine and a stalled peer is cut.
 */
export const BLOB_CHUNK_TIMEOUT_MS = 30_000
/** The holder hashes and commits after the last chunk; it answers within this. */
const COMMIT_TIMEOUT_MS = 30_000

/** A blob stream's frames, either side: bounded to one frame and to the stream's buffer (a window of chunks). */
export function blobFrames (stream: Stream): LengthPrefixed {
  return lengthPrefixed(stream, { maxDataLength: MAX_BLOB_FRAME_BYTES, maxBufferSize: BLOB_STREAM_BUFFER_BYTES })
}

/**
 * The largest request a holder reads: a `has` of MAX_HAS_CIDS CIDs is ~160
 * KB; a put's header, a get or a replica list far less.
 */
export const MAX_BLOB_REQUEST_BYTES = 256 * 1024

/**
 * A holder's side of a blob stream until it knows the request: one request,
 * then (for a get) acknowledgements, so it buffers what four requests take
 * (~1 MiB), not a window of chunks (10 MiB). Only a put's data phase needs
 * the window (blobFrames over the unwrapped stream): 64 streams from one
 * peer could otherwise hold 640 MiB of a holder's memory before a request.
 */
export function blobRequestFrames (stream: Stream): LengthPrefixed {
  return lengthPrefixed(stream, { maxDataLength: MAX_BLOB_REQUEST_BYTES })
}

/** A chunk's frame as a list of (tag, chunk): the chunk is written as it is, never copied into a message. */
export function chunkFrameList (chunk: Uint8Array): Uint8ArrayList {
  return new Uint8ArrayList(...chunkFrame(chunk))
}

/** The writing side of one put, to one holder: the same calls whether the holder is a peer or this node. */
export interface BlobSink {
  readonly peer: string
  /** Sends the header; 'have' when the holder has the blob already (nothing more to send). */
  open(): Promise<'ready' | 'have'>
  write(chunk: Uint8Array): Promise<void>
  /** Sends the end frame and waits for the holder's verdict. */
  end(cid: CID): Promise<CID>
  abort(err: Error): void
}

async function dialBlob (host: Host, peer: PeerId, signal: AbortSignal): Promise<Stream> {
  return await openStreamFindingMovedPeer(host, peer, BLOB_PROTOCOL, { signal })
}

/**
 * The peer at the other end of a blob stream broke the protocol: bytes that
 * do not decode or overflow their bound, or a message out of turn. Not a
 * holder's verdict on the blob (that is a failure it sends, a plain
 * BlobError) but a fault of the peer's own: the caller penalises it with
 * `action` (and a client goes on with another holder).
 */
export class BlobPeerFault extends BlobError {
  constructor (readonly action: PeerAction, message: string) {
    super('UNAVAILABLE', message)
  }
}

function failed (response: BlobResponse, expected: string): BlobError {
  if ('failure' in response) return blobErrorFromFailure(response.failure)
  return new BlobPeerFault(PeerAction.ProtocolViolation, `expected ${expected}, got ${Object.keys(response)[0]}`)
}

/** An error from reading or decoding a peer's bytes (`what` they were) as a BlobPeerFault when the bytes were at fault; others as they are. */
export function asPeerFault (err: unknown, what = 'the holder\'s reply'): unknown {
  if (err instanceof WireError || isOversizeFrame(err)) {
    return new BlobPeerFault(PeerAction.MalformedMessage, `${what}: ${(err as Error).message}`)
  }
  return err
}

/** The holder's next response on `lp`, within `signal`; its faults as BlobPeerFault. */
async function readResponse (lp: LengthPrefixed, signal: AbortSignal): Promise<BlobResponse> {
  try {
    return decodeBlobResponse((await lp.read({ signal })).subarray())
  } catch (err) {
    throw asPeerFault(err)
  }
}

/** A put to a remote holder over /escrin/blob/1. */
export class RemoteBlobSink implements BlobSink {
  private stream?: Stream
  private lp?: LengthPrefixed
  private unacked = 0
  /** The end frame is sent: the holder's verdict may come now, and only now. */
  private ended = false

  constructor (private readonly host: Host, private readonly peerId: PeerId, private readonly header: Extract<BlobRequest, { put: unknown }>['put']) {}

  get peer (): string {
    return this.peerId.toString()
  }

  async open (): Promise<'ready' | 'have'> {
    const signal = AbortSignal.timeout(BLOB_HEADER_TIMEOUT_MS)
    this.stream = await dialBlob(this.host, this.peerId, signal)
    try {
      this.lp = blobFrames(this.stream)
      await this.lp.write(encodeBlobRequest({ put: this.header }), { signal })
      const response = await readResponse(this.lp, signal)
      if ('ready' in response) return 'ready'
      if ('have' in response) {
        await this.stream.close({ signal })
        return 'have'
      }
      throw failed(response, 'ready')
    } catch (err) {
      // refused or failed: nothing more goes on this stream, so it does not linger on the connection
      this.stream.abort(err as Error)
      throw err
    }
  }

  async write (chunk: Uint8Array): Promise<void> {
    const lp = this.lp as LengthPrefixed
    // the holder acknowledges each chunk once stored: a slow disk slows the sender, not its buffers
    while (this.unacked >= BLOB_WINDOW_CHUNKS) await this.awaitAck(AbortSignal.timeout(BLOB_CHUNK_TIMEOUT_MS))
    await lp.write(chunkFrameList(chunk), { signal: AbortSignal.timeout(BLOB_CHUNK_TIMEOUT_MS) })
    this.unacked++
  }

  /** The holder's next acknowledgement; one of a chunk never sent, or a verdict before the end, is its fault. */
  private async awaitAck (signal: AbortSignal): Promise<BlobResponse> {
    const response = await readResponse(this.lp as LengthPrefixed, signal)
    if ('ok' in response) {
      if (this.unacked === 0) throw new BlobPeerFault(PeerAction.ProtocolViolation, 'an acknowledgement of no chunk')
      this.unacked--
      return response
    }
    if ('stored' in response && this.ended) return response
    throw failed(response, this.ended ? 'ok or stored' : 'ok')
  }

  async end (cid: CID): Promise<CID> {
    const lp = this.lp as LengthPrefixed
    await lp.write(encodeBlobFrame({ end: { cid } }), { signal: AbortSignal.timeout(BLOB_CHUNK_TIMEOUT_MS) })
    this.ended = true
    // the last acknowledgements (at most a window's) and the verdict, all within one deadline: a holder
    // cannot keep the put going with acknowledgements, each of which must match a chunk sent
    const signal = AbortSignal.timeout(COMMIT_TIMEOUT_MS)
    while (true) {
      const response = await this.awaitAck(signal)
      if ('stored' in response) {
        await this.stream?.close({ signal: AbortSignal.timeout(BLOB_HEADER_TIMEOUT_MS) }).catch(err => { this.stream?.abort(err as Error) })
        return response.stored
      }
    }
  }

  abort (err: Error): void {
    this.stream?.abort(err)
  }
}

/** A holder's answer to a get: what it says the blob is, and its chunks as sent, each in the pieces it arrived in (unverified: the caller checks them). */
export interface BlobSource {
  found: { policyId: string, size: number, manifest?: Uint8Array }
  chunks: AsyncGenerator<ChunkPieces>
  abort(err: Error): void
}

/** Opens a get on a remote holder, starting at chunk `fromChunk`. */
export async function openRemoteBlob (host: Host, peer: PeerId, cid: CID, fromChunk: number): Promise<BlobSource> {
  const signal = AbortSignal.timeout(BLOB_HEADER_TIMEOUT_MS)
  const stream = await dialBlob(host, peer, signal)
  const lp = blobFrames(stream)
  try {
    await lp.write(encodeBlobRequest({ get: { cid, fromChunk } }), { signal })
    const response = await readResponse(lp, signal)
    if (!('found' in response)) throw failed(response, 'found')
    async function * chunks (): AsyncGenerator<ChunkPieces> {
      try {
        while (true) {
          let frame
          try {
            frame = decodeBlobFrame(await lp.read({ signal: AbortSignal.timeout(BLOB_CHUNK_TIMEOUT_MS) }))
          } catch (err) {
            throw asPeerFault(err)
          }
          if ('end' in frame) return
          if (!('chunk' in frame)) throw new BlobPeerFault(PeerAction.ProtocolViolation, 'expected a chunk or the end')
          // the pieces the transport delivered, never joined: a copy of each chunk cost as much as hashing it
          yield frame.chunk
          // taken by the consumer: the holder may send one more
          await lp.write(encodeBlobFrame({ ack: true }), { signal: AbortSignal.timeout(BLOB_CHUNK_TIMEOUT_MS) }).catch(() => {})
        }
      } finally {
        // the reader stops early (a bad chunk, or it has all it needs): do not leave the stream open
        stream.abort(new Error('blob read finished'))
      }
    }
    return { found: response.found, chunks: chunks(), abort: err => { stream.abort(err) } }
  } catch (err) {
    stream.abort(err as Error)
    throw err
  }
}

/** A one-message exchange (has, replicas). */
export async function blobCall (host: Host, peer: PeerId, request: BlobRequest, timeoutMs = BLOB_HEADER_TIMEOUT_MS): Promise<BlobResponse> {
  const signal = AbortSignal.timeout(timeoutMs)
  const stream = await dialBlob(host, peer, signal)
  try {
    const lp = blobFrames(stream)
    await lp.write(encodeBlobRequest(request), { signal })
    const response = await readResponse(lp, signal)
    await stream.close({ signal }).catch(() => {})
    return response
  } catch (err) {
    stream.abort(err as Error)
    throw err
  }
}
