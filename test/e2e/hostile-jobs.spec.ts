import { openStream } from '../../node/host/index.js'
import assert from 'node:assert/strict'
import { lpStream } from '@libp2p/utils'
import { privateKeyToAccount } from 'viem/accounts'
import { createBareHost } from '../../bench/lib/raw-host.js'
import { newJobId } from '../../node/jobs/index.js'
import {
  decodeJobResponse, encodeJobRequest, JOB_PROTOCOL, jobErrorFromFailure, jobInputAad, MAX_JOB_INPUT_BYTES, MAX_JOB_REQUEST_BYTES, sealToKey, workerCid
} from '../../protocol/job/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { Libp2p } from 'libp2p'

const APP_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const ECHO = new TextEncoder().encode('export default { async fetch (r) { return new Response(await r.arrayBuffer()) } }')

describe('hostile job clients (a raw libp2p host speaking /escrin/job/1)', function () {
  this.timeout(120_000)
  let net: TestNetwork
  let attacker: Libp2p
  let policyId: string

  before(async () => {
    net = await startNetwork(2, {}, () => ({ sandbox: { processes: 1 } }))
    await waitFor(() => net.nodes.every(n => n.attestations.size === 2), { timeoutMs: 20_000 })
    const signed = await signPolicy(createPolicy({ owner: privateKeyToAccount(APP_KEY).address, name: 'runners', version: 1, predicate: '{"has":["roles","runner"]}' }), APP_KEY)
    policyId = (await net.nodes[0].policies.publish(signed)).id
    await waitFor(() => net.nodes[1].attestations.scopes.members(policyId).length === 2, { timeoutMs: 20_000 })
    attacker = await createBareHost()
  })

  after(async () => {
    await attacker?.stop()
    await net?.close()
  })

  /** A well-formed request to node 1, sealed to its attested key, which `tamper` may change. */
  function request (jobId = newJobId(), tamper?: (r: any) => void): Uint8Array {
    const runner = net.nodes[1]
    const record = runner.attestations.recordOf(runner.peerId.toString())
    assert.ok(record != null)
    const cid = workerCid(ECHO).bytes
    const { box } = sealToKey(record.enclaveX25519, new TextEncoder().encode('hi'), jobInputAad(jobId, policyId, cid))
    const r = { jobId, policyId, workerCid: cid, inlineCode: ECHO, input: box, timeoutMs: 5_000 }
    tamper?.(r)
    return encodeJobRequest(r)
  }

  /** The failure code name of a response, or undefined when it is ok. */
  const failureOf = (response: ReturnType<typeof decodeJobResponse>): string | undefined => response.failure != null ? jobErrorFromFailure(response.failure).code : undefined

  async function send (bytes: Uint8Array, from: Libp2p = attacker): Promise<ReturnType<typeof decodeJobResponse>> {
    const stream = await openStream(from, net.nodes[1].host.getMultiaddrs()[0], JOB_PROTOCOL, { signal: AbortSignal.timeout(10_000) })
    const lp = lpStream(stream, { maxDataLength: 4 * MAX_JOB_REQUEST_BYTES })
    await lp.write(bytes)
    const response = decodeJobResponse((await lp.read({ signal: AbortSignal.timeout(30_000) })).subarray())
    await stream.close().catch(() => {})
    return response
  }

  it('a valid request from any peer runs (the control case)', async () => {
    const response = await send(request())
    assert.ok(response.ok != null, JSON.stringify(response.failure))
  })

  it('tampered ciphertext: DECRYPT_FAILED', async () => {
    const response = await send(request(undefined, r => { r.input.ciphertext[3] ^= 1 }))
    assert.equal(failureOf(response), 'DECRYPT_FAILED')
  })

  it('a replayed job id: DUPLICATE_JOB, and the worker does not run twice', async () => {
    const jobId = newJobId()
    const bytes = request(jobId)
    assert.ok((await send(bytes)).ok != null)
    const before = net.nodes[1].runner?.stats().executed
    const again = await send(bytes)
    assert.equal(failureOf(again), 'DUPLICATE_JOB')
    assert.equal(net.nodes[1].runner?.stats().executed, before)
  })

  it('a job id from long ago or from the future: refused as CLOCK_SKEW (bounded replay memory stays sound)', async () => {
    for (const offset of [-3_600_000, 3_600_000]) {
      const response = await send(request(newJobId(Date.now() + offset)))
      assert.equal(failureOf(response), 'CLOCK_SKEW')
    }
  })

  it('code that does not match its CID: CODE_MISMATCH', async () => {
    const response = await send(request(undefined, r => { r.inlineCode = new TextEncoder().encode('export default { fetch () { return new Response("evil") } }') }))
    assert.equal(failureOf(response), 'CODE_MISMATCH')
  })

  it('oversize input and garbage: typed errors, a penalty, and the runner keeps serving', async () => {
    const [big, noisy] = await Promise.all([createBareHost(), createBareHost()])
    try {
      // an input over its bound inside a frame that fits
      const huge = await send(request(undefined, r => { r.inlineCode = undefined; r.input.ciphertext = new Uint8Array(MAX_JOB_INPUT_BYTES + 100) }), big)
      assert.equal(failureOf(huge), 'INPUT_TOO_LARGE')
      // a frame that announces 2 GB: refused from its length prefix, before anything is buffered, and the stream reset
      const stream = await openStream(big, net.nodes[1].host.getMultiaddrs()[0], JOB_PROTOCOL, { signal: AbortSignal.timeout(10_000) })
      stream.send(Uint8Array.of(0x80, 0xa8, 0xd6, 0xb9, 0x07)) // varint 2_000_000_000
      const lp = lpStream(stream, { maxDataLength: MAX_JOB_REQUEST_BYTES })
      await assert.rejects(lp.read({ signal: AbortSignal.timeout(10_000) }))
      const garbage = await send(Uint8Array.of(0xff, 0xff, 0xff, 0x01), noisy)
      assert.equal(failureOf(garbage), 'MALFORMED_REQUEST')
      await waitFor(() => [big, noisy].every(h => net.nodes[1].scores.score(h.peerId.toString()) < 0), { timeoutMs: 5_000 })
    } finally {
      await Promise.allSettled([big.stop(), noisy.stop()])
    }
    assert.equal(net.nodes[1].isRunning, true)
    // an honest client is still served
    const outcome = await net.nodes[0].jobs.submit({ policyId, code: ECHO, input: new TextEncoder().encode('ok') })
    assert.equal(new TextDecoder().decode(outcome.output), 'ok')
  })

})
