import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { lpStream } from '@libp2p/utils'
import { createBareHost } from '../../bench/lib/raw-host.js'
import { applyYamuxWindowHysteresis } from '../../node/host/yamux-window-updates.js'
import type { Libp2p } from 'libp2p'

const PROTOCOL = '/escrin-test/window/1'
/** Yamux frame type of a window update (spec: 0 data, 1 window update, 2 ping, 3 go away). */
const WINDOW_UPDATE = 1

/**
 * Two plain libp2p hosts over TCP loopback with escrin's yamux window
 * hysteresis: many small messages cost no window update each, and a bulk
 * transfer far larger than the window still completes intact.
 */
describe('yamux window updates with hysteresis', function () {
  this.timeout(60_000)
  let a: Libp2p
  let b: Libp2p
  let updates = 0

  before(async () => {
    assert.equal(applyYamuxWindowHysteresis(), true, 'the yamux version in use has the shape the patch expects')
    a = await createBareHost()
    b = await createBareHost()
    // b reads length-prefixed messages and answers with the count and a digest of what it got
    await b.handle(PROTOCOL, async (stream) => {
      // the receiving side's frames: yamux gives each stream its muxer's sendFrame(header, data)
      const yamuxStream = stream as unknown as { sendFrame: (header: { type: number }, data?: unknown) => unknown }
      const sendFrame = yamuxStream.sendFrame
      yamuxStream.sendFrame = (header, data) => {
        if (header.type === WINDOW_UPDATE) updates++
        return sendFrame(header, data)
      }
      const lp = lpStream(stream, { maxDataLength: 1 << 20 })
      const hash = createHash('sha256')
      let count = 0
      while (true) {
        const message = (await lp.read()).subarray()
        if (message.byteLength === 0) break
        hash.update(message)
        count++
      }
      await lp.write(new TextEncoder().encode(`${count} ${hash.digest('hex')}`))
      await stream.close()
    })
  })

  after(async () => {
    await a?.stop()
    await b?.stop()
  })

  async function send (messages: Uint8Array[]): Promise<{ reply: string, expected: string }> {
    const stream = await a.dialProtocol(b.getMultiaddrs()[0], PROTOCOL)
    const lp = lpStream(stream, { maxDataLength: 1 << 20 })
    const hash = createHash('sha256')
    for (const m of messages) {
      hash.update(m)
      await lp.write(m)
    }
    await lp.write(new Uint8Array(0))
    const reply = new TextDecoder().decode((await lp.read()).subarray())
    await stream.close()
    return { reply, expected: `${messages.length} ${hash.digest('hex')}` }
  }

  it('sends no window update per small message', async () => {
    await send([Uint8Array.of(1)]) // connection and first stream set up outside the count
    updates = 0
    const messages = Array.from({ length: 500 }, (_, i) => new Uint8Array(100).fill(i % 251))
    const { reply, expected } = await send(messages)
    assert.equal(reply, expected)
    // 50 KB, under half of the 256 KiB window: only the stream's ACK may carry an update
    assert.ok(updates <= 2, `${updates} window updates for 500 small messages`)
  })

  it('moves 16 MiB, far beyond one window, without stalling or corruption', async () => {
    const chunk = new Uint8Array(64 * 1024)
    const messages = Array.from({ length: 256 }, (_, i) => chunk.map((_, j) => (i * 31 + j) & 0xff))
    const { reply, expected } = await send(messages)
    assert.equal(reply, expected)
  })
})
