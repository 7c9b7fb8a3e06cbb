import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { keepsPrivateAddresses, resolveConfig } from '../../node/config/index.js'
import { formatByteSize, parseByteSize, parseDuration } from '../../node/config/units.js'
import { DEFAULT_RATE_LIMITS } from '../../node/constants.js'
import { UsageError } from '../../node/errors.js'

describe('configuration', () => {
  let dir: string
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'escrin-config-')) })
  after(async () => { await rm(dir, { recursive: true, force: true }) })

  it('has working defaults', () => {
    const config = resolveConfig({ flags: {} })
    assert.deepEqual(config.roles, ['runner', 'ssss', 'storage'])
    assert.deepEqual(config.api, { host: '127.0.0.1', port: 7001 })
    assert.equal(config.listen[0].toString(), '/ip4/0.0.0.0/tcp/4001')
    assert.equal(config.attestation, 'nitro') // dev evidence only when asked for (devnet does)
    assert.ok(config.lowWater <= config.highWater && config.highWater <= config.maxConnections)
    assert.deepEqual(config.rateLimits, DEFAULT_RATE_LIMITS)
  })

  it('keeps private addresses for loopback-only nodes, drops them for the wildcard, and does as told', () => {
    const keeps = (flags: Record<string, string | string[]>): boolean => keepsPrivateAddresses(resolveConfig({ flags }))
    assert.equal(keeps({}), false) // the default listens on 0.0.0.0: a public node
    assert.equal(keeps({ listen: ['/ip4/127.0.0.1/tcp/0', '/ip6/::1/tcp/0'] }), true)
    assert.equal(keeps({ listen: ['/memory/a'] }), true)
    assert.equal(keeps({ listen: ['/ip4/127.0.0.1/tcp/0', '/ip4/10.0.0.5/tcp/0'] }), false)
    assert.equal(keeps({ 'private-addresses': 'keep' }), true) // a LAN or a VPC on the wildcard
    assert.equal(keeps({ 'private-addresses': 'drop', listen: ['/ip4/127.0.0.1/tcp/0'] }), false)
    assert.throws(() => resolveConfig({ flags: { 'private-addresses': 'sometimes' } }), UsageError)
  })

  it('changes the named rate limits from a flag, the environment or the config file, and keeps the others', async () => {
    const fromFlags = resolveConfig({ flags: { 'rate-limit': ['jobs=2000/4000', 'ssss-requests=0.5/1'] } })
    assert.deepEqual(fromFlags.rateLimits.jobs, { perSecond: 2000, burst: 4000 })
    assert.deepEqual(fromFlags.rateLimits.ssssRequests, { perSecond: 0.5, burst: 1 })
    assert.deepEqual(fromFlags.rateLimits.hello, DEFAULT_RATE_LIMITS.hello)
    const fromEnv = resolveConfig({ flags: {}, env: { ESCRIN_RATE_LIMIT: 'hello=1/5,ssss-channel=4/20' } })
    assert.deepEqual(fromEnv.rateLimits.hello, { perSecond: 1, burst: 5 })
    assert.deepEqual(fromEnv.rateLimits.ssssChannel, { perSecond: 4, burst: 20 })
    const file = join(dir, 'limits.json')
    await writeFile(file, JSON.stringify({ 'rate-limit': ['blobs=100/200'] }))
    assert.deepEqual(resolveConfig({ flags: {}, configFile: file }).rateLimits.blobs, { perSecond: 100, burst: 200 })
    // the defaults are a constant every node shares: a change is a node's own
    assert.deepEqual(DEFAULT_RATE_LIMITS.jobs, { perSecond: 1_000, burst: 2_000 })
  })

  it('sets storage limits from sizes as operators write them; the others keep their defaults', () => {
    const config = resolveConfig({ flags: { 'storage-limit': ['capacity=2TiB', 'max-blob=1.5GiB', 'disk-reserve=0'] }, env: { ESCRIN_STORAGE_LIMIT: 'app-quota=500MB' } })
    assert.deepEqual(config.storageLimits, { capacityBytes: 2 * 2 ** 40, maxBlobBytes: 1.5 * 2 ** 30, diskReserveBytes: 0 })
    assert.deepEqual(resolveConfig({ flags: {}, env: { ESCRIN_STORAGE_LIMIT: 'app-quota=500MB,peer-quota=4096' } }).storageLimits, { appQuotaBytes: 500e6, peerQuotaBytes: 4096 })
    assert.deepEqual(resolveConfig({ flags: {} }).storageLimits, {})
  })

  it('sets what a runner takes on: counts, a memory size and a CPU duration', () => {
    const config = resolveConfig({ flags: { 'runner-limit': ['capacity=64', 'processes=8', 'memory=1GiB', 'cpu-time=2.5s'] } })
    assert.deepEqual(config.runner, { capacity: 64, processes: 8, memoryBytes: 2 ** 30, cpuTimeMs: 2500 })
    assert.deepEqual(resolveConfig({ flags: {}, env: { ESCRIN_RUNNER_LIMIT: 'cpu-time=500,processes=1' } }).runner, { cpuTimeMs: 500, processes: 1 })
    assert.deepEqual(resolveConfig({ flags: {} }).runner, {})
    assert.equal(parseDuration('1.5m'), 90_000)
    assert.equal(parseDuration('2h'), 7_200_000)
    for (const bad of ['', 's', '-1s', '10 minutes', '0.5ms']) assert.equal(parseDuration(bad), undefined, bad)
  })

  it('reads bonds from a chain given its URL and the bond contract', () => {
    const config = resolveConfig({ flags: { chain: 'https://rpc.example.org/v1', 'bond-contract': `0x${'AB'.repeat(20)}` } })
    assert.deepEqual(config.chain, { url: 'https://rpc.example.org/v1', bondContract: `0x${'ab'.repeat(20)}`, confirmations: 0 })
    assert.equal(resolveConfig({ flags: { chain: 'http://127.0.0.1:8545', 'bond-contract': `0x${'ab'.repeat(20)}`, 'chain-confirmations': '12' } }).chain?.confirmations, 12)
    assert.equal(resolveConfig({ flags: {} }).chain, null)
  })

  it('follows a policy registry on a chain, with or without the chain\'s bonds', () => {
    const registry = `0x${'CD'.repeat(20)}`
    assert.deepEqual(resolveConfig({ flags: { chain: 'http://127.0.0.1:8545', 'policy-registry': registry } }).chain, { url: 'http://127.0.0.1:8545', bondContract: null, policyRegistry: `0x${'cd'.repeat(20)}`, confirmations: 0 })
    const both = resolveConfig({ flags: { chain: 'http://127.0.0.1:8545', 'bond-contract': `0x${'ab'.repeat(20)}` }, env: { ESCRIN_POLICY_REGISTRY: registry } }).chain
    assert.equal(both?.bondContract, `0x${'ab'.repeat(20)}`)
    assert.equal(both?.policyRegistry, `0x${'cd'.repeat(20)}`)
    // the registry does not take bonds from the ledger file's place
    assert.equal(resolveConfig({ flags: { chain: 'http://127.0.0.1:8545', 'policy-registry': registry, 'bond-ledger': 'bonds.json' } }).chain?.bondContract, null)
  })

  it('reads sizes in bytes, binary and decimal units, in any case; refuses anything else', () => {
    assert.equal(parseByteSize('4096'), 4096)
    assert.equal(parseByteSize('256MiB'), 256 * 2 ** 20)
    assert.equal(parseByteSize(' 1.5 gib '), 1.5 * 2 ** 30)
    assert.equal(parseByteSize('2TB'), 2e12)
    assert.equal(parseByteSize('7b'), 7)
    for (const bad of ['', '-1', '1.5', '0.3KiB', '12 parsecs', 'MiB', '1e3', '9999999TiB', '1,000']) assert.equal(parseByteSize(bad), undefined, bad)
    assert.equal(formatByteSize(256 * 2 ** 20), '256 MiB')
    assert.equal(formatByteSize(1.5 * 2 ** 30), '1.5 GiB')
    assert.equal(formatByteSize(999), '999 B')
  })

  it('applies flags over environment over config file over defaults', async () => {
    const file = join(dir, 'c.json')
    await writeFile(file, JSON.stringify({ roles: ['storage'], network: 'filenet', 'log-level': 'debug', api: '127.0.0.1:9000' }))
    const config = resolveConfig({
      flags: { api: '127.0.0.1:9002' },
      env: { ESCRIN_NETWORK: 'envnet', ESCRIN_API: '127.0.0.1:9001' },
      configFile: file
    })
    assert.deepEqual(config.roles, ['storage']) // file
    assert.equal(config.network, 'envnet') // env over file
    assert.deepEqual(config.api, { host: '127.0.0.1', port: 9002 }) // flag over env
    assert.equal(config.logLevel, 'debug') // file over default
  })

  it('reads ESCRIN_CONFIG and comma-separated lists', async () => {
    const file = join(dir, 'd.json')
    await writeFile(file, JSON.stringify({ listen: ['/ip4/127.0.0.1/tcp/1', '/ip4/127.0.0.1/tcp/2'] }))
    const config = resolveConfig({ flags: { roles: ['runner,ssss'] }, env: { ESCRIN_CONFIG: file } })
    assert.deepEqual(config.roles, ['runner', 'ssss'])
    assert.equal(config.listen.length, 2)
  })

  const bad: Array<[string, Parameters<typeof resolveConfig>[0], RegExp]> = [
    ['an unknown role', { flags: { roles: ['foo'] } }, /--roles: unknown role "foo" \(valid roles: runner, ssss, storage\)/],
    ['a bad multiaddr', { flags: { listen: ['nope'] } }, /--listen: invalid multiaddr "nope"/],
    ['a bootstrap without peer id', { flags: { bootstrap: ['/ip4/1.2.3.4/tcp/1'] } }, /no \/p2p/],
    ['a bad api address', { flags: { api: 'localhost' } }, /not HOST:PORT/],
    ['a bad log level', { flags: {}, env: { ESCRIN_LOG_LEVEL: 'loud' } }, /ESCRIN_LOG_LEVEL: unknown log level "loud"/],
    ['max below min connections', { flags: { 'min-connections': '10', 'max-connections': '5' } }, /max-connections/],
    ['a low water mark above the high one', { flags: { 'low-water': '40', 'high-water': '30' } }, /low-water \(40\) is above high-water \(30\)/],
    ['a bad network id', { flags: { network: 'Bad Net' } }, /network id/],
    ['an unknown rate limit', { flags: { 'rate-limit': ['gossip=1/1'] } }, /--rate-limit: unknown rate limit "gossip" \(known: hello, sync, jobs, ssss, ssss-channel, ssss-requests, blobs\)/],
    ['a rate limit that is not NAME=PER_SECOND/BURST', { flags: {}, env: { ESCRIN_RATE_LIMIT: 'jobs=100' } }, /ESCRIN_RATE_LIMIT: "jobs=100" is not NAME=PER_SECOND\/BURST/],
    ['a rate limit of nothing a second', { flags: { 'rate-limit': ['hello=0/10'] } }, /needs a rate above 0 and a burst of at least 1/],
    ['a rate limit without a burst', { flags: { 'rate-limit': ['hello=2/0'] } }, /needs a rate above 0 and a burst of at least 1/],
    ['an unknown storage limit', { flags: { 'storage-limit': ['disk=1GiB'] } }, /--storage-limit: "disk=1GiB" is not NAME=SIZE with NAME one of max-blob, app-quota, peer-quota, capacity, disk-reserve, transfer-buffers/],
    ['a storage limit that is not a size', { flags: { 'storage-limit': ['capacity=lots'] } }, /--storage-limit: "lots" is not a size/],
    ['a largest blob past the protocol\'s bound', { flags: { 'storage-limit': ['max-blob=20GiB'] } }, /max-blob must be 1 byte to 16 GiB/],
    ['transfer buffers smaller than one transfer', { flags: { 'storage-limit': ['transfer-buffers=1MiB'] } }, /transfer-buffers must be at least 8 MiB/],
    ['an unknown runner limit', { flags: { 'runner-limit': ['threads=4'] } }, /--runner-limit: "threads=4" is not NAME=VALUE with NAME one of capacity, processes, memory, cpu-time/],
    ['no runner processes', { flags: { 'runner-limit': ['processes=0'] } }, /processes "0" must be a whole number from 1 to 10000/],
    ['a job memory below an idle workerd', { flags: { 'runner-limit': ['memory=64MiB'] } }, /memory "64MiB" must be a size of at least 128MiB/],
    ['a CPU time that is not a duration', { flags: { 'runner-limit': ['cpu-time=fast'] } }, /cpu-time "fast" must be a duration/],
    ['a chain with no contract to follow', { flags: { chain: 'http://127.0.0.1:8545' } }, /--chain: a chain is followed for its contracts: give --bond-contract .*--policy-registry/],
    ['a policy registry without a chain', { flags: { 'policy-registry': `0x${'cd'.repeat(20)}` } }, /--policy-registry: a policy registry needs --chain/],
    ['a policy registry that is not an address', { flags: { chain: 'http://127.0.0.1:8545', 'policy-registry': 'registry' } }, /--policy-registry: "registry" is not a 0x Ethereum address/],
    ['a bond contract without a chain', { flags: {}, env: { ESCRIN_BOND_CONTRACT: `0x${'ab'.repeat(20)}` } }, /ESCRIN_BOND_CONTRACT: a bond contract needs --chain/],
    ['a chain that is not a URL', { flags: { chain: 'localhost:8545', 'bond-contract': `0x${'ab'.repeat(20)}` } }, /--chain: "localhost:8545" is not (a URL|an http\(s\) JSON-RPC URL)/],
    ['a bond contract that is not an address', { flags: { chain: 'http://127.0.0.1:8545', 'bond-contract': '0x1234' } }, /--bond-contract: "0x1234" is not a 0x Ethereum address/],
    ['confirmations without a chain', { flags: { 'chain-confirmations': '3' } }, /--chain-confirmations: confirmations are of a chain: they need --chain/],
    ['confirmations that are not a count', { flags: { chain: 'http://127.0.0.1:8545', 'bond-contract': `0x${'ab'.repeat(20)}`, 'chain-confirmations': 'some' } }, /--chain-confirmations: "some" is not a non-negative whole number/],
    ['bonds from a chain and a ledger file at once', { flags: { chain: 'http://127.0.0.1:8545', 'bond-contract': `0x${'ab'.repeat(20)}`, 'bond-ledger': 'bonds.json' } }, /from the chain or from a --bond-ledger file, not both/],
    ['a missing config file', { flags: {}, configFile: '/nonexistent/escrin.json' }, /cannot read config file/]
  ]
  for (const [name, sources, message] of bad) {
    it(`refuses ${name} with a UsageError that says where`, () => {
      assert.throws(() => resolveConfig(sources), (err: unknown) => err instanceof UsageError && message.test(err.message))
    })
  }

  it('refuses unknown keys and wrong types in the config file', async () => {
    const file = join(dir, 'e.json')
    await writeFile(file, JSON.stringify({ rolez: ['x'] }))
    assert.throws(() => resolveConfig({ flags: {}, configFile: file }), /unknown key "rolez"/)
    await writeFile(file, JSON.stringify({ api: { host: 'x' } }))
    assert.throws(() => resolveConfig({ flags: {}, configFile: file }), /"api" must be a string/)
    await writeFile(file, '{not json')
    assert.throws(() => resolveConfig({ flags: {}, configFile: file }), /not valid JSON/)
  })
})
