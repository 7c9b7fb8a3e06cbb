export { loadOrCreateIdentity } from './identity.js'
