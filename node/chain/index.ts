export * from './chain-follower.js'
