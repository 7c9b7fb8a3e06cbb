export * from './ed25519.js'
export * from './der-keys.js'
export * from './low-s.js'
