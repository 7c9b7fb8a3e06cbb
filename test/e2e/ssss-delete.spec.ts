import assert from 'node:assert/strict'
import { generatePrivateKey } from 'viem/accounts'
import { EscrinApiError, EscrinClient } from '../../node/sdk/index.js'
import { ssssCall } from '../../node/ssss/index.js'
import { encodeSsssRequest, prepareDealing, signSecretControl, SsssError } from '../../protocol/ssss/index.js'
import type { TestNetwork } from '../helpers/network.js'
import { OWNER, OWNER_KEY, responseCode, startCustodyNetwork } from '../helpers/custody-network.js'
import type { EscrinNode } from '../../node/escrin-node.js'


const code = responseCode

describe('SSSS deletion by the owner, from the SDK through the API (4 real nodes)', function () {
  this.timeout(120_000)
  let net: TestNetwork
  let runner: EscrinNode
  let holders: EscrinNode[]
  let client: EscrinClient
  let version: number
  let firstKey: Uint8Array

  before(async () => {
    net = (await startCustodyNetwork({ custodyMeasurement: 'c2'.repeat(48), runnerMeasurement: 'd2'.repeat(48) })).net
    runner = net.nodes[3]
    holders = net.nodes.slice(0, 3)
    client = new EscrinClient(net.api(runner))
  })

  after(async () => { await net?.close() })

  it('the owner deals through the API; the runner gets the key', async () => {
    const dealt = await client.dealSecret({ ownerKey: OWNER_KEY, app: 'app', custody: 'custody' })
    assert.deepEqual([dealt.threshold, dealt.committed.length], [2, 3], JSON.stringify(dealt.failed))
    version = dealt.version
    firstKey = await runner.keyRelease.appKey(OWNER, 'app')
    assert.equal(firstKey.length, 32)
  })

  it('a non-owner cannot delete: its deletion names only its own secrets, a forged one is refused before it is relayed', async () => {
    const intruder = generatePrivateKey()
    await assert.rejects(client.deleteSecret({ ownerKey: intruder, app: 'app', version }), (err: unknown) => err instanceof EscrinApiError && err.code === 'UNKNOWN_SECRET' && err.status === 404)

    // the intruder's signature under the owner's address: the node checks it and relays nothing
    const forged = { ...await signSecretControl({ app: 'app', version, action: 'DELETE', issuedAtMs: Date.now() }, intruder), owner: OWNER }
    const res = await fetch(`${net.api(runner)}/v1/secrets/delete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ control: Buffer.from(encodeSsssRequest({ control: forged })).toString('base64') }) })
    assert.equal(res.status, 403)
    assert.equal((await res.json() as { error: { code: string } }).error.code, 'BAD_SIGNATURE')
    for (const h of holders) assert.deepEqual(h.holder?.history().filter(e => e.kind === 'delete'), [], 'no holder applied a deletion')
    // sent straight to a holder, it is refused there too
    assert.equal(code(await ssssCall(runner.host, holders[0].peerId, { control: forged }, 5_000)), 'BAD_SIGNATURE')

    for (const h of holders) assert.deepEqual((await h.holder?.store.versions(OWNER, 'app'))?.map(v => [v.spec.version, v.committed]), [[version, true]])
    assert.deepEqual(await runner.keyRelease.appKey(OWNER, 'app'), firstKey)
  })

  it('after the owner deletes, no holder releases its share and key release fails with a clear error', async () => {
    const deleted = await client.deleteSecret({ ownerKey: OWNER_KEY, app: 'app', version })
    assert.deepEqual(deleted.deleted.sort(), holders.map(h => h.peerId.toString()).sort(), JSON.stringify(deleted))
    assert.deepEqual(deleted.failed, [])
    assert.deepEqual(deleted.absent, [runner.peerId.toString()], 'the runner is an SSSS node that held nothing')
    for (const h of holders) assert.deepEqual(await h.holder?.store.versions(OWNER, 'app'), [])

    await assert.rejects(runner.keyRelease.appKey(OWNER, 'app'), (err: unknown) => {
      assert.ok(err instanceof SsssError && err.code === 'THRESHOLD_NOT_MET', String(err))
      assert.match(err.message, /0 valid shares of t needed for app/)
      assert.match(err.message, /UNKNOWN_SECRET/)
      return true
    })
    // asserted at the holders: each was asked and refused
    for (const h of holders) {
      const gets = h.holder?.history().filter(e => e.kind === 'get' && e.peer === runner.peerId.toString()) ?? []
      assert.equal(gets.at(-1)?.result, 'UNKNOWN_SECRET', `holder ${h.peerId.toString().slice(-8)}: ${JSON.stringify(gets.at(-1))}`)
    }
  })

  it('a replay of the deleted dealing is refused, deleting again is harmless, and a newer dealing works', async () => {
    // the same version, dealt again (as a relay that kept the messages could replay them)
    const records = holders.map(h => ({ peerId: h.peerId.toString(), x25519: runner.attestations.recordOf(h.peerId.toString())?.enclaveX25519 as Uint8Array }))
    const replay = await prepareDealing({ ownerKey: OWNER_KEY, app: 'app', custody: 'custody', holders: records, version })
    const target = replay.shares.find(s => s.holder === holders[0].peerId.toString())
    assert.ok(target != null)
    assert.equal(code(await ssssCall(runner.host, holders[0].peerId, { deal: { spec: replay.spec, share: target.share } }, 5_000)), 'VERSION_CONFLICT')
    assert.equal(code(await ssssCall(runner.host, holders[0].peerId, { control: replay.commit }, 5_000)), 'UNKNOWN_SECRET')

    const again = await client.deleteSecret({ ownerKey: OWNER_KEY, app: 'app', version })
    assert.equal(again.deleted.length, 3, JSON.stringify(again))

    const dealt = await client.dealSecret({ ownerKey: OWNER_KEY, app: 'app', custody: 'custody', version: version + 1 })
    assert.equal(dealt.committed.length, 3, JSON.stringify(dealt.failed))
    const key = await runner.keyRelease.appKey(OWNER, 'app')
    assert.equal(key.length, 32)
    assert.notDeepEqual(key, firstKey)
  })
})
