export { PeerFinder, type PeerFinderInit, type PeerFinderComponents } from './peer-finder.js'
export { DialBackoff } from './dial-backoff.js'
