// Tiny in-memory stand-in for a Prisma delegate: same call shapes, no engine.
type Row = { id: string };

function same<T>(row: T, where: Partial<T> = {}): boolean {
  return (Object.keys(where) as (keyof T)[]).every(
    (key) => where[key] === undefined || row[key] === where[key],
  );
}

export function model<T extends Row>() {
  const rows = new Map<string, T>();
  const all = (where?: Partial<T>) =>
    [...rows.values()].filter((row) => same(row, where));

  return {
    async findFirst(args: { where?: Partial<T> } = {}): Promise<T | null> {
      return all(args.where)[0] ?? null;
    },
    async findUnique(args: { where: Partial<T> }): Promise<T | null> {
      return all(args.where)[0] ?? null;
    },
    async findMany(args: { where?: Partial<T>; take?: number; skip?: number } = {}): Promise<T[]> {
      const skip = args.skip ?? 0;
      return all(args.where).slice(skip, skip + (args.take ?? rows.size));
    },
    async create(args: { data: Omit<T, "id"> }): Promise<T> {
      const row = { ...args.data, id: crypto.randomUUID() } as unknown as T;
      rows.set(row.id, row);
      return row;
    },
    async update(args: { where: Partial<T>; data: Partial<Omit<T, "id">> }): Promise<T> {
      const row = all(args.where)[0];
      if (!row) throw new Error("Record to update not found.");
      const next = { ...row, ...args.data };
      rows.set(row.id, next);
      return next;
    },
    async updateMany(args: { where?: Partial<T>; data: Partial<Omit<T, "id">> }): Promise<{ count: number }> {
      const hit = all(args.where);
      for (const row of hit) rows.set(row.id, { ...row, ...args.data });
      return { count: hit.length };
    },
    async delete(args: { where: Partial<T> }): Promise<T> {
      const row = all(args.where)[0];
      if (!row) throw new Error("Record to delete does not exist.");
      rows.delete(row.id);
      return row;
    },
    async deleteMany(args: { where?: Partial<T> } = {}): Promise<{ count: number }> {
      const hit = all(args.where);
      for (const row of hit) rows.delete(row.id);
      return { count: hit.length };
    },
  };
}
