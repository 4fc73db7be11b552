// The real-world corpus of `migrate route-to-action`: route files and their
// callers written in the shapes of public Next.js apps, each with the verdict a
// careful engineer gives it (`migrate`: only the app calls it; `stay`: something
// outside the app does). Each case runs in a copy of its project with the Next 15
// e2e app's packages; tsc runs before and after.
//
//   node tests/e2e/corpus.mjs [--json] [case...]
//
// Counts, for `migrate` cases: migrated (route removed, no caller left),
// partial (action written, callers listed for a hand fix), refused; and which of
// them added a tsc error. Every `stay` case must be refused. Exit code 1 when a
// `stay` case is not refused, a migration adds a tsc error, a project does not
// type-check before, or the migrated share falls below the floors in
// tests/migrate/corpus/floors.json (which also lists known misses, reported but
// not failing).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MIGRATE = path.join(ROOT, "tests", "migrate");
const CORPUS = path.join(MIGRATE, "corpus");
const MODULES = path.join(ROOT, "tests", "e2e", "app", "node_modules");
const BIN = path.resolve(ROOT, process.env.SCAFFOLD_BIN ?? "target/debug/scaffold");
const TSC = path.join(MODULES, "typescript", "bin", "tsc");

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const only = argv.filter((a) => !a.startsWith("--"));

function tscErrors(dir) {
  const result = spawnSync(process.execPath, [TSC, "--noEmit", "-p", "."], {
    cwd: dir,
    encoding: "utf8",
  });
  // Positions move when a file is edited: compare file, code and message.
  return result.stdout
    .split("\n")
    .filter((l) => l.includes("error TS"))
    .map((l) => l.replace(/\(\d+,\d+\)/, ""));
}

function runCase(name) {
  const own = path.join(CORPUS, name);
  const expected = fs.readFileSync(path.join(own, "verdict.txt"), "utf8").trim();
  const args = fs.readFileSync(path.join(own, "args.txt"), "utf8").trim().split(/\s+/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `corpus-${name}-`));
  try {
    fs.cpSync(path.join(MIGRATE, "base"), dir, { recursive: true });
    fs.cpSync(path.join(own, "project"), dir, { recursive: true });
    fs.symlinkSync(MODULES, path.join(dir, "node_modules"), "dir");
    const before = tscErrors(dir);
    const started = process.hrtime.bigint();
    const migrated = spawnSync(
      BIN,
      ["--cwd", dir, "migrate", "route-to-action", ...args, "--json"],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    let report = {};
    try {
      report = JSON.parse(migrated.stdout);
    } catch {
      report = { verdict: "error", reasons: [migrated.stderr.trim()] };
    }
    const after = report.verdict === "refused" ? before : tscErrors(dir);
    const fresh = after.filter((line) => !before.includes(line));
    return {
      name,
      expected,
      verdict: report.verdict,
      reasons: report.reasons ?? [],
      manual: report.callers?.manual ?? [],
      before: before.length,
      fresh,
      ms,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const names = fs
  .readdirSync(CORPUS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();
const results = names.map(runCase);

const wanted = results.filter((r) => r.expected === "migrate");
const stays = results.filter((r) => r.expected === "stay");
const clean = (r) => r.fresh.length === 0;
const count = (verdict) => wanted.filter((r) => r.verdict === verdict && clean(r)).length;
const totals = {
  cases: results.length,
  migrate: wanted.length,
  migrated: count("migrated"),
  partial: count("partial"),
  refused: wanted.filter((r) => r.verdict === "refused").length,
  newTscErrors: results.filter((r) => !clean(r)).length,
  stay: stays.length,
  stayRefused: stays.filter((r) => r.verdict === "refused").length,
  apps: new Set(results.map((r) => r.name.split("--")[0])).size,
};
const share = (n) => (wanted.length ? n / wanted.length : 0);

const floorsFile = path.join(CORPUS, "floors.json");
const floors = fs.existsSync(floorsFile)
  ? JSON.parse(fs.readFileSync(floorsFile, "utf8"))
  : {};
const knownMisses = floors.knownMisses ?? {};
const problems = [];
const known = [];
for (const r of results) {
  if (r.name in knownMisses) {
    known.push(`${r.name} (${r.verdict}): ${knownMisses[r.name]}`);
    continue;
  }
  if (r.before > 0) problems.push(`${r.name}: ${r.before} tsc error(s) before migrating`);
  if (!clean(r)) problems.push(`${r.name}: new tsc errors:\n    ${r.fresh.join("\n    ")}`);
  if (r.expected === "stay" && r.verdict !== "refused") {
    problems.push(`${r.name}: must stay a route, but the verdict is ${r.verdict}`);
  }
  if (r.verdict === "error") problems.push(`${r.name}: ${r.reasons.join("; ")}`);
}
if (only.length === 0 && floors.migrated !== undefined) {
  const migratedOrPartial = share(totals.migrated + totals.partial);
  if (migratedOrPartial < floors.migratedOrPartial) {
    problems.push(
      `migrated or partial: ${(migratedOrPartial * 100).toFixed(0)} %, floor ${floors.migratedOrPartial * 100} %`,
    );
  }
  if (share(totals.migrated) < floors.migrated) {
    problems.push(
      `migrated completely: ${(share(totals.migrated) * 100).toFixed(0)} %, floor ${floors.migrated * 100} %`,
    );
  }
}

if (json) {
  console.log(JSON.stringify({ totals, results, known, problems }, null, 2));
} else {
  const width = Math.max(...results.map((r) => r.name.length), 4);
  for (const r of results) {
    const mark = r.expected === "stay" ? (r.verdict === "refused" ? "ok" : "BAD") : r.verdict;
    console.log(
      `${r.name.padEnd(width)}  ${r.expected.padEnd(7)}  ${String(mark).padEnd(8)}  tsc +${r.fresh.length}  ${r.ms.toFixed(0)} ms`,
    );
    if (r.verdict === "refused" && r.expected === "migrate") {
      for (const reason of r.reasons) {
        console.log(`    ${reason.location ?? ""}: ${reason.message ?? reason}`);
      }
    }
    if (r.verdict === "partial") {
      for (const m of r.manual) console.log(`    manual: ${JSON.stringify(m)}`);
    }
  }
  const pct = (n) => `${(share(n) * 100).toFixed(0)} %`;
  console.log(
    `\n${totals.cases} cases from ${totals.apps} apps. Should migrate: ${totals.migrate} — ` +
      `migrated ${totals.migrated} (${pct(totals.migrated)}), partial ${totals.partial}, ` +
      `refused ${totals.refused}; migrated or partial with no new tsc error: ` +
      `${pct(totals.migrated + totals.partial)}. Must stay: ${totals.stay}, refused ${totals.stayRefused}.`,
  );
  for (const k of known) console.log(`known miss: ${k}`);
  for (const p of problems) console.log(`problem: ${p}`);
}
process.exitCode = problems.length ? 1 : 0;
