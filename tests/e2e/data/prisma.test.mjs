// Generated Server Actions on a real database through Prisma 7: `scaffold
// new action … --model Post` in the Prisma + PGlite copy of the Next 16 app
// (tests/e2e/prisma-stage.mjs), driven in Chromium:
//
//   create  /e2e/db/posts             create form + the user's posts
//   update  /e2e/db/posts/[id]/edit   edit form, prefilled
//   delete  /e2e/db/posts/[id]        delete form
//
// The server holds the PGlite directory, so the tests read and seed rows
// through the app's test-only route /e2e-db (tests/e2e/prisma/overlay), which
// answers with Prisma's results as JSON: dates as ISO strings, the Decimal
// price as a string. Every test signs in as a user of its own (a User row,
// then the session cookie), so it sees only its own posts. Tests of a
// command that did not generate are skipped; the generate stage says why.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, test } from "node:test";

import { waitForHydration } from "../lib/browser.mjs";
import {
  LIST,
  assertFieldError,
  assertNoFieldError,
  assertNotFound,
  assertPostAnswered,
  deleteUrl,
  editUrl,
  needsFrom,
  newUser,
  pagesPerTest,
  postById,
  postsOf,
  seedPost,
  submitNatively,
  typedPost,
} from "../lib/data-layer.mjs";
import { eventually } from "../lib/eventually.mjs";
import {
  assertMessage,
  field,
  fillForm,
  readForm,
  tamperId,
} from "../lib/forms.mjs";

const open = pagesPerTest();

// ------------------------------------------------------------- helpers

/** `skip` option for tests that need these commands' output. */
const needs = needsFrom("E2E_PRISMA_GENERATED");

/** Asserts a stored row holds the typed values and belongs to `authorId`. */
function assertStored(row, values, authorId) {
  assert.ok(row, "the row is stored");
  assert.equal(row.authorId, authorId, "authorId is the signed-in user");
  assert.equal(row.title, values.Title);
  assert.equal(row.slug, values.Slug);
  // Form submission sends a textarea's line breaks as CRLF.
  assert.equal(row.body?.replaceAll("\r\n", "\n"), values.Body);
  assert.equal(row.status, values.Status);
  assert.equal(row.published, values.Published);
  // A @db.Date column comes back from Prisma as a Date at midnight UTC.
  assert.equal(row.publishedOn, `${values["Published on"]}T00:00:00.000Z`);
  // A Decimal, serialized as a string ("9.5").
  assert.equal(Number(row.price), Number(values.Price));
}

// ------------------------------------------------------------- fixture

describe("the fixture's test route", () => {
  test("reads and writes real rows through Prisma", async () => {
    const user = await newUser();
    const row = await seedPost(user, {
      title: "Fixture",
      price: "12.30",
      publishedOn: "2024-01-02",
    });
    assert.equal(row.authorId, user);
    assert.equal(row.status, "draft", "column default");
    assert.equal(row.published, false, "column default");
    assert.equal(row.price, "12.3");
    assert.equal(row.publishedOn, "2024-01-02T00:00:00.000Z");
    assert.equal(row.body, null);
    assert.match(row.id, /^[0-9a-f-]{36}$/, "@default(uuid())");
    assert.deepEqual(await postsOf(user), [row]);
    // The unique slug (P2002) and the foreign key (P2003) hold.
    await assert.rejects(seedPost(user, { slug: row.slug }), /P2002/);
    await assert.rejects(seedPost(`u-${randomUUID()}`), /P2003/);
  });
});

// ------------------------------------------------------------- create

