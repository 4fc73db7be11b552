// Starts and stops `next start` for the browser tests.
//
// The server runs in its own process group (detached), so stop() can kill
// it together with anything it spawned. An exit hook kills the group too if
// the runner dies first, so no server is ever left behind.

import fs from "node:fs";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/** Asks the OS for a free TCP port on 127.0.0.1. */
export async function freePort() {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return port;
}

/**
 * Runs `next start` for the built app in `appDir` on 127.0.0.1:`port`.
 * Resolves with `{ url, stop, output }` once GET / answers (any status);
 * rejects with the server's output if it exits or is not ready in 60 s.
 * With `logFile`, the output is also appended there as it arrives, so tests
 * can watch what the server logs while it runs.
 */
export async function startNext(appDir, { port, logFile }) {
  const nextBin = path.join(appDir, "node_modules", ".bin", "next");
  const url = `http://127.0.0.1:${port}`;

  let output = "";
  const child = spawn(
    process.execPath,
    [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: appDir,
      // NO_COLOR: Next's colour check treats any FORCE_COLOR value as "on".
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        FORCE_COLOR: "0",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  if (logFile) fs.writeFileSync(logFile, "");
  const record = (chunk) => {
    output += chunk;
    if (logFile) fs.appendFileSync(logFile, chunk);
  };
  child.stdout.on("data", record);
  child.stderr.on("data", record);

  let exited = false;
  const exitPromise = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      exited = true;
      resolve({ code, signal });
    });
    // A spawn failure (e.g. missing node) emits "error" and maybe no "exit".
    child.once("error", (error) => {
      output += `\n${error.stack ?? error}`;
      exited = true;
      resolve({ code: null, signal: null });
    });
  });

  // Last resort: if the runner exits without calling stop(), take the server
  // down with it. Only synchronous work is possible in an "exit" listener.
  const killOnExit = () => {
    try {
      killGroup(child.pid, "SIGKILL");
    } catch {
      // Nothing more can be done while the process exits.
    }
  };
  process.once("exit", killOnExit);

  async function stop() {
    process.removeListener("exit", killOnExit);
    if (exited) {
      // The leader is gone; make sure nothing it spawned outlives it.
      killGroup(child.pid, "SIGKILL");
      return;
    }
    killGroup(child.pid, "SIGTERM");
    const timer = sleep(STOP_GRACE_MS).then(() => "timeout");
    if ((await Promise.race([exitPromise, timer])) === "timeout") {
      killGroup(child.pid, "SIGKILL");
      await exitPromise;
    }
  }

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) break;
    if (await answers(url)) {
      return {
        url,
        // The process group's leader: the server and anything it spawned.
        pid: child.pid,
        stop,
        get output() {
          return output;
        },
      };
    }
    await sleep(250);
  }

  const reason = exited
    ? `next start exited early (${JSON.stringify(await exitPromise)})`
    : `next start did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s`;
  await stop();
  throw new Error(`${reason}\n--- server output ---\n${output}`);
}

async function answers(url) {
  try {
    const response = await fetch(url, {
      redirect: "manual",
      signal: AbortSignal.timeout(5_000),
    });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid, signal) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal); // negative pid: the whole process group
  } catch (error) {
    if (error.code !== "ESRCH") throw error; // ESRCH: already gone
  }
}
