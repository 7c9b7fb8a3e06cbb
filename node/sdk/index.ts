export * from './client.js'
export * from './blob-transfer.js'
