#!/usr/bin/env node
// Format matrix: proves that what scaffold writes follows the target
// project's own formatter configuration. For each configuration below it
// makes a fresh copy of an e2e app, writes the config files, generates every
// named variant of tests/e2e/variants.json, migrates the notes feature of
// tests/e2e/migrate, and runs the project's checker (Prettier or Biome) on
// exactly the files scaffold reported. Failures name the configuration, the
// file, the variant that wrote it and the formatter's diff.
//
//   node tests/e2e/format-matrix.mjs [--only=config,...] [--random=N]
//
// run.mjs calls formatMatrix() as one stage. Environment: SCAFFOLD_BIN as
// for run.mjs. Copies live in target/e2e/format/<config> (with scaffold's
// output as written), beside <config>.files.json (who wrote which file) and
// <config>.diff (every failing file's diff).

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { copyAppTree } from "./lib/copy.mjs";
import { randomVariants } from "./random-variants.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(
  /\/$/,
  "",
);
const E2E_DIR = path.join(ROOT, "tests", "e2e");
const OUT = path.join(ROOT, "target", "e2e", "format");
const TMP = path.join(ROOT, "target", "e2e", "tmp");
// Formatter packages the apps do not install (the Tailwind Prettier plugin,
// Biome), linked into the copies of the configurations that use them.
const TOOLS_SRC = path.join(E2E_DIR, "format");
const MIGRATE_SRC = path.join(E2E_DIR, "migrate");
// The migrate fixture's own project files; the app keeps its own.
const MIGRATE_OWN = new Set(["package.json", "tsconfig.json"]);
const APPS = {
  next15: path.join(E2E_DIR, "app"),
  // create-next-app 16 with Tailwind v4, for the class-sorting plugin.
  next16: path.join(E2E_DIR, "app16"),
};
// Full diffs of the first few failing files per configuration go to the log;
// the rest are listed by name and written to the .diff file.
const DIFFS_SHOWN = 5;
const DIFF_LINES = 40;
const TIMEOUT_MS = 2 * 60_000;

const CHILD_ENV = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  FORCE_COLOR: "0",
  NO_COLOR: "1",
  TMPDIR: TMP,
  XDG_CONFIG_HOME: path.join(TMP, "config"),
  XDG_CACHE_HOME: path.join(TMP, "cache"),
};

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

const PRETTIER = {
  name: "prettier",
  bin: path.join("node_modules", ".bin", "prettier"),
  // --ignore-unknown: scaffold also writes files Prettier has no parser for
  // (.env.example); what .gitignore and .prettierignore list is skipped too.
  check: (files) => ["--check", "--ignore-unknown", "--", ...files],
  write: (files) => ["--write", "--ignore-unknown", "--", ...files],
};

const BIOME = {
  name: "biome",
  bin: path.join("node_modules", "@biomejs", "biome", "bin", "biome"),
  // Without --write, `biome format` prints what it would change and exits 1.
  check: (files) => [
    "format",
    "--colors=off",
    "--files-ignore-unknown=true",
    ...files,
  ],
  write: (files) => [
    "format",
    "--write",
    "--colors=off",
    "--files-ignore-unknown=true",
    ...files,
  ],
};

/**
 * The configurations, each a shape real projects use: `files` are written
 * into the app copy, `packageJson` is merged into its package.json, `tools`
 * links the packages of tests/e2e/format.
 */
