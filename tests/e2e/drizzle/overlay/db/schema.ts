import {
  boolean,
  date,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

// The shape of a create-t3-app / Drizzle-docs schema: an auth-owned `users`
// table and a resource table whose rows belong to one user.

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  name: text("name"),
});

export const postStatus = pgEnum("post_status", [
  "draft",
  "published",
  "archived",
]);

export const posts = pgTable("posts", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: varchar("title", { length: 120 }).notNull(),
  slug: varchar("slug", { length: 80 }).notNull().unique(),
  body: text("body"),
  status: postStatus("status").notNull().default("draft"),
  published: boolean("published").notNull().default(false),
  publishedOn: date("published_on"),
  price: numeric("price", { precision: 10, scale: 2 }),
  authorId: text("author_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at").defaultNow().notNull(),
});

export type Post = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
