import { setTimeout as pause } from 'node:timers/promises'
import type { PeerId, Stream } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

export interface StreamDialer {
  dialProtocol(peer: PeerId | Multiaddr | Multiaddr[], protocol: string, options?: { signal?: AbortSignal, negotiateFully?: boolean }): Promise<Stream>
}

/** Attempts after the first when the connection turns out closed, and the pause before each (times the attempt). */
const CLOSED_RETRIES = 3
const CLOSED_RETRY_PAUSE_MS = 20

/**
 * A connection libp2p hands out can be one the peer has just closed: its
 * muxer already refuses new streams (ConnectionClosedError) while the
 * connection is still listed as open, until the close has made its way
 * through libp2p. A peer that penalised this node and hung up, or one of
 * two simultaneous connections being dropped, both look like that. Nothing
 * was sent on such a stream, so dialling again is safe; the pause lets the
 * dead connection leave the list, so the next dial makes a fresh one.
 */
export async function openStream (host: StreamDialer, peer: PeerId | Multiaddr | Multiaddr[], protocol: string, options: { signal: AbortSignal, negotiateFully?: boolean }): Promise<Stream> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await host.dialProtocol(peer, protocol, options)
    } catch (err) {
      if (attempt >= CLOSED_RETRIES || options.signal.aborted || !isClosedConnection(err)) throw err
      await pause(CLOSED_RETRY_PAUSE_MS * (attempt + 1), undefined, { signal: options.signal })
    }
  }
}

/** libp2p's errors for a stream or connection that closed before or while it was opened. */
export function isClosedConnection (err: unknown): boolean {
  return /StreamStateError|ConnectionClosedError|stream that is clos/.test(`${(err as Error)?.name} ${(err as Error)?.message}`)
}
