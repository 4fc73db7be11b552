import 'server-only';

const counters = new Map<number, number>();

// Stand-in for the Drizzle client: `upsertCount` plays
// `insert(...).values(...).onConflictDoUpdate(...).returning()`.
export const db = {
  async upsertCount(id: number, increment: number) {
    const count = (counters.get(id) ?? 0) + increment;
    counters.set(id, count);
    return [{ id, count }];
  },
};
