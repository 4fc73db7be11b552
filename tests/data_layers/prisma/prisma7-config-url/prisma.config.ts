import "dotenv/config";
import { defineConfig, env } from "prisma/config";

export default defineConfig({
  // Non-default location: there is no prisma/ directory in this project.
  schema: "db/schema.prisma",
  migrations: {
    path: "db/migrations",
  },
  // Prisma 7: the connection URL lives here, not in the datasource block.
  datasource: {
    url: env("DATABASE_URL"),
  },
});
