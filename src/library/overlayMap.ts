/**
 * A read-only map over two maps, `first` then `second`, without copying either: what a server's
 * view uses to see the shared articles (large, built once) and its own (small) as one map. A key
 * in both gives `combine(first's, second's)` (by default the first's value).
 */
export function overlayMap<K, V>(
  first: ReadonlyMap<K, V>,
  second: ReadonlyMap<K, V>,
  combine: (a: V, b: V) => V = (a) => a,
): ReadonlyMap<K, V> {
  if (second.size === 0) return first
  if (first.size === 0) return second
  const get = (key: K): V | undefined => {
    const a = first.get(key)
    const b = second.get(key)
    return a === undefined ? b : b === undefined ? a : combine(a, b)
  }
  function* entries(): MapIterator<[K, V]> {
    for (const [key, value] of first) yield [key, second.has(key) ? (get(key) as V) : value]
    for (const entry of second) if (!first.has(entry[0])) yield entry
  }
  function* keys(): MapIterator<K> {
    for (const [key] of entries()) yield key
  }
  function* values(): MapIterator<V> {
    for (const [, value] of entries()) yield value
  }
  let size: number | null = null
  const map: ReadonlyMap<K, V> = {
    get,
    has: (key) => first.has(key) || second.has(key),
    get size() {
      size ??= first.size + [...second.keys()].filter((key) => !first.has(key)).length
      return size
    },
    entries,
    keys,
    values,
    forEach: (callback, thisArg) => {
      for (const [key, value] of entries()) callback.call(thisArg, value, key, map)
    },
    [Symbol.iterator]: entries,
  }
  return map
}
