// Prisma 7: generated code against a real database, not the JSON dev store.
// `scaffold new action … --model Post` reads prisma/schema.prisma and writes
// owner-scoped Prisma queries; this proves them in a copy of the Next 16 app
// (tests/e2e/app16) with the generated Prisma client on PGlite (Postgres
// compiled to wasm, in the server's own process) through the community
// driver adapter pglite-prisma-adapter.
//
//   tests/e2e/prisma/package.json   prisma, @prisma/client, PGlite and the
//                                   adapter (pinned, with a lockfile)
//   tests/e2e/prisma/overlay/       prisma/schema.prisma, the hand-written
//                                   migration, prisma.config.ts,
//                                   lib/prisma.ts, next.config.ts,
//                                   scripts/apply-migrations.mjs and the
//                                   test-only route app/e2e-db
//   tests/e2e/prisma/queries.mjs    the query shapes the generator writes,
//                                   run on the fixture alone
//   tests/e2e/data/prisma.test.mjs  the browser tests
//
// Offline limits (see shared/reference/nextjs16-facts.md, item 16):
// `prisma generate` wants to download the native schema engine before it
// generates anything; PRISMA_SCHEMA_ENGINE_BINARY pointed at a placeholder
// lets it finish (TEST-ONLY: generate never runs that engine). Migrations do
// run it, so `prisma migrate` cannot work here: the migration SQL is written
// by hand and applied with PGlite by the overlay's scripts/apply-migrations.mjs.
//
// The copy lives in target/e2e/prisma-app; its server log, TAP report and
// manifest beside it (next-start-prisma.log, browser-prisma.tap,
// generated-prisma.json).
//
//   await prismaStages({ run, stage, env, browserCounts, bin, skipBuild, skipBrowser })
//
// takes run.mjs's helpers; without them it uses small ones of its own, so a
// script can run it alone: `node -e 'import("./tests/e2e/prisma-stage.mjs").then((m) => m.prismaStages())'`.

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { copyAppTree } from "./lib/copy.mjs";
import {
  appTool,
  checkStages,
  indent,
  linkPackages,
  needsInstall,
  runBrowserTests,
} from "./lib/data-stage.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(
  /\/$/,
  "",
);
const E2E_DIR = path.join(ROOT, "tests", "e2e");
const APP_SRC = path.join(E2E_DIR, "app16");
const PRISMA_SRC = path.join(E2E_DIR, "prisma");
const OVERLAY = path.join(PRISMA_SRC, "overlay");
const QUERIES = path.join(PRISMA_SRC, "queries.mjs");
const TEST_FILE = path.join(E2E_DIR, "data", "prisma.test.mjs");
const OUT = path.join(ROOT, "target", "e2e");
const APP = path.join(OUT, "prisma-app");
const FIXTURE = "fixture (prisma/overlay)";

/**
 * Packages both app16 and tests/e2e/prisma install, in other versions. The
 * app keeps its own: on Prisma's side only `prisma dev` (ajv, via
 * @prisma/streams-local) and `prisma studio` (React, via
 * @prisma/studio-core) use them, and neither runs here. Any other clash
 * fails the copy.
 */
const TOLERATED_CLASHES = new Set([
  "ajv",
  "json-schema-traverse",
  "csstype",
  "react",
  "react-dom",
]);

/** What the browser tests drive; each name is one scaffold command. */
export const PRISMA_COMMANDS = [
  { name: "create", route: "e2e/db/posts", op: "create" },
  { name: "update", route: "e2e/db/posts/[id]/edit", op: "update" },
  { name: "delete", route: "e2e/db/posts/[id]", op: "delete" },
].map(({ name, route, op }) => ({
  name,
  args: [
    "new",
    "action",
    route,
    "--model",
    "Post",
    "--op",
    op,
    "--auth",
    "next-auth",
    "--page",
    "--yes",
  ],
}));

/**
 * Every stage of the Prisma + PGlite app. `run` and `stage` are run.mjs's
 * (a child process that never rejects; a timed, recorded stage);
 * `browserCounts` gets the browser tests' pass and fail counts added.
 * Resolves with the statuses of the stages, by short name.
 */
