// Behaviour of the generated Server Actions, forms, optimistic components and
// pages in Chromium, for the variants in tests/e2e/variants.json:
//
//   create-all-fields  /e2e/create/posts             every field type, optimistic list
//   create-redirect    /e2e/redirect/posts/new       redirects to /e2e/create/posts
//   create-stay        /e2e/stay/notes               no revalidation
//   update             /e2e/update/posts/[id]/edit
//   delete             /e2e/delete/posts/[id]        redirects to /e2e/create/posts
//   toggle-optimistic  /e2e/toggle/todos             optimistic toggle button
//   toggle-form        /e2e/toggle-form/todos        plain form, works without JS
//   public             /e2e/public/messages          --auth none
//
// Each test signs in as a user of its own, so it sees only the rows it made
// or seeded in the app's development store (<app>/.data/*.json). Tests whose
// variant was not generated in this run (run.mjs --only=...) are skipped.
//
// Every test with JavaScript ends by asserting the page logged no errors;
// none are expected anywhere in this file.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";

import {
  launchBrowser,
  newPage,
  SESSION_COOKIE,
  setDelay,
  setUser,
  waitForHydration,
} from "../lib/browser.mjs";
import { eventually } from "../lib/eventually.mjs";
import {
  assertMessage,
  field,
  fillForm,
  readForm,
  tamperId,
} from "../lib/forms.mjs";
import { readRows, removeRow, rowsOf, seedRows } from "../lib/store.mjs";

// How long the server holds each request in the optimistic tests: long enough
// to look at the page while the action is in flight.
const SLOW_MS = 1500;

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

// ------------------------------------------------------------- helpers

const generated = new Set(JSON.parse(process.env.E2E_VARIANTS ?? "[]"));

/** `skip` option for tests that need these variants. */
function needs(...variants) {
  const missing = variants.filter((name) => !generated.has(name));
  return missing.length > 0 && `not generated: ${missing.join(", ")}`;
}

/** A user id no other test uses. */
function newUser() {
  return `u-${randomUUID()}`;
}

/** A fresh context and page, closed when the test ends. */
async function open(t, options) {
  const opened = await newPage(browser, options);
  t.after(() => opened.context.close());
  return opened;
}

/** Ends the session, e.g. after the page was rendered for a signed-in user. */
async function signOut(context) {
  await context.clearCookies({ name: SESSION_COOKIE });
}

/** The error element a control points to with aria-describedby. */
async function errorElement(control) {
  const id = await control.getAttribute("aria-describedby");
  assert.ok(id, "the control has aria-describedby");
  return control.page().locator(`[id="${id}"]`);
}

async function assertFieldError(form, label, message) {
  const control = field(form, label);
  assert.equal(
    await control.getAttribute("aria-invalid"),
    "true",
    `${label}: aria-invalid`,
  );
  const error = await errorElement(control);
  assert.equal(await error.getAttribute("aria-live"), "polite");
  assert.equal(await error.textContent(), message, `${label}: error text`);
}

async function assertNoFieldError(form, label) {
  const control = field(form, label);
  assert.equal(
    await control.getAttribute("aria-invalid"),
    "false",
    `${label}: aria-invalid`,
  );
  const error = await errorElement(control);
  assert.equal(await error.textContent(), "", `${label}: error text`);
}

/**
 * Next 16 with Cache Components (the create-next-app 16 app). Two answers
 * differ there by design, and the helpers below say how.
 */
const CACHE_COMPONENTS = process.env.E2E_NEXT_MAJOR === "16";

/**
 * How a form posted without JavaScript is answered: the generated action
 * redirects back to the page it was posted from (303), which renders the
 * state from lib/form-state.ts's cookie (Post/Redirect/Get), so a reload
 * posts nothing again. (Under Cache Components the returned state would
 * never reach the HTML anyway: vercel/next.js#97784.)
 */
function assertPostAnswered(page, response) {
  assert.equal(response.status(), 303, "Post/Redirect/Get");
  const location = new URL(response.headers().location, response.url());
  assert.equal(location.pathname, new URL(response.url()).pathname);
  assert.equal(page.url(), location.href);
}

/**
 * A page for a record the user may not see. A page with a dynamic segment is
 * partially prerendered under Cache Components (◐): its shell has already been
 * sent with 200 when notFound() runs, so Next marks it noindex instead
 * (documented in Next 16's streaming guide, "Status codes").
 */
async function assertNotFound(page, url) {
  const response = await page.goto(url);
  if (!CACHE_COMPONENTS) {
    assert.equal(response?.status(), 404);
    return;
  }
  assert.equal(response?.status(), 200);
  assert.equal(
    await page.locator('meta[name="robots"]').getAttribute("content"),
    "noindex",
  );
  assert.equal(await page.locator("main").count(), 0, "no page content");
}

