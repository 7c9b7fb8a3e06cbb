/**
 * One peer of bench/key-release's process mode, in its own OS process (as
 * holders run in production and in the simulator's process mode), forked by
 * key-release-worker.js with an IPC channel:
 *   key-release-peer.js holder <DATA_DIR> <BOOTSTRAP_MULTIADDR>   an escrin node with the ssss role
 *   key-release-peer.js raw                                         a raw js-libp2p host (serveRaw)
 * It sends { addr, peerId } once listening; on { members: { custody, app, holders } }
 * it answers once its own view has the custody scope of `holders` nodes and
 * the runner in the app's scope (holders check scope by their own view). It
 * stops and exits when the parent goes away.
 */
import { devnetNodeConfig } from '../node/devnet/index.js'
import { EscrinNode } from '../node/escrin-node.js'
import { silentLogger } from '../node/log/index.js'
import { timeUntil } from './lib/measure.js'
import { serveRaw } from './lib/raw-echo.js'
import { createBareHost } from './lib/raw-host.js'


interface MembersQuery { members: { custody: string, app: string, holders: number } }

if (process.send == null) {
  console.error('key-release-peer.js is forked by key-release-worker.js')
  process.exit(2)
}
const send = (message: unknown): void => { if (process.connected) process.send?.(message) }
const [kind, dir, bootstrap] = process.argv.slice(2)
let stop: () => Promise<void>

if (kind === 'holder') {
  const node = await EscrinNode.create(devnetNodeConfig(dir, [bootstrap], { api: null, roles: ['ssss'] }), { logger: silentLogger(), ephemeral: true })
  await node.start()
  stop = async () => { await node.stop() }
  process.on('message', (message: MembersQuery) => {
    const { custody, app, holders } = message.members
    void timeUntil(Date.now(), async () => node.attestations.scopes.members(custody).length === holders && node.attestations.scopes.members(app).length === 1, 60_000, 50)
      .then(waited => { send({ formed: waited != null }) })
  })
  send({ addr: node.host.getMultiaddrs()[0].toString(), peerId: node.peerId.toString() })
} else {
  const host = await createBareHost()
  await serveRaw(host)
  stop = async () => { await host.stop() }
  send({ addr: host.getMultiaddrs()[0].toString(), peerId: host.peerId.toString() })
}

// the worker went away: stop and exit, never linger as an orphan
process.on('disconnect', () => {
  const hardExit = setTimeout(() => { process.exit(0) }, 10_000)
  hardExit.unref()
  void stop().finally(() => { process.exit(0) })
})