export async function prismaStages({
  run = runChild,
  stage = timedStage,
  env = defaultEnv(),
  browserCounts = { pass: 0, fail: 0 },
  bin = path.resolve(ROOT, process.env.SCAFFOLD_BIN ?? "target/debug/scaffold"),
  skipBuild = false,
  skipBrowser = false,
} = {}) {
  const label = (name) => `prisma + PGlite: ${name}`;
  const statuses = {};
  const step = async (key, name, fn) => {
    statuses[key] = await stage(label(name), fn);
    return statuses[key];
  };
  fs.mkdirSync(env.TMPDIR ?? path.join(OUT, "tmp"), { recursive: true });
  for (const entry of [
    "generated-prisma.json",
    "browser-prisma.tap",
    "next-start-prisma.log",
  ]) {
    fs.rmSync(path.join(OUT, entry), { force: true });
  }

  // Tool output is attributed to the command that generated a file, or to
  // the fixture when it names one of the overlay's files.
  const owners = new Map();
  for (const file of fs.readdirSync(OVERLAY, { recursive: true })) {
    if (fs.statSync(path.join(OVERLAY, file)).isFile()) {
      owners.set(file.split(path.sep).join("/"), [FIXTURE]);
    }
  }
  const generated = [];

  for (const dir of [APP_SRC, PRISMA_SRC]) {
    if (!needsInstall(dir)) continue;
    const status = await step(
      `npm ci ${path.basename(dir)}`,
      `npm ci in ${path.relative(ROOT, dir)}`,
      async () => {
        // Prisma's install scripts would download engines (not reachable
        // here); the stage runs `prisma generate` itself.
        const scripts = dir === PRISMA_SRC ? ["--ignore-scripts"] : [];
        const result = await run(
          "npm",
          ["ci", "--no-audit", "--no-fund", ...scripts],
          { cwd: dir, env },
        );
        if (result.code !== 0) process.stdout.write(result.output);
        return {
          ok: result.code === 0,
          detail: result.code ? `exit code ${result.code}` : "",
        };
      },
    );
    if (status === "fail") return statuses;
  }

  if ((await step("copy", "app copy", () => copyApp(run, env))) !== "pass") {
    return statuses;
  }

  const tool = appTool({ run, env, app: APP });

  const client = await step("prisma generate", "prisma generate", () =>
    prismaGenerate(tool, env),
  );
  if (client !== "pass") return statuses;

  await step("queries", "queries through the adapter (fixture)", async () => {
    const result = await run(process.execPath, [QUERIES, APP], {
      cwd: APP,
      env,
    });
    process.stdout.write(indent(result.output) + "\n");
    const checks = (result.stdout.match(/^ok {3}/gm) ?? []).length;
    return result.code === 0
      ? { ok: true, detail: `${checks} check(s)` }
      : { ok: false, detail: `exit code ${result.code}` };
  });

  await step("generate", "generate", () =>
    generate({ run, env, bin, owners, generated }),
  );

  const built = await checkStages({
    step,
    tool,
    app: APP,
    owners,
    skipBuild,
  });

  // After the build: collecting page data evaluates lib/prisma.ts in build
  // workers, which opens .pglite; nothing they leave there reaches the server.
  const migrated = await step("migrate", "apply migrations", async () => {
    if (built !== "pass") return { skip: "needs next build" };
    fs.rmSync(path.join(APP, ".pglite"), { recursive: true, force: true });
    const result = await run(
      process.execPath,
      [path.join(APP, "scripts", "apply-migrations.mjs")],
      { cwd: APP, env },
    );
    process.stdout.write(indent(result.output) + "\n");
    return result.code === 0 && /: applied$/m.test(result.stdout)
      ? { ok: true }
      : { ok: false, detail: `exit code ${result.code}` };
  });

  await step("browser", "browser tests", async () => {
    if (skipBrowser) return { skip: "--skip-browser" };
    if (migrated !== "pass") return { skip: "needs next build and migrations" };
    return browserTests({ run, env, browserCounts, generated });
  });
  return statuses;
}

