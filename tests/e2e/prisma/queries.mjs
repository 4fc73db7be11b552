// Queries shaped like the ones `scaffold new action … --model Post` writes,
// run through the app copy's generated Prisma client and pglite-prisma-adapter
// on an in-memory PGlite database created from the app's migration SQL. It
// proves the fixture (schema, migration, client, adapter) before any
// generated code is involved, and records the error shapes generated code
// has to read (P2002's meta through a driver adapter differs from the Rust
// engine's `meta.target`).
//
//   node tests/e2e/prisma/queries.mjs <app dir>
//
// Exits 0 when every check passed; prints one line per check.

import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const app = path.resolve(process.argv[2] ?? ".");
const require = createRequire(path.join(app, "package.json"));
const { createJiti } = require("jiti");
// The generated client is TypeScript (generator "prisma-client"); jiti
// (already in the app through Tailwind) runs it the way a bundler would.
// Prisma's runtime is loaded natively: transformed by jiti, its
// `require("node:path")` interop breaks the error path ("reading 'sep'").
const jiti = createJiti(path.join(app, "package.json"), {
  nativeModules: ["@prisma/client"],
});
const { PGlite } = await import(require.resolve("@electric-sql/pglite"));
const { PrismaPGlite } = await import(require.resolve("pglite-prisma-adapter"));
const { PrismaClient, Prisma } = await jiti.import(
  path.join(app, "generated", "prisma", "client.ts"),
);

const pglite = new PGlite();
const migrations = path.join(app, "prisma", "migrations");
for (const name of fs.readdirSync(migrations).sort()) {
  const file = path.join(migrations, name, "migration.sql");
  if (fs.existsSync(file)) await pglite.exec(fs.readFileSync(file, "utf8"));
}
const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });

let failed = 0;
async function check(name, fn) {
  try {
    const note = await fn();
    console.log(`ok   ${name}${note ? ` (${note})` : ""}`);
  } catch (error) {
    failed += 1;
    console.log(
      `FAIL ${name}\n     ${String(error?.stack ?? error).replace(/\n/g, "\n     ")}`,
    );
  }
}

/** The error a promise rejects with (fails when it resolves). */
async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("expected the query to fail");
}

const select = {
  id: true,
  title: true,
  slug: true,
  body: true,
  status: true,
  published: true,
  publishedOn: true,
  price: true,
};
let postId;

await check("create users (upsert)", async () => {
  for (const id of ["alice", "bob"]) {
    await prisma.user.upsert({
      where: { id },
      create: { id, name: id },
      update: { name: id },
    });
  }
  assert.equal(await prisma.user.count(), 2);
});

await check("create with every column type", async () => {
  const row = await prisma.post.create({
    data: {
      title: "Hello",
      slug: "hello",
      body: "Two\r\nlines",
      status: "published",
      published: true,
      publishedOn: new Date("2024-05-06"),
      price: new Prisma.Decimal("9.5"),
      authorId: "alice",
    },
    select: { id: true },
  });
  postId = row.id;
  assert.match(postId, /^[0-9a-f-]{36}$/);
  return `id ${postId}`;
});

await check("findMany owner-scoped with select", async () => {
  const mine = await prisma.post.findMany({
    where: { authorId: "alice" },
    select,
    orderBy: { createdAt: "desc" },
  });
  assert.equal(mine.length, 1);
  const [row] = mine;
  assert.equal(row.title, "Hello");
  assert.equal(row.status, "published");
  assert.equal(row.published, true);
  assert.ok(row.publishedOn instanceof Date);
  assert.equal(row.publishedOn.toISOString().slice(0, 10), "2024-05-06");
  assert.ok(Prisma.Decimal.isDecimal(row.price));
  assert.equal(row.price.toString(), "9.5");
  assert.equal(row.price.toFixed(2), "9.50");
  assert.deepEqual(
    await prisma.post.findMany({ where: { authorId: "bob" }, select }),
    [],
  );
});

