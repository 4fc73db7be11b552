// TEST-ONLY: not generated, never copy into a real app. The browser tests'
// window into the database: while `next start` holds the PGlite directory,
// no other process can open it, so tests/e2e/data/drizzle.test.mjs reads and
// seeds rows through this route. It has no authentication at all.
//
//   GET                                   every posts row, as JSON
//   POST { "user": "<id>" }               upserts a users row; { ok: true }
//   POST { "seed": { ...post, authorId } } inserts a post; { id }

import { connection, NextResponse, type NextRequest } from "next/server";

import { db } from "@/db";
import { posts, users, type NewPost } from "@/db/schema";

export async function GET() {
  // With Cache Components a GET handler that reads no request data would be
  // prerendered at build time; this one must read the database per request.
  await connection();
  const rows = await db.select().from(posts).orderBy(posts.createdAt);
  return NextResponse.json(rows);
}

export async function POST(request: NextRequest) {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json({ error: "invalid JSON" }, { status: 400 });
  }
  if (!body || typeof body !== "object") {
    return NextResponse.json({ error: "expected an object" }, { status: 400 });
  }

  if ("user" in body && typeof body.user === "string") {
    const id = body.user;
    await db
      .insert(users)
      .values({ id, name: id })
      .onConflictDoUpdate({ target: users.id, set: { name: id } });
    return NextResponse.json({ ok: true });
  }

  if ("seed" in body && body.seed && typeof body.seed === "object") {
    try {
      const [row] = await db
        .insert(posts)
        .values(body.seed as NewPost)
        .returning({ id: posts.id });
      return NextResponse.json({ id: row.id }, { status: 201 });
    } catch (error) {
      // A test's mistake (unknown author, duplicate slug, bad value): say
      // what Postgres said instead of a bare 500.
      const message = error instanceof Error ? error.message : String(error);
      const cause =
        error instanceof Error && error.cause instanceof Error
          ? error.cause.message
          : undefined;
      return NextResponse.json({ error: message, cause }, { status: 422 });
    }
  }

  return NextResponse.json(
    { error: 'expected { "user": id } or { "seed": post }' },
    { status: 400 },
  );
}
