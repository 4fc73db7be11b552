// `scaffold audit` against real tools: the generated code of every variant
// audits clean in the app copy (run from run.mjs after generation), and the
// SARIF report of the vulnerable fixture (tests/audit/vulnerable) passes
// Microsoft's SARIF validator (@microsoft/sarif-multitool), the reference
// implementation of the SARIF 2.1.0 rules GitHub code scanning follows.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { needsInstall } from "./lib/data-stage.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(
  /\/$/,
  "",
);
const TOOL_DIR = path.join(ROOT, "tests", "e2e", "audit");
const FIXTURE = path.join(ROOT, "tests", "audit", "vulnerable");

/** Audits an app copy; any finding at all fails the stage. */
export async function auditApp({ run, bin, app }) {
  const result = await run(
    bin,
    ["audit", app, "--format", "json", "--fail-on", "note"],
    { cwd: ROOT },
  );
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    process.stdout.write(result.output);
    return { ok: false, detail: `no JSON report (exit code ${result.code})` };
  }
  const detail = `${report.actions.length} actions, ${report.routes.length} routes, ${report.files} files`;
  if (report.findings.length > 0 || result.code !== 0) {
    for (const f of report.findings) {
      console.log(`${f.severity}[${f.rule}] ${f.file}:${f.line}:${f.column} ${f.message}`);
    }
    return {
      ok: false,
      detail: `${report.findings.length} finding(s) in generated code; ${detail}`,
    };
  }
  return { ok: true, detail };
}

/** The SARIF of the vulnerable fixture, through the SARIF validator. */
export async function validateSarif({ run, bin, env }) {
  if (needsInstall(TOOL_DIR)) {
    const install = await run("npm", ["ci", "--no-audit", "--no-fund"], {
      cwd: TOOL_DIR,
    });
    if (install.code !== 0) {
      process.stdout.write(install.output);
      return { ok: false, detail: `npm ci: exit code ${install.code}` };
    }
  }
  const audit = await run(bin, ["audit", FIXTURE, "--format", "sarif"], {
    cwd: ROOT,
  });
  if (audit.code !== 1) {
    process.stdout.write(audit.output);
    return {
      ok: false,
      detail: `the vulnerable fixture should fail the audit (exit 1), got ${audit.code}`,
    };
  }
  const out = path.join(ROOT, "target", "e2e", "audit.sarif");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, audit.stdout);
  const results = JSON.parse(audit.stdout).runs[0].results.length;
  const tool = path.join(TOOL_DIR, "node_modules", ".bin", "sarif-multitool");
  const check = await run(tool, ["validate", out], { cwd: ROOT, env });
  // The validator prints one line per problem: `file(line,col): error|warning SARIFnnnn: …`.
  const problems = check.output
    .split("\n")
    .filter((line) => /: (error|warning) SARIF\d+/.test(line));
  if (check.code !== 0 || problems.length > 0) {
    process.stdout.write(check.output);
    return {
      ok: false,
      detail: `${problems.length} SARIF problem(s), exit code ${check.code}`,
    };
  }
  return { ok: true, detail: `${results} results, valid SARIF 2.1.0` };
}
