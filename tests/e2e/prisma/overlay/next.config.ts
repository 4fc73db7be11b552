import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  /* config options here */
  cacheComponents: true,
  partialPrefetching: true,
  // PGlite loads its wasm and data files from its own package directory;
  // bundled, it fails to find them (the "path" argument … an instance of URL).
  // Its Prisma adapter imports it, so it stays external too. (@prisma/client
  // is on Next's built-in list; the client generated into generated/prisma is
  // app code and is bundled.)
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  turbopack: {
    rules: {
      "*.css": {
        loaders: ["@tailwindcss/turbopack"],
        as: "*.css",
      },
    },
  },
};

export default nextConfig;
