/**
 * The capnp config of one workerd process: the host worker on a unix socket,
 * the Worker Loader binding it loads jobs with, and an external service back
 * to the node's callback socket (code by id, key release).
 */
export function workerdConfig (options: { socket: string, nodeSocket: string, hostFile: string }): string {
  const q = (s: string): string => JSON.stringify(s)
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "host", worker = .host),
    (name = "node", external = (address = ${q(`unix:${options.nodeSocket}`)}, http = ()))
  ],
  sockets = [ (name = "http", address = ${q(`unix:${options.socket}`)}, http = (), service = "host") ]
);
const host :Workerd.Worker = (
  modules = [ (name = "host.js", esModule = embed ${q(options.hostFile)}) ],
  compatibilityDate = "2025-06-01",
  compatibilityFlags = ["experimental"],
  bindings = [ (name = "LOADER", workerLoader = ()), (name = "NODE", service = "node") ]
);
`
}