/**
 * Clicks a submit button with JavaScript disabled, so the browser posts the
 * form itself; resolves with the response to that POST (a redirect's 303,
 * not where it leads) once the resulting page has loaded.
 */
async function submitNatively(page, button) {
  const answered = page
    .waitForResponse(
      (r) =>
        r.request().method() === "POST" && r.request().isNavigationRequest(),
    )
    .catch((error) => {
      throw new Error(
        `the server did not answer the form's POST: ${error.message.split("\n")[0]}`,
      );
    });
  // The new document's load, not the current one's (already loaded).
  const loaded = page.waitForEvent("load");
  loaded.catch(() => {}); // awaited below unless the POST failed
  // Without noWaitAfter the click would wait for the navigation and time out
  // too when the server never answers; the message above says more.
  const [response] = await Promise.all([
    answered,
    button.click({ noWaitAfter: true }),
  ]);
  await loaded;
  return response;
}

/** Resolves like `promise`, or rejects saying `what` did not happen in `ms`. */
async function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} within ${ms / 1000} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves once the next Server Action call (a fetch POST) has ended, with
 * its body read to the end or aborted by the page after the response (the
 * router sometimes does that; Response.finished() would then never settle).
 */
function nextActionEnd(page) {
  const ended = within(
    15_000,
    "the Server Action call did not end",
    new Promise((resolve) => {
      const onEnd = (request) => {
        if (request.method() !== "POST" || request.isNavigationRequest()) {
          return;
        }
        page.off("requestfinished", onEnd);
        page.off("requestfailed", onEnd);
        resolve(request);
      };
      page.on("requestfinished", onEnd);
      page.on("requestfailed", onEnd);
    }),
  );
  ended.catch(() => {}); // reported where it is awaited
  return ended;
}

/** Resolves with the response to the next Server Action call (a fetch POST). */
function nextActionResponse(page) {
  return page.waitForResponse(
    (r) =>
      r.request().method() === "POST" && !r.request().isNavigationRequest(),
  );
}

/** A row without its generated id, after checking it has one. */
function withoutId(row) {
  const { id, ...rest } = row;
  assert.equal(typeof id, "string");
  assert.ok(id.length > 0, "the row has an id");
  return rest;
}

/** A post row as the create page can display it (the fields it requires). */
function postRow(ownerId, fields = {}) {
  return {
    ownerId,
    title: `Post ${randomUUID()}`,
    email: "writer@example.com",
    price: 5,
    published: false,
    status: "draft",
    ...fields,
  };
}

// ------------------------------------------------------------- create