export const CONFIGS = [
  { name: "defaults", runs: "static", files: {} },
  {
    name: "nosemi-single",
    runs: "static",
    files: { ".prettierrc": json({ semi: false, singleQuote: true }) },
  },
  {
    name: "width100",
    runs: "formatter",
    files: { ".prettierrc.json": json({ printWidth: 100 }) },
  },
  {
    name: "width120-single",
    runs: "formatter",
    files: {
      "prettier.config.mjs": [
        '/** @type {import("prettier").Config} */',
        "const config = {",
        "  printWidth: 120,",
        "  singleQuote: true,",
        '  trailingComma: "es5",',
        "};",
        "",
        "export default config;",
        "",
      ].join("\n"),
    },
  },
  {
    name: "tabs",
    runs: "static",
    files: { ".prettierrc": json({ useTabs: true }) },
  },
  {
    name: "es5",
    runs: "static",
    files: {
      ".prettierrc.json": json({
        trailingComma: "es5",
        jsxSingleQuote: true,
        bracketSpacing: false,
      }),
    },
  },
  {
    name: "arrow-avoid",
    runs: "static",
    files: {
      ".prettierrc.json": json({
        arrowParens: "avoid",
        quoteProps: "consistent",
        endOfLine: "lf",
      }),
    },
  },
  {
    // Every option scaffold applies itself, away from its default at once.
    name: "all-options",
    runs: "static",
    files: {
      ".prettierrc.json": json({
        semi: false,
        singleQuote: true,
        jsxSingleQuote: true,
        trailingComma: "none",
        bracketSpacing: false,
        arrowParens: "avoid",
        useTabs: true,
        endOfLine: "crlf",
      }),
    },
  },
  {
    name: "yaml-override",
    files: {
      ".prettierrc.yaml": [
        "semi: false",
        "singleQuote: true",
        "overrides:",
        '  - files: "*.tsx"',
        "    options:",
        "      jsxSingleQuote: true",
        "      tabWidth: 4",
        "",
      ].join("\n"),
    },
  },
  {
    name: "package-json",
    files: {},
    packageJson: {
      prettier: { semi: false, trailingComma: "none", printWidth: 90 },
    },
  },
  {
    // Prettier's CLI reads .editorconfig (indent_style, max_line_length)
    // beneath the options of .prettierrc.
    name: "editorconfig",
    files: {
      ".editorconfig": [
        "root = true",
        "",
        "[*]",
        "indent_style = tab",
        "",
        "[*.{ts,tsx}]",
        "max_line_length = 100",
        "",
      ].join("\n"),
      ".prettierrc": json({ singleQuote: true }),
    },
  },
  {
    // The plugin sorts class names only where it finds Tailwind, so this one
    // runs in the Tailwind v4 app (where --ui defaults to tailwind); v4 has no
    // JS config, the plugin reads the stylesheet instead.
    name: "tailwind-plugin",
    runs: "formatter",
    app: "next16",
    tools: true,
    files: {
      ".prettierrc": json({
        plugins: ["prettier-plugin-tailwindcss"],
        tailwindStylesheet: "./app/globals.css",
      }),
    },
  },
  {
    name: "biome",
    tools: true,
    checker: BIOME,
    files: {
      "biome.json": json({
        $schema: "./node_modules/@biomejs/biome/configuration_schema.json",
        formatter: { indentStyle: "space", lineWidth: 80 },
        javascript: {
          formatter: { quoteStyle: "single", semicolons: "asNeeded" },
        },
      }),
    },
  },
];

/**
 * A file in Prettier's default style that every configuration above but
 * `defaults` formats differently (semicolons, quotes, width, indentation,
 * trailing commas, arrow parentheses, bracket spacing, quoted props, class
 * order). Formatting it first proves the configuration is in effect: a
 * config the formatter silently ignored would let every check pass.
 */
const CANARY = {
  file: "format-canary.tsx",
  text: [
    "function describe(count: number, names: string): string {",
    "  return `${count}: ${names}`;",
    "}",
    "",
    "export function FormatCanary({ items }: { items: string[] }) {",
    '  const labels = items.map((item) => ({ "data-label": item, index: 1 }));',
    "  const summaryOfAll = describe(",
    "    labels.length,",
    '    items.join(", ") + " and nothing else",',
    "  );",
    '  return <p className="p-4 flex">{summaryOfAll}</p>;',
    "}",
    "",
  ].join("\n"),
};

// ------------------------------------------------------- child processes

