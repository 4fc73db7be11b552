import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection URL from here, not from schema.prisma. This
// app talks to PGlite through a driver adapter (lib/prisma.ts), so the URL is
// only for the Prisma CLI's migrate commands, which need a Postgres server.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "",
  },
});
