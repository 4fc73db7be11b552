import { relations, sql } from "drizzle-orm";
import { index, pgTableCreator, primaryKey } from "drizzle-orm/pg-core";
import { type AdapterAccount } from "next-auth/adapters";

/**
 * Every table is created through `createTable`, which prefixes the SQL name.
 * The first argument below is therefore NOT the real table name.
 */
export const createTable = pgTableCreator((name) => `kanban_${name}`);

type CardColor = "slate" | "amber" | "emerald";

export const boards = createTable(
  "board",
  (t) => ({
    id: t.integer().primaryKey().generatedByDefaultAsIdentity(),
    title: t.varchar({ length: 120 }).notNull(),
    archived: t.boolean().default(false).notNull(),
    ownerId: t
      .varchar("owner_id", { length: 255 })
      .notNull()
      .references(() => users.id),
    createdAt: t
      .timestamp({ withTimezone: true })
      .default(sql`CURRENT_TIMESTAMP`)
      .notNull(),
    updatedAt: t.timestamp({ withTimezone: true }).$onUpdate(() => new Date()),
  }),
  (b) => [index("board_owner_idx").on(b.ownerId)],
);

export const cards = createTable(
  "card",
  (t) => ({
    id: t
      .varchar({ length: 36 })
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    boardId: t
      .integer("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    body: t.text(),
    color: t.varchar({ length: 16 }).$type<CardColor>().default("slate"),
    position: t.doublePrecision().notNull(),
    createdById: t
      .varchar("created_by", { length: 255 })
      .notNull()
      .references(() => users.id),
    createdAt: t.timestamp({ withTimezone: true }).defaultNow().notNull(),
  }),
  (c) => [
    index("card_board_idx").on(c.boardId),
    index("card_created_by_idx").on(c.createdById),
  ],
);

export const users = createTable("user", (t) => ({
  id: t
    .varchar({ length: 255 })
    .notNull()
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: t.varchar({ length: 255 }),
  email: t.varchar({ length: 255 }).notNull(),
  emailVerified: t
    .timestamp({ mode: "date", withTimezone: true })
    .default(sql`CURRENT_TIMESTAMP`),
  image: t.varchar({ length: 255 }),
}));

export const accounts = createTable(
  "account",
  (t) => ({
    userId: t
      .varchar({ length: 255 })
      .notNull()
      .references(() => users.id),
    type: t.varchar({ length: 255 }).$type<AdapterAccount["type"]>().notNull(),
    provider: t.varchar({ length: 255 }).notNull(),
    providerAccountId: t.varchar({ length: 255 }).notNull(),
    refresh_token: t.text(),
    access_token: t.text(),
    expires_at: t.integer(),
  }),
  (a) => [
    primaryKey({ columns: [a.provider, a.providerAccountId] }),
    index("account_user_id_idx").on(a.userId),
  ],
);

export const usersRelations = relations(users, ({ many }) => ({
  accounts: many(accounts),
  boards: many(boards),
}));

export const boardsRelations = relations(boards, ({ one, many }) => ({
  owner: one(users, { fields: [boards.ownerId], references: [users.id] }),
  cards: many(cards),
}));

export const cardsRelations = relations(cards, ({ one }) => ({
  board: one(boards, { fields: [cards.boardId], references: [boards.id] }),
}));
