import { config } from "dotenv";
import { defineConfig } from "drizzle-kit";

config({ path: ".env.local" });

export default defineConfig({
  // Array of a glob and a single file outside the db folder.
  schema: ["./src/server/db/schema/*.ts", "./src/server/auth/tables.ts"],
  out: "./src/server/db/migrations",
  dialect: "postgresql",
  dbCredentials: {
    url: process.env.POSTGRES_URL!,
  },
});
