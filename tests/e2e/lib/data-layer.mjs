// Helpers for the node:test files in tests/e2e/data/: generated Server
// Actions on a real database (the Drizzle and Prisma copies of the Next 16
// app). The server holds the PGlite directory, so the tests read and seed
// rows through the app's test-only route /e2e-db (tests/e2e/*/overlay).

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before } from "node:test";

import { baseUrl, launchBrowser, newPage } from "./browser.mjs";
import { field } from "./forms.mjs";

export const LIST = "/e2e/db/posts";
export const editUrl = (id) => `/e2e/db/posts/${id}/edit`;
export const deleteUrl = (id) => `/e2e/db/posts/${id}`;

/**
 * The `skip` option for tests that need these commands' output, from the
 * JSON list of generated commands in the environment variable `variable`.
 */
export function needsFrom(variable) {
  const generated = new Set(JSON.parse(process.env[variable] ?? "[]"));
  return (...commands) => {
    const missing = commands.filter((name) => !generated.has(name));
    return missing.length > 0 && `not generated: ${missing.join(", ")}`;
  };
}

/**
 * Launches Chromium before the file's tests and closes it after them;
 * returns `open(t, options)`: a fresh context and page, closed when the
 * test ends.
 */
export function pagesPerTest() {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  return async (t, options) => {
    const opened = await newPage(browser, options);
    t.after(() => opened.context.close());
    return opened;
  };
}

/** Calls the test-only route; resolves with its JSON, throws on non-2xx. */
export async function db(method, body) {
  const response = await fetch(`${baseUrl()}/e2e-db`, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} /e2e-db: ${response.status} ${text}`);
  }
  return JSON.parse(text);
}

/** A new user with a users row (posts.author_id references it). */
export async function newUser() {
  const id = `u-${randomUUID()}`;
  await db("POST", { user: id });
  return id;
}

/** Every posts row, as the route returns them (authorId included), oldest first. */
export function allPosts() {
  return db("GET");
}

export async function postsOf(authorId) {
  return (await allPosts()).filter((row) => row.authorId === authorId);
}

export async function postById(id) {
  return (await allPosts()).find((row) => row.id === id);
}

/** A slug no other test uses (the column is unique, at most 80 characters). */
export function newSlug() {
  return `post-${randomUUID().slice(0, 13)}`;
}

/** Inserts a post for `authorId`; resolves with the row as stored. */
export async function seedPost(authorId, fields = {}) {
  const { id } = await db("POST", {
    seed: {
      title: `Seeded ${randomUUID().slice(0, 8)}`,
      slug: newSlug(),
      authorId,
      ...fields,
    },
  });
  const row = await postById(id);
  assert.ok(row, `seeded post ${id} is stored`);
  return row;
}

/** Typed values for every field of the create form. */
export function typedPost() {
  return {
    Title: `Post ${randomUUID().slice(0, 8)}`,
    Slug: newSlug(),
    Body: "A body\non two lines.",
    Status: "published",
    Published: true,
    "Published on": "2024-05-06",
    Price: "9.5",
  };
}

/** The text of the error element a control points to with aria-describedby. */
export async function errorText(control) {
  const id = await control.getAttribute("aria-describedby");
  assert.ok(id, "the control has aria-describedby");
  return control.page().locator(`[id="${id}"]`).textContent();
}

/** `message`: the exact error text, or a RegExp it must match. */
export async function assertFieldError(form, label, message) {
  const control = field(form, label);
  assert.equal(
    await control.getAttribute("aria-invalid"),
    "true",
    `${label}: aria-invalid`,
  );
  const text = await errorText(control);
  if (message instanceof RegExp) {
    assert.match(text, message, `${label}: error text`);
  } else {
    assert.equal(text, message, `${label}: error text`);
  }
}

export async function assertNoFieldError(form, label) {
  assert.equal(
    await field(form, label).getAttribute("aria-invalid"),
    "false",
    `${label}: aria-invalid`,
  );
}

/**
 * Clicks a submit button with JavaScript disabled, so the browser posts the
 * form itself; resolves with the response to that POST (a redirect's 303,
 * not where it leads) once the resulting page has loaded.
 */
export async function submitNatively(page, button) {
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.request().isNavigationRequest(),
  );
  const loaded = page.waitForEvent("load");
  loaded.catch(() => {}); // awaited below unless the POST failed
  const [response] = await Promise.all([
    answered,
    button.click({ noWaitAfter: true }),
  ]);
  await loaded;
  return response;
}

/**
 * Post/Redirect/Get: the generated actions answer a no-JS post with a 303
 * back to the page it came from (under Cache Components the state an action
 * returns would never reach the HTML: vercel/next.js#97784).
 */
export function assertPostAnswered(page, response) {
  assert.equal(response.status(), 303, "Post/Redirect/Get");
  const location = new URL(response.headers().location, response.url());
  assert.equal(location.pathname, new URL(response.url()).pathname);
  assert.equal(page.url(), location.href);
}

/**
 * A page for a record the user may not see: a 404, or, where the shell of a
 * partially prerendered page has already gone out with 200 when notFound()
 * runs (Cache Components), a noindex page without the page's content.
 */
export async function assertNotFound(page, url) {
  const response = await page.goto(url);
  const status = response?.status();
  if (status === 404) return;
  assert.equal(status, 200, `${url}: a 404, or 200 with noindex`);
  assert.equal(
    await page.locator('meta[name="robots"]').getAttribute("content"),
    "noindex",
  );
  assert.equal(await page.locator("main").count(), 0, "no page content");
}
