export * from './inbound.js'
