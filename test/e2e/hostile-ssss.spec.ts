import { openStream } from '../../node/host/index.js'
import assert from 'node:assert/strict'
import { peerIdFromString } from '@libp2p/peer-id'
import { lpStream } from '@libp2p/utils'
import { generatePrivateKey } from 'viem/accounts'
import { createBareHost } from '../../bench/lib/raw-host.js'
import { dealSecret, ssssCall } from '../../node/ssss/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { DEFAULT_RATE_LIMITS } from '../../node/constants.js'
import { ssssFrames } from '../../node/ssss/transport.js'
import { generateEnclaveKeys } from '../../node/attestations/index.js'
import {
  decodeSsssReply, decodeSsssResponse, deal, encodeSsssCall, dealAad, prepareDealing, randomScalar, sealShare, signSecretControl, signSecretSpec, signShareRequest, SSSS_GET_PROTOCOL, SSSS_PROTOCOL
} from '../../protocol/ssss/index.js'
import { waitFor } from '../helpers/wait.js'
import { enclaveKeysOf, OWNER, OWNER_KEY, responseCode, startCustodyNetwork } from '../helpers/custody-network.js'
import type { TestNetwork } from '../helpers/network.js'
import type { EscrinNode } from '../../node/escrin-node.js'

const CUSTODY_M = 'c1'.repeat(48)
const code = responseCode

