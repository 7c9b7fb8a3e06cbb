import { createHash } from 'node:crypto'
import type { RPC } from '@libp2p/gossipsub/message'

/**
 * Gossipsub's fast message id: a digest of a message's bytes as they came
 * off the wire (topic, origin, sequence number, payload, signature).
 *
 * Without one, gossipsub checks a message's signature before it looks the
 * message up in its seen-cache, so every copy a node receives (one from each
 * mesh peer, and one from the origin's flood publish) costs an Ed25519
 * verification, a peer id decoded and a message id built, only for all but the
 * first to be dropped as duplicates. In a 60-node network publishing policies that was
 * three quarters of the node's signature checks. With this id a copy whose
 * bytes match a message already accepted is a duplicate at the cost of one
 * hash. gossipsub records the id only after the signature check passed, so a
 * forged message cannot make the real one look like a duplicate, and only a
 * byte-identical copy (which any relay may send) matches it.
 */
export function gossipFastMessageId (msg: RPC.Message): string {
  const topic = Buffer.from(msg.topic)
  // lengths first, so that moving bytes from one field to the next changes the digest
  const lengths = Buffer.alloc(20)
  lengths.writeUInt32BE(topic.length, 0)
  lengths.writeUInt32BE(msg.from?.length ?? 0, 4)
  lengths.writeUInt32BE(msg.seqno?.length ?? 0, 8)
  lengths.writeUInt32BE(msg.data?.length ?? 0, 12)
  lengths.writeUInt32BE(msg.signature?.length ?? 0, 16)
  const hash = createHash('sha256').update(lengths).update(topic)
  for (const part of [msg.from, msg.seqno, msg.data, msg.signature]) if (part != null) hash.update(part)
  return hash.digest('base64')
}
