#!/usr/bin/env node
// End-to-end harness for scaffold: generates every variant listed in
// tests/e2e/variants.json into a fresh copy of the Next.js test app, then
// proves the result type-checks, lints, is formatted, builds, and works in
// Chromium.
//
//   node tests/e2e/run.mjs [--only=name,...] [--skip-build] [--skip-browser]
//
// With next16 among the apps, data-layers.mjs and prisma-stage.mjs then run
// generated code on Drizzle + PGlite and on Prisma 7 + PGlite, each in an app
// of its own; `--only=drizzle` or `--only=prisma` runs only that.
//
// Environment:
//   SCAFFOLD_BIN   scaffold binary (default target/debug/scaffold)
//   CHROMIUM_PATH  browser for the browser tests (default /usr/bin/chromium)
//
// All variants share one app (each generates into its own route segment), so
// one `next build` covers them all. Failures in tool output are attributed to
// the variant that generated the file. No dependencies beyond Node itself.

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { drizzleStages } from "./data-layers.mjs";
import { prismaStages } from "./prisma-stage.mjs";
import { formatMatrix } from "./format-matrix.mjs";
import { auditApp, validateSarif } from "./audit-stage.mjs";
import { copyAppTree } from "./lib/copy.mjs";
import { freePort, startNext } from "./lib/server.mjs";
import { randomVariants } from "./random-variants.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(
  /\/$/,
  "",
);
const E2E_DIR = path.join(ROOT, "tests", "e2e");
// The apps the matrix runs in: a Next 15 app, and one made by create-next-app
// 16 with its defaults (Cache Components on, Tailwind v4, Turbopack). Each
// run works on a fresh copy of one at a time; APP_SRC and APP name it.
const APPS = [
  { name: "next15", src: path.join(E2E_DIR, "app"), next: 15, migrate: true },
  // Turbopack resolves nothing outside the app's root, so this copy gets
  // hard links to the packages instead of a symlink.
  {
    name: "next16",
    src: path.join(E2E_DIR, "app16"),
    next: 16,
    hardlinks: true,
  },
];
let APP_SRC = APPS[0].src;
const BROWSER_TESTS = path.join(E2E_DIR, "browser");
const OUT = path.join(ROOT, "target", "e2e");
let APP = path.join(OUT, "app");
const TMP = path.join(OUT, "tmp");
const ZOD3_SRC = path.join(E2E_DIR, "zod3");
// A feature written the pre-action way (API routes called by fetch), for
// `scaffold migrate route-to-action` to move in the real app.
const MIGRATE_SRC = path.join(E2E_DIR, "migrate");
const MIGRATIONS = [
  { route: "app/api/notes/route.ts", verdict: "partial" },
  { route: "/api/notes/[id]", verdict: "migrated" },
];
const ZOD3_APP = path.join(OUT, "zod3-app");

const STAGE_TIMEOUT_MS = 15 * 60_000;

// Tool output is parsed for file paths, so keep it free of colour codes
// (chalk honours FORCE_COLOR=0, Next's picocolors only NO_COLOR).
// TMPDIR and the XDG homes keep temporary files and tool state (Chromium
// profiles and crash database, a postinstall script's telemetry notice)
// inside target/ instead of /tmp and the home directory.
const CHILD_ENV = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  FORCE_COLOR: "0",
  NO_COLOR: "1",
  TMPDIR: TMP,
  XDG_CONFIG_HOME: path.join(TMP, "config"),
  XDG_CACHE_HOME: path.join(TMP, "cache"),
};

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  // --random=N adds N seeded random specs (random-variants.mjs) to the matrix.
  const options = {
    only: null,
    skipBuild: false,
    skipBrowser: false,
    random: 60,
    apps: APPS.map((app) => app.name),
  };
  for (const arg of argv) {
    if (arg === "--skip-build") options.skipBuild = true;
    else if (arg.startsWith("--app=")) {
      options.apps = arg.slice("--app=".length).split(",");
      const known = APPS.map((app) => app.name);
      const unknown = options.apps.filter((name) => !known.includes(name));
      if (unknown.length)
        usageError(
          `--app: unknown app(s) ${unknown.join(", ")}; known: ${known.join(", ")}`,
        );
    } else if (arg === "--skip-browser") options.skipBrowser = true;
    else if (arg.startsWith("--random=")) {
      options.random = Number(arg.slice("--random=".length));
      if (!Number.isInteger(options.random) || options.random < 0) {
        usageError(`--random takes a whole number, not ${arg}`);
      }
    } else if (arg.startsWith("--only=")) {
      options.only = arg
        .slice("--only=".length)
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean);
    } else if (arg === "--help" || arg === "-h") {
      console.log(
        "usage: node tests/e2e/run.mjs [--app=next15,next16] [--only=name,...|drizzle|prisma] [--random=N] [--skip-build] [--skip-browser]",
      );
      process.exit(0);
    } else {
      usageError(`unknown argument: ${arg}`);
    }
  }
  return options;
}

