export { keepsPrivateAddresses, resolveConfig, type NodeConfig, type RawOptions, type ConfigSources } from './config.js'
export { NODE_OPTIONS, envName, type OptionSpec } from './options.js'
