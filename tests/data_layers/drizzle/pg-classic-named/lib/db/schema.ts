import { relations } from "drizzle-orm";
import {
  boolean,
  decimal,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 100 }),
  email: varchar("email", { length: 255 }).notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  role: varchar("role", { length: 20 }).notNull().default("member"),
  createdAt: timestamp("created_at").notNull().defaultNow(),
  deletedAt: timestamp("deleted_at"),
});

export const teams = pgTable("teams", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 100 }).notNull(),
  stripeCustomerId: text("stripe_customer_id").unique(),
  planName: varchar("plan_name", { length: 50 }),
  createdAt: timestamp("created_at").notNull().defaultNow(),
});

export const teamMembers = pgTable("team_members", {
  id: serial("id").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  teamId: integer("team_id")
    .notNull()
    .references(() => teams.id, { onDelete: "cascade" }),
  role: varchar("role", { length: 50 }).notNull(),
  joinedAt: timestamp("joined_at").notNull().defaultNow(),
});

// A record owned by a team, but created by a user: the owner column is
// `createdBy`, not `userId`.
export const invoices = pgTable("invoices", {
  id: serial("id").primaryKey(),
  teamId: integer("team_id")
    .notNull()
    .references(() => teams.id),
  createdBy: integer("created_by")
    .notNull()
    .references(() => users.id),
  number: varchar("number", { length: 32 }).notNull().unique(),
  amount: decimal("amount", { precision: 12, scale: 2 }).notNull(),
  currency: varchar("currency", { length: 3 }).notNull().default("EUR"),
  paid: boolean("paid").notNull().default(false),
  notes: text("notes"),
  dueAt: timestamp("due_at", { withTimezone: true }),
  createdAt: timestamp("created_at").notNull().defaultNow(),
  updatedAt: timestamp("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(teamMembers),
  invoicesCreated: many(invoices),
}));

export const teamsRelations = relations(teams, ({ many }) => ({
  members: many(teamMembers),
  invoices: many(invoices),
}));

export const teamMembersRelations = relations(teamMembers, ({ one }) => ({
  user: one(users, { fields: [teamMembers.userId], references: [users.id] }),
  team: one(teams, { fields: [teamMembers.teamId], references: [teams.id] }),
}));

export const invoicesRelations = relations(invoices, ({ one }) => ({
  team: one(teams, { fields: [invoices.teamId], references: [teams.id] }),
  author: one(users, { fields: [invoices.createdBy], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Invoice = typeof invoices.$inferSelect;

// Not a table: a plain TS enum living in the schema module.
export enum ActivityType {
  SIGN_UP = "SIGN_UP",
  CREATE_INVOICE = "CREATE_INVOICE",
}
