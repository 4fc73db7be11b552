// TEST-ONLY: applies prisma/migrations/*/migration.sql to the app's PGlite
// database (.pglite/ under the working directory, as lib/prisma.ts opens it),
// in name order, each once. It stands in for `prisma migrate deploy`, whose
// schema engine is a native binary this offline machine cannot download.
// Run it while no server has the directory open:
//
//   node scripts/apply-migrations.mjs [data-dir]

import fs from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";

const dataDir = path.resolve(process.argv[2] ?? ".pglite");
const migrations = path.resolve("prisma", "migrations");

const db = new PGlite(dataDir);
try {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS "_e2e_migrations" ("name" TEXT PRIMARY KEY, "applied_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP)`,
  );
  const done = new Set(
    (await db.query(`SELECT "name" FROM "_e2e_migrations"`)).rows.map(
      (row) => row.name,
    ),
  );
  const names = fs
    .readdirSync(migrations, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    if (done.has(name)) {
      console.log(`${name}: already applied`);
      continue;
    }
    const sql = fs.readFileSync(
      path.join(migrations, name, "migration.sql"),
      "utf8",
    );
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query(`INSERT INTO "_e2e_migrations" ("name") VALUES ($1)`, [
        name,
      ]);
    });
    console.log(`${name}: applied`);
  }
} finally {
  await db.close();
}
