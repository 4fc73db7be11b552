// A tiny in-memory stand-in for a Prisma client. Each model exposes the
// subset of the Prisma API the app uses (`findMany`, `findUnique`,
// `findFirst`, `create`, `update`, `delete`, `count`), with the same
// argument shapes, so route handlers read like they would against Prisma.

type BaseRow = { id: string; createdAt: Date; updatedAt: Date };

type Where<T> = Partial<T>;

type CreateData<T extends BaseRow, D extends keyof T> = Omit<
  T,
  keyof BaseRow | D
> &
  Partial<Pick<T, D>> & { id?: string };

type UpdateData<T extends BaseRow> = Partial<Omit<T, keyof BaseRow>>;

export type User = BaseRow & {
  email: string;
  name: string | null;
  image: string | null;
};

export type Post = BaseRow & {
  title: string;
  content: string | null;
  published: boolean;
  authorId: string;
};

export type Comment = BaseRow & {
  body: string;
  postId: string;
  authorId: string;
};

export type Todo = BaseRow & {
  title: string;
  completed: boolean;
  userId: string;
};

export type Subscription = BaseRow & {
  userId: string;
  plan: "pro" | "team";
  interval: "month" | "year";
  status: "active" | "past_due" | "canceled";
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  currentPeriodEnd: Date | null;
};

export type PaymentMethod = BaseRow & {
  userId: string;
  brand: string;
  last4: string;
};

export type Bookmark = BaseRow & {
  url: string;
  title: string;
  userId: string;
};

export type Feedback = BaseRow & {
  message: string;
  rating: number | null;
  page: string | null;
  email: string | null;
};

export type ApiKey = BaseRow & {
  name: string;
  token: string;
  userId: string;
  lastUsedAt: Date | null;
};

export type Integration = BaseRow & {
  provider: "github";
  accessToken: string;
  userId: string;
};

export type Like = BaseRow & {
  slug: string;
  userId: string;
};

export type DataExport = BaseRow & {
  userId: string;
  format: "csv" | "json";
  status: "queued" | "ready" | "failed";
};

function matches<T>(row: T, where: Where<T> = {}): boolean {
  return (Object.keys(where) as (keyof T)[]).every(
    (key) => where[key] === undefined || row[key] === where[key],
  );
}

function createModel<T extends BaseRow, D extends keyof T = never>(
  defaults: Pick<T, D>,
) {
  const rows = new Map<string, T>();

  function findOrThrow(where: { id: string } & Where<T>): T {
    const row = rows.get(where.id);
    if (!row || !matches(row, where)) {
      throw new Error("Record to update or delete does not exist.");
    }
    return row;
  }

  return {
    async findMany(
      args: {
        where?: Where<T>;
        orderBy?: { createdAt: "asc" | "desc" };
        take?: number;
      } = {},
    ): Promise<T[]> {
      const result = [...rows.values()].filter((row) =>
        matches(row, args.where),
      );
      if (args.orderBy) {
        const direction = args.orderBy.createdAt === "asc" ? 1 : -1;
        result.sort(
          (a, b) => direction * (a.createdAt.getTime() - b.createdAt.getTime()),
        );
      }
      return result.slice(0, args.take ?? result.length);
    },

    async findUnique(args: { where: { id: string } }): Promise<T | null> {
      return rows.get(args.where.id) ?? null;
    },

    async findFirst(args: { where?: Where<T> } = {}): Promise<T | null> {
      for (const row of rows.values()) {
        if (matches(row, args.where)) {
          return row;
        }
      }
      return null;
    },

    async count(args: { where?: Where<T> } = {}): Promise<number> {
      return [...rows.values()].filter((row) => matches(row, args.where))
        .length;
    },

    async create(args: { data: CreateData<T, D> }): Promise<T> {
      const now = new Date();
      const row = {
        ...defaults,
        ...args.data,
        id: args.data.id ?? crypto.randomUUID(),
        createdAt: now,
        updatedAt: now,
      } as unknown as T;
      rows.set(row.id, row);
      return row;
    },

    async update(args: {
      where: { id: string } & Where<T>;
      data: UpdateData<T>;
    }): Promise<T> {
      const row = findOrThrow(args.where);
      const updated = { ...row, ...args.data, updatedAt: new Date() };
      rows.set(row.id, updated);
      return updated;
    },

    async delete(args: { where: { id: string } & Where<T> }): Promise<T> {
      const row = findOrThrow(args.where);
      rows.delete(row.id);
      return row;
    },

    async deleteMany(args: { where?: Where<T> } = {}): Promise<{
      count: number;
    }> {
      let count = 0;
      for (const row of [...rows.values()]) {
        if (matches(row, args.where)) {
          rows.delete(row.id);
          count += 1;
        }
      }
      return { count };
    },
  };
}

export const db = {
  user: createModel<User, "name" | "image">({ name: null, image: null }),
  post: createModel<Post, "content" | "published">({
    content: null,
    published: false,
  }),
  comment: createModel<Comment>({}),
  todo: createModel<Todo, "completed">({ completed: false }),
  subscription: createModel<
    Subscription,
    "status" | "stripeCustomerId" | "stripeSubscriptionId" | "currentPeriodEnd"
  >({
    status: "active",
    stripeCustomerId: null,
    stripeSubscriptionId: null,
    currentPeriodEnd: null,
  }),
  paymentMethod: createModel<PaymentMethod>({}),
  bookmark: createModel<Bookmark>({}),
  feedback: createModel<Feedback, "rating" | "page" | "email">({
    rating: null,
    page: null,
    email: null,
  }),
  apiKey: createModel<ApiKey, "lastUsedAt">({ lastUsedAt: null }),
  integration: createModel<Integration>({}),
  like: createModel<Like>({}),
  dataExport: createModel<DataExport, "status">({ status: "queued" }),
};
