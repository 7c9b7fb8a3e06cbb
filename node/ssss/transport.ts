import { lpStream } from '@libp2p/utils'
import { decodeSsssResponse, encodeSsssRequest, MAX_SSSS_MESSAGE_BYTES, SSSS_PROTOCOL, type SsssRequest, type SsssResponse } from '../../protocol/ssss/index.js'
import { isClosedStream } from '../jobs/index.js'
import type { Host } from '../host/index.js'
import type { PeerId, Stream } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

/** This node's own holder, when it has the role: requests to itself go there instead of the network. */
export interface LocalHolder {
  serveLocal(request: SsssRequest): Promise<SsssResponse>
}

/** Dial failures a fresh lookup cannot mend: an unsupported protocol, our own gater, the caller's deadline, a stopped host. */
const NOT_ADDRESS_FAILURES = /UnsupportedProtocol|DialDenied|Abort|Timeout|NotStarted/

/** Lookups in flight, per host and peer: concurrent requests to one moved peer share one DHT query. */
const lookups = new WeakMap<Host, Map<string, Promise<Multiaddr[]>>>()

/**
 * Addresses of `peer` that the peer routing knows and this node did not:
 * the DHT query runs until an answer brings one (peers that also knew only
 * the stale address answer first as often as not), bypassing the local peer
 * store, whose addresses just failed.
 */
async function newAddresses (host: Host, peer: PeerId, signal: AbortSignal): Promise<Multiaddr[]> {
  const known = new Set((await host.peerStore.get(peer).catch(() => undefined))?.addresses.map(a => bare(a.multiaddr)) ?? [])
  const fresh = (addrs: Multiaddr[]): Multiaddr[] => addrs.filter(a => !known.has(bare(a)))
  const dht = host.services.dht
  if (dht == null) return fresh((await host.peerRouting.findPeer(peer, { signal, useCache: false })).multiaddrs)
  for await (const event of dht.findPeer(peer, { signal, useCache: false })) {
    // every entry for the peer in every answer: FINAL_PEER carries only the first entry of one answer
    const entries = event.name === 'PEER_RESPONSE' ? event.closer.filter(p => p.id.equals(peer)) : event.name === 'FINAL_PEER' ? [event.peer] : []
    const found = [...new Map(fresh(entries.flatMap(e => e.multiaddrs)).map(a => [bare(a), a])).values()]
    if (found.length > 0) {
      await host.peerStore.merge(peer, { multiaddrs: found }).catch(() => {})
      return found
    }
  }
  return []
}

function bare (ma: Multiaddr): string {
  return ma.toString().replace(/\/p2p\/[^/]+$/, '')
}

async function lookUp (host: Host, peer: PeerId, signal: AbortSignal): Promise<Multiaddr[]> {
  let pending = lookups.get(host)
  if (pending == null) lookups.set(host, pending = new Map())
  const id = peer.toString()
  let lookup = pending.get(id)
  if (lookup == null) {
    const mine = newAddresses(host, peer, signal)
    lookup = mine
    pending.set(id, mine)
    void mine.catch(() => {}).finally(() => { if (pending?.get(id) === mine) pending.delete(id) })
  }
  return await lookup
}

/**
 * Streams write the protocol id together with the request instead of waiting
 * for the remote to confirm it first (a round trip less); a holder that does
 * not speak it fails the read as it would have failed the negotiation.
 */
const STREAM_OPTIONS = { negotiateFully: false }

/**
 * Opens a stream to `peer`. When the dial fails (a holder restarted on a new
 * port leaves only stale addresses in the peer store), looks the peer up
 * again through the peer routing (the DHT) and dials once more, at the
 * addresses it found. The first error is the one reported if that fails too.
 */
export async function dialSsss (host: Host, peer: PeerId, signal: AbortSignal): Promise<Stream> {
  try {
    return await host.dialProtocol(peer, SSSS_PROTOCOL, { signal, ...STREAM_OPTIONS })
  } catch (err) {
    if (signal.aborted || NOT_ADDRESS_FAILURES.test(`${(err as Error).name}`)) throw err
    let found: Multiaddr[]
    try {
      found = await lookUp(host, peer, signal)
    } catch {
      throw err
    }
    if (found.length === 0) throw err
    return await host.dialProtocol(found.map(a => bare(a) === a.toString() ? a.encapsulate(`/p2p/${peer.toString()}`) : a), SSSS_PROTOCOL, { signal, ...STREAM_OPTIONS })
  }
}

/** One /escrin/ssss/1 exchange: a request, its response, bounded in size and time. */
export async function ssssCall (host: Host, peer: PeerId, request: SsssRequest, timeoutMs: number, local?: LocalHolder): Promise<SsssResponse> {
  if (peer.equals(host.peerId)) {
    if (local == null) throw new Error('this node holds no shares (it does not serve the ssss role)')
    return await local.serveLocal(request)
  }
  const signal = AbortSignal.timeout(timeoutMs)
  let stream = await dialSsss(host, peer, signal)
  try {
    let lp = lpStream(stream, { maxDataLength: MAX_SSSS_MESSAGE_BYTES })
    try {
      await lp.write(encodeSsssRequest(request), { signal })
    } catch (err) {
      // the stream died with its connection before the request went out: nothing was sent, retry once
      if (!isClosedStream(err)) throw err
      stream = await dialSsss(host, peer, signal)
      lp = lpStream(stream, { maxDataLength: MAX_SSSS_MESSAGE_BYTES })
      await lp.write(encodeSsssRequest(request), { signal })
    }
    const response = decodeSsssResponse((await lp.read({ signal })).subarray())
    await stream.close({ signal }).catch(() => {})
    return response
  } catch (err) {
    stream.abort(err as Error)
    throw err
  }
}

/** A stream that died after it was opened (connection reset or closed under it), as opposed to a dial that failed or a deadline. */
export function isLostStream (err: unknown): boolean {
  const text = `${(err as Error)?.name} ${(err as Error)?.message}`
  return !/Timeout|Abort/.test((err as Error)?.name ?? '') && /reset|Unexpected EOF|StreamStateError|stream that is clos|ConnectionClosed|StreamReset/i.test(text)
}

/**
 * ssssCall for requests a holder may safely see twice (a deal of the same
 * spec, a COMMIT, a DELETE): when the stream is lost under the request,
 * sends it once more on a fresh stream.
 */
export async function ssssCallIdempotent (host: Host, peer: PeerId, request: SsssRequest, timeoutMs: number, local?: LocalHolder): Promise<SsssResponse> {
  try {
    return await ssssCall(host, peer, request, timeoutMs, local)
  } catch (err) {
    if (!isLostStream(err)) throw err
    return await ssssCall(host, peer, request, timeoutMs, local)
  }
}
