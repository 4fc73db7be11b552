import { neon } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-http";
import * as schema from "./schema";

const sql = neon(process.env.DATABASE_URL!);

// casing must be repeated here: it maps camelCase keys to snake_case columns at query time.
export const db = drizzle({ client: sql, schema, casing: "snake_case" });
