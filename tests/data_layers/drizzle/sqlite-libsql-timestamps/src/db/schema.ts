import { relations } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { textId, timestamps } from "./columns";

export const users = sqliteTable("users", {
  id: textId(),
  email: text("email").notNull().unique(),
  displayName: text("display_name"),
  isAdmin: integer("is_admin", { mode: "boolean" }).notNull().default(false),
  ...timestamps,
});

export const bookmarks = sqliteTable(
  "bookmarks",
  {
    id: integer("id", { mode: "number" }).primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    title: text("title", { length: 300 }),
    status: text("status", { enum: ["unread", "read", "archived"] })
      .notNull()
      .default("unread"),
    isPublic: integer("is_public", { mode: "boolean" }).default(false),
    rating: real("rating"),
    meta: text("meta", { mode: "json" }).$type<{ favicon?: string; lang?: string }>(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  // Older object-returning form of the extra-config callback.
  (t) => ({
    userIdx: index("bookmarks_user_idx").on(t.userId),
    userUrlUnique: uniqueIndex("bookmarks_user_url_unique").on(t.userId, t.url),
  }),
);

export const tags = sqliteTable("tags", {
  id: integer().primaryKey({ autoIncrement: true }),
  label: text().notNull().unique(),
});

export const bookmarkTags = sqliteTable(
  "bookmark_tags",
  {
    bookmarkId: integer("bookmark_id")
      .notNull()
      .references(() => bookmarks.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.bookmarkId, t.tagId] })],
);

export const bookmarksRelations = relations(bookmarks, ({ one, many }) => ({
  user: one(users, { fields: [bookmarks.userId], references: [users.id] }),
  tags: many(bookmarkTags),
}));

export const bookmarkTagsRelations = relations(bookmarkTags, ({ one }) => ({
  bookmark: one(bookmarks, {
    fields: [bookmarkTags.bookmarkId],
    references: [bookmarks.id],
  }),
  tag: one(tags, { fields: [bookmarkTags.tagId], references: [tags.id] }),
}));
