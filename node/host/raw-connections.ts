import type { Transport, Upgrader, MultiaddrConnection } from '@libp2p/interface'

/**
 * A change to one raw (not yet upgraded) connection of a transport; false
 * when it does not apply (another transport, or the transport's internals
 * moved), which leaves the connection as it was.
 */
export type RawConnectionPatch = (maConn: MultiaddrConnection) => boolean

/** An upgrader that applies the patches to each raw connection before upgrading it. */
function patchingUpgrader (upgrader: Upgrader, patches: readonly RawConnectionPatch[]): Upgrader {
  return new Proxy(upgrader, {
    get (target, property, receiver) {
      if (property === 'upgradeInbound' || property === 'upgradeOutbound') {
        const upgrade = Reflect.get(target, property, receiver) as (maConn: MultiaddrConnection, ...rest: unknown[]) => Promise<unknown>
        return async (maConn: MultiaddrConnection, ...rest: unknown[]) => {
          for (const patch of patches) patch(maConn)
          return await upgrade.call(target, maConn, ...rest)
        }
      }
      const value = Reflect.get(target, property, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}

/**
 * Wraps a transport factory (tcp()) so that every connection it dials or
 * accepts gets the patches. The transport hands each raw connection to the
 * upgrader it is given per dial and per listener; this gives it one that
 * first patches the connection.
 */
export function withRawConnectionPatches<T extends (components: never) => Transport> (factory: T, patches: readonly RawConnectionPatch[]): T {
  return ((components: never) => {
    const transport = factory(components)
    const dial = transport.dial.bind(transport)
    const createListener = transport.createListener.bind(transport)
    transport.dial = async (ma, options) => await dial(ma, { ...options, upgrader: patchingUpgrader(options.upgrader, patches) })
    transport.createListener = (options) => createListener({ ...options, upgrader: patchingUpgrader(options.upgrader, patches) })
    return transport
  }) as T
}
