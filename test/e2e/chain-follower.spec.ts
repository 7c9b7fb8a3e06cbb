import assert from 'node:assert/strict'
import { ChainFollower } from '../../node/chain/index.js'
import { deployPolicyRegistry, startAnvil, type Anvil } from '../helpers/chain.js'

// How a node follows a contract on a real chain (anvil), beyond what the bond and registry specs show.
describe('ChainFollower: following a contract block range by block range', function () {
  this.timeout(60_000)
  let anvil: Anvil
  let contract: `0x${string}`

  before(async () => {
    anvil = await startAnvil()
    contract = await deployPolicyRegistry(anvil)
  })
  after(async () => { await anvil?.stop() })

  it('a provider that refuses large log queries is asked in halves: every block is read once, in order, and the node reaches the head', async () => {
    const ranges: Array<[bigint, bigint]> = []
    let refused = 0
    const follower = new ChainFollower({ url: anvil.url, contract, contractRole: 'a test contract', pollMs: 3_600_000, maxLogRange: 64n }, {
      applyRange: async (from, to) => {
        // this provider answers at most 4 blocks a query
        if (to - from + 1n > 4n) {
          refused++
          throw new Error('query exceeds 4 blocks')
        }
        ranges.push([from, to])
      },
      reorganised: () => { assert.fail('no reorganisation here') },
      followed: () => {}
    })
    await follower.start()
    try {
      const start = follower.head
      // a backlog, as after an outage
      await anvil.test.mine({ blocks: 40 })
      await follower.poll()
      const head = await anvil.public.getBlockNumber()
      assert.equal(follower.head, head)
      assert.ok(refused > 0, 'the first, large query was refused')
      let next = start + 1n
      for (const [from, to] of ranges) {
        assert.equal(from, next, 'contiguous, no block twice')
        assert.ok(to - from + 1n <= 4n)
        next = to + 1n
      }
      assert.equal(next, head + 1n)
    } finally {
      await follower.stop()
    }
  })

  it('a range that fails at one block is left to the next poll: the node stays where it was', async () => {
    let failing = true
    const follower = new ChainFollower({ url: anvil.url, contract, contractRole: 'a test contract', pollMs: 3_600_000 }, {
      applyRange: async () => { if (failing) throw new Error('provider down') },
      reorganised: () => {},
      followed: () => {}
    })
    await follower.start()
    try {
      const start = follower.head
      await anvil.test.mine({ blocks: 3 })
      await follower.poll()
      assert.equal(follower.head, start)
      failing = false
      await follower.poll()
      assert.equal(follower.head, await anvil.public.getBlockNumber())
    } finally {
      await follower.stop()
    }
  })
})
