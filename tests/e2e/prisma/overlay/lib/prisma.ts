import "server-only";

import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "@/generated/prisma/client";

// Postgres in this process (PGlite, stored in .pglite/), reached through a
// Prisma driver adapter. Every route and page bundle evaluates this module on
// its own, and two PGlite instances on one directory neither see each other's
// writes nor keep it readable: the instance and the client live on globalThis,
// one per process (the usual Next.js `globalForPrisma` pattern).
const globalForPrisma = globalThis as unknown as {
  pglite?: PGlite;
  prisma?: PrismaClient;
};

const pglite =
  globalForPrisma.pglite ?? new PGlite(path.join(process.cwd(), ".pglite"));
globalForPrisma.pglite = pglite;

export const prisma =
  globalForPrisma.prisma ??
  new PrismaClient({ adapter: new PrismaPGlite(pglite) });
globalForPrisma.prisma = prisma;
