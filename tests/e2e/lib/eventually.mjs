// Retrying assertions for the browser tests: the page updates asynchronously
// (hydration, Server Action responses, transitions), so a check on what it
// shows is retried until it passes instead of after a fixed sleep.

import { setTimeout as sleep } from "node:timers/promises";

/**
 * Runs `check` (an async function that throws when the page is not in the
 * expected state yet, e.g. by failing an assert) until it returns without
 * throwing, and resolves with its result. After `timeout` ms it rethrows the
 * last failure, so the test reports what was wrong rather than a bare
 * timeout.
 */
export async function eventually(
  check,
  { timeout = 10_000, interval = 50 } = {},
) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await sleep(interval);
  }
}
