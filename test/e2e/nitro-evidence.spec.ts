import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { privateKeyToAccount } from 'viem/accounts'
import { EscrinNode } from '../../node/escrin-node.js'
import { devnetNodeConfig } from '../../node/devnet/index.js'
import { StartupError } from '../../node/errors.js'
import { silentLogger } from '../../node/log/index.js'
import { createPolicy, signedPolicyToJson, signPolicy } from '../../protocol/policy/index.js'
import { TestNitroPki } from '../helpers/nitro-pki.js'
import { startNetwork, type TestNetwork } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import type { EscrinNodeOptions } from '../../node/escrin-node.js'
import type { EvidenceProducer } from '../../node/attestations/index.js'

const APP_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const APP = privateKeyToAccount(APP_KEY).address
const M1 = 'a1'.repeat(48)
const M2 = 'b2'.repeat(48)
const MINT = fileURLToPath(new URL('../helpers/mint-nitro-document.js', import.meta.url))

/**
 * Real Nitro attestation documents (COSE_Sign1, ES384, a certificate chain)
 * from a private PKI every node trusts; what an enclave's NSM would make.
 */
describe('Nitro evidence between real nodes (a private PKI standing in for AWS)', function () {
  this.timeout(120_000)
  const pki = new TestNitroPki()
  const foreign = new TestNitroPki()
  let net: TestNetwork
  let pkiDir: string
  const ids = (range: number[]): string[] => range.map(i => net.nodes[i].peerId.toString())

  /** Node 0 dev evidence; 1-2 Nitro measured M1, 3 M2; 4 Nitro documents of a PKI only it trusts. */
  function optionsOf (i: number): EscrinNodeOptions {
    if (i === 4) return { verifiers: foreign.verifiers(), evidence: foreign.evidence(M1) }
    return { verifiers: pki.verifiers(), ...(i === 0 ? {} : { evidence: pki.evidence(i <= 2 ? M1 : M2) }) }
  }

  before(async () => {
    pkiDir = await mkdtemp(join(tmpdir(), 'escrin-pki-'))
    pki.save(pkiDir)
    net = await startNetwork(5, {}, optionsOf)
    // every node trusting the PKI holds the four records it can verify, and no more
    await waitFor(() => net.nodes.slice(0, 4).every(n => n.attestations.size === 4 && n.attestations.recordOf(ids([3])[0]) != null), {
      timeoutMs: 30_000, describe: () => net.nodes.map(n => n.attestations.size).join(',')
    })
  })

  after(async () => {
    await net?.close()
    await rm(pkiDir, { recursive: true, force: true })
  })

  it('every node admits exactly the Nitro nodes of the measurement a policy names', async () => {
    const signed = await signPolicy(createPolicy({ owner: APP, name: 'nitro-m1', version: 1, predicate: JSON.stringify({ all: [{ eq: ['tee.kind', 'nitro'] }, { eq: ['tee.measurement', M1] }] }) }), APP_KEY)
    const res = await fetch(`${net.api(net.nodes[0])}/v1/policies`, { method: 'POST', body: JSON.stringify(signedPolicyToJson(signed)) })
    const { id } = await res.json() as { id: string }
    assert.equal(res.status, 200)
    const want = JSON.stringify(ids([1, 2]).sort())
    await waitFor(() => net.nodes.slice(0, 4).every(n => JSON.stringify(n.attestations.scopes.members(id)) === want), {
      timeoutMs: 30_000, describe: () => net.nodes.slice(0, 4).map(n => n.attestations.scopes.members(id).length).join(',')
    })
    // the facts every node verified for a Nitro peer: its PCRs, from the signed document
    const peers = await (await fetch(`${net.api(net.nodes[0])}/v1/peers`)).json() as { peers: Array<{ peerId: string, attestation?: { tee: { kind: string, measurement: string } } }> }
    const m2 = peers.peers.find(p => p.peerId === ids([3])[0])
    assert.deepEqual({ kind: m2?.attestation?.tee.kind, measurement: m2?.attestation?.tee.measurement }, { kind: 'nitro', measurement: M2 })
  })

  it('no node accepts documents chained to a root it does not trust, and each counts the refusal', async () => {
    const hostile = ids([4])[0]
    const refusals = async (node: EscrinNode): Promise<number> => {
      const metrics = await (await fetch(`${net.api(node)}/metrics`)).text()
      return Number(/escrin_attestation_verifications_total\{result="error"\} (\d+)/.exec(metrics)?.[1] ?? 0)
    }
    // the hostile node's record reaches every node (gossip, or sync on connecting) and is refused there
    await waitFor(async () => (await Promise.all(net.nodes.slice(0, 4).map(refusals))).every(n => n > 0), {
      timeoutMs: 30_000, describe: async () => `refusals: ${(await Promise.all(net.nodes.slice(0, 4).map(refusals))).join(',')}`
    })
    for (const node of net.nodes.slice(0, 4)) assert.equal(node.attestations.recordOf(hostile), undefined)
  })

  it('a node started with --nitro-evidence publishes what its command prints, and joins the scope', async () => {
    const node = await net.add(net.nodes[0], { attestation: 'nitro', nitroEvidence: `"${process.execPath}" "${MINT}" "${pkiDir}" ${M2}`, nitroRoot: join(pkiDir, 'root.der') }, {})
    const id = node.peerId.toString()
    await waitFor(() => net.nodes.slice(0, 4).every(n => n.attestations.recordOf(id) != null), { timeoutMs: 30_000, describe: () => 'the new node\'s record did not reach every node' })
    const tee = net.nodes[1].attestations.factsOf(id)?.tee
    assert.deepEqual([tee?.kind, tee?.measurement, tee?.pcrs?.['0']], ['nitro', M2, M2])
  })

  it('a renewal whose evidence fails is tried again while the record out there stays valid', async () => {
    let calls = 0
    const made = pki.evidence(M1)
    const flaky: EvidenceProducer = async (binding, keys) => {
      calls++
      // the first renewal fails, as a hung enclave helper would
      if (calls === 2) throw new Error('the NSM did not answer')
      return await made(binding, keys)
    }
    const ttlMs = 3_000
    const node = await net.add(net.nodes[0], {}, { verifiers: pki.verifiers(), evidence: flaky, attestationTtlMs: ttlMs })
    const id = node.peerId.toString()
    const observer = net.nodes[1].attestations
    await waitFor(() => observer.recordOf(id) != null, { timeoutMs: 30_000, describe: () => 'the first record did not arrive' })
    const first = observer.recordOf(id)?.seq ?? 0
    // the renewal at half the lifetime fails; its retry, a tenth of the lifetime later, lands before the first record expires
    const deadline = Date.now() + 20_000
    while ((observer.recordOf(id)?.seq ?? 0) <= first) {
      assert.notEqual(observer.recordOf(id), undefined, `the record expired before a renewal landed (calls: ${calls})`)
      assert.ok(Date.now() < deadline, `no renewal landed (calls: ${calls})`)
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    assert.ok(calls >= 3, `renewed without retrying (calls: ${calls})`)
    await node.stop()
  })

  it('/v1/status shows the node\'s own attestation, and why its renewals fail while they do', async () => {
    let calls = 0
    const made = pki.evidence(M2)
    const failing: EvidenceProducer = async (binding, keys) => {
      if (++calls >= 2) throw new Error('the NSM did not answer')
      return await made(binding, keys)
    }
    const node = await net.add(net.nodes[0], {}, { verifiers: pki.verifiers(), evidence: failing, attestationTtlMs: 3_000 })
    try {
      const status = async (): Promise<any> => (await fetch(`${net.api(node)}/v1/status`)).json()
      const first = (await status()).attestation
      assert.deepEqual([first.evidence, first.tee.kind, first.tee.measurement, first.renewalFailure], ['nitro', 'nitro', M2, undefined])
      await waitFor(async () => (await status()).attestation.renewalFailure != null, { timeoutMs: 10_000, describe: () => `calls: ${calls}` })
      const failed = (await status()).attestation
      assert.match(failed.renewalFailure.message, /the NSM did not answer/)
      assert.equal(failed.expiresAt, first.expiresAt) // the record out there is still the first one
    } finally {
      await node.stop()
    }
  })

  it('a node whose command fails, or prints a document peers would reject, does not start, and says why', async () => {
    const attempt = async (command: string): Promise<StartupError> => {
      const dir = await mkdtemp(join(tmpdir(), 'escrin-nitro-node-'))
      const config = devnetNodeConfig(dir, [], { attestation: 'nitro', nitroEvidence: command, nitroRoot: join(pkiDir, 'root.der') })
      try {
        const node = await EscrinNode.create(config, { logger: silentLogger() })
        const err = await node.start().then(async () => { await node.stop(); return undefined }, (e: Error) => e)
        assert.ok(err instanceof StartupError, `expected a StartupError, got ${String(err)}`)
        return err
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }
    const mint = `"${process.execPath}" "${MINT}" "${pkiDir}" ${M1}`
    assert.match((await attempt('echo no NSM here >&2; exit 3')).message, /cannot attest this node: the evidence command exited with 3: no NSM here/)
    assert.match((await attempt(`ESCRIN_ENCLAVE_BINDING=${'00'.repeat(32)} ${mint}`)).message, /peers would reject \(BINDING_MISMATCH/)
    assert.match((await attempt('echo not a document')).message, /peers would reject \(MALFORMED/)
    assert.match((await attempt('true')).message, /printed nothing/)
  })
})
