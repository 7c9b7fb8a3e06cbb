import type { KadDHT } from '@libp2p/kad-dht'
import type { PeerId } from '@libp2p/interface'

/** A routing-table contact, as kad-dht's k-bucket hands it to its verify callback. */
interface Contact {
  peerId: PeerId
}

type Verify = (contact: Contact, options?: unknown) => Promise<boolean>

/** The part of kad-dht 16's internals this module wraps; its public type leaves it out. */
interface KadDhtInternals {
  routingTable?: { kb?: { verify?: unknown } }
}

/**
 * Admits to kad-dht's routing table only peers this node is connected to.
 *
 * kad-dht adds every peer named in any DHT response to its routing table
 * while the peer's bucket has room, after a ping to check it is alive; and
 * the ping dials a peer the node is not connected to. Buckets split down to
 * six prefix bits, so in a network of a few hundred nodes there is nearly
 * always room: every node ends up dialling every peer it hears of (a noise
 * handshake, identify, Hello and gossipsub's subscriptions at both ends), and
 * the connection trimmer closes most of those connections again a little
 * later. Each newcomer is named in the answers to everyone's queries, so a
 * join made the whole network dial it at once (in the simulator's 100-node
 * runs, the overload that set a run's fate).
 *
 * go-libp2p-kad-dht admits a peer only when it has spoken to it (a query it
 * answered, or a connection that supports the DHT protocol). Here: a contact
 * the node is connected to is pinged over that connection as before; any
 * other contact is not admitted now. It is admitted when the node connects
 * to it, which any query that asks it does (kad-dht adds the peers of every
 * new connection that speaks the DHT protocol). Queries still reach every
 * peer they are told of; only the table is kept to peers known to answer.
 *
 * Returns false if kad-dht's internals changed and the wrapper could not be
 * installed (test/e2e/dht-contacts checks it is).
 */
export function admitConnectedContactsOnly (dht: KadDHT, isConnected: (peer: PeerId) => boolean): boolean {
  const kb = (dht as unknown as KadDhtInternals).routingTable?.kb
  if (kb == null || typeof kb.verify !== 'function') return false
  const verify = kb.verify as Verify
  kb.verify = async (contact: Contact, options?: unknown): Promise<boolean> => {
    if (!isConnected(contact.peerId)) return false
    return await verify(contact, options)
  }
  return true
}
