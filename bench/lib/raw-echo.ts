import { lpStream } from '@libp2p/utils'
import type { Libp2p } from '@libp2p/interface'

/** A length-prefixed echo, one message per stream: the raw request/response round trip. */
export const RAW_PROTOCOL = '/bench/rr/1'
/** The same echo, any number of messages on one stream, until it closes. */
export const RAW_OPEN_PROTOCOL = '/bench/rr-open/1'

/** Makes a raw host answer both echo protocols (bench/key-release's baselines). */
export async function serveRaw (host: Libp2p): Promise<void> {
  await host.handle(RAW_PROTOCOL, async stream => {
    const lp = lpStream(stream)
    await lp.write(await lp.read())
    await stream.close()
  })
  await host.handle(RAW_OPEN_PROTOCOL, async stream => {
    const lp = lpStream(stream)
    try {
      while (true) await lp.write(await lp.read())
    } catch {
      stream.abort(new Error('echo ended'))
    }
  })
}
