// Browser helpers for the node:test files in tests/e2e/browser/.
//
// playwright-core drives a system Chromium (the `playwright` package would
// try to download its own browsers). Set CHROMIUM_PATH to use another one.

import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// playwright-core is a dependency of the test app, not of the repo root, so
// resolve it from the app's node_modules.
const requireFromApp = createRequire(
  new URL("../app/package.json", import.meta.url),
);
const { chromium } = requireFromApp("playwright-core");

// Flags that keep a headless Chromium quiet and working as root in a
// container: no sandbox (root), no GPU, no /dev/shm (often tiny in
// containers), and no background traffic to Google services.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export const SESSION_COOKIE = "e2e-session";
export const DELAY_COOKIE = "e2e-delay";

/** Base URL of the running app, e.g. http://127.0.0.1:40123 (set by run.mjs). */
export function baseUrl() {
  const url = process.env.E2E_BASE_URL;
  if (!url) {
    throw new Error(
      "E2E_BASE_URL is not set: run the browser tests through tests/e2e/run.mjs",
    );
  }
  return url.replace(/\/+$/, "");
}

/**
 * Launches Chromium. Playwright creates a throw-away profile in os.tmpdir(),
 * so TMPDIR is pointed inside the test run directory first: a crashed or
 * killed run then leaves nothing behind in /tmp or the home directory.
 */
export async function launchBrowser() {
  const tmp = process.env.E2E_TMP_DIR ?? path.resolve("target", "e2e", "tmp");
  mkdirSync(tmp, { recursive: true });
  process.env.TMPDIR = tmp;

  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // Playwright refuses --user-data-dir here; it manages the profile itself.
    args: CHROMIUM_ARGS,
    // Chromium keeps its crash-report database under the XDG config home
    // whatever the profile is; keep that inside the run directory too.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(tmp, "config"),
      XDG_CACHE_HOME: path.join(tmp, "cache"),
    },
  });
}

/**
 * Opens a page in a fresh browser context (its own cookies and storage).
 *
 * - `javaScriptEnabled: false` tests progressive enhancement.
 * - `user` signs in: the app's test `auth()` reads it from the session cookie.
 * - `delayMs` makes the app's middleware hold every request that long,
 *   Server Action POSTs included (capped at 5000 by the middleware). Use
 *   `setDelay()` to slow requests down only after the page has loaded.
 *
 * Returns `{ context, page, errors }`; `errors` collects uncaught page
 * exceptions and console errors so a test can assert there were none.
 * Close the context when done: `await context.close()`.
 */
export async function newPage(
  browser,
  { javaScriptEnabled = true, user = null, delayMs = 0 } = {},
) {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled,
  });
  // The default 30 s hides hangs for a long time; everything here is local.
  context.setDefaultTimeout(15_000);

  if (user != null) await setUser(context, user);
  if (delayMs > 0) await setDelay(context, delayMs);

  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // "Failed to load resource" says which status but not which URL.
    const { url } = message.location();
    errors.push(url ? `${message.text()} (${url})` : message.text());
  });
  return { context, page, errors };
}

/** Signs the context in as `user` (any string; used as id and name). */
export async function setUser(context, user) {
  await context.addCookies([
    { name: SESSION_COOKIE, value: String(user), url: baseUrl() },
  ]);
}

/** Sets (or with 0, clears) the per-request server delay for the context. */
export async function setDelay(context, delayMs) {
  if (delayMs > 0) {
    await context.addCookies([
      { name: DELAY_COOKIE, value: String(delayMs), url: baseUrl() },
    ]);
  } else {
    await context.clearCookies({ name: DELAY_COOKIE });
  }
}

/**
 * Waits until React has hydrated the page: the root layout's HydrationMarker
 * sets `data-hydrated` on <html> in an effect. Clicking before that can lose
 * events or submit forms natively instead of through React.
 */
export async function waitForHydration(page, { timeout } = {}) {
  await page.waitForSelector('html[data-hydrated="true"]', {
    state: "attached",
    timeout,
  });
  // A partially prerendered page (Next 16, Cache Components) hydrates its shell,
  // layout and marker included, before the part that streams in: wait until
  // React owns every form too, so a tampered field is not reset by hydration
  // and a click is not lost.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("form")].every((form) =>
        Object.keys(form).some((key) => key.startsWith("__reactProps$")),
      ),
    undefined,
    { timeout },
  );
}
