// Smoke tests for the bare e2e app: if these fail, failures of generated
// code in the other browser tests mean nothing.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { launchBrowser, newPage, waitForHydration } from "../lib/browser.mjs";

// Each app keeps its own home page: ours in the Next 15 app, create-next-app's
// in the Next 16 app.
const HOME_HEADING =
  process.env.E2E_NEXT_MAJOR === "16"
    ? "To get started, edit the page.tsx file."
    : "scaffold e2e";

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
  assert.equal(await page.locator("h1").textContent(), HOME_HEADING);
  assert.deepEqual(errors, []);
});

test("home page renders without JavaScript", async (t) => {
  const { context, page } = await newPage(browser, {
    javaScriptEnabled: false,
  });
  t.after(() => context.close());

  const response = await page.goto("/");
  assert.equal(response?.status(), 200);
  assert.equal(await page.locator("h1").textContent(), HOME_HEADING);
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

test("the delay cookie slows requests down in middleware (proxy in Next 16)", async (t) => {
  const delayMs = 800;
  const { context, page } = await newPage(browser, { delayMs });
  t.after(() => context.close());

  const started = performance.now();
  const response = await page.goto("/whoami");
  const elapsed = performance.now() - started;
  assert.equal(response?.status(), 200);
  assert.ok(elapsed >= delayMs, `page answered after ${elapsed} ms`);
});

test(
  "Next.js drops useActionState's state for no-JS posts under Cache Components (vercel/next.js#97784)",
  { skip: process.env.E2E_NEXT_MAJOR !== "16" && "Next 15 app" },
  async (t) => {
    const { context, page } = await newPage(browser, {
      javaScriptEnabled: false,
    });
    t.after(() => context.close());

    await page.goto("/probe/no-js-state");
    await page.getByLabel("Word").fill("hello");
    await Promise.all([
      page.waitForEvent("load"),
      page.getByRole("button", { name: "Echo" }).click({ noWaitAfter: true }),
    ]);
    // If this fails, Next renders the returned state for no-JS posts again:
    // the Post/Redirect/Get of lib/form-state.ts is no longer needed.
    assert.notEqual(
      await page
        .getByTestId("said")
        .textContent({ timeout: 2000 })
        .catch(() => null),
      "hello",
    );
  },
);
