export { startDevnet, devnetNodeConfig, DEVNET_DEFAULT_NODES, DEVNET_MAX_NODES, type Devnet, type DevnetOptions } from './devnet.js'
