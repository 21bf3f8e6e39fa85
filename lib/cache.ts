// A small in-process cache for expensive read-only views (the city roll-up): a value younger than
// `freshMs` is served as is; an older one is served while one recomputation runs in the
// background; concurrent callers of a missing key share one computation. Per process: with
// several instances each keeps its own copy, which is fine for views that may lag by a minute.

type Entry<T> = { value: T; at: number } | undefined;

export type Cached<T> = { value: T; computedAt: Date };

export function staleWhileRevalidate<T>(freshMs: number, compute: (key: string) => Promise<T>, maxKeys = 32, now: () => number = Date.now) {
  const entries = new Map<string, Entry<T>>();
  const running = new Map<string, Promise<Cached<T>>>();

  const refresh = (key: string): Promise<Cached<T>> => {
    const pending = running.get(key);
    if (pending) return pending;
    const p = compute(key)
      .then((value) => {
        const at = now();
        entries.delete(key); // re-insert: the map's order is the eviction order
        entries.set(key, { value, at });
        while (entries.size > maxKeys) entries.delete(entries.keys().next().value as string);
        return { value, computedAt: new Date(at) };
      })
      .finally(() => running.delete(key));
    running.set(key, p);
    return p;
  };

  return async function get(key: string): Promise<Cached<T>> {
    const e = entries.get(key);
    if (!e) return refresh(key);
    if (now() - e.at >= freshMs) refresh(key).catch(() => {}); // served stale; a failed refresh retries next time
    return { value: e.value, computedAt: new Date(e.at) };
  };
}
