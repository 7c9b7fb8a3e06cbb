import { isOversizeFrame, lengthPrefixed, type LengthPrefixed } from '../host/length-prefixed.js'
import { WireError } from '../../protocol/wire/index.js'
import {
  decodeSsssReply, decodeSsssResponse, encodeSsssCall, encodeSsssRequest, MAX_SSSS_FRAME_BYTES, MAX_SSSS_MESSAGE_BYTES, SSSS_GET_PROTOCOL, SSSS_PROTOCOL,
  type SecretSpec, type ShareRequest, type SsssRequest, type SsssResponse
} from '../../protocol/ssss/index.js'
import { PeerAction } from '../peer-score/index.js'
import { deadline, underDeadline } from '../runtime/index.js'
import { isClosedConnection, openStreamFindingMovedPeer, type Host } from '../host/index.js'
import type { PeerId, Stream } from '@libp2p/interface'
import { BoundedMap } from '../../protocol/util/index.js'

/** This node's own holder, when it has the role: requests to itself go there instead of the network. */
export interface LocalHolder {
  serveLocal(request: SsssRequest): Promise<SsssResponse>
}

/**
 * Streams write the protocol id together with the request instead of waiting
 * for the remote to confirm it first (a round trip less); a holder that does
 * not speak it fails the read as it would have failed the negotiation.
 */
const STREAM_OPTIONS = { negotiateFully: false }

/**
 * Opens a stream to `peer`, finding it again through the DHT when it moved
 * (see openStreamFindingMovedPeer).
 */
export async function dialSsss (host: Host, peer: PeerId, signal: AbortSignal, protocol = SSSS_PROTOCOL): Promise<Stream> {
  // a channel negotiates in full, once: a holder without it then fails the dial, and the requester falls back to one-shot streams
  const options = protocol === SSSS_PROTOCOL ? STREAM_OPTIONS : {}
  return await openStreamFindingMovedPeer(host, peer, protocol, { signal, ...options })
}

/** A one-shot /escrin/ssss/1 stream's messages, each within its bound (both ends). */
export function ssssMessages (stream: Stream): LengthPrefixed {
  return lengthPrefixed(stream, { maxDataLength: MAX_SSSS_MESSAGE_BYTES })
}

/** A share request channel's frames (a message and its call id), each within its bound (both ends). */
export function ssssFrames (stream: Stream): LengthPrefixed {
  // calls are pipelined (a runner's releases for many jobs at once; the holder serves 16 at a time): room for thousands
  return lengthPrefixed(stream, { maxDataLength: MAX_SSSS_FRAME_BYTES, maxBufferSize: 1024 * 1024 })
}

/** What a requester does to a holder that answers with bytes that do not decode or overflow their bound. */
export type Penalise = (peer: PeerId, action: PeerAction, reason: string) => void

/** One /escrin/ssss/1 exchange: a request, its response, bounded in size and time; a malformed response costs the holder (`penalise`). */
export async function ssssCall (host: Host, peer: PeerId, request: SsssRequest, timeoutMs: number, local?: LocalHolder, penalise?: Penalise): Promise<SsssResponse> {
  if (peer.equals(host.peerId)) {
    if (local == null) throw new Error('this node holds no shares (it does not serve the ssss role)')
    return await local.serveLocal(request)
  }
  return await underDeadline(timeoutMs, async signal => {
    let stream = await dialSsss(host, peer, signal)
    try {
      let lp = ssssMessages(stream)
      try {
        await lp.write(encodeSsssRequest(request), { signal })
      } catch (err) {
        // the stream died with its connection before the request went out: nothing was sent, retry once
        if (!isClosedConnection(err)) throw err
        stream = await dialSsss(host, peer, signal)
        lp = ssssMessages(stream)
        await lp.write(encodeSsssRequest(request), { signal })
      }
      let response: SsssResponse
      try {
        response = decodeSsssResponse((await lp.read({ signal })).subarray())
      } catch (err) {
        if (err instanceof WireError || isOversizeFrame(err)) penalise?.(peer, PeerAction.MalformedMessage, `ssss: the holder's response: ${(err as Error).message}`)
        throw err
      }
      await stream.close({ signal }).catch(() => {})
      return response
    } catch (err) {
      stream.abort(err as Error)
      throw err
    }
  })
}

