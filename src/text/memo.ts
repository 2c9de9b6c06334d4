/**
 * A function of a text, remembered: workbooks repeat the same strings thousands of times (names,
 * headers, markers). The memory is bounded: past `limit` entries it starts again.
 */
export function cached<T>(fn: (s: string) => T, limit = 50_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size >= limit) cache.clear();
      cache.set(s, v);
    }
    return v;
  };
}