describe('SSSS against the weaknesses of upstream\'s (4 real nodes)', function () {
  this.timeout(120_000)
  let net: TestNetwork
  let runner: EscrinNode
  let holder: EscrinNode

  before(async () => {
    // the runner's record lives 4 s (re-published every 2 s), so a test can let it go stale
    net = (await startCustodyNetwork({ custodyMeasurement: CUSTODY_M, runnerMeasurement: 'd1'.repeat(48), runnerAttestationTtlMs: 4_000 })).net
    await dealSecret(net.nodes[3], { ownerKey: OWNER_KEY, app: 'app', custody: 'custody' })
    runner = net.nodes[3]
    holder = net.nodes[0]
  })

  after(async () => { await net?.close() })

  const runnerKeys = (): { x25519: Uint8Array, signing: Uint8Array } => enclaveKeysOf(runner)
  const request = (change: { replyX25519?: Uint8Array, timestampMs?: number } = {}) => {
    const k = runnerKeys()
    return signShareRequest(runner.peerId.toMultihash().bytes, { owner: OWNER, app: 'app', version: 0, replyX25519: change.replyX25519 ?? k.x25519, timestampMs: change.timestampMs ?? Date.now(), nonce: crypto.getRandomValues(new Uint8Array(16)) }, k.signing)
  }

  it('the control case: a fresh, signed request from the in-scope runner gets a sealed share', async () => {
    const response = await ssssCall(runner.host, holder.peerId, { get: request() }, 5_000)
    assert.equal(code(response), 'SHARE')
    // sealed: the share on the wire is a box, never the scalar
    assert.ok('share' in response && response.share.share.ciphertext.length === 80)
  })

  it('the reply key is inside the signature: swapping it fails the signature', async () => {
    const signed = request()
    const swapped = { ...signed, replyX25519: crypto.getRandomValues(new Uint8Array(32)) }
    assert.equal(code(await ssssCall(runner.host, holder.peerId, { get: swapped }, 5_000)), 'BAD_SIGNATURE')
  })

  it('a reply key other than the requester\'s attested enclave key is refused, even when signed', async () => {
    assert.equal(code(await ssssCall(runner.host, holder.peerId, { get: request({ replyX25519: crypto.getRandomValues(new Uint8Array(32)) }) }, 5_000)), 'NOT_IN_SCOPE')
  })

  it('stale requests are refused', async () => {
    assert.equal(code(await ssssCall(runner.host, holder.peerId, { get: request({ timestampMs: Date.now() - 5 * 60_000 }) }, 5_000)), 'STALE_REQUEST')
  })

  it('only the owner deals, commits or deletes: others are refused and change nothing', async () => {
    // sent from a peer of its own: the holder penalises whoever sends forgeries
    const sender = await createBareHost()
    await sender.dial(holder.host.getMultiaddrs()[0])
    const from = sender as unknown as Parameters<typeof ssssCall>[0]
    const intruder = generatePrivateKey()
    const before = await holder.holder?.store.versions(OWNER, 'app')
    // a dealing signed by someone else, claiming the owner
    const dealing = deal(randomScalar(), 2, 3)
    const forged = await signSecretSpec({ app: 'app', custody: 'custody', version: Date.now() + 1, threshold: 2, holders: net.nodes.slice(0, 3).map(n => n.peerId.toMultihash().bytes), commitments: dealing.commitments.map(c => c.toBytes(true)) }, intruder)
    const record = holder.attestations.recordOf(holder.peerId.toString())
    assert.ok(record != null)
    // the owner cannot overwrite a committed version either: versions only move forward (not an offence: no penalty)
    const again = await signSecretSpec({ app: 'app', custody: 'custody', version: before?.[0].spec.version ?? 0, threshold: 2, holders: forged.holders, commitments: forged.commitments }, OWNER_KEY)
    assert.equal(code(await ssssCall(from, holder.peerId, { deal: { spec: again, share: sealShare(dealing.shares[0], record.enclaveX25519, dealAad(OWNER, 'app', again.version, 1)) } }, 5_000)), 'VERSION_CONFLICT')
    const box = sealShare(dealing.shares[0], record.enclaveX25519, dealAad(OWNER, 'app', forged.version, 1))
    assert.equal(code(await ssssCall(from, holder.peerId, { deal: { spec: { ...forged, owner: OWNER }, share: box } }, 5_000)), 'BAD_SIGNATURE')
    // (two forgeries disconnect the sender: the last one is sent last)
    const del = await signSecretControl({ app: 'app', version: before?.[0].spec.version ?? 0, action: 'DELETE', issuedAtMs: Date.now() }, intruder)
    assert.equal(code(await ssssCall(from, holder.peerId, { control: { ...del, owner: OWNER } }, 5_000)), 'BAD_SIGNATURE')
    assert.deepEqual((await holder.holder?.store.versions(OWNER, 'app'))?.map(v => [v.spec.version, v.committed]), before?.map(v => [v.spec.version, v.committed]))
    assert.ok(holder.scores.score(sender.peerId.toString()) < 0, 'the sender of forgeries was penalised')
    await sender.stop()
  })

  it('malformed requests get a typed error, never a share, and the holder keeps serving', async () => {
    // a fresh peer for each: the holder penalises (and soon disconnects) whoever sends garbage
    for (const bytes of [Uint8Array.of(0x0a, 0x00), Uint8Array.of(1, 2, 3, 4, 5), new Uint8Array(0)]) {
      const attacker = await createBareHost()
      try {
        const stream = await openStream(attacker, holder.host.getMultiaddrs()[0], SSSS_PROTOCOL, { signal: AbortSignal.timeout(10_000) })
        const lp = lpStream(stream)
        await lp.write(bytes)
        const response = decodeSsssResponse((await lp.read({ signal: AbortSignal.timeout(5_000) })).subarray())
        assert.equal(code(response), 'MALFORMED')
        await waitFor(() => holder.scores.score(attacker.peerId.toString()) < 0, { timeoutMs: 5_000 })
      } finally {
        await attacker.stop()
      }
    }
    assert.equal(code(await ssssCall(runner.host, holder.peerId, { get: request() }, 5_000)), 'SHARE')
  })

  it('a peer that floods share requests over a channel is answered RATE_LIMITED past its rate and penalised; others are still served', async () => {
    const attacker = await createBareHost()
    try {
      const stream = await openStream(attacker, holder.host.getMultiaddrs()[0], SSSS_GET_PROTOCOL, { signal: AbortSignal.timeout(10_000) })
      const lp = ssssFrames(stream)
      // well-formed calls, which a holder refuses only after looking (the attacker has no attestation:
      // NOT_IN_SCOPE, no penalty): what it refuses for the rate alone, it refuses before any check
      const keys = generateEnclaveKeys()
      const body = { get: signShareRequest(attacker.peerId.toMultihash().bytes, { owner: OWNER, app: 'app', version: 0, replyX25519: keys.x25519Public, timestampMs: Date.now(), nonce: new Uint8Array(16) }, keys.signingSecret) }
      const calls = DEFAULT_RATE_LIMITS.ssssRequests.burst + 1_000
      const codes = new Map<string, number>()
      const started = Date.now()
      // replies are read as they come, or the holder's writes (and so its reads) would stall
      const reading = (async () => {
        for (let i = 0; i < calls; i++) {
          const { response } = decodeSsssReply((await lp.read({ signal: AbortSignal.timeout(30_000) })).subarray())
          codes.set(code(response), (codes.get(code(response)) ?? 0) + 1)
        }
      })()
      for (let id = 1; id <= calls; id++) await lp.write(encodeSsssCall(id, body), { signal: AbortSignal.timeout(30_000) })
      await reading
      const elapsedS = (Date.now() - started) / 1000
      const limited = codes.get('RATE_LIMITED') ?? 0
      assert.ok(limited > 0, JSON.stringify([...codes]))
      assert.equal(limited + (codes.get('NOT_IN_SCOPE') ?? 0), calls, JSON.stringify([...codes]))
      // served no more than the burst and the rate over the time it took
      assert.ok(calls - limited <= DEFAULT_RATE_LIMITS.ssssRequests.burst + DEFAULT_RATE_LIMITS.ssssRequests.perSecond * elapsedS + 1, `${calls - limited} served in ${elapsedS} s`)
      await waitFor(() => holder.scores.score(attacker.peerId.toString()) < 0, { timeoutMs: 5_000 })
      const counted = /escrin_rate_limited_total\{protocol="\/escrin\/ssss-get\/1 calls"\} (\d+)/.exec(await holder.metrics.registry.metrics())?.[1]
      assert.equal(Number(counted), limited, 'every refused request counted')
      assert.equal(code(await ssssCall(runner.host, holder.peerId, { get: request() }, 5_000)), 'SHARE', 'the rate is the flooder\'s alone')
    } finally {
      await attacker.stop()
    }
  })

  it('rotation: a new version is served only once committed, and then the old one is gone', async () => {
    const v1 = (await holder.holder?.store.versions(OWNER, 'app'))?.[0].spec.version ?? 0
    const first = await runner.keyRelease.appKey(OWNER, 'app')
    const rotated = await dealSecret(runner, { ownerKey: OWNER_KEY, app: 'app', custody: 'custody', version: v1 + 1 })
    assert.equal(rotated.committed.length, 3)
    const second = await runner.keyRelease.appKey(OWNER, 'app')
    assert.notDeepEqual(second, first)
    assert.deepEqual((await holder.holder?.store.versions(OWNER, 'app'))?.map(v => v.spec.version), [v1 + 1])
  })

  it('a rotation committed by fewer than t holders: runners keep the previous key until a dealing completes', async () => {
    const current = (await holder.holder?.store.versions(OWNER, 'app'))?.at(-1)?.spec.version ?? 0
    // 3 of 3, so that the holders still serving the old version cannot outvote the new one
    const full = await dealSecret(runner, { ownerKey: OWNER_KEY, app: 'app', custody: 'custody', threshold: 3, version: current + 1 })
    assert.equal(full.pruned.length, 3)
    const previous = await runner.keyRelease.appKey(OWNER, 'app')

    // a dealing that every holder stored and only one committed (the commit lost on the way to the others)
    const records = net.nodes.slice(0, 3).map(n => ({ peerId: n.peerId.toString(), x25519: runner.attestations.recordOf(n.peerId.toString())?.enclaveX25519 as Uint8Array }))
    const partial = await prepareDealing({ ownerKey: OWNER_KEY, app: 'app', custody: 'custody', holders: records, threshold: 3, version: current + 2 })
    for (const s of partial.shares) assert.equal(code(await ssssCall(runner.host, peerIdFromString(s.holder), { deal: { spec: partial.spec, share: s.share } }, 5_000)), 'OK')
    assert.equal(code(await ssssCall(runner.host, holder.peerId, { control: partial.commit }, 5_000)), 'OK')
    assert.deepEqual((await holder.holder?.store.versions(OWNER, 'app'))?.map(v => [v.spec.version, v.committed]), [[current + 1, true], [current + 2, true]], 'the holder that committed keeps the previous version')
    // that holder serves the new version, the others the previous one: the runner asks it for the previous one
    assert.deepEqual(await runner.keyRelease.appKey(OWNER, 'app'), previous)
    assert.ok(holder.holder?.history().some(e => e.kind === 'get' && e.version === current + 1 && e.result === 'released'), 'asked for the previous version by number')

    // the next complete dealing prunes every older version, committed or not, at every holder
    const next = await dealSecret(runner, { ownerKey: OWNER_KEY, app: 'app', custody: 'custody', version: current + 3 })
    assert.deepEqual([next.committed.length, next.pruned.length], [3, 3], JSON.stringify(next.failed))
    for (const n of net.nodes.slice(0, 3)) assert.deepEqual((await n.holder?.store.versions(OWNER, 'app'))?.map(v => v.spec.version), [current + 3])
    assert.notDeepEqual(await runner.keyRelease.appKey(OWNER, 'app'), previous)
  })

  it('a holder that leaves the custody scope stops serving at once; the others still release the key', async () => {
    const leaving = net.nodes[2]
    const v2 = await signPolicy(createPolicy({ owner: OWNER, name: 'custody', version: 2, predicate: JSON.stringify({ all: [{ eq: ['tee.measurement', CUSTODY_M] }, { has: ['roles', 'ssss'] }, { ne: ['peerId', leaving.peerId.toString()] }] }) }), OWNER_KEY)
    const { id } = await net.nodes[0].policies.publish(v2)
    await waitFor(() => net.nodes.every(n => n.policies.store.get(id) != null), { timeoutMs: 20_000 })
    assert.equal(code(await ssssCall(runner.host, leaving.peerId, { get: request() }, 5_000)), 'NOT_IN_CUSTODY')
    assert.equal((await runner.keyRelease.appKey(OWNER, 'app')).length, 32)
  })

  // last: it lets the runner's attestation lapse
  it('a requester whose attestation went stale receives no share from any holder', async () => {
    runner.attestations.stop() // no more re-publication: the record expires at the holders
    const me = runner.peerId.toString()
    await waitFor(() => net.nodes.slice(0, 3).every(n => n.attestations.recordOf(me) == null), { timeoutMs: 15_000 })
    for (const h of net.nodes.slice(0, 3)) {
      assert.equal(code(await ssssCall(runner.host, h.peerId, { get: request() }, 5_000)), 'NOT_IN_SCOPE')
    }
  })
})