function usageError(message) {
  console.error(`e2e: ${message}`);
  process.exit(2);
}

function loadVariants(only) {
  const file = path.join(E2E_DIR, "variants.json");
  let variants;
  try {
    variants = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    usageError(`cannot read ${path.relative(ROOT, file)}: ${error.message}`);
  }
  if (!Array.isArray(variants)) usageError("variants.json must be an array");

  const seen = new Set();
  for (const variant of variants) {
    const ok =
      variant &&
      typeof variant.name === "string" &&
      /^[\w.-]+$/.test(variant.name) &&
      Array.isArray(variant.args) &&
      variant.args.every((arg) => typeof arg === "string");
    if (!ok) {
      usageError(
        `bad variant ${JSON.stringify(variant)}: want { "name": "a-z0-9_.-", "args": [strings] }`,
      );
    }
    if (seen.has(variant.name)) usageError(`duplicate variant ${variant.name}`);
    seen.add(variant.name);
  }

  if (!only) return variants;
  const unknown = only.filter((name) => !seen.has(name));
  if (unknown.length)
    usageError(`--only: unknown variant(s) ${unknown.join(", ")}`);
  return variants.filter((variant) => only.includes(variant.name));
}

// ------------------------------------------------------- child processes

// Children run in their own process groups so a timeout or Ctrl-C can kill
// whole trees (next build spawns workers).
const running = new Set();

function killGroup(pid) {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const pid of running) killGroup(pid);
    console.error(`\ne2e: interrupted by ${signal}`);
    // process.exit runs the server helper's exit hook, which kills next start.
    process.exit(130);
  });
}

/**
 * Runs a command to completion. Resolves with its exit code, stdout, stderr
 * and both interleaved (`output`); never rejects (a spawn error becomes
 * code 127 with the error in `output`). `stream` also echoes output live.
 */
