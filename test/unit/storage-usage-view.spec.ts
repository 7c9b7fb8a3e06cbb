import assert from 'node:assert/strict'
import { usageView } from '../../node/storage/routes.js'

describe('GET /v1/storage usage: the largest apps and uploaders, and how many there are', () => {
  it('names the 100 largest of each, largest first, and counts all', () => {
    const byApp = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`0xowner/app-${i}`, (i + 1) * 10]))
    const byUploader = { a: 5, b: 7 }
    const view = usageView({ blobs: 300, bytes: 113_250, byApp, byUploader }) as { apps: number, uploaders: number, byApp: Record<string, number>, byUploader: Record<string, number>, blobs: number, bytes: number }
    assert.equal(view.apps, 150)
    assert.equal(view.uploaders, 2)
    assert.equal(view.blobs, 300)
    assert.equal(view.bytes, 113_250)
    const shown = Object.entries(view.byApp)
    assert.equal(shown.length, 100)
    assert.deepEqual(shown[0], ['0xowner/app-149', 1500])
    assert.deepEqual(shown[99], ['0xowner/app-50', 510])
    assert.deepEqual(view.byUploader, { b: 7, a: 5 })
    assert.deepEqual(Object.keys(view.byUploader), ['b', 'a'])
  })
})