describe(
  "create with every field type (revalidates, optimistic list)",
  { skip: needs("create-all-fields") },
  () => {
    const PAGE = "/e2e/create/posts";
    const FIELDS = [
      "Title",
      "Body",
      "Email",
      "Website",
      "Price",
      "Quantity",
      "Published",
      "Published on",
      "Status",
    ];

    /** Valid values for every field of the full form. */
    function validPost() {
      return {
        Title: `Post ${randomUUID()}`,
        Body: "A body\non two lines.",
        Email: "writer@example.com",
        Website: "https://example.com/post",
        Price: "9.5",
        Quantity: "3",
        Published: true,
        "Published on": "2024-05-06",
        Status: "published",
      };
    }

    /** The stored row that `validPost()` values become. */
    function storedPost(ownerId, values) {
      return {
        ownerId,
        title: values.Title,
        // Form submission sends a textarea's line breaks as CRLF.
        body: values.Body.replaceAll("\n", "\r\n"),
        email: values.Email,
        website: values.Website,
        price: Number(values.Price),
        quantity: Number(values.Quantity),
        published: values.Published,
        publishedOn: values["Published on"],
        status: values.Status,
      };
    }

    test("with JavaScript: server errors keep every value, then the post is created", async (t) => {
      const user = newUser();
      const { page, errors } = await open(t, { user });
      await page.goto(PAGE);
      await waitForHydration(page);
      const form = page.locator("main > form");
      const list = page.locator("main > ul");
      // Let the server judge values the browser's own validation would stop.
      await form.evaluate((el) => {
        el.noValidate = true;
      });

      // Nothing filled in: the required fields' messages.
      await form.getByRole("button", { name: "Create post" }).click();
      await eventually(async () => {
        await assertMessage(form, "alert", "Check the highlighted fields.");
        await assertFieldError(form, "Title", "Title is required.");
      });
      await assertFieldError(form, "Email", "Enter a valid email address.");
      await assertFieldError(form, "Price", "Price must be a number.");
      await assertFieldError(form, "Status", "Choose a status.");
      for (const label of [
        "Body",
        "Website",
        "Quantity",
        "Published",
        "Published on",
      ]) {
        await assertNoFieldError(form, label);
      }

      // Every field filled in, four of them wrongly: all values come back.
      const valid = validPost();
      const values = {
        ...valid,
        Email: "a@b", // passes type=email, not z.email()
        Website: "ftp://example.com/file", // a URL, but not http(s)
        Price: "-1",
        Quantity: "2.5",
      };
      await fillForm(form, values);
      await form.getByRole("button", { name: "Create post" }).click();
      await eventually(() => assertNoFieldError(form, "Title"));
      await assertMessage(form, "alert", "Check the highlighted fields.");
      await assertFieldError(form, "Email", "Enter a valid email address.");
      await assertFieldError(
        form,
        "Website",
        "Enter a valid http or https URL.",
      );
      await assertFieldError(form, "Price", "Price must be at least 0.");
      await assertFieldError(
        form,
        "Quantity",
        "Quantity must be a whole number.",
      );
      for (const label of ["Body", "Published", "Published on", "Status"]) {
        await assertNoFieldError(form, label);
      }
      assert.deepEqual(await readForm(form, values), values);
      assert.deepEqual(await rowsOf("posts", user), []);

      // Corrected: created, listed, stored for this user, and the form is empty.
      await fillForm(form, valid);
      await form.getByRole("button", { name: "Create post" }).click();
      await eventually(() => assertMessage(form, "status", "Post created."));
      assert.equal(await form.getByRole("alert").count(), 0);
      for (const label of FIELDS) await assertNoFieldError(form, label);
      assert.equal(await field(form, "Title").inputValue(), "");
      await eventually(async () =>
        assert.deepEqual(await list.locator("li").allTextContents(), [
          valid.Title,
        ]),
      );
      const rows = await rowsOf("posts", user);
      assert.equal(rows.length, 1);
      assert.deepEqual(withoutId(rows[0]), storedPost(user, valid));

      await page.reload();
      assert.deepEqual(await list.locator("li").allTextContents(), [
        valid.Title,
      ]);
      assert.deepEqual(errors, []);
    });

    test("without JavaScript: the server renders errors with the values kept, then creates", async (t) => {
      const user = newUser();
      const { page } = await open(t, { user, javaScriptEnabled: false });
      assert.equal((await page.goto(PAGE))?.status(), 200);
      const form = page.locator("main > form");

      const values = { ...validPost(), Email: "a@b" };
      await fillForm(form, values);
      const refused = await submitNatively(
        page,
        form.getByRole("button", { name: "Create post" }),
      );
      assertPostAnswered(page, refused);
      await assertMessage(form, "alert", "Check the highlighted fields.");
      await assertFieldError(form, "Email", "Enter a valid email address.");
      for (const label of FIELDS.filter((l) => l !== "Email")) {
        await assertNoFieldError(form, label);
      }
      assert.deepEqual(await readForm(form, values), values);
      assert.deepEqual(await rowsOf("posts", user), []);

      const valid = { ...values, Email: "writer@example.com" };
      await fillForm(form, { Email: valid.Email });
      const created = await submitNatively(
        page,
        form.getByRole("button", { name: "Create post" }),
      );
      assertPostAnswered(page, created);
      await assertMessage(form, "status", "Post created.");
      assert.deepEqual(await page.locator("main > ul > li").allTextContents(), [
        valid.Title,
      ]);
      const rows = await rowsOf("posts", user);
      assert.equal(rows.length, 1);
      assert.deepEqual(withoutId(rows[0]), storedPost(user, valid));

      // Post/Redirect/Get: a reload asks for the page again and posts nothing.
      const reloaded = await page.reload();
      assert.equal(reloaded?.request().method(), "GET");
      assert.deepEqual(await rowsOf("posts", user), rows);
      assert.deepEqual(await page.locator("main > ul > li").allTextContents(), [
        valid.Title,
      ]);
    });

    test("optimistic: listed as saving at once, kept after success", async (t) => {
      const user = newUser();
      const { context, page, errors } = await open(t, { user });
      await page.goto(PAGE);
      await waitForHydration(page);
      const items = page.locator("main > ul > li");
      const quickAdd = page.locator("main > form");

      const title = `Quick ${randomUUID()}`;
      await fillForm(quickAdd, {
        Title: title,
        Email: "quick@example.com",
        Price: "1",
        Status: "draft",
      });
      await setDelay(context, SLOW_MS);
      await quickAdd.getByRole("button", { name: "Create post" }).click();

      const saving = items.and(page.locator('[aria-busy="true"]'));
      await saving.waitFor();
      assert.equal(await saving.textContent(), `${title} (saving…)`);
      // The submit handler took the post over; useFormStatus still sees it.
      assert.equal(
        await quickAdd.getByRole("button", { name: "Creating…" }).isDisabled(),
        true,
      );
      assert.deepEqual(
        await rowsOf("posts", user),
        [],
        "shown before the server has stored it",
      );

      await saving.waitFor({ state: "detached" });
      assert.deepEqual(await items.allTextContents(), [title]);
      assert.equal(await quickAdd.getByRole("alert").count(), 0);
      // Reset as after a form's own action: empty again, ready for the next.
      assert.equal(await field(quickAdd, "Title").inputValue(), "");
      assert.equal(
        await quickAdd.getByRole("button", { name: "Create post" }).isEnabled(),
        true,
      );
      const rows = await rowsOf("posts", user);
      assert.deepEqual(
        rows.map((row) => row.title),
        [title],
      );

      await setDelay(context, 0);
      await page.reload();
      assert.deepEqual(await items.allTextContents(), [title]);
      assert.deepEqual(errors, []);
    });

    test("optimistic: rolls back when the session has expired", async (t) => {
      const user = newUser();
      const { context, page, errors } = await open(t, { user });
      await page.goto(PAGE);
      await waitForHydration(page);
      const items = page.locator("main > ul > li");
      const quickAdd = page.locator("main > form");

      await signOut(context);
      await setDelay(context, SLOW_MS);
      const title = `Rolled back ${randomUUID()}`;
      await fillForm(quickAdd, {
        Title: title,
        Email: "quick@example.com",
        Price: "1",
        Status: "draft",
      });
      await quickAdd.getByRole("button", { name: "Create post" }).click();

      const saving = items.and(page.locator('[aria-busy="true"]'));
      await saving.waitFor();
      assert.equal(await saving.textContent(), `${title} (saving…)`);
      await saving.waitFor({ state: "detached" });
      assert.equal(await items.count(), 0);
      await assertMessage(quickAdd, "alert", "You must be signed in.");
      const stored = (await readRows("posts")).filter((r) => r.title === title);
      assert.deepEqual(stored, []);
      assert.deepEqual(errors, []);
    });

    test("signed out: the form says so and nothing is stored", async (t) => {
      const user = newUser();
      const { context, page, errors } = await open(t, { user });
      await page.goto(PAGE);
      await waitForHydration(page);
      const form = page.locator("main > form");

      await signOut(context);
      const values = validPost();
      await fillForm(form, values);
      await form.getByRole("button", { name: "Create post" }).click();
      await eventually(() =>
        assertMessage(form, "alert", "You must be signed in."),
      );
      // The typed input survives React's form reset: the action echoes it.
      assert.deepEqual(await readForm(form, values), values);
      const stored = (await readRows("posts")).filter(
        (r) => r.title === values.Title,
      );
      assert.deepEqual(stored, []);
      assert.deepEqual(errors, []);
    });
  },
);

