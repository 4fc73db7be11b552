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
import { freePort, startNext } from "./lib/server.mjs";

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
        const result = await run("npm", ["ci", "--no-audit", "--no-fund"], {
          cwd: dir,
          env,
        });
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

  const tool = (name, args, options = {}) =>
    run(
      process.execPath,
      [path.join(APP, "node_modules", ".bin", name), ...args],
      { cwd: APP, env, ...options },
    );
  const check = async (name, args) => {
    const result = await tool(name, args);
    if (result.code === 0) return { ok: true };
    const blamed = report(result, owners);
    return {
      ok: false,
      detail: `exit code ${result.code}${blamed ? `, ${blamed} file(s) implicated` : ""}`,
    };
  };

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

  // Generated files and the overlay's, which must pass the same checks.
  const checked = () =>
    [...owners.keys()].filter(
      (file) =>
        /\.(?:[cm]?[jt]sx?)$/.test(file) && fs.existsSync(path.join(APP, file)),
    );

  await step("tsc", "tsc --noEmit", async () => {
    const typegen = await tool("next", ["typegen"]);
    if (typegen.code !== 0) {
      report(typegen, owners);
      return { ok: false, detail: "next typegen failed" };
    }
    return check("tsc", ["--noEmit", "--pretty", "false"]);
  });
  await step("eslint", "eslint --max-warnings=0", async () => {
    const result = await check("eslint", [
      "--max-warnings=0",
      "--",
      ...checked(),
    ]);
    return result.ok
      ? { ok: true, detail: `${checked().length} file(s)` }
      : result;
  });
  await step("prettier", "prettier --check", async () => {
    const result = await check("prettier", ["--check", "--", ...checked()]);
    return result.ok
      ? { ok: true, detail: `${checked().length} file(s)` }
      : result;
  });

  const built = await step("build", "next build", () =>
    skipBuild ? { skip: "--skip-build" } : check("next", ["build"]),
  );

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

function needsInstall(dir) {
  const marker = path.join(dir, "node_modules", ".package-lock.json");
  if (!fs.existsSync(marker)) return true;
  const lock = fs.statSync(path.join(dir, "package-lock.json"));
  return lock.mtimeMs > fs.statSync(marker).mtimeMs;
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
  const modules = path.join(APP, "node_modules");
  const linked = await run(
    "cp",
    ["-al", path.join(APP_SRC, "node_modules"), modules],
    { env },
  );
  if (linked.code !== 0)
    return { ok: false, detail: `cp -al: ${linked.output}` };

  const from = path.join(PRISMA_SRC, "node_modules");
  const version = (dir) =>
    JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
  const added = [];
  const kept = [];
  const clashes = [];
  for (const name of packageNames(from)) {
    const target = path.join(modules, name);
    if (fs.existsSync(target)) {
      const ours = version(path.join(from, name));
      const theirs = version(target);
      if (ours === theirs) continue;
      const line = `${name} ${ours} (app16 has ${theirs})`;
      (TOLERATED_CLASHES.has(name) ? kept : clashes).push(line);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const result = await run("cp", ["-al", path.join(from, name), target], {
      env,
    });
    if (result.code !== 0)
      return { ok: false, detail: `cp -al ${name}: ${result.output}` };
    added.push(name);
  }
  if (clashes.length) {
    return {
      ok: false,
      detail: `packages in both app16 and tests/e2e/prisma with other versions: ${clashes.join(", ")}`,
    };
  }
  // The command-line tools (prisma); relative symlinks, kept as such.
  for (const entry of fs.readdirSync(path.join(from, ".bin"))) {
    const target = path.join(modules, ".bin", entry);
    if (fs.existsSync(target)) continue;
    fs.symlinkSync(fs.readlinkSync(path.join(from, ".bin", entry)), target);
  }

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

/** Top-level package directories of a node_modules ("@scope/name" too). */
function packageNames(modules) {
  const names = [];
  for (const entry of fs.readdirSync(modules)) {
    if (entry.startsWith(".")) continue;
    if (entry.startsWith("@")) {
      for (const inner of fs.readdirSync(path.join(modules, entry))) {
        names.push(`${entry}/${inner}`);
      }
    } else {
      names.push(entry);
    }
  }
  return names;
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

async function browserTests({ run, env, browserCounts, generated }) {
  const serverLog = path.join(OUT, "next-start-prisma.log");
  const tap = path.join(OUT, "browser-prisma.tap");
  fs.rmSync(tap, { force: true });
  const server = await startNext(APP, {
    port: await freePort(),
    logFile: serverLog,
  });
  let result;
  try {
    result = await run(
      process.execPath,
      [
        "--test",
        "--test-timeout=120000",
        "--test-reporter=spec",
        "--test-reporter-destination=stdout",
        "--test-reporter=tap",
        `--test-reporter-destination=${tap}`,
        TEST_FILE,
      ],
      {
        cwd: ROOT,
        stream: true,
        env: {
          ...env,
          E2E_BASE_URL: server.url,
          E2E_APP_DIR: APP,
          E2E_NEXT_MAJOR: "16",
          E2E_TMP_DIR: env.TMPDIR,
          // The commands that generated, so the tests of the others skip.
          E2E_PRISMA_GENERATED: JSON.stringify(generated),
          E2E_SERVER_LOG: serverLog,
        },
      },
    );
  } finally {
    await server.stop();
    fs.writeFileSync(serverLog, server.output);
  }
  const tapText = fs.existsSync(tap) ? fs.readFileSync(tap, "utf8") : "";
  const count = (key) =>
    Number(tapText.match(new RegExp(`^# ${key} (\\d+)$`, "m"))?.[1] ?? 0);
  const pass = count("pass");
  const fail = count("fail") + count("cancelled");
  browserCounts.pass += pass;
  browserCounts.fail += fail;
  const ok = result.code === 0 && fail === 0 && /^# tests \d+$/m.test(tapText);
  if (!ok) {
    console.log(
      `--- next start output (also in ${path.relative(ROOT, serverLog)}) ---`,
    );
    console.log(server.output.split("\n").slice(-200).join("\n"));
  }
  const skipped = count("skipped");
  // todo: known gaps in the generated code, expected to fail for now.
  const todo = count("todo");
  return {
    ok,
    detail: `${pass} passed, ${fail} failed${skipped ? `, ${skipped} skipped` : ""}${todo ? `, ${todo} todo` : ""}`,
  };
}

/** Prints a failed tool's output, then who wrote each file it mentions. */
function report(result, owners) {
  let output = result.output.replace(/\x1b\[[0-9;]*m/g, "");
  process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
  for (const prefix of new Set([APP, safeRealpath(APP)])) {
    output = output.split(`${prefix}/`).join("");
  }
  let blamed = 0;
  for (const [file, names] of owners) {
    const stem = file.replace(/\.(?:[cm]?[jt]sx?)$/, "");
    const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(
      `(?<![\\w./@-])(?:\\./)?(?:${escape(file)}(?![\\w-])|${escape(stem)}(?![\\w./-]))`,
    );
    if (!pattern.test(output)) continue;
    blamed += 1;
    console.log(`${names.join(", ")}: ${file}`);
  }
  return blamed;
}

function safeRealpath(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function indent(text) {
  return text.replace(/\s+$/, "").replace(/^/gm, "  ");
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