/** Runs a command to completion; never rejects (spawn errors are code 127). */
function run(command, args, { cwd }) {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    const child = spawn(command, args, {
      cwd,
      env: CHILD_ENV,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    const finish = (code, extra = "") => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr: stderr + extra });
    };
    child.once("error", (error) => finish(127, `\n${error.message}`));
    child.once("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** Runs the config's formatter from the app copy's node_modules. */
function runFormatter(checker, dir, args) {
  return run(process.execPath, [path.join(dir, checker.bin), ...args], {
    cwd: dir,
  });
}

/**
 * `npm ci` in `dir` unless its node_modules is at least as new as its lock
 * (npm writes node_modules/.package-lock.json on every install).
 */
async function ensureInstalled(dir, log) {
  const marker = path.join(dir, "node_modules", ".package-lock.json");
  const lock = path.join(dir, "package-lock.json");
  if (
    fs.existsSync(marker) &&
    fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs
  )
    return;
  log(`npm ci in ${path.relative(ROOT, dir)}`);
  const result = await run("npm", ["ci", "--no-audit", "--no-fund"], {
    cwd: dir,
  });
  if (result.code !== 0) {
    throw new Error(
      `npm ci in ${path.relative(ROOT, dir)} failed:\n${result.stdout}${result.stderr}`,
    );
  }
}

// ------------------------------------------------------------ the copy

/**
 * Copies the app to `dir` with a real node_modules folder of symlinks to the
 * app's packages, so the tools' packages can be added beside them.
 */
function copyApp(appSrc, dir, tools) {
  copyAppTree(appSrc, dir);
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(modules);
  linkPackages(path.join(appSrc, "node_modules"), modules);
  if (tools) linkPackages(path.join(TOOLS_SRC, "node_modules"), modules);
}

/**
 * Links every package of `from` into `to` that `to` lacks, so the app's own
 * packages win. Scopes become folders of links: both sides may have one.
 */
function linkPackages(from, to) {
  for (const entry of fs.readdirSync(from)) {
    if (entry === ".package-lock.json") continue;
    const source = path.join(from, entry);
    const target = path.join(to, entry);
    if (entry.startsWith("@")) {
      fs.mkdirSync(target, { recursive: true });
      linkPackages(source, target);
    } else if (!fs.existsSync(target)) {
      fs.symlinkSync(source, target, "dir");
    }
  }
}

/** Writes a configuration's files into the copy. */
function writeConfig(config, dir) {
  for (const [name, text] of Object.entries(config.files)) {
    fs.writeFileSync(path.join(dir, name), text);
  }
  if (config.packageJson) {
    const file = path.join(dir, "package.json");
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
    fs.writeFileSync(file, json({ ...pkg, ...config.packageJson }));
  }
}

// ------------------------------------------------- generate and migrate

function toAppRelative(dir, file) {
  const rel = path.isAbsolute(file)
    ? path.relative(dir, file)
    : path.normalize(file);
  return rel.split(path.sep).join("/");
}

function addOwner(owners, file, owner) {
  if (!owners.has(file)) owners.set(file, []);
  if (!owners.get(file).includes(owner)) owners.get(file).push(owner);
}

/**
 * Runs scaffold with `args` in the copy; returns the reported files, or an
 * error message (generation failing is a failure of the matrix too).
 */
async function scaffold(bin, dir, args) {
  const result = await run(bin, ["--cwd", dir, "--json", ...args], {
    cwd: ROOT,
  });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = null;
  }
  if (result.code !== 0 || !Array.isArray(report?.files)) {
    const why = result.code !== 0 ? `exit code ${result.code}` : "no JSON";
    return { error: `${why}\n${result.stderr || result.stdout}`.trim() };
  }
  return {
    files: report.files.map((file) => toAppRelative(dir, file.path)),
    // "formatted N file(s) with the project's prettier …" when scaffold ran it.
    ranFormatter: (report.notes ?? []).some((note) =>
      note.startsWith("formatted "),
    ),
  };
}

/**
 * Copies the fetch-based notes feature into the copy, formats it the
 * project's way (so the state before migrating is clean), then migrates its
 * routes. Files the migrations write or edit are checked like generated ones.
 */
async function migrate(bin, dir, checker, routes, owners, problems) {
  const fixture = fs
    .readdirSync(MIGRATE_SRC, { recursive: true })
    .map((file) => file.split(path.sep).join("/"))
    .filter(
      (rel) =>
        !MIGRATE_OWN.has(rel) &&
        fs.statSync(path.join(MIGRATE_SRC, rel)).isFile(),
    );
  for (const rel of fixture) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(path.join(MIGRATE_SRC, rel), path.join(dir, rel));
  }
  const formatted = await runFormatter(checker, dir, checker.write(fixture));
  if (formatted.code !== 0) {
    problems.push(
      `formatting the migrate fixture with ${checker.name} failed:\n${formatted.stdout}${formatted.stderr}`,
    );
    return;
  }
  for (const route of routes) {
    const owner = `migrate ${route}`;
    const result = await scaffold(bin, dir, [
      "migrate",
      "route-to-action",
      route,
    ]);
    if (result.error) problems.push(`${owner}: ${result.error}`);
    for (const file of result.files ?? []) addOwner(owners, file, owner);
  }
}

