import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

// Shared column groups, spread into several tables with `...timestamps`.
export const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp" })
    .notNull()
    .default(sql`(unixepoch())`),
  updatedAt: integer("updated_at", { mode: "timestamp" })
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date()),
};

// A column factory: every call returns a fresh builder.
export const textId = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