describe(
  "create that redirects after success",
  { skip: needs("create-redirect", "create-all-fields") },
  () => {
    const PAGE = "/e2e/redirect/posts/new";
    const TARGET = "/e2e/create/posts";

    test("with JavaScript: a too-short title is kept, a valid one lands on the list", async (t) => {
      const user = newUser();
      const { page, errors } = await open(t, { user });
      await page.goto(PAGE);
      await waitForHydration(page);
      const form = page.locator("main > form");

      // Three characters for the browser's minLength, two after the schema trims.
      await field(form, "Title").fill("ab ");
      await form.getByRole("button", { name: "Create post" }).click();
      await eventually(() =>
        assertMessage(form, "alert", "Check the highlighted fields."),
      );
      await assertFieldError(
        form,
        "Title",
        "Title must be at least 3 characters.",
      );
      assert.equal(await field(form, "Title").inputValue(), "ab ");
      assert.deepEqual(await rowsOf("posts", user), []);

      const title = `Redirected ${randomUUID()}`;
      await field(form, "Title").fill(title);
      await form.getByRole("button", { name: "Create post" }).click();
      await page.waitForURL(TARGET);
      await eventually(async () =>
        assert.deepEqual(
          await page.locator("main > ul > li").allTextContents(),
          [title],
        ),
      );
      const rows = await rowsOf("posts", user);
      assert.deepEqual(rows.map(withoutId), [{ ownerId: user, title }]);
      assert.deepEqual(errors, []);
    });

    test("without JavaScript: errors render with the value kept, success redirects", async (t) => {
      const user = newUser();
      const { page } = await open(t, { user, javaScriptEnabled: false });
      await page.goto(PAGE);
      const form = page.locator("main > form");

      await field(form, "Title").fill("ab ");
      const refused = await submitNatively(
        page,
        form.getByRole("button", { name: "Create post" }),
      );
      assertPostAnswered(page, refused);
      await assertMessage(form, "alert", "Check the highlighted fields.");
      await assertFieldError(
        form,
        "Title",
        "Title must be at least 3 characters.",
      );
      assert.equal(await field(form, "Title").inputValue(), "ab ");

      const title = `Redirected ${randomUUID()}`;
      await field(form, "Title").fill(title);
      const created = await submitNatively(
        page,
        form.getByRole("button", { name: "Create post" }),
      );
      assert.equal(created.status(), 303);
      assert.equal(new URL(page.url()).pathname, TARGET);
      assert.deepEqual(await page.locator("main > ul > li").allTextContents(), [
        title,
      ]);
      const rows = await rowsOf("posts", user);
      assert.deepEqual(rows.map(withoutId), [{ ownerId: user, title }]);
    });
  },
);