function run(command, args, { cwd, env = CHILD_ENV, stream = false } = {}) {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let output = "";
    let timedOut = false;
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    if (child.pid) running.add(child.pid);
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
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, STAGE_TIMEOUT_MS);
    const finish = (code, extra = "") => {
      clearTimeout(timer);
      running.delete(child.pid);
      if (timedOut) extra += `\n(killed after ${STAGE_TIMEOUT_MS / 1000} s)`;
      resolve({ code, stdout, stderr, output: output + extra });
    };
    child.once("error", (error) => finish(127, `\n${error.message}`));
    // A leftover grandchild holding the pipes open would delay "close"
    // forever, so kill the rest of the group as soon as the command exits.
    child.once("exit", () => killGroup(child.pid));
    child.once("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a binary from the app copy's node_modules/.bin with the same node. */
function runTool(tool, args, options = {}) {
  const bin = path.join(APP, "node_modules", ".bin", tool);
  return run(process.execPath, [bin, ...args], { cwd: APP, ...options });
}

// ----------------------------------------------------------------- stages

const results = []; // { name, status: "pass" | "fail" | "skip", seconds, detail }
const browserCounts = { pass: 0, fail: 0 };

/**
 * Times `fn` as a stage. `fn` returns `{ ok, detail? }`, or `{ skip: reason }`
 * to record the stage as skipped (counted neither as passed nor failed).
 */
async function stage(name, fn) {
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
  results.push({ name, status, seconds, detail });
  const mark = { pass: "✓", fail: "✗", skip: "-" }[status];
  console.log(
    `${mark} ${name}: ${status} (${seconds.toFixed(1)} s)${detail ? ` ${detail}` : ""}`,
  );
  return status;
}

/** Reports a failed tool run: its own output, then the variants to blame. */
function reportFailure(result, owners) {
  // Some output (next build's code frames) is coloured regardless of NO_COLOR.
  const output = result.output.replace(/\x1b\[[0-9;]*m/g, "");
  process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
  const blamed = attribute(output, owners);
  for (const line of blamed) console.log(line);
  return blamed.length;
}

// -------------------------------------------------------- attribution

/**
 * Lists "variant <name>: <file>" for every generated file the output mentions.
 * Tools print paths relative to the app (tsc, prettier, `./app/…` in next
 * build), absolute (eslint), or absolute without extension (tsc errors in
 * Next's generated route validator), so absolute prefixes are stripped and
 * extensionless stems are matched too.
 */
function attribute(output, owners) {
  let text = output;
  for (const prefix of new Set([APP, safeRealpath(APP)])) {
    text = text.split(`${prefix}/`).join("");
  }
  const lines = [];
  for (const [file, names] of owners) {
    if (!mentions(text, file)) continue;
    for (const name of names) lines.push(`variant ${name}: ${file}`);
  }
  return lines;
}

function mentions(text, file) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const stem = file.replace(/\.(?:[cm]?[jt]sx?)$/, "");
  const withExt = `${escape(file)}(?![\\w-])`;
  const alternatives =
    stem === file ? withExt : `${withExt}|${escape(stem)}(?![\\w./-])`;
  // Not preceded by a path character, so app/a.ts does not match xapp/a.ts.
  return new RegExp(`(?<![\\w./@-])(?:\\./)?(?:${alternatives})`).test(text);
}

function safeRealpath(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

// ------------------------------------------------------------ the steps

function needsInstall() {
  const marker = path.join(APP_SRC, "node_modules", ".package-lock.json");
  if (!fs.existsSync(marker)) return true;
  const lock = fs.statSync(path.join(APP_SRC, "package-lock.json"));
  return lock.mtimeMs > fs.statSync(marker).mtimeMs;
}

/** Fresh copy of the app at APP sharing the original's packages. */
async function copyApp(app) {
  copyAppTree(APP_SRC, APP);
  const modules = path.join(APP_SRC, "node_modules");
  if (!app.hardlinks) {
    fs.symlinkSync(modules, path.join(APP, "node_modules"), "dir");
    return;
  }
  const linked = await run("cp", [
    "-al",
    modules,
    path.join(APP, "node_modules"),
  ]);
  if (linked.code !== 0)
    throw new Error(`cp -al node_modules: ${linked.output}`);
}

/**
 * Runs scaffold once per variant, filling `owners` (each reported file,
 * relative to the app, to the variants that reported it) and
 * `generatedNames` (the variants that generated without error).
 */
async function generate(app, variants, owners, generatedNames) {
  const bin = path.resolve(
    ROOT,
    process.env.SCAFFOLD_BIN ?? "target/debug/scaffold",
  );
  if (variants.length === 0) return { skip: "no variants in variants.json" };
  if (!fs.existsSync(bin)) {
    return {
      ok: false,
      detail: `scaffold binary not found at ${path.relative(ROOT, bin)} (run cargo build, or set SCAFFOLD_BIN)`,
    };
  }

  const failed = [];
  const manifest = {};
  for (const variant of variants) {
    const result = await run(bin, ["--cwd", APP, "--json", ...variant.args], {
      cwd: ROOT,
    });
    const problem = (() => {
      if (result.code !== 0) return `exited with code ${result.code}`;
      try {
        const files = JSON.parse(result.stdout).files;
        if (!Array.isArray(files)) return "stdout JSON has no files array";
        return files;
      } catch (error) {
        return `stdout is not JSON (${error.message})`;
      }
    })();
    if (!Array.isArray(problem)) {
      failed.push(variant.name);
      console.log(`variant ${variant.name}: scaffold ${problem}`);
      console.log(
        `  command: scaffold --cwd ${path.relative(ROOT, APP)} --json ${variant.args.join(" ")}`,
      );
      if (result.stderr.trim()) console.log(indent(result.stderr));
      if (result.code === 0 && result.stdout.trim())
        console.log(indent(result.stdout));
      continue;
    }
    manifest[variant.name] = problem;
    generatedNames.push(variant.name);
    const paths = [];
    for (const file of problem) {
      if (typeof file?.path !== "string") continue;
      const rel = toAppRelative(file.path);
      paths.push(rel);
      if (!owners.has(rel)) owners.set(rel, []);
      owners.get(rel).push(variant.name);
    }
    console.log(`variant ${variant.name}: ${paths.length} file(s)`);
    for (const file of problem)
      console.log(`  ${file.status ?? "?"} ${file.path}`);
  }

  // What each variant produced, for looking at failures afterwards.
  fs.writeFileSync(
    path.join(OUT, `generated-${app.name}.json`),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  return failed.length
    ? {
        ok: false,
        detail: `${failed.length} of ${variants.length} variant(s) failed: ${failed.join(", ")}`,
      }
    : { ok: true, detail: `${variants.length} variant(s)` };
}

/**
 * Copies the fetch-based notes feature into the app and migrates its routes
 * with the built binary. The migrated files then go through the same checks
 * as generated ones; browser/migrate.test.mjs drives the former callers.
 */
async function migrate(owners, generatedNames) {
  const bin = path.resolve(
    ROOT,
    process.env.SCAFFOLD_BIN ?? "target/debug/scaffold",
  );
  // Its package.json and tsconfig.json make it a demo project of its own;
  // the app keeps its own.
  const own = new Set(["package.json", "tsconfig.json"]);
  fs.cpSync(MIGRATE_SRC, APP, {
    recursive: true,
    filter: (source) => !own.has(path.relative(MIGRATE_SRC, source)),
  });
  const owner = "migrate-notes";
  for (const file of fs.readdirSync(MIGRATE_SRC, { recursive: true })) {
    const rel = file.split(path.sep).join("/");
    if (!own.has(rel) && fs.statSync(path.join(MIGRATE_SRC, file)).isFile())
      owners.set(rel, [owner]);
  }
  const failed = [];
  for (const { route, verdict } of MIGRATIONS) {
    const args = ["--cwd", APP, "--json", "migrate", "route-to-action", route];
    const result = await run(bin, args, { cwd: ROOT });
    let report;
    try {
      report = JSON.parse(result.stdout);
    } catch {
      report = {};
    }
    console.log(
      `migrate ${route}: exit ${result.code}, verdict ${report.verdict ?? "?"}`,
    );
    for (const file of report.files ?? []) {
      console.log(`  ${file.status} ${file.path}`);
      owners.set(toAppRelative(file.path), [owner]);
    }
    if (result.code !== 0 || report.verdict !== verdict) {
      failed.push(`${route} (expected ${verdict})`);
      console.log(indent(result.stderr || result.stdout));
    }
  }
  if (failed.length) return { ok: false, detail: failed.join(", ") };
  generatedNames.push(owner);
  return { ok: true, detail: `${MIGRATIONS.length} route(s)` };
}

function toAppRelative(file) {
  const rel = path.isAbsolute(file)
    ? path.relative(APP, file)
    : path.normalize(file);
  return rel.split(path.sep).join("/");
}

function indent(text) {
  return text.replace(/\s+$/, "").replace(/^/gm, "  ");
}

/**
 * Every migration fixture whose expected verdict is migrated or partial, run in
 * a copy of its project with the Next 15 app's packages: tsc must find no new
 * error after `migrate route-to-action` (one fixture imports axios, which the
 * app does not install: those errors were there before and stay).
 */
async function migrateFixturesTypecheck() {
  const bin = path.resolve(
    ROOT,
    process.env.SCAFFOLD_BIN ?? "target/debug/scaffold",
  );
  const fixtures = path.join(ROOT, "tests", "migrate");
  const cases = fs
    .readdirSync(path.join(fixtures, "fixtures"))
    .filter((name) => {
      const caseFile = path.join(fixtures, "fixtures", name, "case.md");
      return (
        fs.existsSync(caseFile) &&
        /Expected verdict: `(migrated|partial)`/.test(
          fs.readFileSync(caseFile, "utf8"),
        )
      );
    })
    .sort();
  const tsc = path.join(APPS[0].src, "node_modules", ".bin", "tsc");
  const failed = [];
  for (const name of cases) {
    const dir = path.join(OUT, "migrate-fixtures", name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(path.join(fixtures, "base"), dir, { recursive: true });
    const own = path.join(fixtures, "fixtures", name);
    const of = path.join(own, "project-of.txt");
    const project = fs.existsSync(of)
      ? path.join(
          fixtures,
          "fixtures",
          fs.readFileSync(of, "utf8").trim(),
          "project",
        )
      : path.join(own, "project");
    fs.cpSync(project, dir, { recursive: true });
    fs.symlinkSync(
      path.join(APPS[0].src, "node_modules"),
      path.join(dir, "node_modules"),
      "dir",
    );
    const errors = async () => {
      const result = await run(process.execPath, [tsc, "--noEmit", "-p", "."], {
        cwd: dir,
      });
      // Positions move when a file is edited: compare file, code and message.
      return result.stdout
        .split("\n")
        .filter((l) => l.includes("error TS"))
        .map((l) => l.replace(/\(\d+,\d+\)/, ""));
    };
    const before = await errors();
    const args = fs
      .readFileSync(path.join(own, "args.txt"), "utf8")
      .trim()
      .split(/\s+/);
    const migrated = await run(
      bin,
      ["--cwd", dir, "migrate", "route-to-action", ...args],
      { cwd: ROOT },
    );
    const after = await errors();
    const fresh = after.filter((line) => !before.includes(line));
    console.log(
      `${name}: exit ${migrated.code}, tsc errors ${before.length} before, ${after.length} after`,
    );
    if (migrated.code !== 0 || fresh.length > 0) {
      failed.push(name);
      console.log(indent([...fresh, migrated.stderr].join("\n")));
    }
  }
  return failed.length
    ? {
        ok: false,
        detail: `${failed.length} of ${cases.length}: ${failed.join(", ")}`,
      }
    : { ok: true, detail: `${cases.length} fixture(s), no new tsc error` };
}

/**
 * The real-world corpus (tests/e2e/corpus.mjs): every must-stay route refused, no
 * migration adding a tsc error, and the migrated shares above their floors.
 */
async function migrateCorpus() {
  const result = await run(
    process.execPath,
    [path.join(ROOT, "tests", "e2e", "corpus.mjs")],
    { cwd: ROOT },
  );
  console.log(indent(result.output));
  const summary = result.stdout
    .split("\n")
    .find((l) => l.includes("cases from"));
  return {
    ok: result.code === 0,
    detail: summary?.trim() ?? `exit code ${result.code}`,
  };
}

/** Runs a static check and reports its output and culprits when it fails. */
async function check(tool, args, owners) {
  const result = await runTool(tool, args);
  if (result.code === 0) return { ok: true };
  const blamed = reportFailure(result, owners);
  return {
    ok: false,
    detail: `exit code ${result.code}${blamed ? `, ${blamed} generated file(s) implicated` : ""}`,
  };
}

async function typecheck(owners) {
  // `next typegen` (15.5+) writes next-env.d.ts and .next/types, whose route
  // validator lets plain tsc catch what `next build` would reject, such as a
  // route handler whose `params` is not a Promise.
  const typegen = await runTool("next", ["typegen"]);
  if (typegen.code !== 0) {
    reportFailure(typegen, owners);
    return { ok: false, detail: "next typegen failed" };
  }
  return check("tsc", ["--noEmit", "--pretty", "false"], owners);
}

async function prettierCheck(owners) {
  const files = [...owners.keys()].filter((file) =>
    fs.existsSync(path.join(APP, file)),
  );
  if (files.length === 0) return { skip: "no generated files" };
  // --ignore-unknown: scaffold may emit files Prettier has no parser for.
  const result = await check(
    "prettier",
    ["--check", "--ignore-unknown", "--", ...files],
    owners,
  );
  return result.ok ? { ok: true, detail: `${files.length} file(s)` } : result;
}

/**
 * The generators write zod 3 or zod 4 code depending on the project, so zod 3
 * output gets the same static checks in a second copy of the app. Its
 * node_modules links every package of the first copy except zod, which comes
 * from tests/e2e/zod3 (pinned zod 3): no second 480 MB install.
 */
async function zod3Checks(variants) {
  if (variants.length === 0) return { skip: "no variants" };
  if (!fs.existsSync(path.join(ZOD3_SRC, "node_modules", "zod"))) {
    const install = await run("npm", ["ci", "--no-audit", "--no-fund"], {
      cwd: ZOD3_SRC,
    });
    if (install.code !== 0) {
      process.stdout.write(install.output);
      return { ok: false, detail: "npm ci in tests/e2e/zod3 failed" };
    }
  }
  const appSrc = APPS[0].src;
  copyAppTree(appSrc, ZOD3_APP);
  const modules = path.join(ZOD3_APP, "node_modules");
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(path.join(appSrc, "node_modules"))) {
    const target =
      entry === "zod"
        ? path.join(ZOD3_SRC, "node_modules", "zod")
        : path.join(appSrc, "node_modules", entry);
    fs.symlinkSync(target, path.join(modules, entry), "dir");
  }

  const bin = path.resolve(
    ROOT,
    process.env.SCAFFOLD_BIN ?? "target/debug/scaffold",
  );
  const owners = new Map();
  for (const variant of variants) {
    const result = await run(
      bin,
      ["--cwd", ZOD3_APP, "--json", ...variant.args],
      {
        cwd: ROOT,
      },
    );
    if (result.code !== 0) {
      console.log(`variant ${variant.name}: ${indent(result.stderr)}`);
      return {
        ok: false,
        detail: `variant ${variant.name} failed to generate`,
      };
    }
    for (const file of JSON.parse(result.stdout).files) {
      const rel = path.normalize(file.path).split(path.sep).join("/");
      if (!owners.has(rel)) owners.set(rel, []);
      owners.get(rel).push(variant.name);
    }
  }
  const generated = [...owners.keys()].filter((f) => /\.tsx?$/.test(f));
  const schemas = generated.filter((f) =>
    fs.readFileSync(path.join(ZOD3_APP, f), "utf8").includes(".flatten()"),
  );
  if (schemas.length === 0) {
    return { ok: false, detail: "no zod 3 code was generated (detection?)" };
  }
  const tool = (name, args) =>
    run(process.execPath, [path.join(modules, ".bin", name), ...args], {
      cwd: ZOD3_APP,
    });
  const checks = [
    ["next", ["typegen"]],
    ["tsc", ["--noEmit", "--pretty", "false"]],
    ["eslint", ["--max-warnings=0", "--", ...generated]],
    ["prettier", ["--check", "--", ...generated]],
  ];
  for (const [name, args] of checks) {
    const result = await tool(name, args);
    if (result.code !== 0) {
      reportFailure(result, owners);
      return { ok: false, detail: `${name} failed on zod 3 output` };
    }
  }
  return {
    ok: true,
    detail: `${generated.length} file(s), ${schemas.length} with the zod 3 error API`,
  };
}

async function build(app, owners) {
  // Next 15 lints during the build unless told not to (ESLint already ran as
  // its own stage); Next 16 no longer lints there. Both still type-check.
  const args = app.next < 16 ? ["build", "--no-lint"] : ["build"];
  return check("next", args, owners);
}

async function browserTests(app, generatedNames) {
  const files = fs
    .readdirSync(BROWSER_TESTS)
    .filter((name) => name.endsWith(".test.mjs"))
    .sort()
    .map((name) => path.join(BROWSER_TESTS, name));
  if (files.length === 0) return { skip: "no tests in tests/e2e/browser" };

  const serverLog = path.join(OUT, `next-start-${app.name}.log`);
  const server = await startNext(APP, {
    port: await freePort(),
    logFile: serverLog,
  });
  const tap = path.join(OUT, `browser-${app.name}.tap`);
  fs.rmSync(tap, { force: true });
  let result;
  try {
    // Files are listed explicitly: how `node --test <dir>` treats a directory
    // differs between Node versions. The spec reporter is for people, the TAP
    // copy is parsed for the counts.
    result = await run(
      process.execPath,
      [
        "--test",
        "--test-timeout=120000",
        "--test-reporter=spec",
        "--test-reporter-destination=stdout",
        "--test-reporter=tap",
        `--test-reporter-destination=${tap}`,
        ...files,
      ],
      {
        cwd: ROOT,
        stream: true,
        env: {
          ...CHILD_ENV,
          E2E_BASE_URL: server.url,
          E2E_APP_DIR: APP,
          // Where Next 16 with Cache Components behaves differently on
          // purpose (no-JS submits are redirected back to the page).
          E2E_NEXT_MAJOR: String(app.next),
          E2E_TMP_DIR: TMP,
          // Variants generated in this run, so tests can skip the others
          // (e.g. under --only).
          E2E_VARIANTS: JSON.stringify(generatedNames),
          E2E_SERVER_LOG: serverLog,
          // The server's process group, whose memory the attack tests watch.
          E2E_SERVER_PID: String(server.pid),
        },
      },
    );
  } finally {
    await server.stop();
    fs.writeFileSync(serverLog, server.output);
  }

  const report = fs.existsSync(tap) ? fs.readFileSync(tap, "utf8") : "";
  const count = (key) =>
    Number(report.match(new RegExp(`^# ${key} (\\d+)$`, "m"))?.[1] ?? 0);
  const pass = count("pass");
  // Cancelled tests (e.g. a hook failed) did not pass either.
  const fail = count("fail") + count("cancelled");
  browserCounts.pass += pass;
  browserCounts.fail += fail;
  const ok = result.code === 0 && fail === 0 && /^# tests \d+$/m.test(report);
  if (!ok) {
    console.log(
      `--- next start output (also in ${path.relative(ROOT, serverLog)}) ---`,
    );
    console.log(server.output.split("\n").slice(-200).join("\n"));
  }
  return {
    ok,
    detail: `${pass} passed, ${fail} failed`,
  };
}

// ------------------------------------------------------------------ main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // "drizzle" and "prisma" in --only name the data-layer stages, not
  // variants; given alone, nothing else runs.
  const LAYERS = ["drizzle", "prisma"];
  const layers = LAYERS.filter(
    (layer) =>
      options.apps.includes("next16") &&
      (!options.only || options.only.includes(layer)),
  );
  if (
    options.only?.some((n) => LAYERS.includes(n)) &&
    !options.apps.includes("next16")
  )
    usageError("--only=drizzle,prisma run in the next16 app: add it to --app");
  const onlyLayers =
    options.only?.length && options.only.every((n) => LAYERS.includes(n));
  if (options.only)
    options.only = options.only.filter((n) => !LAYERS.includes(n));
  const apps = onlyLayers ? [] : options.apps;
  const variants = loadVariants(options.only);
  const named = [...variants];
  // Random specs run with the full matrix only; --only picks named variants.
  if (!options.only) variants.push(...randomVariants(options.random));

  fs.mkdirSync(OUT, { recursive: true });
  // Nothing from an earlier run may be mistaken for this one's results.
  for (const entry of fs.readdirSync(OUT)) {
    if (/^(generated|browser|next-start)[.-]/.test(entry)) {
      fs.rmSync(path.join(OUT, entry), { force: true });
    }
  }
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });

  for (const app of APPS.filter((a) => apps.includes(a.name))) {
    APP_SRC = app.src;
    APP = path.join(OUT, app.name);
    await runApp(app, variants, options);
  }
  if (apps.includes(APPS[0].name) && !options.only) {
    await stage("migrate fixtures: tsc before and after", () =>
      migrateFixturesTypecheck(),
    );
    await stage("migrate corpus: real-world shapes", () => migrateCorpus());
  }
  // zod 3 output is checked once, in the Next 15 app (the API is the same).
  if (apps.includes(APPS[0].name)) {
    await stage("zod 3: typegen, tsc, eslint, prettier", () =>
      zod3Checks(variants),
    );
    // The output follows the project's Prettier or Biome configuration:
    // twelve real-world shapes of config, each in its own copy of the app.
    await stage("format matrix: prettier and biome configs", () =>
      formatMatrix({
        variants: named,
        random: options.only ? 0 : options.random,
        migrations: MIGRATIONS.map(({ route }) => route),
      }),
    );
  }
  if (!options.only) {
    await stage("audit: SARIF through the SARIF validator", () =>
      validateSarif({ run, bin: scaffoldBin(), env: CHILD_ENV }),
    );
  }
  // Generated code on real databases: Drizzle + PGlite, and Prisma 7 through
  // a PGlite driver adapter, each in its own copy of the Next 16 app.
  const layerOptions = {
    run,
    stage,
    env: CHILD_ENV,
    browserCounts,
    bin: path.resolve(
      ROOT,
      process.env.SCAFFOLD_BIN ?? "target/debug/scaffold",
    ),
    skipBuild: options.skipBuild,
    skipBrowser: options.skipBrowser,
  };
  if (layers.includes("drizzle")) await drizzleStages(layerOptions);
  if (layers.includes("prisma")) await prismaStages(layerOptions);
  return finish();
}