/** A stream that died after it was opened (connection reset or closed under it), as opposed to a dial that failed or a deadline. */
export function isLostStream (err: unknown): boolean {
  const text = `${(err as Error)?.name} ${(err as Error)?.message}`
  return !/Timeout|Abort/.test((err as Error)?.name ?? '') && /reset|Unexpected EOF|StreamStateError|stream that is clos|ConnectionClosed|StreamReset|ChannelClosed/i.test(text)
}

/**
 * ssssCall for requests a holder may safely see twice (a deal of the same
 * spec, a COMMIT, a DELETE): when the stream is lost under the request,
 * sends it once more on a fresh stream.
 */
export async function ssssCallIdempotent (host: Host, peer: PeerId, request: SsssRequest, timeoutMs: number, local?: LocalHolder, penalise?: Penalise): Promise<SsssResponse> {
  try {
    return await ssssCall(host, peer, request, timeoutMs, local, penalise)
  } catch (err) {
    if (!isLostStream(err)) throw err
    return await ssssCall(host, peer, request, timeoutMs, local, penalise)
  }
}

/** A requester closes a share request channel after this long without a call (the holder waits longer, HolderService's CHANNEL_IDLE_MS). */
export const CHANNEL_IDLE_MS = 20_000
/** Channels one requester keeps open at most (one per holder); the least recently used closes first. */
const MAX_CHANNELS = 256
/** A holder that does not speak SSSS_GET_PROTOCOL is asked on one-shot streams for this long before a channel is tried again. */
const NO_CHANNEL_MS = 10 * 60_000

export interface SsssChannelsInit {
  /** Close a channel after this long without a call (default CHANNEL_IDLE_MS). */
  idleMs?: number
  /** A closed channel's stream is reset if the holder has not closed its end within this (default CHANNEL_CLOSE_MS). */
  closeMs?: number
}

/** A channel ended (closed, reset, idle, or failed): its calls in flight fail with this; a new call opens a new channel. */
export class ChannelClosedError extends Error {
  override readonly name = 'ChannelClosedError'
}

/**
 * A requester's share request channels, one long-lived stream per holder
 * (SSSS_GET_PROTOCOL): a key release then costs a frame each way per holder
 * rather than a new stream (muxer and multistream-select work at both ends,
 * peer store and logger updates), which is most of a request's cost on a
 * fast network. Calls on one channel run concurrently, matched by id. Every
 * call has a deadline; a call that misses it, a reply that does not decode
 * or names no call in flight, or a lost stream ends the channel (the calls
 * in flight fail; a release asks them again on a fresh one). Idle channels
 * close. Holders that do not speak the protocol get one-shot streams.
 */
export class SsssChannels {
  private readonly channels = new Map<string, Promise<Channel>>()
  private readonly oneShot = new BoundedMap<string, number>(MAX_CHANNELS)
  private stopped = false

  private readonly idleMs: number
  private readonly closeMs: number

  constructor (private readonly host: Host, private readonly penalise: (peer: PeerId, action: PeerAction, reason: string) => void, init: SsssChannelsInit = {}) {
    this.idleMs = init.idleMs ?? CHANNEL_IDLE_MS
    this.closeMs = init.closeMs ?? CHANNEL_CLOSE_MS
  }

  /** Share request channels open now, by holder (for tests and operators). */
  get size (): number {
    return this.channels.size
  }

