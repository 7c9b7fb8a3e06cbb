import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LevelDatastore } from 'datastore-level'
import { Level } from 'level'
import { privateKeyToAccount } from 'viem/accounts'
import { loadOrCreateEnclaveKeys } from '../../node/attestations/index.js'
import { devnetNodeConfig } from '../../node/devnet/index.js'
import { EscrinNode } from '../../node/escrin-node.js'
import { silentLogger } from '../../node/log/index.js'
import { EscrinApiError, EscrinClient } from '../../node/sdk/index.js'
import { ShareStore, type StoreScan } from '../../node/ssss/index.js'
import { createPolicy, signPolicy } from '../../protocol/policy/index.js'
import { Point, verifySecretSpec, verifyShare } from '../../protocol/ssss/index.js'
import { spawnCli, waitForExit } from '../helpers/cli.js'
import { getJson } from '../helpers/http.js'
import { waitFor } from '../helpers/wait.js'

const OWNER_KEY = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const OWNER = privateKeyToAccount(OWNER_KEY).address.toLowerCase()
const HOLDERS = 4
/** Apps dealt and rotated at once; the even ones 3-of-4 (the default), the odd ones 4-of-4 (the killed holder's share is needed). */
const APPS = Array.from({ length: 8 }, (_, i) => ({ app: `app-${i}`, threshold: i % 2 === 0 ? 3 : 4 }))
const V1 = 1_000
const V2 = 1_001

interface Holder { child: ReturnType<typeof spawnCli>, dir: string, api: string, peerId: string, addr: string }

type Outcome = { app: string, threshold: number, pendingAtKill: boolean } & ({ ok: { committed: string[], acked: string[] } } | { error: EscrinApiError })

