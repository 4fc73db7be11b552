// TEST-ONLY: not generated, never copy into a real app. The browser tests'
// window into the database: while `next start` holds the PGlite directory,
// no other process can open it, so tests/e2e/data/prisma.test.mjs reads and
// seeds rows through this route, with Prisma like the generated code. It has
// no authentication at all.
//
//   GET                                     every posts row, oldest first
//   POST { "user": "<id>" }                 upserts a User; { ok: true }
//   POST { "seed": { ...post, authorId } }  inserts a post; { id }
//
// Rows are Prisma's results as JSON: `publishedOn` and `createdAt` become ISO
// strings, `price` (a Decimal) a string such as "9.5".

import { connection, NextResponse, type NextRequest } from "next/server";

import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/prisma";

export async function GET() {
  // With Cache Components a GET handler that reads no request data would be
  // prerendered at build time; this one must read the database per request.
  await connection();
  const rows = await prisma.post.findMany({ orderBy: { createdAt: "asc" } });
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
    await prisma.user.upsert({
      where: { id },
      create: { id, name: id },
      update: { name: id },
    });
    return NextResponse.json({ ok: true });
  }

  if ("seed" in body && body.seed && typeof body.seed === "object") {
    const seed = body.seed as Prisma.PostUncheckedCreateInput;
    // A date-only string ("2024-05-06") is not a DateTime to Prisma.
    const publishedOn =
      typeof seed.publishedOn === "string" &&
      /^\d{4}-\d{2}-\d{2}$/.test(seed.publishedOn)
        ? new Date(`${seed.publishedOn}T00:00:00Z`)
        : seed.publishedOn;
    try {
      const row = await prisma.post.create({
        data: { ...seed, publishedOn },
        select: { id: true },
      });
      return NextResponse.json({ id: row.id }, { status: 201 });
    } catch (error) {
      // A test's mistake (unknown author, duplicate slug, bad value): say
      // what Prisma said instead of a bare 500.
      const code =
        error instanceof Prisma.PrismaClientKnownRequestError
          ? error.code
          : undefined;
      const message = error instanceof Error ? error.message : String(error);
      return NextResponse.json({ error: message, code }, { status: 422 });
    }
  }

  return NextResponse.json(
    { error: 'expected { "user": id } or { "seed": post }' },
    { status: 400 },
  );
}
