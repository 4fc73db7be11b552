import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

const primaryPool = postgres(process.env.DATABASE_PRIMARY_URL!, { prepare: false });
const replicaPool = postgres(process.env.DATABASE_REPLICA_URL ?? process.env.DATABASE_PRIMARY_URL!, {
  prepare: false,
});

// There is no `db` export: callers use `primaryDb` for writes, `connectDb()` for reads.
export const primaryDb = drizzle(primaryPool, { schema, casing: "snake_case" });

export const connectDb = async () => drizzle(replicaPool, { schema, casing: "snake_case" });

export type Database = typeof primaryDb;
