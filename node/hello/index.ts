export { HelloService, HELLO_MAX_PEERS, type HelloInit, type HelloComponents } from './hello-service.js'
