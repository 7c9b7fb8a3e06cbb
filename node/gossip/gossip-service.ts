import { TopicValidatorResult, type GossipsubMessage } from '@libp2p/gossipsub'
import { GossipValidationError, parseTopic, stringifyTopic, type GossipTopic, type GossipTopicKind } from '../../protocol/gossip/index.js'
import { PeerAction } from '../peer-score/index.js'
import type { Host } from '../host/index.js'
import type { Logger } from '../log/index.js'
import type { NodeMetrics } from '../metrics/index.js'
import type { PeerId } from '@libp2p/interface'

/**
 * Validates and applies one message of a topic. Throws GossipValidationError
 * (IGNORE or REJECT) to refuse it; any other exception counts as IGNORE, since
 * a bug of ours must not penalise an honest peer.
 */
export type TopicHandler = (data: Uint8Array, from: PeerId) => Promise<void>

/** The part of gossipsub's class that its exported interface leaves out. */
interface ValidationReporter {
  reportMessageValidationResult(msgId: string, propagationSource: string, acceptance: TopicValidatorResult): void
}

export interface GossipComponents {
  host: Host
  logger: Logger
  penalise: (peer: PeerId, action: PeerAction, reason: string) => void
  metrics?: NodeMetrics
}

/**
 * The one place where gossip messages are validated: it routes each message to
 * its topic's handler and turns the outcome into gossipsub's verdict (accept,
 * ignore, reject) and, for REJECT, a peer-score penalty of the forwarder.
 */
export class GossipService {
  private readonly handlers = new Map<GossipTopicKind, TopicHandler>()
  private readonly log: Logger
  private started = false

  constructor (private readonly components: GossipComponents) {
    this.log = components.logger.child('gossip')
    this.onMessage = this.onMessage.bind(this)
  }

  /** Registers the handler of a topic; call before start. */
  handle (topic: GossipTopic, handler: TopicHandler): void {
    this.handlers.set(topic.kind, handler)
  }

  start (): void {
    if (this.started) return
    const pubsub = this.components.host.services.pubsub
    pubsub.addEventListener('gossipsub:message', this.onMessage)
    for (const kind of this.handlers.keys()) pubsub.subscribe(stringifyTopic({ kind, version: 1 } as GossipTopic))
    this.started = true
  }

  stop (): void {
    if (!this.started) return
    const pubsub = this.components.host.services.pubsub
    pubsub.removeEventListener('gossipsub:message', this.onMessage)
    for (const kind of this.handlers.keys()) pubsub.unsubscribe(stringifyTopic({ kind, version: 1 } as GossipTopic))
    this.started = false
  }

  async publish (topic: GossipTopic, data: Uint8Array): Promise<void> {
    await this.components.host.services.pubsub.publish(stringifyTopic(topic), data)
  }

  private onMessage (event: CustomEvent<GossipsubMessage>): void {
    const { msg, msgId, propagationSource } = event.detail
    void this.validate(msg.topic, msg.data, msgId, propagationSource)
  }

  private async validate (topicText: string, data: Uint8Array, msgId: string, from: PeerId): Promise<void> {
    const topic = parseTopic(topicText)
    const handler = topic != null ? this.handlers.get(topic.kind) : undefined
    let result = TopicValidatorResult.Accept
    let label = 'accept'
    if (handler == null) {
      result = TopicValidatorResult.Ignore
      label = 'unknown_topic'
    } else {
      try {
        await handler(data, from)
      } catch (err) {
        if (err instanceof GossipValidationError && err.verdict === 'REJECT') {
          result = TopicValidatorResult.Reject
          label = `reject_${err.code}`
          this.components.penalise(from, PeerAction.InvalidGossip, `${topicText}: ${err.message}`)
        } else {
          result = TopicValidatorResult.Ignore
          label = err instanceof GossipValidationError ? `ignore_${err.code}` : 'ignore_error'
          if (!(err instanceof GossipValidationError)) this.log.warn('gossip handler failed', { topic: topicText, err })
        }
      }
    }
    this.components.metrics?.gossipMessages.inc({ topic: topic?.kind ?? 'unknown', result: label.toLowerCase() })
    if (!this.started) return
    ;(this.components.host.services.pubsub as unknown as ValidationReporter)
      .reportMessageValidationResult(msgId, from.toString(), result)
  }
}
