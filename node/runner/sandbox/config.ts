import { COMPATIBILITY_DATE } from './constants.js'

export interface WorkerdConfigInit {
  /** Unix socket the host worker listens on (the node's only way in). */
  socket: string
  /** Unix socket of the node's callback server (code and key release). */
  nodeSocket: string
  /** The host worker's module file, relative to the config file's directory. */
  hostModule: string
  /** V8 heap limit per isolate, in MiB. */
  heapMiB: number
}

/** A capnp string literal; paths are ASCII in practice, and JSON escapes of ASCII are valid capnp escapes. */
function text (s: string): string {
  if (!/^[\x20-\x7e]*$/.test(s)) throw new Error(`unsupported characters in a workerd config string: ${JSON.stringify(s)}`)
  return JSON.stringify(s)
}

/**
 * The capnp config of one workerd process (schema: node_modules/workerd/workerd.capnp).
 *
 * - One configured worker, `host`, on a unix socket in the sandbox's private directory.
 * - `LOADER` is a Worker Loader binding (experimental: workerd must run with `--experimental`,
 *   measured with workerd 2026-11-17; no compatibility flag is needed).
 * - `NODE` is an external service: the node's callback socket. It is the only service that
 *   leaves the process; loaded workers get `globalOutbound: null` from the host worker, so
 *   their fetch() fails, and no `nodejs_compat`, so `node:*` imports fail.
 * - No `internet` and no disk service is declared. The host worker's own global fetch() goes to
 *   `node` (instead of workerd's default, the internet), which answers only the callback routes.
 * - `--max-old-space-size` caps each isolate's V8 heap: a heap hog aborts the process
 *   ("Reached heap limit"), which the sandbox reports as MEMORY_EXCEEDED.
 */
export function workerdConfig (init: WorkerdConfigInit): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "host", worker = .host),
    (name = "node", external = (address = ${text(`unix:${init.nodeSocket}`)}, http = ()))
  ],
  sockets = [ (name = "http", address = ${text(`unix:${init.socket}`)}, http = (), service = "host") ],
  v8Flags = [ ${text(`--max-old-space-size=${Math.max(16, Math.floor(init.heapMiB))}`)} ]
);
const host :Workerd.Worker = (
  modules = [ (name = "host.js", esModule = embed ${text(init.hostModule)}) ],
  compatibilityDate = ${text(COMPATIBILITY_DATE)},
  bindings = [ (name = "LOADER", workerLoader = ()), (name = "NODE", service = "node") ],
  globalOutbound = "node"
);
`
}
