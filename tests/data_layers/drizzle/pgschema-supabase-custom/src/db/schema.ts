import { type SQL, eq, sql } from "drizzle-orm";
import {
  bigint,
  customType,
  index,
  integer,
  numeric,
  pgPolicy,
  pgSchema,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { authenticatedRole, authUsers } from "drizzle-orm/supabase";

// Tables live in a Postgres schema named "billing", not "public".
export const billing = pgSchema("billing");

export const currency = billing.enum("currency", ["usd", "eur", "gbp"]);

const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

// numeric comes back from the driver as a string; this casts it to number.
const money = customType<{ data: number; driverData: string }>({
  dataType: () => "numeric(12, 2)",
  fromDriver: (value) => Number.parseFloat(value),
  toDriver: (value) => value.toString(),
});

export const customers = billing.table(
  "customers",
  {
    id: uuid().defaultRandom().primaryKey(),
    // The owner is a Supabase auth user; there is no local users table.
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    name: text().notNull(),
    email: text(),
    taxRate: numeric("tax_rate", { precision: 5, scale: 2 }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" })
      .defaultNow()
      .notNull(),
    fts: tsvector("fts").generatedAlwaysAs(
      (): SQL => sql`to_tsvector('english', coalesce(name, '') || ' ' || coalesce(email, ''))`,
    ),
  },
  (t) => [
    index("customers_user_id_idx").on(t.userId),
    index("customers_fts_idx").using("gin", t.fts),
    pgPolicy("customers are visible to their owner", {
      as: "permissive",
      for: "select",
      to: authenticatedRole,
      using: sql`(select auth.uid()) = user_id`,
    }),
  ],
);

export const payments = billing.table(
  "payments",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    amount: money("amount").notNull(),
    currency: currency().notNull().default("usd"),
    // bigint mode "bigint" -> TS bigint, not number
    providerRef: bigint("provider_ref", { mode: "bigint" }),
    tags: text().array(),
    paidAt: timestamp("paid_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [index("payments_customer_idx").on(t.customerId)],
);

// A view is not a table: nothing to generate actions for.
export const paidPayments = billing
  .view("paid_payments")
  .as((qb) => qb.select().from(payments).where(eq(payments.currency, "usd")));
