export * from './ed25519.js'