describe('kill -9 of a holder process in the middle of dealing (real escrin-node processes)', function () {
  this.timeout(240_000)
  let root: string
  const holders: Holder[] = []
  let runner: EscrinNode | undefined

  async function startHolder (i: number, bootstrap?: string): Promise<Holder> {
    const dir = join(root, `holder-${i}`)
    // the holders log (JSON, on stderr) each share they store: the test kills one at a chosen point of a dealing
    const child = spawnCli(['start', '--attestation', 'dev', '--roles', 'ssss', '--listen', '/ip4/127.0.0.1/tcp/0', '--api', '127.0.0.1:0', '--data-dir', dir, '--log-level', 'debug', '--log-format', 'json', ...(bootstrap != null ? ['--bootstrap', bootstrap] : [])])
    const api = await waitFor(() => /^api: (http:\/\/\S+)$/m.exec(child.output.stdout)?.[1], { timeoutMs: 30_000, describe: () => child.output.stdout + child.output.stderr })
    const peerId = /^peer id: (\S+)$/m.exec(child.output.stdout)?.[1] ?? ''
    const addr = /^listening: (\S+)$/m.exec(child.output.stdout)?.[1] ?? ''
    return { child, dir, api, peerId, addr: addr.includes('/p2p/') ? addr : `${addr}/p2p/${peerId}` }
  }

  /** Opens a stopped holder's datastore as the holder would and reads every record. */
  async function scanStore (dir: string): Promise<StoreScan> {
    const db = new Level<string, Uint8Array>(join(dir, 'datastore'), { keyEncoding: 'utf8', valueEncoding: 'view' })
    const datastore = new LevelDatastore(db)
    await db.open()
    await datastore.open()
    try {
      return await new ShareStore(datastore, (await loadOrCreateEnclaveKeys(dir)).x25519Secret).scan()
    } finally {
      await datastore.close()
    }
  }

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'escrin-ssss-crash-'))
    holders.push(await startHolder(0))
    holders.push(...await Promise.all(Array.from({ length: HOLDERS - 1 }, async (_, i) => await startHolder(i + 1, holders[0].addr))))
    runner = await EscrinNode.create(devnetNodeConfig(join(root, 'runner'), [holders[0].addr], { roles: ['runner'], api: null }), { logger: silentLogger(), sandbox: { processes: 1 } })
    await runner.start()
  })

  after(async () => {
    await runner?.stop()
    for (const h of holders) h.child.kill('SIGKILL')
    await Promise.all(holders.map(async h => await waitForExit(h.child, 10_000).catch(() => {})))
    await rm(root, { recursive: true, force: true })
  })

  it('dealings either complete with t holders or fail clearly; the killed holder restarts with an intact store and key release works', async () => {
    const node = runner as EscrinNode
    const me = node.peerId.toString()
    const client = new EscrinClient(holders[0].api)
    const publish = async (name: string, role: string): Promise<string> =>
      (await client.publishPolicy(await signPolicy(createPolicy({ owner: OWNER, name, version: 1, predicate: JSON.stringify({ has: ['roles', role] }) }), OWNER_KEY))).id
    const custody = await publish('custody', 'ssss')
    const apps = await Promise.all(APPS.map(async a => await publish(a.app, 'runner')))
    const ready = async (h: Holder): Promise<boolean> =>
      (await getJson(h.api, `/v1/scopes/${custody}`)).members.length === HOLDERS &&
      (await Promise.all(apps.map(async id => (await getJson(h.api, `/v1/scopes/${id}`)).members.includes(me)))).every(Boolean)
    await waitFor(async () => (await Promise.all(holders.map(ready))).every(Boolean) && node.attestations.peersWithRole('ssss').length === HOLDERS, { timeoutMs: 60_000 })

    // every app dealt once with every holder up
    const v1Keys = new Map<string, Uint8Array>()
    for (const { app, threshold } of APPS) {
      const dealt = await client.dealSecret({ ownerKey: OWNER_KEY, app, custody: 'custody', threshold, version: V1 })
      assert.equal(dealt.committed.length, HOLDERS, JSON.stringify(dealt.failed))
      v1Keys.set(app, await node.keyRelease.appKey(OWNER, app))
    }

    // every app rotated at once; one holder is killed as soon as it has stored
    // half of the new shares: some dealings have not reached it yet, others
    // have and wait for their commit
    const victim = holders[HOLDERS - 1]
    let killed = false
    const kill = (): void => {
      if (killed) return
      killed = true
      victim.child.kill('SIGKILL')
    }
    let log = ''
    victim.child.stderr?.on('data', (d: Buffer) => {
      log += d.toString()
      if ([...log.matchAll(/"msg":"share stored"[^\n]*"version":1001/g)].length >= APPS.length / 2) kill()
    })
    const outcomes: Outcome[] = await Promise.all(APPS.map(async ({ app, threshold }) => {
      try {
        const dealt = await client.dealSecret({ ownerKey: OWNER_KEY, app, custody: 'custody', threshold, version: V2 })
        return { app, threshold, pendingAtKill: killed, ok: dealt }
      } catch (err) {
        if (!(err instanceof EscrinApiError)) throw err
        return { app, threshold, pendingAtKill: killed, error: err }
      }
    }))
    assert.ok(killed, `the victim stored half the new shares: ${log.slice(-2000)}`)
    assert.equal((await waitForExit(victim.child, 10_000)).signal, 'SIGKILL')
    const summary = JSON.stringify(outcomes.map(o => ({ app: o.app, t: o.threshold, pending: o.pendingAtKill, ...('ok' in o ? { acked: o.ok.acked.length, committed: o.ok.committed.length } : { error: `${o.error.code}: ${o.error.message}` }) })))
    if (process.env.TEST_LOG != null) process.stderr.write(`outcomes: ${summary}\n`)
    assert.ok(outcomes.filter(o => o.pendingAtKill).length > 0, `some dealings were in flight at the kill: ${summary}`)
    for (const o of outcomes) {
      if ('ok' in o) {
        // a completed dealing: committed by at least t holders, which all stored their share
        assert.ok(o.ok.committed.length >= o.threshold, summary)
        assert.ok(o.ok.committed.every(h => o.ok.acked.includes(h)), summary)
      } else {
        assert.equal(o.error.code, 'THRESHOLD_NOT_MET', summary)
        assert.equal(o.error.status, 502)
        assert.match(o.error.message, /holders (stored their share|committed version)/)
      }
      if (!o.pendingAtKill) assert.ok('ok' in o, `dealings done before the kill completed: ${summary}`)
    }

    // the killed holder's store, opened as it left it: every record whole, every share matching its signed commitments
    const scan = await scanStore(victim.dir)
    assert.deepEqual(scan.damaged, [], 'no torn or damaged record')
    for (const { spec, share } of scan.shares) {
      await verifySecretSpec(spec)
      assert.ok(verifyShare(share, spec.commitments.map(c => Point.fromBytes(c))), `${spec.app} v${spec.version}: the stored share matches the commitments`)
    }
    const victimCommitted = (app: string, version: number): boolean => scan.shares.some(s => s.spec.app === app && s.spec.version === version && s.committed)
    for (const { app } of APPS) assert.ok(victimCommitted(app, V1) || victimCommitted(app, V2), `${app}: a committed version survived`)
    // the kill was in the middle: some rotations had not been committed at the killed holder (not dealt, or dealt and waiting for the commit)
    assert.ok(APPS.some(a => !victimCommitted(a.app, V2)), `some rotations were not committed at the killed holder: ${summary}`)

    // with the holder down, every 3-of-4 key is still released: the new one where the rotation completed, the old one where it did not
    const keyWhileDown = new Map<string, Uint8Array>()
    for (const o of outcomes.filter(o => o.threshold === 3)) {
      const key = await node.keyRelease.appKey(OWNER, o.app)
      if ('ok' in o) assert.notDeepEqual(key, v1Keys.get(o.app), `${o.app}: rotated`)
      else assert.deepEqual(key, v1Keys.get(o.app), `${o.app}: the previous key stays in service`)
      keyWhileDown.set(o.app, key)
    }

    // the holder restarts on a new port, from the same data dir
    holders[HOLDERS - 1] = await startHolder(HOLDERS - 1, holders[0].addr)
    const restarted = holders[HOLDERS - 1]
    assert.equal(restarted.peerId, victim.peerId)
    assert.notEqual(restarted.addr, victim.addr)
    await waitFor(async () => await ready(restarted), { timeoutMs: 60_000 })

    // every key is released, 4-of-4 ones included (the restarted holder's share is needed, at its new address:
    // the runner tries the old one first and finds the new one through the DHT once the holder's neighbours
    // know it, so within a bounded time of the restart rather than at once)
    for (const o of outcomes) {
      const key = await waitFor(async () => await node.keyRelease.appKey(OWNER, o.app), { timeoutMs: 60_000, intervalMs: 500 })
      const rotated = 'ok' in o || (o.threshold === 4 && victimCommitted(o.app, V2))
      if (rotated) assert.notDeepEqual(key, v1Keys.get(o.app), `${o.app}: the rotated key (${summary})`)
      else assert.deepEqual(key, v1Keys.get(o.app), `${o.app}: the previous key, since the rotation did not reach t holders (${summary})`)
      if (keyWhileDown.has(o.app)) assert.deepEqual(key, keyWhileDown.get(o.app), `${o.app}: the same key as while the holder was down`)
    }
  })
})