/** The migrate fixture's API routes, outer ones first (as run.mjs orders them). */
function fixtureRoutes() {
  return fs
    .readdirSync(path.join(MIGRATE_SRC, "app"), { recursive: true })
    .map((file) => `app/${file.split(path.sep).join("/")}`)
    .filter((rel) => /(^|\/)route\.[jt]s$/.test(rel))
    .sort(
      (a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b),
    );
}

// ---------------------------------------------------------------- check

/**
 * Formats the canary in the copy: it must change under every configuration
 * but `defaults`, or the formatter is not reading the configuration.
 */
async function checkCanary(config, checker, dir) {
  const file = path.join(dir, CANARY.file);
  fs.writeFileSync(file, CANARY.text);
  const result = await runFormatter(checker, dir, checker.write([CANARY.file]));
  const changed = fs.readFileSync(file, "utf8") !== CANARY.text;
  fs.rmSync(file);
  const configured =
    Object.keys(config.files).length > 0 || Boolean(config.packageJson);
  if (result.code !== 0) {
    return `${checker.name} failed on ${CANARY.file}:\n${result.stdout}${result.stderr}`;
  }
  if (changed && !configured) {
    return `${checker.name} reformatted ${CANARY.file}, which is in its default style: a configuration outside the copy is in effect`;
  }
  if (!changed && configured) {
    return `${checker.name} left ${CANARY.file} in its default style: the configuration is not in effect`;
  }
  return null;
}

/**
 * Runs the checker on `files`. When it fails, the formatter rewrites them
 * (Prettier's --check prints no diff) and each changed file gets a diff
 * against what scaffold wrote; the originals are then put back, so the copy
 * keeps scaffold's output for a closer look.
 */
async function check(checker, dir, files, owners) {
  const checked = await runFormatter(checker, dir, checker.check(files));
  if (checked.code === 0) return { failures: [], errors: [] };

  const read = (file) => fs.readFileSync(path.join(dir, file), "utf8");
  const before = new Map(files.map((file) => [file, read(file)]));
  const written = await runFormatter(checker, dir, checker.write(files));
  const failures = [];
  for (const [file, text] of before) {
    const after = read(file);
    if (after === text) continue;
    failures.push({ file, owners: owners.get(file), diff: diff(text, after) });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const errors = [];
  // A file the formatter cannot parse changes nothing but fails both runs.
  if (written.code !== 0 || failures.length === 0) {
    errors.push(
      `${checker.name} exited with code ${checked.code}:\n${checked.stdout}${checked.stderr}`.trim(),
    );
  }
  return { failures, errors };
}

// ----------------------------------------------------------------- diff

/**
 * A unified diff of two texts by line (longest common subsequence; the
 * files are small). Tabs show as → and carriage returns as ␍, since the
 * configurations differ in exactly such whitespace.
 */
export function diff(a, b, context = 2) {
  const x = a.split("\n");
  const y = b.split("\n");
  // lcs[i][j]: length of the longest common subsequence of x[i..], y[j..].
  const width = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        x[i] === y[j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const ops = []; // [kind, line, index in a, index in b]
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      ops.push([" ", x[i], i++, j++]);
    } else if (
      i < x.length &&
      (j === y.length || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
    ) {
      ops.push(["-", x[i], i++, j]);
    } else {
      ops.push(["+", y[j], i, j++]);
    }
  }

  const show = (line) => line.replace(/\t/g, "→").replace(/\r/g, "␍");
  const out = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k][0] === " ") {
      k++;
      continue;
    }
    // A hunk: this change, and every change within 2 * context lines of it.
    const start = Math.max(0, k - context);
    let end = k;
    for (let n = k; n < ops.length && n <= end + 2 * context; n++) {
      if (ops[n][0] !== " ") end = n;
    }
    end = Math.min(ops.length - 1, end + context);
    const hunk = ops.slice(start, end + 1);
    const count = (kind) => hunk.filter((op) => op[0] !== kind).length;
    out.push(
      `@@ -${hunk[0][2] + 1},${count("+")} +${hunk[0][3] + 1},${count("-")} @@`,
    );
    for (const [kind, line] of hunk) out.push(`${kind}${show(line)}`);
    k = end + 1;
  }
  return out;
}

// ----------------------------------------------------------------- main

/**
 * Runs the matrix. `variants` are run.mjs's named variants ({ name, args });
 * `migrations` the routes to migrate; `only` limits the configurations.
 * Resolves with { ok, detail, configs: [{ name, ok, files, failures,
 * errors }] }.
 */