describe(
  "create that stays (--after stay)",
  { skip: needs("create-stay") },
  () => {
    test("saves and confirms, but the list only changes on reload", async (t) => {
      const user = newUser();
      const { page, errors } = await open(t, { user });
      await page.goto("/e2e/stay/notes");
      await waitForHydration(page);
      const form = page.locator("main > form");
      const items = page.locator("main > ul > li");

      const text = `Note ${randomUUID()}`;
      await field(form, "Text").fill(text);
      await form.getByRole("button", { name: "Create note" }).click();
      await eventually(() => assertMessage(form, "status", "Note created."));
      assert.equal(await items.count(), 0, "no revalidation in stay mode");
      const rows = await rowsOf("notes", user);
      assert.deepEqual(rows.map(withoutId), [{ ownerId: user, text }]);

      await page.reload();
      assert.deepEqual(await items.allTextContents(), [text]);
      assert.deepEqual(errors, []);
    });
  },
);

describe("public create (--auth none)", { skip: needs("public") }, () => {
  const PAGE = "/e2e/public/messages";

  /** The stored rows with this message (every visitor shares the collection). */
  async function stored(message) {
    return (await readRows("messages"))
      .filter((row) => row.message === message)
      .map(withoutId);
  }

  test("works signed out and stores the message as public", async (t) => {
    const { page, errors } = await open(t);
    await page.goto(PAGE);
    await waitForHydration(page);
    const form = page.locator("main > form");
    const items = page.locator("main > ul > li");

    const message = `Hello ${randomUUID()}`;
    await field(form, "Message").fill(message);
    await form.getByRole("button", { name: "Create message" }).click();
    await eventually(() => assertMessage(form, "status", "Message created."));
    await eventually(async () =>
      assert.equal(await items.filter({ hasText: message }).count(), 1),
    );
    assert.deepEqual(await stored(message), [{ ownerId: "public", message }]);

    assert.deepEqual(errors, []);
  });

  test("works without JavaScript", async (t) => {
    const { page } = await open(t, { javaScriptEnabled: false });
    await page.goto(PAGE);
    const form = page.locator("main > form");

    const message = `No script ${randomUUID()}`;
    await field(form, "Message").fill(message);
    const response = await submitNatively(
      page,
      form.getByRole("button", { name: "Create message" }),
    );
    assertPostAnswered(page, response);
    await assertMessage(form, "status", "Message created.");
    assert.equal(
      await page.locator("main > ul > li").filter({ hasText: message }).count(),
      1,
    );
    assert.deepEqual(await stored(message), [{ ownerId: "public", message }]);
  });
});

// ------------------------------------------------------------- delete

