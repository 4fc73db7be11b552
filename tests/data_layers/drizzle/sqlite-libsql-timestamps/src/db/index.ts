import { drizzle } from "drizzle-orm/libsql";
import * as schema from "./schema";

// drizzle >= 0.35 accepts the connection config directly.
export const db = drizzle({
  connection: {
    url: process.env.TURSO_DATABASE_URL!,
    authToken: process.env.TURSO_AUTH_TOKEN,
  },
  schema,
});

export type DB = typeof db;