export async function formatMatrix({
  bin = path.resolve(ROOT, process.env.SCAFFOLD_BIN ?? "target/debug/scaffold"),
  variants = loadVariants(),
  migrations = fixtureRoutes(),
  only = null,
  random = 0,
  log = console.log,
} = {}) {
  // Seeded random specs (long names, many enum values) meet the settings
  // scaffold applies itself at their width limits; the formatter runs are
  // slow, so only the static configurations get them.
  const extra = randomVariants(random, Number(process.env.FORMAT_SEED ?? 11));
  const configs = only
    ? CONFIGS.filter((config) => only.includes(config.name))
    : CONFIGS;
  if (!fs.existsSync(bin)) {
    throw new Error(`scaffold binary not found at ${path.relative(ROOT, bin)}`);
  }
  // Nothing from an earlier run (a renamed configuration) may linger.
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  fs.mkdirSync(TMP, { recursive: true });
  for (const name of new Set(configs.map((config) => config.app ?? "next15"))) {
    await ensureInstalled(APPS[name], log);
  }
  if (configs.some((config) => config.tools)) {
    await ensureInstalled(TOOLS_SRC, log);
  }

  // The time goes to Node processes (Prettier, and scaffold running the
  // project's formatter), so configurations run side by side, one per core.
  // Each one's report is printed whole when it is done, and all the
  // one-line summaries again at the end.
  const queue = [...configs];
  const results = new Map();
  const worker = async () => {
    while (queue.length > 0) {
      const config = queue.shift();
      const started = performance.now();
      // A crash fails its configuration, not the other worker's.
      const result = await runConfig(config, {
        bin,
        variants,
        extra: config.runs === "static" ? extra : [],
        migrations,
      }).catch((error) => ({
        name: config.name,
        app: config.app ?? "next15",
        checker: (config.checker ?? PRETTIER).name,
        ok: false,
        files: [],
        failures: [],
        errors: [error.stack ?? String(error)],
        generateSeconds: 0,
        checkSeconds: 0,
      }));
      result.seconds = (performance.now() - started) / 1000;
      report(result, log);
      results.set(config.name, result);
    }
  };
  const workers = Math.min(2, os.availableParallelism(), configs.length);
  await Promise.all(Array.from({ length: workers }, worker));

  log("");
  const ordered = configs.map((config) => results.get(config.name));
  for (const result of ordered) log(summary(result));
  const failed = ordered.filter((result) => !result.ok);
  return {
    ok: failed.length === 0,
    detail: failed.length
      ? `${failed.length} of ${ordered.length} configuration(s) failed: ${failed.map((r) => r.name).join(", ")}`
      : `${ordered.length} configuration(s)`,
    configs: ordered,
  };
}

/** One configuration: copy, configure, generate, migrate, check. */
async function runConfig(config, { bin, variants, extra, migrations }) {
  const app = config.app ?? "next15";
  const checker = config.checker ?? PRETTIER;
  const dir = path.join(OUT, config.name);
  copyApp(APPS[app], dir, config.tools);
  writeConfig(config, dir);

  const errors = [];
  const canary = await checkCanary(config, checker, dir);
  if (canary) errors.push(canary);

  const owners = new Map(); // file (relative to the copy) -> who wrote it
  let started = performance.now();
  const ran = [];
  for (const variant of variants) {
    const result = await scaffold(bin, dir, variant.args);
    if (result.error) errors.push(`variant ${variant.name}: ${result.error}`);
    if (result.ranFormatter) ran.push(variant.name);
    for (const file of result.files ?? []) addOwner(owners, file, variant.name);
  }
  // A random spec may push a line past the width (a quoted key, a long
  // name): scaffold then runs the formatter, which is right; the check below
  // holds the named variants only.
  for (const variant of extra) {
    const result = await scaffold(bin, dir, variant.args);
    if (result.error) errors.push(`variant ${variant.name}: ${result.error}`);
    for (const file of result.files ?? []) addOwner(owners, file, variant.name);
  }
  // Settings scaffold can read must be followed without starting the
  // formatter (milliseconds, nothing installed); the others need it.
  if (config.runs === "static" && ran.length > 0) {
    errors.push(
      `scaffold ran the formatter for ${ran.join(", ")}; these settings must be followed without it`,
    );
  }
  if (config.runs === "formatter" && ran.length < variants.length) {
    errors.push(
      `scaffold did not run the formatter for ${variants.length - ran.length} variant(s); only it can apply these settings`,
    );
  }
  await migrate(bin, dir, checker, migrations, owners, errors);
  const generateSeconds = (performance.now() - started) / 1000;

  const files = [...owners.keys()]
    .filter((file) => fs.existsSync(path.join(dir, file)))
    .sort();
  started = performance.now();
  const checked = files.length
    ? await check(checker, dir, files, owners)
    : { failures: [], errors: ["no files were generated"] };
  const checkSeconds = (performance.now() - started) / 1000;
  errors.push(...checked.errors);

  // Who wrote what, for looking at failures afterwards.
  fs.writeFileSync(
    path.join(OUT, `${config.name}.files.json`),
    json(
      Object.fromEntries([...owners].sort(([a], [b]) => a.localeCompare(b))),
    ),
  );
  const diffFile = path.join(OUT, `${config.name}.diff`);
  if (checked.failures.length) {
    const text = checked.failures.map(
      ({ file, owners, diff }) =>
        `--- ${file} (scaffold: ${owners.join(", ")})\n+++ ${file} (${checker.name})\n${diff.join("\n")}\n`,
    );
    fs.writeFileSync(diffFile, text.join(""));
  }
  return {
    name: config.name,
    app,
    checker: checker.name,
    ok: checked.failures.length === 0 && errors.length === 0,
    files,
    failures: checked.failures,
    errors,
    diffFile,
    generateSeconds,
    checkSeconds,
  };
}

