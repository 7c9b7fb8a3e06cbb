import assert from 'node:assert/strict'
import { lpStream } from '@libp2p/utils'
import { createBareHost } from '../../bench/lib/raw-host.js'
import { PeerAction } from '../../node/peer-score/index.js'
import { BlobPeerFault, RemoteBlobSink } from '../../node/storage/index.js'
import { BLOB_PROTOCOL, BLOB_WINDOW_CHUNKS, blobCidOf, decodeBlobFrame, decodeBlobRequest, encodeBlobResponse, MAX_BLOB_FRAME_BYTES, type BlobResponse } from '../../protocol/blob/index.js'
import { waitFor } from '../helpers/wait.js'
import type { Host } from '../../node/host/index.js'
import type { Stream } from '@libp2p/interface'

type BareHost = Awaited<ReturnType<typeof createBareHost>>

/** What the fake holder sends: after the header, and after each chunk it reads. */
interface Script { header: Uint8Array, perChunk: (n: number) => BlobResponse[] }

describe('a put to a holder that breaks the protocol (real libp2p hosts)', function () {
  this.timeout(60_000)
  let client: BareHost
  let holder: BareHost
  let script: Script
  const served: Stream[] = []

  before(async () => {
    client = await createBareHost()
    holder = await createBareHost()
    await holder.handle(BLOB_PROTOCOL, async stream => {
      served.push(stream)
      const lp = lpStream(stream, { maxDataLength: MAX_BLOB_FRAME_BYTES })
      try {
        decodeBlobRequest((await lp.read()).subarray())
        await lp.write(script.header)
        for (let n = 1; ; n++) {
          if ('end' in decodeBlobFrame(await lp.read())) return
          for (const response of script.perChunk(n)) await lp.write(encodeBlobResponse(response))
        }
      } catch {}
    })
    await client.dial(holder.getMultiaddrs()[0])
  })

  after(async () => { await Promise.allSettled([client?.stop(), holder?.stop()]) })

  const sink = (): RemoteBlobSink => new RemoteBlobSink(client as unknown as Host, holder.peerId, { policyId: 'ab'.repeat(32), size: 1_000_000, replicas: [] })
  const fault = (action: PeerAction) => (err: unknown): boolean => err instanceof BlobPeerFault && err.action === action && err.retryable

  it('a header reply that does not decode: a fault to penalise as malformed, and the stream is not left open', async () => {
    script = { header: Uint8Array.of(0xff, 0xff), perChunk: () => [] }
    const before = served.length
    await assert.rejects(sink().open(), fault(PeerAction.MalformedMessage))
    const ours = client.getConnections(holder.peerId).flatMap(c => c.streams).filter(s => s.protocol === BLOB_PROTOCOL)
    await waitFor(() => served.length > before && ours.every(s => s.status !== 'open' && s.status !== 'closing'), { timeoutMs: 5_000, describe: () => ours.map(s => s.status).join() })
  })

  it('an acknowledgement of a chunk never sent ends the put as a protocol violation', async () => {
    script = { header: encodeBlobResponse({ ready: true }), perChunk: () => [{ ok: true }, { ok: true }] }
    const put = sink()
    assert.equal(await put.open(), 'ready')
    await put.write(new Uint8Array(10))
    await assert.rejects(put.end(blobCidOf(new Uint8Array(10))), fault(PeerAction.ProtocolViolation))
  })

  it('a verdict before the end ends the put as a protocol violation (it cannot keep the sender waiting)', async () => {
    script = { header: encodeBlobResponse({ ready: true }), perChunk: () => [{ stored: blobCidOf(new Uint8Array(10)) }] }
    const put = sink()
    assert.equal(await put.open(), 'ready')
    // the sender reads acknowledgements once a window of chunks is in flight
    await assert.rejects((async () => { for (let i = 0; i <= BLOB_WINDOW_CHUNKS; i++) await put.write(new Uint8Array(10)) })(), fault(PeerAction.ProtocolViolation))
  })
})
