export * from './record-sync.js'
