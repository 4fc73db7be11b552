// The app never imports @prisma/client directly.
export { prisma as db } from "@acme/database";
export type { Post, Comment } from "@acme/database";
