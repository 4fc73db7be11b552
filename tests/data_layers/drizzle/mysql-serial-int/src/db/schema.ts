import { relations, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  datetime,
  decimal,
  int,
  json,
  mysqlEnum,
  mysqlTable,
  serial,
  text,
  timestamp,
  tinyint,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";

export const users = mysqlTable("users", {
  id: int("id").primaryKey().autoincrement(),
  email: varchar("email", { length: 191 }).notNull().unique(),
  name: varchar("name", { length: 120 }),
  plan: mysqlEnum("plan", ["free", "pro", "team"]).notNull().default("free"),
  createdAt: timestamp("created_at").defaultNow().notNull(),
});

export const recipes = mysqlTable(
  "recipes",
  {
    // serial() in MySQL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE
    id: serial("id").primaryKey(),
    slug: varchar("slug", { length: 191 }).notNull(),
    title: varchar("title", { length: 200 }).notNull(),
    body: text("body").notNull(),
    servings: tinyint("servings").default(2),
    costEstimate: decimal("cost_estimate", { precision: 8, scale: 2 }),
    ingredients: json("ingredients").$type<{ name: string; qty: string }[]>().notNull(),
    published: boolean("published").default(false).notNull(),
    publishedAt: datetime("published_at", { mode: "date", fsp: 3 }),
    authorId: int("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at").default(sql`CURRENT_TIMESTAMP`).notNull(),
    updatedAt: timestamp("updated_at").onUpdateNow(),
  },
  (table) => ({
    slugIdx: uniqueIndex("recipes_slug_idx").on(table.slug),
  }),
);

export const reviews = mysqlTable(
  "reviews",
  {
    id: serial("id").primaryKey(),
    // must match serial(): bigint unsigned
    recipeId: bigint("recipe_id", { mode: "number", unsigned: true })
      .notNull()
      .references(() => recipes.id, { onDelete: "cascade" }),
    userId: int("user_id")
      .notNull()
      .references(() => users.id),
    stars: tinyint("stars").notNull(),
    comment: text("comment"),
    createdAt: timestamp("created_at").defaultNow().notNull(),
  },
  (table) => ({
    onePerUser: uniqueIndex("reviews_user_recipe_idx").on(table.userId, table.recipeId),
  }),
);

export const usersRelations = relations(users, ({ many }) => ({
  recipes: many(recipes),
  reviews: many(reviews),
}));

export const recipesRelations = relations(recipes, ({ one, many }) => ({
  author: one(users, { fields: [recipes.authorId], references: [users.id] }),
  reviews: many(reviews),
}));

export const reviewsRelations = relations(reviews, ({ one }) => ({
  recipe: one(recipes, { fields: [reviews.recipeId], references: [recipes.id] }),
  user: one(users, { fields: [reviews.userId], references: [users.id] }),
}));
