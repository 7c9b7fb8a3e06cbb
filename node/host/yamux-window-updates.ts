import { StreamState, YamuxStream } from '@chainsafe/libp2p-yamux/stream'

/**
 * Yamux window updates with hysteresis.
 *
 * @chainsafe/libp2p-yamux 8.0.1 answers every data frame it receives with a
 * window update that returns the credit at once. Each update is a frame of its
 * own, so a Noise message and a socket write of its own: in a profile of a
 * 60-node simulation these updates were 5% of all CPU, more than gossipsub.
 * Other yamux implementations (go-yamux, rust-yamux) return credit once half
 * the receive window has been consumed, which is what this does: the sender
 * always keeps at least half a window of credit, so it never stalls, and a
 * request of a few hundred bytes no longer costs a frame back.
 *
 * Updates that carry a flag (the SYN or ACK of a new stream) and the ones
 * that resume a paused stream go out as before; only the plain "I consumed
 * some bytes" update waits. Applied once, by the host module, when the
 * library has the shape this was written against; otherwise the library's
 * own behaviour stays.
 */
interface StreamWindow {
  state: StreamState
  recvWindow: number
  recvWindowCapacity: number
  sendWindowUpdate: () => void
}

const PATCHED = Symbol.for('escrin.yamux-window-hysteresis')

export function applyYamuxWindowHysteresis (): boolean {
  const proto = YamuxStream.prototype as unknown as StreamWindow & { [PATCHED]?: true }
  if (proto[PATCHED] === true) return true
  const original = proto.sendWindowUpdate
  if (typeof original !== 'function' || StreamState?.Established == null) return false
  proto.sendWindowUpdate = function (this: StreamWindow) {
    const consumed = this.recvWindow - this.recvWindowCapacity
    if (this.state === StreamState.Established && consumed < this.recvWindow / 2) return
    original.call(this)
  }
  proto[PATCHED] = true
  return true
}