describe("create", { skip: needs("create") }, () => {
  test("with JavaScript: stored with the user as author, and listed", async (t) => {
    const user = await newUser();
    const { page, errors } = await open(t, { user });
    assert.equal((await page.goto(LIST))?.status(), 200);
    await waitForHydration(page);
    const form = page.locator("main form");

    const values = typedPost();
    await fillForm(form, values);
    await form.getByRole("button", { name: "Create post" }).click();
    await eventually(() => assertMessage(form, "status", "Post created."));
    const rows = await eventually(async () => {
      const rows = await postsOf(user);
      assert.equal(rows.length, 1);
      return rows;
    });
    assertStored(rows[0], values, user);
    await eventually(async () =>
      assert.deepEqual(await page.locator("main li").allTextContents(), [
        values.Title,
      ]),
    );
    await page.reload();
    assert.deepEqual(await page.locator("main li").allTextContents(), [
      values.Title,
    ]);
    assert.deepEqual(errors, []);
  });

  test("without JavaScript: stored, and the page says so", async (t) => {
    const user = await newUser();
    const { page } = await open(t, { user, javaScriptEnabled: false });
    assert.equal((await page.goto(LIST))?.status(), 200);
    const form = page.locator("main form");

    const values = typedPost();
    await fillForm(form, values);
    const response = await submitNatively(
      page,
      form.getByRole("button", { name: "Create post" }),
    );
    assertPostAnswered(page, response);
    await assertMessage(form, "status", "Post created.");
    const rows = await postsOf(user);
    assert.equal(rows.length, 1);
    assertStored(rows[0], values, user);
    assert.deepEqual(await page.locator("main li").allTextContents(), [
      values.Title,
    ]);
    // A reload asks for the page again and posts nothing.
    const reloaded = await page.reload();
    assert.equal(reloaded?.request().method(), "GET");
    assert.equal((await postsOf(user)).length, 1);
  });

  test("only the user's own posts are listed", async (t) => {
    const other = await newUser();
    const theirs = await seedPost(other);
    const user = await newUser();
    const own = await seedPost(user);
    const { page } = await open(t, { user, javaScriptEnabled: false });
    await page.goto(LIST);
    assert.deepEqual(await page.locator("main li").allTextContents(), [
      own.title,
    ]);
    assert.equal(
      await page.locator("main").filter({ hasText: theirs.title }).count(),
      0,
    );
  });

  test("a slug that is taken (P2002) is a field error on Slug, and nothing is stored", async (t) => {
    const other = await newUser();
    const taken = await seedPost(other);
    const user = await newUser();
    const { page, errors } = await open(t, { user });
    await page.goto(LIST);
    await waitForHydration(page);
    const form = page.locator("main form");

    const values = { ...typedPost(), Slug: taken.slug };
    await fillForm(form, values);
    await form.getByRole("button", { name: "Create post" }).click();
    await eventually(() =>
      assertMessage(form, "alert", "Check the highlighted fields."),
    );
    await assertFieldError(form, "Slug", "Already taken: choose another.");
    for (const label of Object.keys(values).filter((l) => l !== "Slug")) {
      await assertNoFieldError(form, label);
    }
    assert.deepEqual(await readForm(form, values), values);
    assert.deepEqual(await postsOf(user), []);
    assert.deepEqual(await postsOf(other), [taken]);
    assert.deepEqual(errors, []);
  });

  // @db.Decimal(10, 2) holds 8 digits before the point and 2 after: the form
  // refuses more, where Postgres would refuse the first with P2020 behind a
  // generic error and silently round the second (9.999 stored as 10.00).
  for (const [price, why] of [
    ["100000000", "beyond Decimal(10, 2)"],
    ["9.999", "with a third decimal"],
  ]) {
    test(`a price ${why} is a field error on Price, and nothing is stored`, async (t) => {
      const user = await newUser();
      const { page, errors } = await open(t, { user });
      await page.goto(LIST);
      await waitForHydration(page);
      const form = page.locator("main form");
      assert.equal(await field(form, "Price").getAttribute("step"), "0.01");
      await form.evaluate((el) => {
        el.noValidate = true;
      });

      const values = { ...typedPost(), Price: price };
      await fillForm(form, values);
      await form.getByRole("button", { name: "Create post" }).click();
      await eventually(() =>
        assertMessage(form, "alert", "Check the highlighted fields."),
      );
      assert.equal(
        await field(form, "Price").getAttribute("aria-invalid"),
        "true",
      );
      assert.deepEqual(await readForm(form, values), values);
      assert.deepEqual(await postsOf(user), []);
      assert.deepEqual(errors, []);
    });
  }

  test("a slug that is taken, without JavaScript: the same field error", async (t) => {
    const other = await newUser();
    const taken = await seedPost(other);
    const user = await newUser();
    const { page } = await open(t, { user, javaScriptEnabled: false });
    await page.goto(LIST);
    const form = page.locator("main form");

    const values = { ...typedPost(), Slug: taken.slug };
    await fillForm(form, values);
    const response = await submitNatively(
      page,
      form.getByRole("button", { name: "Create post" }),
    );
    assertPostAnswered(page, response);
    await assertMessage(form, "alert", "Check the highlighted fields.");
    await assertFieldError(form, "Slug", "Already taken: choose another.");
    assert.deepEqual(await readForm(form, values), values);
    assert.deepEqual(await postsOf(user), []);
  });
});

