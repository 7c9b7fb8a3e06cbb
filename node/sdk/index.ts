export * from './client.js'
export * from './blob-transfer.js'
export * from './policy-registry.js'