function scaffoldBin() {
  return path.resolve(ROOT, process.env.SCAFFOLD_BIN ?? "target/debug/scaffold");
}

/** Every stage for one app: install, generate, static checks, build, browser. */
async function runApp(app, variants, options) {
  const label = (name) => `${app.name}: ${name}`;
  if (needsInstall()) {
    const status = await stage(label("npm ci"), async () => {
      const result = await run("npm", ["ci", "--no-audit", "--no-fund"], {
        cwd: APP_SRC,
      });
      if (result.code !== 0) process.stdout.write(result.output);
      return {
        ok: result.code === 0,
        detail: result.code ? `exit code ${result.code}` : "",
      };
    });
    if (status === "fail") return;
  }

  await copyApp(app);
  console.log(
    `app copy: ${path.relative(ROOT, APP)} (${variants.length} variant(s))`,
  );

  const owners = new Map(); // generated file (relative to the app) -> variant names
  const generatedNames = []; // variants that generated without error
  await stage(label("generate"), () =>
    generate(app, variants, owners, generatedNames),
  );
  // Before the migrations: the generated code alone must audit clean.
  await stage(label("scaffold audit (generated code)"), () =>
    auditApp({ run, bin: scaffoldBin(), app: APP }),
  );
  if (app.migrate) {
    await stage(label("migrate route-to-action"), () =>
      migrate(owners, generatedNames),
    );
  }

  await stage(label("tsc --noEmit"), () => typecheck(owners));
  await stage(label("eslint . --max-warnings=0"), () =>
    check("eslint", [".", "--max-warnings=0"], owners),
  );
  await stage(label("prettier --check"), () => prettierCheck(owners));

  const buildStatus = await stage(label("next build"), () =>
    options.skipBuild ? { skip: "--skip-build" } : build(app, owners),
  );

  await stage(label("browser tests"), () => {
    if (options.skipBrowser) return { skip: "--skip-browser" };
    if (buildStatus === "skip") return { skip: "needs next build" };
    if (buildStatus !== "pass") return { skip: "next build failed" };
    return browserTests(app, generatedNames);
  });
}

function finish() {
  const width = Math.max(...results.map((r) => r.name.length), 5);
  console.log(`\n${"stage".padEnd(width)}  result  seconds  detail`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(width)}  ${r.status.padEnd(6)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.detail}`,
    );
  }
  const passed =
    results.filter((r) => r.status === "pass").length + browserCounts.pass;
  const failed =
    results.filter((r) => r.status === "fail").length + browserCounts.fail;
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