  /**
   * One share request to `peer`, within `timeoutMs` (the channel's opening
   * included). `knownSpec`, a spec this requester verified, is named in the
   * call: a share of it comes back without the spec, and the response carries
   * this copy.
   */
  async get (peer: PeerId, request: ShareRequest, timeoutMs: number, local?: LocalHolder, knownSpec?: SecretSpec): Promise<SsssResponse> {
    const id = peer.toString()
    if (this.stopped || peer.equals(this.host.peerId) || Date.now() - (this.oneShot.get(id) ?? -Infinity) < NO_CHANNEL_MS) {
      return await ssssCall(this.host, peer, { get: request }, timeoutMs, local, this.penalise)
    }
    const { signal, clear } = deadline(timeoutMs)
    try {
      let channel: Channel
      try {
        channel = await this.channel(peer, signal)
      } catch (err) {
        if (!/UnsupportedProtocol/.test(`${(err as Error).name}`)) throw err
        this.oneShot.set(id, Date.now())
        return await ssssCall(this.host, peer, { get: request }, timeoutMs, local, this.penalise)
      }
      return await channel.call(request, signal, knownSpec)
    } finally {
      clear()
    }
  }

  /** Closes every channel; later requests use one-shot streams. Safe to call twice. */
  close (): void {
    this.stopped = true
    for (const pending of this.channels.values()) void pending.then(c => { c.close() }, () => {})
    this.channels.clear()
  }

  private async channel (peer: PeerId, signal: AbortSignal): Promise<Channel> {
    const id = peer.toString()
    let pending = this.channels.get(id)
    if (pending != null) {
      const open = await pending.catch(() => undefined)
      if (open != null && !open.closed) {
        // most recently used last
        this.channels.delete(id)
        this.channels.set(id, pending)
        return open
      }
      if (this.channels.get(id) === pending) this.channels.delete(id)
    }
    // concurrent calls to one holder share the dial
    pending = this.channels.get(id)
    if (pending == null) {
      const opening = dialSsss(this.host, peer, signal, SSSS_GET_PROTOCOL).then(stream => new Channel(stream, peer, { idleMs: this.idleMs, closeMs: this.closeMs }, this.penalise, () => {
        if (this.channels.get(id) === opening) this.channels.delete(id)
      }))
      pending = opening
      void opening.catch(() => { if (this.channels.get(id) === opening) this.channels.delete(id) })
      if (this.channels.size >= MAX_CHANNELS) {
        const [oldest, channel] = this.channels.entries().next().value as [string, Promise<Channel>]
        this.channels.delete(oldest)
        void channel.then(c => { c.close() }, () => {})
      }
      this.channels.set(id, opening)
      if (this.stopped) void opening.then(c => { c.close() }, () => {})
    }
    return await pending
  }
}

/** One open channel to one holder: calls in flight by id, a reader for the replies, an idle timer. */
class Channel {
  closed = false
  private readonly lp
  private readonly calls = new Map<number, Call>()
  private nextId = 0
  private idle: ReturnType<typeof setTimeout> | undefined
  /** Set once the channel closes gracefully: resets the stream unless the holder closes its end first. */
  private lingering: ReturnType<typeof setTimeout> | undefined

  constructor (private readonly stream: Stream, private readonly peer: PeerId, private readonly timing: { idleMs: number, closeMs: number }, private readonly penalise: (peer: PeerId, action: PeerAction, reason: string) => void, private readonly onClose: () => void) {
    this.lp = ssssFrames(stream)
    this.armIdle()
    void this.read()
  }

