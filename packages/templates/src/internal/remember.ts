/**
 * The value kept in `cache` under `key`, made by `make` the first time. Keys can come from callers (a
 * locale tag is any string), so a cache that reaches `limit` entries is emptied before it grows further:
 * memory stays bounded, and a value is only ever made again, never wrong.
 */
export function remember<K, V>(cache: Map<K, V>, limit: number, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}
