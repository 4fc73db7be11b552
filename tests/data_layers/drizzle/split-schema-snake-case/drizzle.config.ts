import { defineConfig } from "drizzle-kit";

export default defineConfig({
  // A folder: drizzle-kit reads every .ts file in it.
  schema: "./src/db/schema",
  out: "./drizzle",
  dialect: "postgresql",
  casing: "snake_case",
  dbCredentials: {
    url: process.env.DATABASE_URL!,
  },
});
