import { drizzle } from "drizzle-orm/mysql2";
import mysql from "mysql2/promise";
import * as schema from "@/db/schema";

const pool = mysql.createPool({
  uri: process.env.DATABASE_URL,
  connectionLimit: 10,
});

// mysql2 + relational queries needs `mode`.
export const db = drizzle(pool, { schema, mode: "default" });