/**
 * A fresh copy of app16 in target/e2e/prisma-app with the overlay on top and
 * Prisma's packages in its package.json, as `npm install prisma …` would
 * leave them (scaffold finds the data layer there). Turbopack resolves
 * nothing outside the app's root, so node_modules is made of hard links:
 * app16's packages, then tests/e2e/prisma's where app16 has no package of
 * that name.
 */
async function copyApp(run, env) {
  copyAppTree(APP_SRC, APP);
  const linked = await linkPackages({
    run,
    env,
    appSrc: APP_SRC,
    app: APP,
    layerSrc: PRISMA_SRC,
    root: ROOT,
    tolerated: TOLERATED_CLASHES,
  });
  if (!linked.ok) return linked;
  const { added, kept } = linked;

  fs.cpSync(OVERLAY, APP, { recursive: true });

  const manifest = path.join(APP, "package.json");
  const app = JSON.parse(fs.readFileSync(manifest, "utf8"));
  const prisma = JSON.parse(
    fs.readFileSync(path.join(PRISMA_SRC, "package.json"), "utf8"),
  );
  app.dependencies = { ...app.dependencies, ...prisma.dependencies };
  app.devDependencies = { ...app.devDependencies, ...prisma.devDependencies };
  fs.writeFileSync(manifest, `${JSON.stringify(app, null, 2)}\n`);

  console.log(
    `app copy: ${path.relative(ROOT, APP)}, ${added.length} package(s) linked in`,
  );
  if (kept.length) console.log(`  app16's version kept: ${kept.join(", ")}`);
  return { ok: true, detail: `${added.length} package(s) added` };
}

/**
 * `prisma generate` into generated/prisma. TEST-ONLY workaround: Prisma 7
 * downloads the native schema engine before generating, which fails offline;
 * PRISMA_SCHEMA_ENGINE_BINARY pointed at a placeholder that only exits 1
 * lets generate finish (it never runs the engine: the client comes from the
 * wasm schema tooling and the query compiler shipped on npm).
 */
