export { HelloService, storedHello, HELLO_METADATA_KEY, type HelloInit, type HelloComponents } from './hello-service.js'
