import { isClosedConnection, openStream } from './open-stream.js'
import type { Host } from './create-host.js'
import type { PeerId, Stream } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

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
 * Opens a stream to `peer` (openStream). When the dial fails because the
 * addresses in the peer store are stale (a peer that restarted on a new
 * port; this node was not connected to it, so nothing told it), looks the
 * peer up again through the peer routing (the DHT) and dials once more, at
 * the addresses it found. The first error is the one reported if that fails
 * too. Used for every request a node sends to a chosen peer: SSSS shares,
 * blobs, jobs.
 */
export async function openStreamFindingMovedPeer (host: Host, peer: PeerId, protocol: string, options: { signal: AbortSignal, negotiateFully?: boolean }): Promise<Stream> {
  const { signal } = options
  try {
    return await openStream(host, peer, protocol, options)
  } catch (err) {
    if (signal.aborted || isClosedConnection(err) || NOT_ADDRESS_FAILURES.test(`${(err as Error).name}`)) throw err
    let found: Multiaddr[]
    try {
      found = await lookUp(host, peer, signal)
    } catch {
      throw err
    }
    if (found.length === 0) throw err
    return await host.dialProtocol(found.map(a => bare(a) === a.toString() ? a.encapsulate(`/p2p/${peer.toString()}`) : a), protocol, options)
  }
}
