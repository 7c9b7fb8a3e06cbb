import assert from 'node:assert/strict'
import { gossipFastMessageId } from '../../node/host/gossip-message-id.js'
import type { RPC } from '@libp2p/gossipsub/message'

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values)

describe('gossip fast message id', () => {
  const message: RPC.Message = { topic: '/escrin/attestation/1', from: bytes(1, 2, 3), seqno: bytes(0, 0, 0, 7), data: bytes(9, 9, 9), signature: bytes(5, 6) }

  it('is the same for byte-identical copies', () => {
    const copy: RPC.Message = { topic: message.topic, from: message.from?.slice(), seqno: message.seqno?.slice(), data: message.data?.slice(), signature: message.signature?.slice() }
    assert.equal(gossipFastMessageId(copy), gossipFastMessageId(message))
  })

  it('differs when any field differs', () => {
    const id = gossipFastMessageId(message)
    const variants: RPC.Message[] = [
      { ...message, topic: '/escrin/policy/1' },
      { ...message, from: bytes(1, 2, 4) },
      { ...message, seqno: bytes(0, 0, 0, 8) },
      { ...message, data: bytes(9, 9, 8) },
      { ...message, signature: bytes(5, 7) },
      { ...message, signature: undefined }
    ]
    for (const variant of variants) assert.notEqual(gossipFastMessageId(variant), id, JSON.stringify(variant))
  })

  it('differs when bytes move from one field to the next', () => {
    const a: RPC.Message = { topic: 't', from: bytes(1, 2), seqno: bytes(3), data: bytes(4) }
    const b: RPC.Message = { topic: 't', from: bytes(1), seqno: bytes(2, 3), data: bytes(4) }
    assert.notEqual(gossipFastMessageId(a), gossipFastMessageId(b))
  })
})
