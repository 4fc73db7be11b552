import "server-only";

import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";

import * as schema from "./schema";

// PGlite is Postgres in this process, stored in .pglite/. Every route and page
// bundle evaluates this module on its own, and two PGlite instances on one
// directory neither see each other's writes nor keep it readable: keep the one
// instance on globalThis (as create-t3-app does with its connection in dev).
const globalForDb = globalThis as unknown as { pglite?: PGlite };

const client =
  globalForDb.pglite ?? new PGlite(path.join(process.cwd(), ".pglite"));
globalForDb.pglite = client;

export const db = drizzle({ client, schema });
