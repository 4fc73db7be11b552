// Generated Server Actions on a real database: `scaffold new action …
// --model Post` in the Drizzle + PGlite copy of the Next 16 app
// (tests/e2e/data-layers.mjs), driven in Chromium:
//
//   create  /e2e/db/posts             create form + the user's posts
//   update  /e2e/db/posts/[id]/edit   edit form, prefilled
//   delete  /e2e/db/posts/[id]        delete form
//   toggle  /e2e/db/posts/publish     a toggle per post for `published`
//
// The server holds the PGlite directory, so the tests read and seed rows
// through the app's test-only route /e2e-db (tests/e2e/drizzle/overlay).
// Every test signs in as a user of its own (a users row, then the session
// cookie), so it sees only its own posts. Tests of a command that did not
// generate are skipped; the generate stage reports why.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";

import { waitForHydration } from "../lib/browser.mjs";
import {
  LIST,
  assertFieldError,
  assertNotFound,
  assertPostAnswered,
  deleteUrl,
  editUrl,
  errorText,
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
const needs = needsFrom("E2E_DRIZZLE_GENERATED");

const TOGGLES = "/e2e/db/posts/publish";

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
  assert.equal(row.publishedOn, values["Published on"]);
  // numeric(10, 2) comes back as a string, "9.50".
  assert.equal(Number(row.price), Number(values.Price));
}

// ------------------------------------------------------------- fixture