async function prismaGenerate(tool, env) {
  const tmp = env.TMPDIR ?? path.join(OUT, "tmp");
  const placeholder = path.join(tmp, "schema-engine-placeholder");
  fs.mkdirSync(tmp, { recursive: true });
  fs.writeFileSync(
    placeholder,
    '#!/bin/sh\necho "scaffold e2e: no Prisma schema engine offline (test-only placeholder)" >&2\nexit 1\n',
    { mode: 0o755 },
  );
  const result = await tool("prisma", ["generate"], {
    env: {
      ...env,
      PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
      // No update check or telemetry call to the network.
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  const output = result.output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
  process.stdout.write(indent(output) + "\n");
  const client = path.join(APP, "generated", "prisma", "client.ts");
  if (result.code !== 0 || !fs.existsSync(client)) {
    return {
      ok: false,
      detail: `exit code ${result.code}${fs.existsSync(client) ? "" : ", no generated/prisma/client.ts"}`,
    };
  }
  return {
    ok: true,
    detail: output.match(/Generated Prisma Client \([^)]*\)/)?.[0] ?? "",
  };
}

async function generate({ run, env, bin, owners, generated }) {
  if (!fs.existsSync(bin)) {
    return {
      ok: false,
      detail: `scaffold binary not found at ${path.relative(ROOT, bin)}`,
    };
  }
  const failed = [];
  const manifest = {};
  for (const command of PRISMA_COMMANDS) {
    const result = await run(bin, ["--cwd", APP, "--json", ...command.args], {
      cwd: ROOT,
      env,
    });
    let report;
    try {
      report = result.code === 0 ? JSON.parse(result.stdout) : undefined;
    } catch {
      report = undefined;
    }
    const files = report?.files;
    if (!Array.isArray(files)) {
      failed.push(command.name);
      console.log(
        `${command.name}: scaffold exited with code ${result.code}${result.code === 0 ? " without a files array in its JSON" : ""}`,
      );
      console.log(
        `  command: scaffold --cwd ${path.relative(ROOT, APP)} --json ${command.args.join(" ")}`,
      );
      console.log(indent(result.stderr || result.stdout));
      continue;
    }
    generated.push(command.name);
    manifest[command.name] = report;
    console.log(`${command.name}: ${files.length} file(s)`);
    for (const note of report.notes ?? []) console.log(`  note: ${note}`);
    for (const warning of report.warnings ?? [])
      console.log(`  warning: ${warning}`);
    for (const file of files) {
      console.log(`  ${file.status ?? "?"} ${file.path}`);
      if (typeof file?.path !== "string") continue;
      const rel = (
        path.isAbsolute(file.path)
          ? path.relative(APP, file.path)
          : path.normalize(file.path)
      )
        .split(path.sep)
        .join("/");
      if (!owners.has(rel) || owners.get(rel)[0] === FIXTURE)
        owners.set(rel, []);
      owners.get(rel).push(command.name);
    }
  }
  fs.writeFileSync(
    path.join(OUT, "generated-prisma.json"),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  if (failed.length) {
    return {
      ok: false,
      detail: `${failed.length} of ${PRISMA_COMMANDS.length} command(s) failed: ${failed.join(", ")}`,
    };
  }
  // The point of --model: every data.ts queries Prisma, scoped by the owner
  // column the schema names (authorId), not the JSON dev store.
  const wrong = [];
  for (const file of owners.keys()) {
    if (!file.endsWith("/data.ts")) continue;
    const text = fs.readFileSync(path.join(APP, file), "utf8");
    if (/dev-store|\.data\//.test(text)) wrong.push(`${file}: dev store`);
    else if (!/from "@\/lib\/prisma"/.test(text))
      wrong.push(`${file}: no prisma import`);
    else if (!/authorId: ownerId/.test(text))
      wrong.push(`${file}: no authorId scope`);
  }
  if (wrong.length) return { ok: false, detail: wrong.join("; ") };
  return { ok: true, detail: `${PRISMA_COMMANDS.length} command(s)` };
}

function browserTests({ run, env, browserCounts, generated }) {
  return runBrowserTests({
    run,
    env,
    root: ROOT,
    app: APP,
    testFile: TEST_FILE,
    tap: path.join(OUT, "browser-prisma.tap"),
    serverLog: path.join(OUT, "next-start-prisma.log"),
    // The commands that generated, so the tests of the others skip.
    testEnv: { E2E_PRISMA_GENERATED: JSON.stringify(generated) },
    browserCounts,
  });
}

// ------------------------------------------- when run without run.mjs

/** The environment run.mjs gives its children, for standalone use. */
function defaultEnv() {
  const tmp = path.join(OUT, "tmp");
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    FORCE_COLOR: "0",
    NO_COLOR: "1",
    TMPDIR: tmp,
    XDG_CONFIG_HOME: path.join(tmp, "config"),
    XDG_CACHE_HOME: path.join(tmp, "cache"),
  };
}

/** run.mjs's `run` in short: never rejects; kills the group on timeout. */
function runChild(command, args, { cwd, env, stream = false } = {}) {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let output = "";
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const kill = () => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(kill, 15 * 60_000);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      output += chunk;
      if (stream) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      output += chunk;
      if (stream) process.stderr.write(chunk);
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr, output: `${output}\n${error}` });
    });
    child.once("exit", kill);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, output });
    });
  });
}

/** run.mjs's `stage` in short: times `fn` and prints the outcome. */
async function timedStage(name, fn) {
  console.log(`\n▶ ${name}`);
  const started = performance.now();
  let result;
  try {
    result = await fn();
  } catch (error) {
    console.log(error.stack ?? String(error));
    result = { ok: false, detail: error.message.split("\n")[0] };
  }
  const seconds = (performance.now() - started) / 1000;
  const status = result.skip ? "skip" : result.ok ? "pass" : "fail";
  const detail = result.skip ?? result.detail ?? "";
  console.log(
    `${{ pass: "✓", fail: "✗", skip: "-" }[status]} ${name}: ${status} (${seconds.toFixed(1)} s)${detail ? ` ${detail}` : ""}`,
  );
  return status;
}
