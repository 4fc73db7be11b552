// The notes feature was written the pre-action way (API routes called with
// fetch) and moved by `scaffold migrate route-to-action` (run.mjs). Its
// former callers must still work in Chromium, now through Server Actions,
// and the moved handlers must be gone from the routes.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import {
  baseUrl,
  launchBrowser,
  newPage,
  waitForHydration,
} from "../lib/browser.mjs";

const variants = new Set(JSON.parse(process.env.E2E_VARIANTS ?? "[]"));
const skip =
  variants.size > 0 && !variants.has("migrate-notes")
    ? "the migration did not run"
    : false;

describe("migrated notes feature", { skip }, () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function open(t, user) {
    const { context, page, errors } = await newPage(browser, { user });
    t.after(() => context.close());
    await page.goto("/notes");
    await waitForHydration(page);
    return { page, errors };
  }

  async function add(page, title) {
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Add note" }).click();
  }

  test("the form creates a note through the action", async (t) => {
    const { page, errors } = await open(t, `m-${Date.now()}`);
    // The limit the form imported from the route now comes from the moved schema module.
    assert.equal(
      await page.getByLabel("Title").getAttribute("maxlength"),
      "80",
    );
    const posts = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(new URL(r.url()).pathname);
    });
    await add(page, "First note");
    await page.getByText("Saved “First note”").waitFor();
    await page.getByTestId("notes").getByText("First note").waitFor();
    // A Server Action posts to the page itself, never to /api/notes.
    assert.ok(
      posts.length > 0 && posts.every((p) => p === "/notes"),
      posts.join(),
    );
    assert.deepEqual(errors, []);
  });

  test("the status branches survive: 422 and 409 reach the form", async (t) => {
    const { page } = await open(t, `m-${Date.now()}`);
    await add(page, "   ");
    await page.getByText("Give the note a title").waitFor();
    await add(page, "Twice");
    await page.getByText("Saved “Twice”").waitFor();
    await add(page, "Twice");
    await page
      .getByText("Duplicate: You already have a note with that title")
      .waitFor();
  });

  test("signed out, the action answers 401 and nothing is stored", async (t) => {
    const { page } = await open(t, undefined);
    await add(page, "Anonymous");
    await page.getByTestId("note-message").getByText("Unauthorized").waitFor();
    assert.equal(await page.getByTestId("notes").locator("li").count(), 0);
  });

  test("delete goes through the action (the [id] route is gone)", async (t) => {
    const user = `m-${Date.now()}`;
    const { page } = await open(t, user);
    await add(page, "Short-lived");
    const item = page.getByTestId("notes").getByText("Short-lived");
    await item.waitFor();
    await page.getByRole("button", { name: "Delete Short-lived" }).click();
    await item.waitFor({ state: "detached" });
  });

  test("axios' error contract survives: a 404 from the action reaches its catch", async (t) => {
    const user = `m-${Date.now()}`;
    const { page } = await open(t, user);
    await add(page, "Deleted elsewhere");
    await page.getByTestId("notes").getByText("Deleted elsewhere").waitFor();
    // The same user deletes it in another tab; this page still shows it.
    const other = await open(t, user);
    await other.page
      .getByRole("button", { name: "Delete Deleted elsewhere" })
      .click();
    await other.page
      .getByTestId("notes")
      .getByText("Deleted elsewhere")
      .waitFor({ state: "detached" });
    // The rewritten call throws axios' own AxiosError with response.status 404 and the
    // action's error body, so the caller's `err.response?.status === 404` branch runs.
    await page
      .getByRole("button", { name: "Delete Deleted elsewhere" })
      .click();
    await page.getByRole("alert").getByText("Note not found").waitFor();
  });

  test("the moved handlers are gone; GET stays a route", async () => {
    const cookie = { cookie: "e2e-session=api-user" };
    const post = await fetch(`${baseUrl()}/api/notes`, {
      method: "POST",
      headers: { ...cookie, "content-type": "application/json" },
      body: JSON.stringify({ title: "x" }),
    });
    assert.equal(post.status, 405);
    const get = await fetch(`${baseUrl()}/api/notes`, { headers: cookie });
    assert.equal(get.status, 200);
    assert.ok(Array.isArray(await get.json()));
    const del = await fetch(`${baseUrl()}/api/notes/abc`, {
      method: "DELETE",
      headers: cookie,
    });
    assert.equal(del.status, 404);
  });
});
