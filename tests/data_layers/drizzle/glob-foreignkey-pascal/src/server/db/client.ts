import "server-only";

import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import * as authTables from "../auth/tables";
import * as chatTables from "./schema/chat";
import * as docTables from "./schema/documents";

// biome-ignore lint: Forbidden non-null assertion.
const client = postgres(process.env.POSTGRES_URL!);

// No index file: the schema object is assembled here from three modules.
const database = drizzle(client, {
  schema: { ...authTables, ...chatTables, ...docTables },
});

export default database;
