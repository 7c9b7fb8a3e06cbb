import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { MemoryDatastore } from 'datastore-core'
import { Key } from 'interface-datastore'
import { createHost, type Host } from '../../node/host/index.js'
import type { PeerId } from '@libp2p/interface'

/** A datastore that counts writes of peer records: each merge the store really makes is one. */
class CountingDatastore extends MemoryDatastore {
  peerWrites = 0
  override async put (key: Key, value: Uint8Array): Promise<Key> {
    if (key.toString().startsWith('/peers/')) this.peerWrites++
    return await super.put(key, value)
  }
}

/**
 * A real libp2p host's peer store behind the redundant-merge filter that
 * createHost installs: merges of what a record already has are not written,
 * anything new is, and what the store holds is what it would hold anyway.
 */
describe('redundant peer-store merges', () => {
  let host: Host
  let datastore: CountingDatastore
  let peer: PeerId

  beforeEach(async () => {
    datastore = new CountingDatastore()
    host = await createHost({ privateKey: await generateKeyPair('Ed25519'), listen: [], maxConnections: 10, datastore, allowPrivateAddresses: true, isDenied: () => false, appScore: () => 0 })
    await host.start()
    peer = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
  })

  afterEach(async () => {
    await host.stop()
  })

  const writes = async (fn: () => Promise<unknown>): Promise<number> => {
    const before = datastore.peerWrites
    await fn()
    return datastore.peerWrites - before
  }

  it('writes a protocol or an address once, and again only what is new', async () => {
    const a = multiaddr('/ip4/127.0.0.1/tcp/4001')
    const b = multiaddr('/ip4/127.0.0.1/tcp/4002')
    assert.equal(await writes(async () => await host.peerStore.merge(peer, { protocols: ['/p/1'] })), 1)
    assert.equal(await writes(async () => await host.peerStore.merge(peer, { protocols: ['/p/1'] })), 0)
    assert.equal(await writes(async () => await host.peerStore.merge(peer, { multiaddrs: [a] })), 1)
    assert.equal(await writes(async () => await host.peerStore.merge(peer, { multiaddrs: [a], protocols: ['/p/1'] })), 0)
    assert.equal(await writes(async () => await host.peerStore.merge(peer, { protocols: ['/p/2'] })), 1)
    assert.equal(await writes(async () => await host.peerStore.merge(peer, { multiaddrs: [b] })), 1)
    // other kinds of data always go to the store
    assert.equal(await writes(async () => await host.peerStore.merge(peer, { metadata: { k: new Uint8Array([1]) } })), 1)
    const stored = await host.peerStore.get(peer)
    assert.deepEqual(stored.protocols.slice().sort(), ['/p/1', '/p/2'])
    assert.deepEqual(stored.addresses.map(x => x.multiaddr.toString()).sort(), [a.toString(), b.toString()])
  })

  it('writes again what a later change removed from the record, and after a delete', async () => {
    await host.peerStore.merge(peer, { protocols: ['/p/1', '/p/2'] })
    // identify replaces the protocol list: /p/1 is gone from the record
    await host.peerStore.patch(peer, { protocols: ['/p/2'] })
    assert.equal(await writes(async () => await host.peerStore.merge(peer, { protocols: ['/p/1'] })), 1)
    assert.ok((await host.peerStore.get(peer)).protocols.includes('/p/1'))
    await host.peerStore.delete(peer)
    assert.equal(await writes(async () => await host.peerStore.merge(peer, { protocols: ['/p/1'] })), 1)
    assert.ok((await host.peerStore.get(peer)).protocols.includes('/p/1'))
  })
})