describe(
  "delete (redirects to the create page)",
  { skip: needs("delete", "create-all-fields") },
  () => {
    const deleteUrl = (id) => `/e2e/delete/posts/${id}`;
    const TARGET = "/e2e/create/posts";

    test("with JavaScript: lands on the list without the post", async (t) => {
      const user = newUser();
      const [post, kept] = await seedRows("posts", [
        postRow(user),
        postRow(user),
      ]);
      const { page, errors } = await open(t, { user });
      assert.equal((await page.goto(deleteUrl(post.id)))?.status(), 200);
      await waitForHydration(page);

      await page.getByRole("button", { name: "Delete post" }).click();
      await page.waitForURL(TARGET);
      await eventually(async () =>
        assert.deepEqual(
          await page.locator("main > ul > li").allTextContents(),
          [kept.title],
        ),
      );
      assert.deepEqual(await rowsOf("posts", user), [kept]);
      assert.deepEqual(errors, []);
    });

    test("without JavaScript: redirects with 303 to the list without the post", async (t) => {
      const user = newUser();
      const [post] = await seedRows("posts", [postRow(user)]);
      const { page } = await open(t, { user, javaScriptEnabled: false });
      assert.equal((await page.goto(deleteUrl(post.id)))?.status(), 200);

      const response = await submitNatively(
        page,
        page.getByRole("button", { name: "Delete post" }),
      );
      assert.equal(response.status(), 303);
      assert.equal(new URL(page.url()).pathname, TARGET);
      assert.equal(await page.locator("main > ul > li").count(), 0);
      assert.deepEqual(await rowsOf("posts", user), []);
    });

    test("the page is a 404 for another user", async (t) => {
      const [post] = await seedRows("posts", [postRow(newUser())]);
      const { page } = await open(t, { user: newUser() });
      await assertNotFound(page, deleteUrl(post.id));
    });

    test("another user's post id sent with the form is not found", async (t) => {
      const user = newUser();
      const victim = newUser();
      const [own] = await seedRows("posts", [postRow(user)]);
      const [theirs] = await seedRows("posts", [postRow(victim)]);
      const { page, errors } = await open(t, { user });
      await page.goto(deleteUrl(own.id));
      await waitForHydration(page);
      const form = page.locator("main > form");

      await tamperId(form, theirs.id);
      await form.getByRole("button", { name: "Delete post" }).click();
      await eventually(() => assertMessage(form, "alert", "Post not found."));
      assert.deepEqual(await rowsOf("posts", victim), [theirs]);
      assert.deepEqual(await rowsOf("posts", user), [own]);
      assert.deepEqual(errors, []);
    });

    test("signed out after loading, or already deleted: an alert, no redirect", async (t) => {
      const user = newUser();
      const [post] = await seedRows("posts", [postRow(user)]);
      const { context, page, errors } = await open(t, { user });
      await page.goto(deleteUrl(post.id));
      await waitForHydration(page);
      const form = page.locator("main > form");
      const remove = form.getByRole("button", { name: "Delete post" });

      await signOut(context);
      await remove.click();
      await eventually(() =>
        assertMessage(form, "alert", "You must be signed in."),
      );
      assert.deepEqual(await rowsOf("posts", user), [post]);

      await setUser(context, user);
      await removeRow("posts", post.id);
      await remove.click();
      await eventually(() => assertMessage(form, "alert", "Post not found."));
      assert.equal(new URL(page.url()).pathname, deleteUrl(post.id));
      assert.deepEqual(errors, []);
    });
  },
);

// ------------------------------------------------------------- toggle

