import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

if (!process.env.POSTGRES_URL) {
  throw new Error("POSTGRES_URL is not set");
}

// One connection pool per server process; survives HMR in dev.
const globalForSql = globalThis as unknown as {
  sql: ReturnType<typeof postgres> | undefined;
};

export const client = globalForSql.sql ?? postgres(process.env.POSTGRES_URL, { max: 5 });

if (process.env.NODE_ENV !== "production") globalForSql.sql = client;

export const db = drizzle(client, { schema });
