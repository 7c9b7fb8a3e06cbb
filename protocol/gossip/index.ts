export { stringifyTopic, parseTopic, ATTESTATION_TOPIC, POLICY_TOPIC, ALL_TOPICS, type GossipTopic, type GossipTopicKind } from './topics.js'
export { GossipValidationError, ignore, reject, type GossipVerdict } from './validation.js'
export { encodeSignedPolicy, decodeSignedPolicy, POLICY_MESSAGE_MAX_BYTES } from './policy-message.js'
export { POLICY_DHT_NAMESPACE, policyDhtKey, validatePolicyRecord } from './policy-record.js'
