import assert from 'node:assert/strict'
import fc from 'fast-check'
import { BoundedMap } from '../../protocol/util/index.js'

type Op = { kind: 'set', key: number, value: number } | { kind: 'refresh', key: number, value: number } | { kind: 'delete', key: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 9 }), value: fc.integer() }),
  fc.record({ kind: fc.constant('refresh' as const), key: fc.integer({ min: 0, max: 9 }), value: fc.integer() }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 9 }) })
)

describe('BoundedMap', () => {
  it('never holds more than maxSize entries, and always holds the newest ones in insertion order', () => {
    // the model: a plain Map, bounded by hand the way call sites did it (the first key goes once the map is past the bound)
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 60 }), (max, ops) => {
      const map = new BoundedMap<number, number>(max)
      const model = new Map<number, number>()
      for (const o of ops) {
        if (o.kind !== 'set') {
          map.delete(o.key)
          model.delete(o.key)
        }
        if (o.kind !== 'delete') {
          map.set(o.key, o.value)
          model.set(o.key, o.value)
          if (model.size > max) model.delete(model.keys().next().value as number)
        }
        assert.ok(map.size <= max, `size ${map.size} over ${max}`)
        assert.deepEqual([...map], [...model])
      }
    }))
  })

  it('matches the other hand-written form, evicting before a new key when size >= max', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 60 }), (max, keys) => {
      const map = new BoundedMap<number, number>(max)
      const model = new Map<number, number>()
      keys.forEach((key, i) => {
        if (model.has(key)) return // that form is only used where the key is known to be new
        if (model.size >= max) model.delete(model.keys().next().value as number)
        model.set(key, i)
        map.set(key, i)
        assert.deepEqual([...map], [...model])
      })
    }))
  })

  it('evicts the oldest entry first', () => {
    const map = new BoundedMap<string, number>(3)
    map.set('a', 1).set('b', 2).set('c', 3)
    assert.deepEqual([...map.keys()], ['a', 'b', 'c'])
    map.set('d', 4)
    assert.deepEqual([...map.keys()], ['b', 'c', 'd'])
    map.set('e', 5)
    assert.deepEqual([...map.keys()], ['c', 'd', 'e'])
    assert.equal(map.get('a'), undefined)
    assert.equal(map.get('e'), 5)
  })

  it('re-setting a key already present evicts nothing and keeps its position', () => {
    const map = new BoundedMap<string, number>(3)
    map.set('a', 1).set('b', 2).set('c', 3)
    map.set('a', 10)
    assert.deepEqual([...map], [['a', 10], ['b', 2], ['c', 3]])
    // so 'a' is still the oldest
    map.set('d', 4)
    assert.deepEqual([...map.keys()], ['b', 'c', 'd'])
  })

  it('delete then set refreshes a key: it becomes the newest and goes last', () => {
    const map = new BoundedMap<string, number>(3)
    map.set('a', 1).set('b', 2).set('c', 3)
    map.delete('a')
    map.set('a', 1)
    assert.equal(map.size, 3)
    map.set('d', 4)
    assert.deepEqual([...map.keys()], ['c', 'a', 'd'])
  })

  it('has room again after a delete or clear, and is a Map', () => {
    const map = new BoundedMap<string, number>(2)
    assert.ok(map instanceof Map)
    assert.equal(map.maxSize, 2)
    map.set('a', 1).set('b', 2)
    map.delete('a')
    map.set('c', 3)
    assert.deepEqual([...map.keys()], ['b', 'c'])
    map.clear()
    map.set('x', 1).set('y', 2)
    assert.deepEqual([...map.keys()], ['x', 'y'])
  })

  it('refuses a bound that is not a whole number of at least 1', () => {
    for (const bad of [0, -1, 2.5, NaN, Infinity]) assert.throws(() => new BoundedMap(bad), RangeError, String(bad))
    assert.equal(new BoundedMap(1).set('a', 1).set('b', 2).size, 1)
  })
})
