import assert from 'node:assert/strict'
import { ApiError, ApiServer } from '../../node/api/index.js'
import { silentLogger } from '../../node/log/index.js'

describe('api server', () => {
  let server: ApiServer
  let base: string

  before(async () => {
    server = new ApiServer({ logger: silentLogger() }, { host: '127.0.0.1', port: 0, maxBodyBytes: 64 })
    server.route({ method: 'GET', path: '/v1/things/:id', handler: ({ params, query }) => ({ id: params.id, q: query.get('q'), n: 5n }) })
    server.route({ method: 'POST', path: '/v1/things', handler: ({ body }) => ({ got: body }) })
    server.route({ method: 'GET', path: '/v1/fail', handler: () => { throw new ApiError(409, 'CONFLICT', 'no') } })
    server.route({ method: 'GET', path: '/v1/crash', handler: () => { throw new Error('secret detail') } })
    await server.start()
    base = `http://${server.address}`
  })

  after(async () => { await server.stop(); await server.stop() })

  it('routes with parameters and serialises bigint', async () => {
    const res = await fetch(`${base}/v1/things/a%20b?q=1`)
    assert.equal(res.status, 200)
    assert.deepEqual(await res.json(), { id: 'a b', q: '1', n: '5' })
  })

  it('answers 404, 405, 413, 400 and typed errors as JSON', async () => {
    assert.equal((await fetch(`${base}/nope`)).status, 404)
    const wrongMethod = await fetch(`${base}/v1/things/1`, { method: 'DELETE' })
    assert.equal(wrongMethod.status, 405)
    assert.equal(wrongMethod.headers.get('allow'), 'GET')
    assert.equal((await fetch(`${base}/v1/things`, { method: 'POST', body: 'x'.repeat(100) })).status, 413)
    const badJson = await fetch(`${base}/v1/things`, { method: 'POST', body: '{' })
    assert.equal(badJson.status, 400)
    assert.equal((await badJson.json() as { error: { code: string } }).error.code, 'BAD_JSON')
    const conflict = await fetch(`${base}/v1/fail`)
    assert.deepEqual(await conflict.json(), { error: { code: 'CONFLICT', message: 'no' } })
    const crash = await fetch(`${base}/v1/crash`)
    assert.equal(crash.status, 500)
    assert.doesNotMatch(await crash.text(), /secret detail/)
  })

  it('accepts JSON bodies within the bound', async () => {
    const res = await fetch(`${base}/v1/things`, { method: 'POST', body: JSON.stringify({ a: 1 }) })
    assert.deepEqual(await res.json(), { got: { a: 1 } })
  })
})
