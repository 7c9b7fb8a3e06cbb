export { HELLO_PROTOCOL, ROLE_TO_WIRE, encodeHello, decodeHello, type HelloInfo, type RoleName } from './hello.js'
