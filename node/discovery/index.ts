export { PeerFinder, type PeerFinderInit, type PeerFinderComponents } from './peer-finder.js'
export { DialBackoff } from './dial-backoff.js'
export { ConnectionTrimmer, type ConnectionTrimmerInit, type ConnectionTrimmerComponents, type TrimmerHost } from './connection-trimmer.js'
