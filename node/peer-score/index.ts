export { PeerScores, PeerAction, gossipAppScore, type ScoreVerdict, type PeerScoreInit } from './peer-score.js'
export { PeerRateLimiter, type RateLimit, type RateVerdict, type PeerRateLimiterInit } from './rate-limiter.js'
export { limitStreams, RateLimitedError, reportRefusal, type RateLimitHooks } from './limit-streams.js'
