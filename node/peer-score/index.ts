export { PeerScores, PeerAction, gossipAppScore, type ScoreVerdict, type PeerScoreInit } from './peer-score.js'
