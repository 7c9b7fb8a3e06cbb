export { PeerScores, PeerAction, type ScoreVerdict, type PeerScoreInit } from './peer-score.js'
