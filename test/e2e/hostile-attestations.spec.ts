import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { privateKeyToAccount } from 'viem/accounts'
import { bindingOf, createDevEvidence, defaultVerifiers, sealAttestation, signOperatorStatement, type AttestationRecord } from '../../protocol/attestation/index.js'
import { createPolicy, signedPolicyToJson, signPolicy } from '../../protocol/policy/index.js'
import { generateEnclaveKeys } from '../../node/attestations/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { createRawGossipHost } from '../../bench/lib/raw-host.js'
import { testEvidence, testVerifier } from '../helpers/test-evidence.js'
import { waitFor } from '../helpers/wait.js'
import type { PrivateKey } from '@libp2p/interface'

const TOPIC = '/escrin/attestation/1'
const APP_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'

async function devRecord (key: PrivateKey, patch: Partial<AttestationRecord> = {}): Promise<AttestationRecord> {
  const keys = generateEnclaveKeys()
  const base = { peerId: peerIdFromPrivateKey(key).toString(), enclaveX25519: keys.x25519Public, enclaveSigningKey: keys.signingPublic }
  const { operator, signature } = await signOperatorStatement(base, keys.operatorKey)
  return {
    ...base, roles: ['runner'], evidence: { kind: 'dev', data: createDevEvidence(keys.signingSecret, bindingOf(base)) },
    operator, operatorSignature: signature, capacity: 1, price: 0n, seq: Date.now(), expiresAtMs: Date.now() + 60_000, ...patch
  }
}

describe('hostile attestation gossip (4 real nodes and an attacker)', function () {
  this.timeout(120_000)
  let net: TestNetwork
  let policy: string

  before(async () => {
    // nodes 2 and 3 have (test) TEE evidence, nodes 0 and 1 dev evidence
    net = await startNetwork(4, {}, i => {
      const verifiers = defaultVerifiers()
      verifiers.set('test', testVerifier)
      return { verifiers, ...(i >= 2 ? { evidence: testEvidence('cc'.repeat(48)) } : {}) }
    })
    await waitFor(() => net.nodes.every(n => n.attestations.size === 4), { timeoutMs: 30_000 })
    const signed = await signPolicy(createPolicy({ owner: privateKeyToAccount(APP_KEY).address, name: 'tee-only', version: 1, predicate: '{"ne":["tee.kind","dev"]}' }), APP_KEY)
    const res = await fetch(`${net.api(net.nodes[0])}/v1/policies`, { method: 'POST', body: JSON.stringify(signedPolicyToJson(signed)) })
    policy = (await res.json() as { id: string }).id
    await waitFor(() => net.nodes.every(n => n.attestations.scopes.members(policy).length === 2), { timeoutMs: 20_000 })
  })

  after(async () => { await net?.close() })

  it('forged records are rejected and penalised; a sybil flood enters no scope that excludes it', async () => {
    const honestView = net.nodes.map(n => n.attestations.scopes.members(policy))
    const attacker = await createRawGossipHost()
    try {
      for (const node of net.nodes) await attacker.dial(node.host.getMultiaddrs()[0])
      attacker.services.pubsub.subscribe(TOPIC)
      await waitFor(() => attacker.services.pubsub.getSubscribers(TOPIC).length === 4, { timeoutMs: 15_000 })
      const target = net.nodes[0]

      // 1. identity theft: a record naming node 2, signed by the attacker's key
      const thief = await generateKeyPair('Ed25519')
      const stolen = await devRecord(thief, { peerId: net.nodes[2].peerId.toString() })
      await attacker.services.pubsub.publish(TOPIC, await sealAttestation(thief, stolen))
      await waitFor(() => target.scores.score(attacker.peerId.toString()) < 0, { timeoutMs: 15_000 })
      const afterTheft = target.scores.score(attacker.peerId.toString())

      // 2. evidence that fails verification: dev evidence signed by another key
      const liar = await generateKeyPair('Ed25519')
      const lie = await devRecord(liar)
      lie.evidence = { kind: 'dev', data: createDevEvidence(generateEnclaveKeys().signingSecret, bindingOf(lie)) }
      await attacker.services.pubsub.publish(TOPIC, await sealAttestation(liar, lie))
      await waitFor(() => target.scores.score(attacker.peerId.toString()) < afterTheft, { timeoutMs: 15_000 })

      // 3. a replay: a valid record, then an older one of the same peer (ignored, not forwarded)
      const replayer = await generateKeyPair('Ed25519')
      const fresh = await devRecord(replayer, { seq: 2000 })
      await attacker.services.pubsub.publish(TOPIC, await sealAttestation(replayer, fresh))
      await waitFor(() => target.attestations.recordOf(fresh.peerId)?.seq === 2000, { timeoutMs: 15_000 })
      await attacker.services.pubsub.publish(TOPIC, await sealAttestation(replayer, { ...fresh, seq: 1000, capacity: 99 }))

      // 4. a sybil flood: 1,000 valid dev records from fresh peer ids
      const sybils: string[] = []
      for (let i = 0; i < 1000; i++) {
        const key = await generateKeyPair('Ed25519')
        const record = await devRecord(key)
        sybils.push(record.peerId)
        await attacker.services.pubsub.publish(TOPIC, await sealAttestation(key, record))
      }
      await waitFor(() => net.nodes.every(n => n.attestations.size >= 4 + 1 + 1000), {
        timeoutMs: 60_000, describe: () => net.nodes.map(n => n.attestations.size).join(',')
      })

      for (const [i, node] of net.nodes.entries()) {
        assert.deepEqual(node.attestations.scopes.members(policy), honestView[i], 'the honest view is unchanged')
        assert.ok(sybils.every(s => !node.attestations.scopes.inScope(policy, s)))
        assert.equal(node.attestations.recordOf(net.nodes[2].peerId.toString())?.operator !== stolen.operator, true, 'the stolen identity did not replace the real record')
        assert.equal(node.attestations.factsOf(lie.peerId), undefined, 'the liar is not in the peer table')
        assert.equal(node.attestations.recordOf(fresh.peerId)?.capacity, 1, 'the replay did not replace the newer record')
      }
      const metrics = await (await fetch(`${net.api(target)}/metrics`)).text()
      assert.match(metrics, /escrin_gossip_messages_total\{topic="attestation",result="reject_peer_mismatch"\} 1/)
      assert.match(metrics, /escrin_gossip_messages_total\{topic="attestation",result="reject_bad_evidence"\} 1/)
      assert.match(metrics, /escrin_gossip_messages_total\{topic="attestation",result="ignore_stale"\} \d+/)
    } finally {
      await attacker.stop()
    }
  })
})
