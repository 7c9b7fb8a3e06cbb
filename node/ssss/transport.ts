import { lpStream } from '@libp2p/utils'
import { decodeSsssResponse, encodeSsssRequest, MAX_SSSS_MESSAGE_BYTES, SSSS_PROTOCOL, type SsssRequest, type SsssResponse } from '../../protocol/ssss/index.js'
import { isClosedStream } from '../jobs/index.js'
import type { Host } from '../host/index.js'
import type { PeerId } from '@libp2p/interface'

/** This node's own holder, when it has the role: requests to itself go there instead of the network. */
export interface LocalHolder {
  serveLocal(request: SsssRequest): Promise<SsssResponse>
}

/** One /escrin/ssss/1 exchange: a request, its response, bounded in size and time. */
export async function ssssCall (host: Host, peer: PeerId, request: SsssRequest, timeoutMs: number, local?: LocalHolder): Promise<SsssResponse> {
  if (peer.equals(host.peerId)) {
    if (local == null) throw new Error('this node holds no shares (it does not serve the ssss role)')
    return await local.serveLocal(request)
  }
  const signal = AbortSignal.timeout(timeoutMs)
  let stream = await host.dialProtocol(peer, SSSS_PROTOCOL, { signal })
  try {
    let lp = lpStream(stream, { maxDataLength: MAX_SSSS_MESSAGE_BYTES })
    try {
      await lp.write(encodeSsssRequest(request), { signal })
    } catch (err) {
      // the stream died with its connection before the request went out: nothing was sent, retry once
      if (!isClosedStream(err)) throw err
      stream = await host.dialProtocol(peer, SSSS_PROTOCOL, { signal })
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