// ------------------------------------------------------------- update

describe("update", { skip: needs("update") }, () => {
  test("with JavaScript: prefilled, and the saved values persist", async (t) => {
    const user = await newUser();
    const post = await seedPost(user, {
      title: "First draft",
      body: "Stays as it is.",
      price: "4.20",
      publishedOn: "2024-03-04",
    });
    const { page, errors } = await open(t, { user });
    assert.equal((await page.goto(editUrl(post.id)))?.status(), 200);
    await waitForHydration(page);
    const form = page.locator("main form");

    const shown = await readForm(form, {
      Title: "",
      Slug: "",
      Body: "",
      Status: "",
      Published: false,
      "Published on": "",
      Price: "",
    });
    assert.deepEqual(
      { ...shown, Price: Number(shown.Price) },
      {
        Title: "First draft",
        Slug: post.slug,
        Body: "Stays as it is.",
        Status: "draft",
        Published: false,
        "Published on": "2024-03-04",
        Price: 4.2,
      },
    );

    const changed = {
      Title: "Second draft",
      Published: true,
      Status: "archived",
      "Published on": "2025-12-31",
      Price: "19.99",
    };
    await fillForm(form, changed);
    await form.getByRole("button", { name: "Save post" }).click();
    await eventually(() => assertMessage(form, "status", "Post saved."));
    const row = await postById(post.id);
    assert.deepEqual(
      { ...row, body: row.body?.replaceAll("\r\n", "\n") },
      {
        ...post,
        title: "Second draft",
        published: true,
        status: "archived",
        publishedOn: "2025-12-31T00:00:00.000Z",
        price: "19.99",
      },
    );
    await page.reload();
    assert.deepEqual(await readForm(form, changed), changed);
    assert.deepEqual(errors, []);
  });

  test("without JavaScript: the form posts and the new values persist", async (t) => {
    const user = await newUser();
    const post = await seedPost(user);
    const { page } = await open(t, { user, javaScriptEnabled: false });
    assert.equal((await page.goto(editUrl(post.id)))?.status(), 200);
    const form = page.locator("main form");

    const changed = {
      Title: "Saved without JS",
      Published: true,
      Status: "published",
    };
    await fillForm(form, changed);
    const response = await submitNatively(
      page,
      form.getByRole("button", { name: "Save post" }),
    );
    assertPostAnswered(page, response);
    await assertMessage(form, "status", "Post saved.");
    assert.deepEqual(await readForm(form, changed), changed);
    const row = await postById(post.id);
    assert.deepEqual(row, {
      ...post,
      title: changed.Title,
      published: true,
      status: "published",
    });
  });

  test("a slug another post has (P2002 from updateMany) is a field error on Slug", async (t) => {
    const other = await newUser();
    const taken = await seedPost(other);
    const user = await newUser();
    const post = await seedPost(user);
    const { page, errors } = await open(t, { user });
    await page.goto(editUrl(post.id));
    await waitForHydration(page);
    const form = page.locator("main form");

    await fillForm(form, { Title: "Renamed", Slug: taken.slug });
    await form.getByRole("button", { name: "Save post" }).click();
    await eventually(() =>
      assertMessage(form, "alert", "Check the highlighted fields."),
    );
    await assertFieldError(form, "Slug", "Already taken: choose another.");
    await assertNoFieldError(form, "Title");
    assert.deepEqual(await readForm(form, { Title: "", Slug: "" }), {
      Title: "Renamed",
      Slug: taken.slug,
    });
    assert.deepEqual(await postById(post.id), post);
    assert.deepEqual(await postById(taken.id), taken);
    assert.deepEqual(errors, []);
  });

  test("another user's post: its edit page is not found", async (t) => {
    const theirs = await seedPost(await newUser());
    const { page } = await open(t, { user: await newUser() });
    await assertNotFound(page, editUrl(theirs.id));
  });

  test("signed out, or an unknown id: not found", async (t) => {
    const post = await seedPost(await newUser());
    const signedOut = await open(t);
    await assertNotFound(signedOut.page, editUrl(post.id));
    const { page } = await open(t, { user: await newUser() });
    await assertNotFound(page, editUrl(randomUUID()));
    await assertNotFound(page, editUrl("not-a-uuid"));
  });

  test("another user's post id sent with the form is not found", async (t) => {
    const user = await newUser();
    const victim = await newUser();
    const own = await seedPost(user);
    const theirs = await seedPost(victim);
    const { page, errors } = await open(t, { user });
    await page.goto(editUrl(own.id));
    await waitForHydration(page);
    const form = page.locator("main form");

    await tamperId(form, theirs.id);
    await fillForm(form, { Title: "Taken over", Published: true });
    await form.getByRole("button", { name: "Save post" }).click();
    await eventually(() => assertMessage(form, "alert", "Post not found."));
    assert.deepEqual(await postById(theirs.id), theirs);
    assert.deepEqual(await postById(own.id), own);
    assert.deepEqual(errors, []);
  });
});