describe("optimistic toggle", { skip: needs("toggle-optimistic") }, () => {
  const PAGE = "/e2e/toggle/todos";

  /** Records every aria-pressed value the toggle button takes. */
  async function recordPressed(page) {
    await page.evaluate(() => {
      window.__pressed = [];
      new MutationObserver((mutations) => {
        for (const m of mutations) {
          window.__pressed.push(m.target.getAttribute("aria-pressed"));
        }
      }).observe(document.querySelector("main"), {
        subtree: true,
        attributeFilter: ["aria-pressed"],
      });
    });
  }

  /**
   * Waits for the page to paint twice after an action call ended, by when
   * React has committed the action's result.
   */
  async function settled(page, actionEnd) {
    await actionEnd;
    await within(
      5_000,
      "the page did not paint",
      page.evaluate(
        () =>
          new Promise((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(resolve)),
          ),
      ),
    );
  }

  test("flips at once and stays flipped after the action", async (t) => {
    const user = newUser();
    const [todo] = await seedRows("todos", [
      { ownerId: user, title: "Water the plants", done: false },
    ]);
    const { context, page, errors } = await open(t, { user });
    await page.goto(PAGE);
    await waitForHydration(page);
    // The record's other field names the item beside its toggle.
    assert.equal(
      await page.locator("main li").textContent(),
      "Water the plantsDone",
    );
    const toggle = page.getByRole("button", { name: "Done" });
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");

    await setDelay(context, SLOW_MS);
    await recordPressed(page);
    const ended = nextActionEnd(page);
    await toggle.click();
    // The store check below is what proves the flip came first; the timeout
    // only has to stay under the server's delay.
    await eventually(
      async () =>
        assert.equal(await toggle.getAttribute("aria-pressed"), "true"),
      { timeout: (SLOW_MS * 2) / 3 },
    );
    assert.deepEqual(
      await rowsOf("todos", user),
      [todo],
      "flipped before the server has stored it",
    );

    await settled(page, ended);
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    assert.deepEqual(await page.evaluate(() => window.__pressed), ["true"]);
    assert.equal(await page.locator("main li").getByRole("alert").count(), 0);
    assert.deepEqual(await rowsOf("todos", user), [{ ...todo, done: true }]);

    // And back: the second click sends done=false. The reload waits for the
    // action's response: reloading while it streams in aborts the fetch, and
    // the browser reports that as a console error (seen in CI under load).
    await setDelay(context, 0);
    const back = nextActionEnd(page);
    await toggle.click();
    await settled(page, back);
    assert.deepEqual(await rowsOf("todos", user), [todo]);
    await page.reload();
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    assert.deepEqual(errors, []);
  });

  test("without JavaScript: the same button posts and flips both ways", async (t) => {
    const user = newUser();
    const [todo] = await seedRows("todos", [
      { ownerId: user, title: "Water the plants", done: false },
    ]);
    const { page } = await open(t, { user, javaScriptEnabled: false });
    await page.goto(PAGE);
    const toggle = page.getByRole("button", { name: "Done" });
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");

    const on = await submitNatively(page, toggle);
    assertPostAnswered(page, on);
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    assert.deepEqual(await rowsOf("todos", user), [{ ...todo, done: true }]);

    const off = await submitNatively(page, toggle);
    assertPostAnswered(page, off);
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    assert.deepEqual(await rowsOf("todos", user), [todo]);

    // A reload after the redirect asks for the page; nothing flips again.
    await page.reload();
    assert.deepEqual(await rowsOf("todos", user), [todo]);
  });

  test("rolls back with an alert when the session has expired", async (t) => {
    const user = newUser();
    const [todo] = await seedRows("todos", [
      { ownerId: user, title: "Water the plants", done: false },
    ]);
    const { context, page, errors } = await open(t, { user });
    await page.goto(PAGE);
    await waitForHydration(page);
    const item = page.locator("main li");
    const toggle = item.getByRole("button", { name: "Done" });

    await signOut(context);
    await setDelay(context, SLOW_MS);
    await toggle.click();
    await eventually(
      async () =>
        assert.equal(await toggle.getAttribute("aria-pressed"), "true"),
      { timeout: SLOW_MS / 2 },
    );
    await eventually(async () => {
      assert.equal(await toggle.getAttribute("aria-pressed"), "false");
      await assertMessage(item, "alert", "You must be signed in.");
    });
    assert.deepEqual(await rowsOf("todos", user), [todo]);
    assert.deepEqual(errors, []);
  });
});

// ------------------------------------------------------------- update

