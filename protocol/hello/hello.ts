import { escrin } from '../../proto/gen/escrin.js'
import { checkEnum, checkLength, decodeMessage, encodeMessage, wireInteger, WireError } from '../wire/index.js'

export const HELLO_PROTOCOL = '/escrin/hello/1'

/** The roles as the wire names them, and their names in the CLI. */
export const ROLE_TO_WIRE = {
  runner: escrin.Role.ROLE_RUNNER,
  ssss: escrin.Role.ROLE_SSSS,
  storage: escrin.Role.ROLE_STORAGE
} as const
export type RoleName = keyof typeof ROLE_TO_WIRE
const WIRE_ROLES = new Set<number>(Object.values(ROLE_TO_WIRE))
const WIRE_TO_ROLE = new Map<number, RoleName>(Object.entries(ROLE_TO_WIRE).map(([name, wire]) => [wire, name as RoleName]))

/** A Hello as the rest of the code sees it. */
export interface HelloInfo {
  network: string
  version: string
  roles: RoleName[]
  timestampMs: number
}

const MAX_NETWORK_LENGTH = 64
const MAX_VERSION_LENGTH = 64

export function encodeHello (hello: HelloInfo): Uint8Array {
  return encodeMessage(escrin.Hello, {
    network: hello.network,
    version: hello.version,
    roles: hello.roles.map(r => ROLE_TO_WIRE[r]),
    timestampMs: hello.timestampMs
  })
}

/** Decodes a Hello; throws WireError on oversize, malformed or out-of-range input. */
export function decodeHello (bytes: Uint8Array, maxSize: number): HelloInfo {
  const message = decodeMessage(escrin.Hello, bytes, maxSize, m => {
    checkLength('network', m.network, MAX_NETWORK_LENGTH)
    checkLength('version', m.version, MAX_VERSION_LENGTH)
    checkLength('roles', m.roles, WIRE_ROLES.size)
    for (const role of m.roles) checkEnum('roles', role, WIRE_ROLES)
  })
  // the receiver compares it with its own clock: an integer past 2^53 has no exact time to compare
  const timestampMs = wireInteger(message.timestampMs)
  if (!Number.isSafeInteger(timestampMs)) throw new WireError('INVALID_FIELD', 'timestamp_ms: not a safe integer')
  return {
    network: message.network,
    version: message.version,
    roles: [...new Set(message.roles.map(r => WIRE_TO_ROLE.get(r) as RoleName))],
    timestampMs
  }
}
