// Steps shared by the data-layer stages (tests/e2e/data-layers.mjs for
// Drizzle, tests/e2e/prisma-stage.mjs for Prisma): each works in its own
// copy of the Next 16 app, with its ORM's packages linked in, and runs the
// same static checks and a node:test file against `next start`.

import fs from "node:fs";
import path from "node:path";

import { freePort, startNext } from "./server.mjs";

/** Whether `dir`'s node_modules is missing or older than its lockfile. */
export function needsInstall(dir) {
  const marker = path.join(dir, "node_modules", ".package-lock.json");
  if (!fs.existsSync(marker)) return true;
  const lock = fs.statSync(path.join(dir, "package-lock.json"));
  return lock.mtimeMs > fs.statSync(marker).mtimeMs;
}

/** Top-level package directories of a node_modules ("@scope/name" too). */
export function packageNames(modules) {
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
 * Fills `app`'s node_modules with hard links (Turbopack resolves nothing
 * outside the app's root): `appSrc`'s packages, then those of `layerSrc`
 * (e.g. tests/e2e/drizzle) where `appSrc` has no package of that name, and
 * `layerSrc`'s command-line tools. A name both have must be the same version
 * unless it is in `tolerated` (then `appSrc`'s is kept). Resolves with
 * `{ ok: false, detail }` or `{ ok: true, added, kept }`.
 */
export async function linkPackages({
  run,
  env,
  appSrc,
  app,
  layerSrc,
  root,
  tolerated = new Set(),
}) {
  const modules = path.join(app, "node_modules");
  const linked = await run(
    "cp",
    ["-al", path.join(appSrc, "node_modules"), modules],
    { env },
  );
  if (linked.code !== 0)
    return { ok: false, detail: `cp -al: ${linked.output}` };

  const from = path.join(layerSrc, "node_modules");
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
      (tolerated.has(name) ? kept : clashes).push(line);
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
      detail: `packages in both app16 and ${path.relative(root, layerSrc)} with other versions: ${clashes.join(", ")}`,
    };
  }
  // The command-line tools; relative symlinks, kept as such.
  for (const entry of fs.readdirSync(path.join(from, ".bin"))) {
    const target = path.join(modules, ".bin", entry);
    if (fs.existsSync(target)) continue;
    fs.symlinkSync(fs.readlinkSync(path.join(from, ".bin", entry)), target);
  }
  return { ok: true, added, kept };
}

/**
 * Runs `app`'s own tool from its node_modules/.bin with node; resolves like
 * run.mjs's `run`.
 */
export function appTool({ run, env, app }) {
  return (name, args, options = {}) =>
    run(
      process.execPath,
      [path.join(app, "node_modules", ".bin", name), ...args],
      { cwd: app, env, ...options },
    );
}

/**
 * The static checks and the build, each a stage: tsc --noEmit (after next
 * typegen), eslint and prettier on the generated files and the overlay's
 * (the `owners` keys), and next build. `step(key, name, fn)` runs a stage
 * and resolves with its status. Resolves with next build's status.
 */
export async function checkStages({ step, tool, app, owners, skipBuild }) {
  const check = async (name, args) => {
    const result = await tool(name, args);
    if (result.code === 0) return { ok: true };
    const blamed = report(result, owners, app);
    return {
      ok: false,
      detail: `exit code ${result.code}${blamed ? `, ${blamed} file(s) implicated` : ""}`,
    };
  };
  // Generated files and the overlay's, which must pass the same checks.
  const checked = () =>
    [...owners.keys()].filter(
      (file) =>
        /\.(?:[cm]?[jt]sx?)$/.test(file) && fs.existsSync(path.join(app, file)),
    );

  await step("tsc", "tsc --noEmit", async () => {
    const typegen = await tool("next", ["typegen"]);
    if (typegen.code !== 0) {
      report(typegen, owners, app);
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

  return step("build", "next build", () =>
    skipBuild ? { skip: "--skip-build" } : check("next", ["build"]),
  );
}

/**
 * `next start` in `app`, then `testFile` under `node --test` (spec to
 * stdout, TAP to `tap`), with `testEnv` added to the tests' environment.
 * Adds the TAP counts to `browserCounts`; on failure prints the server's
 * output (all of it in `serverLog`).
 */
export async function runBrowserTests({
  run,
  env,
  root,
  app,
  testFile,
  tap,
  serverLog,
  testEnv,
  browserCounts,
}) {
  fs.rmSync(tap, { force: true });
  const server = await startNext(app, {
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
        testFile,
      ],
      {
        cwd: root,
        stream: true,
        env: {
          ...env,
          E2E_BASE_URL: server.url,
          E2E_APP_DIR: app,
          E2E_NEXT_MAJOR: "16",
          E2E_TMP_DIR: env.TMPDIR,
          E2E_SERVER_LOG: serverLog,
          ...testEnv,
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
      `--- next start output (also in ${path.relative(root, serverLog)}) ---`,
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
export function report(result, owners, app) {
  let output = result.output.replace(/\x1b\[[0-9;]*m/g, "");
  process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
  for (const prefix of new Set([app, safeRealpath(app)])) {
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

export function indent(text) {
  return text.replace(/\s+$/, "").replace(/^/gm, "  ");
}