describe("the fixture's test route", () => {
  test("reads and writes real rows", async () => {
    const user = await newUser();
    const row = await seedPost(user, {
      title: "Fixture",
      price: "12.30",
      publishedOn: "2024-01-02",
    });
    assert.equal(row.authorId, user);
    assert.equal(row.status, "draft", "column default");
    assert.equal(row.published, false, "column default");
    assert.equal(row.price, "12.30");
    assert.equal(row.publishedOn, "2024-01-02");
    assert.equal(row.body, null);
    assert.match(row.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(await postsOf(user), [row]);
    // The unique slug and the foreign key hold.
    await assert.rejects(seedPost(user, { slug: row.slug }), /422/);
    await assert.rejects(seedPost(`u-${randomUUID()}`), /422/);
  });
});

// ------------------------------------------------------------- create

describe("create", { skip: needs("create") }, () => {
  test("with JavaScript: stored for the user and listed", async (t) => {
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
      assert.equal(
        await page.locator("main li").filter({ hasText: values.Title }).count(),
        1,
      ),
    );
    await page.reload();
    assert.equal(
      await page.locator("main li").filter({ hasText: values.Title }).count(),
      1,
    );
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
    assert.equal(
      await page.locator("main li").filter({ hasText: values.Title }).count(),
      1,
    );
    // A reload asks for the page again and posts nothing.
    const reloaded = await page.reload();
    assert.equal(reloaded?.request().method(), "GET");
    assert.equal((await postsOf(user)).length, 1);
  });

  test("an empty title is refused and the other values are kept", async (t) => {
    const user = await newUser();
    const { page, errors } = await open(t, { user });
    await page.goto(LIST);
    await waitForHydration(page);
    const form = page.locator("main form");
    // Let the server judge what the browser's own validation would stop.
    await form.evaluate((el) => {
      el.noValidate = true;
    });

    const values = { ...typedPost(), Title: "" };
    await fillForm(form, values);
    await form.getByRole("button", { name: "Create post" }).click();
    await eventually(() =>
      assertMessage(form, "alert", "Check the highlighted fields."),
    );
    await assertFieldError(form, "Title", "Title is required.");
    assert.deepEqual(await readForm(form, values), values);
    assert.deepEqual(await postsOf(user), []);
    assert.deepEqual(errors, []);
  });

  test("a slug that is taken is a field error on Slug, and nothing is stored", async (t) => {
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
    await eventually(async () =>
      assert.equal(
        await field(form, "Slug").getAttribute("aria-invalid"),
        "true",
      ),
    );
    const message = await errorText(field(form, "Slug"));
    console.log(
      `duplicate slug: the Slug error reads ${JSON.stringify(message)}`,
    );
    assert.ok(message.trim().length > 0, "the Slug error says something");
    assert.equal(
      await field(form, "Title").getAttribute("aria-invalid"),
      "false",
      "only Slug is blamed",
    );
    assert.deepEqual(await readForm(form, values), values);
    assert.deepEqual(await postsOf(user), []);
    assert.deepEqual(await postsOf(other), [taken]);
    assert.deepEqual(errors, []);
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
    };
    await fillForm(form, changed);
    await form.getByRole("button", { name: "Save post" }).click();
    await eventually(() => assertMessage(form, "status", "Post saved."));
    const row = await postById(post.id);
    assert.deepEqual(
      {
        ...row,
        body: row.body?.replaceAll("\r\n", "\n"),
        price: Number(row.price),
      },
      {
        ...post,
        title: "Second draft",
        published: true,
        status: "archived",
        price: 4.2,
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
    const row = await postById(post.id);
    assert.equal(row.title, changed.Title);
    assert.equal(row.published, true);
    assert.equal(row.status, "published");
    assert.equal(row.slug, post.slug);
    assert.equal(row.authorId, user);
  });

  test("a slug that is taken is a field error on Slug, and nothing changes", async (t) => {
    const user = await newUser();
    const post = await seedPost(user);
    const other = await seedPost(user);
    const { page, errors } = await open(t, { user });
    await page.goto(editUrl(post.id));
    await waitForHydration(page);
    const form = page.locator("main form");

    const values = { Title: "Renamed", Slug: other.slug };
    await fillForm(form, values);
    await form.getByRole("button", { name: "Save post" }).click();
    await eventually(async () =>
      assert.equal(
        await field(form, "Slug").getAttribute("aria-invalid"),
        "true",
      ),
    );
    assert.ok((await errorText(field(form, "Slug"))).trim().length > 0);
    assert.deepEqual(await readForm(form, values), values);
    assert.deepEqual(await postById(post.id), post);
    assert.deepEqual(await postById(other.id), other);
    assert.deepEqual(errors, []);
  });

  test("another user's post: its edit page is not found", async (t) => {
    const victim = await newUser();
    const theirs = await seedPost(victim);
    const user = await newUser();
    const { page } = await open(t, { user });
    await assertNotFound(page, editUrl(theirs.id));
  });

  test("an id that is not a uuid: not found, not a server error", async (t) => {
    const user = await newUser();
    const { page } = await open(t, { user });
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
    await eventually(async () => assert.deepEqual(await postsOf(user), [kept]));
    assert.deepEqual(errors, []);
  });

  test("without JavaScript: the row is gone", async (t) => {
    const user = await newUser();
    const post = await seedPost(user);
    const { page } = await open(t, { user, javaScriptEnabled: false });
    assert.equal((await page.goto(deleteUrl(post.id)))?.status(), 200);

    const response = await submitNatively(
      page,
      page.getByRole("button", { name: "Delete post" }),
    );
    assert.equal(response.status(), 303);
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

  test("an id that is not a uuid sent with the form is not found", async (t) => {
    const user = await newUser();
    const own = await seedPost(user);
    const { page, errors } = await open(t, { user });
    await page.goto(deleteUrl(own.id));
    await waitForHydration(page);
    const form = page.locator("main form");

    await tamperId(form, "not-a-uuid");
    await form.getByRole("button", { name: "Delete post" }).click();
    await eventually(() => assertMessage(form, "alert", "Post not found."));
    assert.deepEqual(await postById(own.id), own);
    assert.deepEqual(errors, []);
  });
});

// ------------------------------------------------------------- toggle

describe("toggle published", { skip: needs("toggle") }, () => {
  /** The toggle of the list item that shows `title`. */
  function toggleOf(page, title) {
    return page
      .locator("main li")
      .filter({ hasText: title })
      .getByRole("button", { name: "Published" });
  }

  test("with JavaScript: flips the row both ways", async (t) => {
    const user = await newUser();
    const post = await seedPost(user);
    const { page, errors } = await open(t, { user });
    await page.goto(TOGGLES);
    await waitForHydration(page);
    const toggle = toggleOf(page, post.title);
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");

    await toggle.click();
    await eventually(async () =>
      assert.equal((await postById(post.id)).published, true),
    );
    await eventually(async () =>
      assert.equal(await toggle.getAttribute("aria-pressed"), "true"),
    );
    // Wait for the action's answer before the next click or a reload.
    await page.waitForLoadState("networkidle");
    await toggle.click();
    await eventually(async () =>
      assert.deepEqual(await postById(post.id), post),
    );
    await page.waitForLoadState("networkidle");
    await page.reload();
    assert.equal(
      await toggleOf(page, post.title).getAttribute("aria-pressed"),
      "false",
    );
    assert.deepEqual(errors, []);
  });

  test("without JavaScript: the button posts and flips the row", async (t) => {
    const user = await newUser();
    const post = await seedPost(user);
    const { page } = await open(t, { user, javaScriptEnabled: false });
    await page.goto(TOGGLES);

    const on = await submitNatively(page, toggleOf(page, post.title));
    assertPostAnswered(page, on);
    assert.equal(
      await toggleOf(page, post.title).getAttribute("aria-pressed"),
      "true",
    );
    assert.equal((await postById(post.id)).published, true);
  });

  test("another user's post id sent with the form changes nothing", async (t) => {
    const user = await newUser();
    const victim = await newUser();
    const own = await seedPost(user);
    const theirs = await seedPost(victim);
    const { page, errors } = await open(t, { user });
    await page.goto(TOGGLES);
    await waitForHydration(page);
    const item = page.locator("main li").filter({ hasText: own.title });
    assert.equal(
      await page.locator("main li").filter({ hasText: theirs.title }).count(),
      0,
      "another user's post is not listed",
    );

    await tamperId(item.locator("form"), theirs.id);
    await item.getByRole("button", { name: "Published" }).click();
    await eventually(() => assertMessage(item, "alert", "Post not found."));
    assert.deepEqual(await postById(theirs.id), theirs);
    assert.deepEqual(await postById(own.id), own);
    assert.deepEqual(errors, []);
  });
});

// ------------------------------------------------------------- server

describe("the server", () => {
  // Last in the file: everything above has run by now. Nothing above should
  // make the server log an error: refused ids and taken slugs are answers,
  // not failures, and a page's database read must not trip Next's checks.
  test("logged no errors", async () => {
    const log = process.env.E2E_SERVER_LOG;
    if (!log) return;
    const counts = new Map();
    for (const line of (await readFile(log, "utf8")).split("\n")) {
      if (!/\bError\b|⨯/.test(line)) continue;
      counts.set(line, (counts.get(line) ?? 0) + 1);
    }
    assert.deepEqual(
      [...counts].map(([line, n]) => `${n}× ${line}`),
      [],
      `next start logged errors (whole log: ${log})`,
    );
  });
});
