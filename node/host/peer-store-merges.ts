import type { Peer, PeerData, PeerId, PeerStore } from '@libp2p/interface'

/** A skipped merge is one that would change nothing but the record's last-update time; a record is merged in full again after this. */
export const PEER_RECORD_REFRESH_MS = 5 * 60_000
/** Peers whose last seen record is kept; least recently seen dropped first. */
export const PEER_RECORDS_KEPT = 4096

interface Seen { peer: Peer, protocols: Set<string>, addrs: Set<string>, at: number }

export interface RedundantMergeInit {
  refreshMs?: number
  maxPeers?: number
  now?: () => number
}

/** What a merge asks for, when it is only protocols and addresses (the two kinds libp2p and kad-dht merge over and over). */
function protocolsAndAddrs (data: PeerData): { protocols: string[], addrs: string[] } | undefined {
  for (const [key, value] of Object.entries(data)) {
    if (value != null && key !== 'protocols' && key !== 'multiaddrs') return undefined
  }
  return { protocols: data.protocols ?? [], addrs: (data.multiaddrs ?? []).map(ma => ma.toString()) }
}

/**
 * libp2p merges into its peer store on every stream (the stream's protocol,
 * at both ends), and kad-dht on every peer a response names (its addresses):
 * 15,000 merges in a 20-node formation, each taking the peer's write lock,
 * decoding its record, encoding it again and writing it back, nearly all of
 * them changing nothing but the record's last-update time (addresses keep
 * the time they were first observed). This skips a merge of protocols and
 * addresses the peer's record already has, as this node last saw it (every
 * change of a record is a peer:update event; a merge's own result counts when
 * no event came meanwhile), and merges in full a record last seen more than
 * refreshMs ago. Everything else goes to the store as it was.
 */
export function skipRedundantPeerStoreMerges (peerStore: PeerStore, events: EventTarget, init: RedundantMergeInit = {}): void {
  const refreshMs = init.refreshMs ?? PEER_RECORD_REFRESH_MS
  const maxPeers = init.maxPeers ?? PEER_RECORDS_KEPT
  const now = init.now ?? Date.now
  const seen = new Map<string, Seen>()
  /** Bumped on every change of a peer's record, so a merge's result is kept only when nothing changed the record meanwhile. */
  const changes = new Map<string, number>()

  const remember = (peer: Peer): void => {
    const id = peer.id.toString()
    seen.delete(id)
    if (seen.size >= maxPeers) {
      const oldest = seen.keys().next().value as string
      seen.delete(oldest)
      changes.delete(oldest)
    }
    seen.set(id, { peer, protocols: new Set(peer.protocols), addrs: new Set(peer.addresses.map(a => a.multiaddr.toString())), at: now() })
  }

  events.addEventListener('peer:update', (event) => {
    const { peer } = (event as CustomEvent<{ peer: Peer }>).detail
    const id = peer.id.toString()
    changes.set(id, (changes.get(id) ?? 0) + 1)
    remember(peer)
  })

  const merge = peerStore.merge.bind(peerStore)
  peerStore.merge = async (peerId: PeerId, data: PeerData, options?: Parameters<PeerStore['merge']>[2]): Promise<Peer> => {
    const id = peerId.toString()
    const asked = protocolsAndAddrs(data)
    const known = seen.get(id)
    if (asked != null && known != null && now() - known.at < refreshMs && asked.protocols.every(p => known.protocols.has(p)) && asked.addrs.every(a => known.addrs.has(a))) {
      return known.peer
    }
    const before = changes.get(id) ?? 0
    const peer = await merge(peerId, data, options)
    if ((changes.get(id) ?? 0) === before) remember(peer)
    return peer
  }

  const remove = peerStore.delete.bind(peerStore)
  peerStore.delete = async (peerId: PeerId, options?: Parameters<PeerStore['delete']>[1]): Promise<void> => {
    seen.delete(peerId.toString())
    changes.delete(peerId.toString())
    await remove(peerId, options)
  }
}
