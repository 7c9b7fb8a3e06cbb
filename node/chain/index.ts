export * from './chain-follower.js'
export * from './chain-account.js'
export * from './followed-contract.js'