await check("findFirst by id and owner", async () => {
  assert.equal(
    (
      await prisma.post.findFirst({
        where: { id: postId, authorId: "alice" },
        select,
      })
    )?.id,
    postId,
  );
  assert.equal(
    await prisma.post.findFirst({
      where: { id: postId, authorId: "bob" },
      select,
    }),
    null,
  );
});

await check(
  "updateMany by id and owner: 0 for another user, 1 for the owner",
  async () => {
    const stolen = await prisma.post.updateMany({
      where: { id: postId, authorId: "bob" },
      data: { title: "Taken over" },
    });
    assert.equal(stolen.count, 0);
    const own = await prisma.post.updateMany({
      where: { id: postId, authorId: "alice" },
      data: {
        title: "Edited",
        status: "archived",
        publishedOn: null,
        price: null,
      },
    });
    assert.equal(own.count, 1);
    const row = await prisma.post.findUnique({ where: { id: postId } });
    assert.equal(row.title, "Edited");
    assert.equal(row.status, "archived");
    assert.equal(row.publishedOn, null);
    assert.equal(row.price, null);
  },
);

await check(
  "update with where { id, authorId } of another user: P2025",
  async () => {
    const error = await rejection(
      prisma.post.update({
        where: { id: postId, authorId: "bob" },
        data: { title: "Taken over" },
      }),
    );
    assert.ok(error instanceof Prisma.PrismaClientKnownRequestError);
    assert.equal(error.code, "P2025");
  },
);

await check("duplicate slug: P2002", async () => {
  const error = await rejection(
    prisma.post.create({
      data: { title: "Again", slug: "hello", authorId: "bob" },
    }),
  );
  assert.ok(
    error instanceof Prisma.PrismaClientKnownRequestError,
    String(error),
  );
  assert.equal(error.code, "P2002");
  return `meta ${JSON.stringify(error.meta)}`;
});

await check("duplicate slug through updateMany: P2002", async () => {
  const other = await prisma.post.create({
    data: { title: "Other", slug: "other", authorId: "alice" },
  });
  const error = await rejection(
    prisma.post.updateMany({
      where: { id: other.id, authorId: "alice" },
      data: { slug: "hello" },
    }),
  );
  assert.equal(error.code, "P2002");
  await prisma.post.delete({ where: { id: other.id } });
  return `meta ${JSON.stringify(error.meta)}`;
});

await check("title longer than VarChar(120): P2000", async () => {
  const error = await rejection(
    prisma.post.create({
      data: { title: "x".repeat(121), slug: "too-long", authorId: "alice" },
    }),
  );
  return `${error.code ?? error.name} meta ${JSON.stringify(error.meta)}`;
});

await check("unknown author: P2003", async () => {
  const error = await rejection(
    prisma.post.create({
      data: { title: "Orphan", slug: "orphan", authorId: "nobody" },
    }),
  );
  assert.equal(error.code, "P2003");
});

await check(
  "deleteMany by id and owner: 0 for another user, 1 for the owner",
  async () => {
    assert.equal(
      (await prisma.post.deleteMany({ where: { id: postId, authorId: "bob" } }))
        .count,
      0,
    );
    assert.equal(
      (
        await prisma.post.deleteMany({
          where: { id: postId, authorId: "alice" },
        })
      ).count,
      1,
    );
    assert.equal(await prisma.post.count(), 0);
  },
);

await check("interactive transaction", async () => {
  await prisma.$transaction(async (tx) => {
    await tx.post.create({
      data: { title: "In tx", slug: "in-tx", authorId: "bob" },
    });
    assert.equal(await tx.post.count({ where: { authorId: "bob" } }), 1);
  });
  assert.equal(await prisma.post.count({ where: { authorId: "bob" } }), 1);
});

await check("cascade: deleting the user deletes the posts", async () => {
  await prisma.user.delete({ where: { id: "bob" } });
  assert.equal(await prisma.post.count(), 0);
});

await prisma.$disconnect();
await pglite.close();
console.log(failed ? `${failed} check(s) failed` : "all checks passed");
process.exitCode = failed ? 1 : 0;
