// Smoke tests for the bare e2e app: if these fail, failures of generated
// code in the other browser tests mean nothing.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { launchBrowser, newPage, waitForHydration } from "../lib/browser.mjs";

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test("home page hydrates with JavaScript", async (t) => {
  const { context, page, errors } = await newPage(browser);
  t.after(() => context.close());

  const response = await page.goto("/");
  assert.equal(response?.status(), 200);
  await waitForHydration(page);
  assert.equal(await page.locator("h1").textContent(), "scaffold e2e");
  assert.deepEqual(errors, []);
});

test("home page renders without JavaScript", async (t) => {
  const { context, page } = await newPage(browser, {
    javaScriptEnabled: false,
  });
  t.after(() => context.close());

  const response = await page.goto("/");
  assert.equal(response?.status(), 200);
  assert.equal(await page.locator("h1").textContent(), "scaffold e2e");
  // No script runs, so the hydration marker's effect never sets the flag.
  assert.equal(await page.locator("html").getAttribute("data-hydrated"), null);
});

test("auth() sees the signed-in user from the session cookie", async (t) => {
  const { context, page } = await newPage(browser, { user: "alice" });
  t.after(() => context.close());

  await page.goto("/whoami");
  assert.equal(
    await page.getByTestId("whoami").textContent(),
    "signed in as alice",
  );
});

test("auth() returns null without the session cookie", async (t) => {
  const { context, page } = await newPage(browser);
  t.after(() => context.close());

  await page.goto("/whoami");
  assert.equal(await page.getByTestId("whoami").textContent(), "signed out");
});

test("the delay cookie slows requests down in middleware", async (t) => {
  const delayMs = 800;
  const { context, page } = await newPage(browser, { delayMs });
  t.after(() => context.close());

  const started = performance.now();
  const response = await page.goto("/whoami");
  const elapsed = performance.now() - started;
  assert.equal(response?.status(), 200);
  assert.ok(elapsed >= delayMs, `page answered after ${elapsed} ms`);
});
