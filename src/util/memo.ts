/**
 * `compute`, remembered per key object for as long as the key lives. The key must not change once passed:
 * the library builds each work once (src/library/load.ts) and everything after only reads it.
 */
export function memoize<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const results = new WeakMap<K, V>();
  return (key) => {
    let value = results.get(key);
    if (value === undefined) {
      value = compute(key);
      results.set(key, value);
    }
    return value;
  };
}