  async call (request: ShareRequest, signal: AbortSignal, knownSpec?: SecretSpec): Promise<SsssResponse> {
    if (this.closed) throw new ChannelClosedError('the share request channel closed')
    signal.throwIfAborted()
    clearTimeout(this.idle)
    this.nextId = this.nextId >= 0xffff_ffff ? 1 : this.nextId + 1
    const id = this.nextId
    const call: Call = { ...deferred(), knownSpec }
    // (rejected by close() while the write is still pending, it must not count as unhandled)
    call.promise.catch(() => {})
    this.calls.set(id, call)
    // a holder that misses a deadline may be stuck: the channel goes with the call (the others on it are asked again on a fresh one)
    const onAbort = (): void => {
      call.reject(signal.reason as Error)
      this.close(new ChannelClosedError('a call on the channel missed its deadline'))
    }
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      await this.lp.write(encodeSsssCall(id, { get: request }, knownSpec?.signature), { signal })
      return await call.promise
    } catch (err) {
      this.close(new ChannelClosedError(`the share request channel failed: ${(err as Error).message}`))
      throw err
    } finally {
      signal.removeEventListener('abort', onAbort)
      this.calls.delete(id)
      if (this.calls.size === 0) this.armIdle()
    }
  }

  /** Ends the channel: calls in flight fail with `err` (a ChannelClosedError when none is given). Idempotent. */
  close (err?: Error): void {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.idle)
    const reason = err ?? new ChannelClosedError('the share request channel closed')
    for (const call of this.calls.values()) call.reject(reason)
    this.calls.clear()
    if (err == null) {
      // our end closes; the holder closes its own in turn, which ends the reader. One that never does would
      // keep the stream, and the reader's pending read, for as long as the connection lasts
      void this.stream.close({ signal: AbortSignal.timeout(this.timing.closeMs) }).catch(e => { this.stream.abort(e as Error) })
      this.lingering = setTimeout(() => { this.stream.abort(new ChannelClosedError('the holder did not close its end of the channel')) }, this.timing.closeMs)
      this.lingering.unref?.()
    } else {
      this.stream.abort(err)
    }
    this.onClose()
  }

  private armIdle (): void {
    if (this.closed) return
    clearTimeout(this.idle)
    this.idle = setTimeout(() => { this.close() }, this.timing.idleMs)
  }

  /** Replies, until the stream ends; each must answer a call in flight. */
  private async read (): Promise<void> {
    try {
      while (!this.closed) {
        // no deadline of its own: every call in flight has one, and an idle channel closes
        const { id, response } = decodeSsssReply((await this.lp.read()).subarray())
        const call = this.calls.get(id)
        if (call == null) {
          this.penalise(this.peer, PeerAction.ProtocolViolation, 'ssss: a reply to no call in flight')
          this.close(new ChannelClosedError('a reply to no call in flight'))
          return
        }
        this.calls.delete(id)
        if (!('knownSpecShare' in response)) {
          call.resolve(response)
        } else if (call.knownSpec != null) {
          call.resolve({ share: { spec: call.knownSpec, share: response.knownSpecShare } })
        } else {
          const err = new ChannelClosedError('a share without its spec to a call that named none')
          this.penalise(this.peer, PeerAction.ProtocolViolation, `ssss: ${err.message}`)
          call.reject(err)
          this.close(err)
          return
        }
      }
    } catch (err) {
      if (this.closed) return
      if (err instanceof WireError || isOversizeFrame(err)) {
        this.penalise(this.peer, PeerAction.MalformedMessage, `ssss: ${(err as Error).message}`)
      }
      // lost under the calls in flight: they fail as a lost stream does, and are asked again on a fresh channel
      this.close(new ChannelClosedError(`the share request channel ended: ${(err as Error).message}`))
    } finally {
      // the stream ended (the holder closed its end, or it was reset): nothing lingers
      clearTimeout(this.lingering)
    }
  }
}

/** How long closing an idle channel may take before it is aborted. */
const CHANNEL_CLOSE_MS = 5_000

interface Deferred { promise: Promise<SsssResponse>, resolve: (response: SsssResponse) => void, reject: (err: Error) => void }
/** A call in flight, and the spec it named (a share of that spec comes back without it). */
interface Call extends Deferred { knownSpec?: SecretSpec }

function deferred (): Deferred {
  let resolve!: Deferred['resolve']
  let reject!: Deferred['reject']
  const promise = new Promise<SsssResponse>((res, rej) => { resolve = res; reject = rej })
  return { promise, resolve, reject }
}
