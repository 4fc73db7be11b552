// Stand-in for @openstatus/upstash (an Upstash Redis client).
const store = new Map<string, string | number | Record<string, number>>();

export const redis = {
  async set(key: string, value: string, _opts?: { ex?: number; get?: boolean }) {
    const previous = store.get(key);
    store.set(key, value);
    return (previous ?? null) as string | null;
  },
  async hincrby(key: string, field: string, by: number) {
    const hash = (store.get(key) as Record<string, number> | undefined) ?? {};
    hash[field] = (hash[field] ?? 0) + by;
    store.set(key, hash);
    return hash[field];
  },
  async incr(key: string) {
    const next = Number(store.get(key) ?? 0) + 1;
    store.set(key, next);
    return next;
  },
};
