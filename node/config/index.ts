export { keepsPrivateAddresses, resolveConfig, type ChainConfig, type NodeConfig, type RawOptions, type ConfigSources } from './config.js'
export { NODE_OPTIONS, envName, type OptionSpec } from './options.js'
