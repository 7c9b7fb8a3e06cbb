import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { devnetNodeConfig } from '../../node/devnet/index.js'
import { EscrinNode } from '../../node/escrin-node.js'
import { createLogger, silentLogger } from '../../node/log/index.js'
import type { NodeConfig } from '../../node/config/index.js'
import type { EscrinNodeOptions } from '../../node/escrin-node.js'

/** Node options that push anti-entropy past the end of a test, for tests of the other record paths (gossip relay, sync on connect). */
export const NO_ANTI_ENTROPY: EscrinNodeOptions = { antiEntropy: { firstMs: 600_000 } }

export interface TestNetwork {
  nodes: EscrinNode[]
  root: string
  /** Starts one more node that knows only `bootstrap` (a node of this network). */
  add(bootstrap: EscrinNode | null, overrides?: Partial<NodeConfig>, options?: EscrinNodeOptions): Promise<EscrinNode>
  /** The API base URL of a node. */
  api(node: EscrinNode): string
  close(): Promise<void>
}

/**
 * Real nodes over TCP loopback, each with its own data dir, each started
 * knowing only node 0 (the way an operator joins a network). `close` stops
 * every node and removes the data dirs.
 */
export async function startNetwork (count: number, overrides: Partial<NodeConfig> = {}, optionsOf: (index: number) => EscrinNodeOptions = () => ({})): Promise<TestNetwork> {
  const root = await mkdtemp(join(tmpdir(), 'escrin-test-'))
  const nodes: EscrinNode[] = []
  let index = 0
  const add = async (bootstrap: EscrinNode | null, extra: Partial<NodeConfig> = {}, options?: EscrinNodeOptions): Promise<EscrinNode> => {
    const addrs = bootstrap == null ? [] : [bootstrap.host.getMultiaddrs()[0].toString()]
    const i = index++
    const logger = process.env.TEST_LOG != null ? createLogger('t', { level: 'warn' }) : silentLogger()
    const node = await EscrinNode.create(devnetNodeConfig(join(root, `node-${i}`), addrs, { ...overrides, ...extra }), { logger, ...(options ?? optionsOf(i)) })
    await node.start()
    nodes[i] = node // by creation index, not by which start finished first
    return node
  }
  const net: TestNetwork = {
    nodes,
    root,
    add,
    api: node => `http://${node.api?.address ?? 'no-api'}`,
    close: async () => {
      await Promise.allSettled(nodes.map(async n => { await n.stop() }))
      await rm(root, { recursive: true, force: true })
    }
  }
  try {
    const first = await add(null)
    await Promise.all(Array.from({ length: count - 1 }, async () => await add(first)))
  } catch (err) {
    await net.close()
    throw err
  }
  return net
}