describe("update", { skip: needs("update") }, () => {
  const editUrl = (id) => `/e2e/update/posts/${id}/edit`;

  test("with JavaScript: prefilled, errors keep values, saves persist", async (t) => {
    const user = newUser();
    const [post] = await seedRows("posts", [
      postRow(user, { title: "First draft", body: "Stays as it is." }),
    ]);
    const { page, errors } = await open(t, { user });
    assert.equal((await page.goto(editUrl(post.id)))?.status(), 200);
    await waitForHydration(page);
    const form = page.locator("main > form");
    const save = form.getByRole("button", { name: "Save post" });

    assert.deepEqual(
      await readForm(form, { Title: "", Published: false, Status: "" }),
      { Title: "First draft", Published: false, Status: "draft" },
    );

    // Too long for the schema. maxLength stops typing it, so set it the way
    // a script or an outdated form could send it.
    const refused = {
      Title: "x".repeat(121),
      Published: true,
      Status: "published",
    };
    await fillForm(form, { Published: true, Status: "published" });
    await field(form, "Title").evaluate((el, value) => {
      el.value = value;
    }, refused.Title);
    await save.click();
    await eventually(() =>
      assertMessage(form, "alert", "Check the highlighted fields."),
    );
    await assertFieldError(
      form,
      "Title",
      "Title must be at most 120 characters.",
    );
    await assertNoFieldError(form, "Published");
    await assertNoFieldError(form, "Status");
    assert.deepEqual(await readForm(form, refused), refused);
    assert.deepEqual(await rowsOf("posts", user), [post]);

    const changed = {
      Title: "Second draft",
      Published: true,
      Status: "archived",
    };
    await fillForm(form, changed);
    await save.click();
    await eventually(() => assertMessage(form, "status", "Post saved."));
    await assertNoFieldError(form, "Title");
    assert.deepEqual(await readForm(form, changed), changed);
    assert.deepEqual(await rowsOf("posts", user), [
      { ...post, title: "Second draft", published: true, status: "archived" },
    ]);
    await page.reload();
    assert.deepEqual(await readForm(form, changed), changed);

    // Choosing "None" clears the optional status.
    await field(form, "Status").selectOption({ label: "None" });
    const answered = nextActionResponse(page);
    await save.click();
    await answered;
    await eventually(() => assertMessage(form, "status", "Post saved."));
    const [row] = await rowsOf("posts", user);
    assert.equal(row.status, undefined, "status is cleared in the store");
    await page.reload();
    assert.equal(await field(form, "Status").inputValue(), "");
    assert.deepEqual(errors, []);
  });

  test("the page is a 404 for other users, signed out, and unknown ids", async (t) => {
    const owner = newUser();
    const [post] = await seedRows("posts", [postRow(owner)]);

    const other = await open(t, { user: newUser() });
    await assertNotFound(other.page, editUrl(post.id));

    const signedOut = await open(t);
    await assertNotFound(signedOut.page, editUrl(post.id));

    const ownerPage = await open(t, { user: owner });
    const unknown = editUrl(randomUUID());
    await assertNotFound(ownerPage.page, unknown);
  });

  test("signed out after loading: the save is refused and nothing changes", async (t) => {
    const user = newUser();
    const [post] = await seedRows("posts", [postRow(user)]);
    const { context, page, errors } = await open(t, { user });
    await page.goto(editUrl(post.id));
    await waitForHydration(page);
    const form = page.locator("main > form");

    await signOut(context);
    await fillForm(form, { Title: "Not allowed", Published: true });
    await form.getByRole("button", { name: "Save post" }).click();
    await eventually(() =>
      assertMessage(form, "alert", "You must be signed in."),
    );
    assert.deepEqual(await rowsOf("posts", user), [post]);
    assert.deepEqual(errors, []);
  });

  test("a post deleted meanwhile is reported as not found", async (t) => {
    const user = newUser();
    const [post] = await seedRows("posts", [postRow(user)]);
    const { page, errors } = await open(t, { user });
    await page.goto(editUrl(post.id));
    await waitForHydration(page);
    const form = page.locator("main > form");

    await removeRow("posts", post.id);
    await field(form, "Title").fill("Too late");
    await form.getByRole("button", { name: "Save post" }).click();
    await eventually(() => assertMessage(form, "alert", "Post not found."));
    assert.deepEqual(await rowsOf("posts", user), []);
    assert.deepEqual(errors, []);
  });

  test("another user's post id sent with the form is not found", async (t) => {
    const user = newUser();
    const victim = newUser();
    const [own] = await seedRows("posts", [postRow(user)]);
    const [theirs] = await seedRows("posts", [postRow(victim)]);
    const { page, errors } = await open(t, { user });
    await page.goto(editUrl(own.id));
    await waitForHydration(page);
    const form = page.locator("main > form");

    await tamperId(form, theirs.id);
    await field(form, "Title").fill("Taken over");
    await form.getByRole("button", { name: "Save post" }).click();
    await eventually(() => assertMessage(form, "alert", "Post not found."));
    assert.deepEqual(await rowsOf("posts", victim), [theirs]);
    assert.deepEqual(await rowsOf("posts", user), [own]);
    assert.deepEqual(errors, []);
  });

  test("without JavaScript: the form posts and the new values persist", async (t) => {
    const user = newUser();
    const [post] = await seedRows("posts", [postRow(user)]);
    const { page } = await open(t, { user, javaScriptEnabled: false });
    assert.equal((await page.goto(editUrl(post.id)))?.status(), 200);
    const form = page.locator("main > form");

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
    assert.deepEqual(await rowsOf("posts", user), [
      { ...post, title: changed.Title, published: true, status: "published" },
    ]);
  });
});

// ------------------------------------------------------------- toggle form

describe("toggle form", { skip: needs("toggle-form") }, () => {
  test("without JavaScript: the checkbox and Save persist both ways", async (t) => {
    const user = newUser();
    const [todo] = await seedRows("todos", [{ ownerId: user, done: false }]);
    const { page } = await open(t, { user, javaScriptEnabled: false });
    await page.goto("/e2e/toggle-form/todos");
    const form = page.locator("main li form");

    assert.equal(await field(form, "Done").isChecked(), false);
    await field(form, "Done").check();
    const checked = await submitNatively(
      page,
      form.getByRole("button", { name: "Save" }),
    );
    assertPostAnswered(page, checked);
    await assertMessage(form, "status", "Todo updated.");
    assert.equal(await field(form, "Done").isChecked(), true);
    assert.deepEqual(await rowsOf("todos", user), [{ ...todo, done: true }]);

    await field(form, "Done").uncheck();
    const unchecked = await submitNatively(
      page,
      form.getByRole("button", { name: "Save" }),
    );
    assertPostAnswered(page, unchecked);
    assert.equal(await field(form, "Done").isChecked(), false);
    assert.deepEqual(await rowsOf("todos", user), [todo]);
  });
});
