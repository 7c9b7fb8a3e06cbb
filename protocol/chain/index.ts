export * from './bonds-abi.js'