// ------------------------------------------------------------- delete

describe("delete", { skip: needs("delete") }, () => {
  test("with JavaScript: the row is gone, the others stay", async (t) => {
    const user = await newUser();
    const post = await seedPost(user);
    const kept = await seedPost(user);
    const { page, errors } = await open(t, { user });
    assert.equal((await page.goto(deleteUrl(post.id)))?.status(), 200);
    await waitForHydration(page);

    await page.getByRole("button", { name: "Delete post" }).click();
    await page.waitForURL(LIST);
    await eventually(async () =>
      assert.deepEqual(await page.locator("main li").allTextContents(), [
        kept.title,
      ]),
    );
    assert.deepEqual(await postsOf(user), [kept]);
    assert.deepEqual(errors, []);
  });

  test("without JavaScript: a 303 to the list, and the row is gone", async (t) => {
    const user = await newUser();
    const post = await seedPost(user);
    const { page } = await open(t, { user, javaScriptEnabled: false });
    assert.equal((await page.goto(deleteUrl(post.id)))?.status(), 200);

    const response = await submitNatively(
      page,
      page.getByRole("button", { name: "Delete post" }),
    );
    assert.equal(response.status(), 303);
    assert.equal(new URL(page.url()).pathname, LIST);
    assert.equal(await page.locator("main li").count(), 0);
    assert.deepEqual(await postsOf(user), []);
  });

  test("another user's post: its delete page is not found", async (t) => {
    const theirs = await seedPost(await newUser());
    const { page } = await open(t, { user: await newUser() });
    await assertNotFound(page, deleteUrl(theirs.id));
  });

  test("another user's post id sent with the form is not found", async (t) => {
    const user = await newUser();
    const victim = await newUser();
    const own = await seedPost(user);
    const theirs = await seedPost(victim);
    const { page, errors } = await open(t, { user });
    await page.goto(deleteUrl(own.id));
    await waitForHydration(page);
    const form = page.locator("main form");

    await tamperId(form, theirs.id);
    await form.getByRole("button", { name: "Delete post" }).click();
    await eventually(() => assertMessage(form, "alert", "Post not found."));
    assert.deepEqual(await postById(theirs.id), theirs);
    assert.deepEqual(await postById(own.id), own);
    assert.deepEqual(errors, []);
  });

  test("another user's post id, without JavaScript: not found, nothing deleted", async (t) => {
    const user = await newUser();
    const victim = await newUser();
    const own = await seedPost(user);
    const theirs = await seedPost(victim);
    const { page } = await open(t, { user, javaScriptEnabled: false });
    await page.goto(deleteUrl(own.id));
    const form = page.locator("main form");

    await tamperId(form, theirs.id);
    const response = await submitNatively(
      page,
      form.getByRole("button", { name: "Delete post" }),
    );
    assert.equal(response.status(), 303);
    assert.deepEqual(await postById(theirs.id), theirs);
    assert.deepEqual(await postById(own.id), own);
  });
});
