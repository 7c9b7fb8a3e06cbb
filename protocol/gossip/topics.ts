/**
 * Gossip topics as typed values. Every topic string the node subscribes to
 * or accepts is produced by stringifyTopic and read back by parseTopic, so a
 * typo cannot create a topic nobody listens on.
 */
export type GossipTopic =
  | { kind: 'attestation', version: 1 }
  | { kind: 'policy', version: 1 }

export type GossipTopicKind = GossipTopic['kind']

export const ATTESTATION_TOPIC: GossipTopic = { kind: 'attestation', version: 1 }
export const POLICY_TOPIC: GossipTopic = { kind: 'policy', version: 1 }
export const ALL_TOPICS: readonly GossipTopic[] = [ATTESTATION_TOPIC, POLICY_TOPIC]

export function stringifyTopic (topic: GossipTopic): string {
  return `/escrin/${topic.kind}/${topic.version}`
}

/** Reads a topic string; undefined for anything that is not an escrin topic this version knows. */
export function parseTopic (text: string): GossipTopic | undefined {
  const match = /^\/escrin\/([a-z]+)\/(\d+)$/.exec(text)
  if (match == null) return undefined
  return ALL_TOPICS.find(t => t.kind === match[1] && t.version === Number(match[2]))
}
