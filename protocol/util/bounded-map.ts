/**
 * A Map that holds at most `maxSize` entries: when `set` adds a new key and
 * the map grows past `maxSize`, the oldest entry (Map insertion order) is
 * dropped. Setting a key already present changes its value in place: it keeps
 * its position and evicts nothing. To keep the most recently used last (LRU),
 * delete the key and set it again.
 *
 * It exists because caches and per-peer tables across the node bounded their
 * Maps by hand, each with its own copy of "past the bound, delete the first
 * key" and its own choice of `>=` before or `>` after the insert; this is
 * that idiom once, with one meaning of the bound. A bound that is not a
 * whole number of at least 1 is refused when the map is made: the two
 * hand-written forms disagreed on one (keeping one entry, or none).
 *
 * A subclass rather than a wrapper: `set` is the only way a Map grows (the
 * constructor takes no entries), so overriding it keeps the bound, and every
 * read, iteration, delete and clear stays Map's own, so a call site changes
 * only where the map is made.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor (readonly maxSize: number) {
    super()
    if (!Number.isSafeInteger(maxSize) || maxSize < 1) throw new RangeError(`a bounded map holds at least 1 entry, not ${maxSize}`)
  }

  override set (key: K, value: V): this {
    super.set(key, value)
    if (this.size > this.maxSize) this.delete(this.keys().next().value as K)
    return this
  }
}
