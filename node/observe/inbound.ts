import { EventEmitter } from 'node:events'

/**
 * What an app entrusted to this node: a job, a share, a blob. Emitted on
 * arrival, before this node's own checks, because the scope invariant is about
 * what reaches a peer, not about what it accepts. The simulator counts these
 * at every receiver and compares them with the scopes it knows to be true.
 */
export type InboundEvent =
  | { kind: 'job', from: string, policyId: string }
  | { kind: 'blob', from: string, policyId: string }
  /** A share dealt to this node as a holder: in scope of the custody policy (owner, name). */
  | { kind: 'share-deal', from: string, owner: string, name: string }
  /** A share released to this node as a runner: in scope of the app policy (owner, name). */
  | { kind: 'share-release', from: string, owner: string, name: string }

/** Typed `on('inbound', ...)` over node:events: cheap when nobody listens. */
export class InboundObserver extends EventEmitter<{ inbound: [InboundEvent] }> {
  emitInbound (event: InboundEvent): void {
    if (this.listenerCount('inbound') > 0) this.emit('inbound', event)
  }
}
