import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { devnetNodeConfig } from '../../node/devnet/index.js'
import { EscrinNode } from '../../node/escrin-node.js'
import { silentLogger } from '../../node/log/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'

const KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'

describe('policies persist across a restart', function () {
  this.timeout(60_000)
  let dir: string
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'escrin-policies-')) })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

  it('a restarted node still knows the latest version of each policy, and only that', async () => {
    const owner = privateKeyToAccount(KEY).address
    const start = async (): Promise<EscrinNode> => {
      const node = await EscrinNode.create(devnetNodeConfig(dir, []), { logger: silentLogger() })
      await node.start()
      return node
    }
    let node = await start()
    const v1 = await node.policies.publish(await signPolicy(createPolicy({ owner, name: 'p', version: 1, predicate: '{"has":["roles","runner"]}' }), KEY))
    const v2 = await node.policies.publish(await signPolicy(createPolicy({ owner, name: 'p', version: 2, predicate: '{"has":["roles","ssss"]}' }), KEY))
    const other = await node.policies.publish(await signPolicy(createPolicy({ owner, name: 'q', version: 1, predicate: '{"eq":["tee.kind","dev"]}' }), KEY))
    await node.stop()

    node = await start()
    try {
      assert.deepEqual(node.policies.store.all().map(e => e.id).sort(), [v2.id, other.id].sort())
      assert.equal(node.policies.store.get(v1.id), undefined)
      assert.equal(node.attestations.scopes.hasPolicy(v2.id), true, 'loaded policies feed the scope index')
    } finally {
      await node.stop()
    }
  })
})
