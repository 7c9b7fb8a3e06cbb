export { openStream, isClosedConnection, type StreamDialer } from './open-stream.js'
export { createHost, type Host, type HostInit, type HostServices } from './create-host.js'
export { ConnectionLiveness, type ConnectionLivenessInit, type ConnectionLivenessComponents } from './connection-liveness.js'
export { muxerPing, pingConnectedPeersOnMuxer } from './muxer-ping.js'