function report(result, log) {
  log(summary(result));
  for (const error of result.errors) log(indent(error));
  result.failures.forEach(({ file, owners, diff }, n) => {
    log(`  ✗ ${file} (${owners.join(", ")})`);
    if (n >= DIFFS_SHOWN) return;
    const shown = diff.slice(0, DIFF_LINES);
    if (diff.length > shown.length)
      shown.push(`… ${diff.length - shown.length} more diff line(s)`);
    log(indent(shown.join("\n"), "      "));
  });
  if (result.failures.length > DIFFS_SHOWN) {
    log(
      `  (diffs of the first ${DIFFS_SHOWN} shown; all in ${path.relative(ROOT, result.diffFile)})`,
    );
  }
}

function summary(result) {
  const seconds = [
    `${result.seconds.toFixed(1)} s`,
    `generate ${result.generateSeconds.toFixed(1)} s`,
    `check ${result.checkSeconds.toFixed(1)} s`,
  ].join(", ");
  const where = `${result.checker}, ${result.app}`;
  if (result.ok)
    return `✓ format ${result.name} (${where}): pass, ${result.files.length} file(s) (${seconds})`;
  const parts = [];
  if (result.failures.length)
    parts.push(
      `${result.failures.length} of ${result.files.length} file(s) not formatted`,
    );
  if (result.errors.length) parts.push(`${result.errors.length} error(s)`);
  return `✗ format ${result.name} (${where}): fail, ${parts.join(", ")} (${seconds})`;
}

function indent(text, prefix = "  ") {
  return text.replace(/\s+$/, "").replace(/^/gm, prefix);
}

/** The named variants of variants.json (run.mjs validates them). */
function loadVariants() {
  return JSON.parse(
    fs.readFileSync(path.join(E2E_DIR, "variants.json"), "utf8"),
  );
}

function parseArgs(argv) {
  let only = null;
  let random = 0;
  for (const arg of argv) {
    if (arg.startsWith("--random=")) {
      random = Number(arg.slice("--random=".length));
    } else if (arg.startsWith("--only=")) {
      only = arg
        .slice("--only=".length)
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean);
      const known = CONFIGS.map((config) => config.name);
      const unknown = only.filter((name) => !known.includes(name));
      if (unknown.length) {
        console.error(
          `format-matrix: unknown configuration(s) ${unknown.join(", ")}; known: ${known.join(", ")}`,
        );
        process.exit(2);
      }
    } else {
      console.log(
        "usage: node tests/e2e/format-matrix.mjs [--only=config,...] [--random=N]",
      );
      process.exit(arg === "--help" || arg === "-h" ? 0 : 2);
    }
  }
  return { only, random };
}

if (
  process.argv[1] &&
  fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const { only, random } = parseArgs(process.argv.slice(2));
  const result = await formatMatrix({ only, random });
  console.log(`format matrix: ${result.detail}`);
  process.exitCode = result.ok ? 0 : 1;
}
