export * from './chain-follower.js'
export * from './chain-account.js'
