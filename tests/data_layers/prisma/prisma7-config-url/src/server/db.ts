import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../db/generated/client";

const adapter = new PrismaBetterSqlite3({ url: process.env.DATABASE_URL ?? "file:./dev.db" });

const createClient = () => new PrismaClient({ adapter });

declare global {
  var __db: ReturnType<typeof createClient> | undefined;
}

export const db = globalThis.__db ?? createClient();

if (process.env.NODE_ENV !== "production") globalThis.__db = db;
