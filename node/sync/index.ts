export * from './record-sync.js'
export { AntiEntropy, type AntiEntropyInit } from './anti-entropy.js'
