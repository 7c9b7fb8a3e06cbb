export { createHost, type Host, type HostInit, type HostServices } from './create-host.js'
