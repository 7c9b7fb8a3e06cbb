export * from './bonds-abi.js'
export * from './policies-abi.js'
