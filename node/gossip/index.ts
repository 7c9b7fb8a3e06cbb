export { GossipService, type TopicHandler, type GossipComponents } from './gossip-service.js'
