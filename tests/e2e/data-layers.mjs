// Data layers: generated code against a real database, not the JSON dev
// store. `scaffold new action … --model Post` reads the project's Drizzle
// schema and writes owner-scoped Drizzle queries; this proves them in a copy
// of the Next 16 app (tests/e2e/app16) with Drizzle ORM on PGlite (Postgres
// compiled to wasm, in the server's own process: no database server, no
// network).
//
//   tests/e2e/drizzle/package.json   drizzle-orm, drizzle-kit, PGlite (pinned)
//   tests/e2e/drizzle/overlay/       db/schema.ts, db/index.ts,
//                                    drizzle.config.ts, next.config.ts and
//                                    the test-only route app/e2e-db
//   tests/e2e/data/drizzle.test.mjs  the browser tests
//
// run.mjs calls drizzleStages() after its other stages when next16 is among
// the apps (`--only=drizzle` runs nothing else). The copy lives in
// target/e2e/drizzle-app; its server log and TAP report beside it.

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
const DRIZZLE_SRC = path.join(E2E_DIR, "drizzle");
const OVERLAY = path.join(DRIZZLE_SRC, "overlay");
const TEST_FILE = path.join(E2E_DIR, "data", "drizzle.test.mjs");
const OUT = path.join(ROOT, "target", "e2e");
const APP = path.join(OUT, "drizzle-app");

/** What the browser tests drive; each name is one scaffold command. */
export const DRIZZLE_COMMANDS = [
  {
    name: "create",
    args: [
      "new",
      "action",
      "e2e/db/posts",
      "--model",
      "Post",
      "--op",
      "create",
    ],
  },
  {
    name: "update",
    args: [
      "new",
      "action",
      "e2e/db/posts/[id]/edit",
      "--model",
      "Post",
      "--op",
      "update",
    ],
  },
  {
    name: "delete",
    args: [
      "new",
      "action",
      "e2e/db/posts/[id]",
      "--model",
      "Post",
      "--op",
      "delete",
    ],
  },
  {
    name: "toggle",
    args: [
      "new",
      "action",
      "e2e/db/posts/publish",
      "--model",
      "Post",
      "--op",
      "toggle",
    ],
  },
].map(({ name, args }) => ({
  name,
  args: [...args, "--auth", "next-auth", "--page", "--yes"],
}));

/**
 * Every stage of the Drizzle + PGlite app. `run` and `stage` are run.mjs's
 * (a child process that never rejects; a timed, recorded stage);
 * `browserCounts` gets the browser tests' pass and fail counts added.
 */
export async function drizzleStages({
  run,
  stage,
  env,
  browserCounts,
  bin,
  skipBuild = false,
  skipBrowser = false,
}) {
  const label = (name) => `drizzle + PGlite: ${name}`;
  // Tool output is attributed to the command that generated a file, or to
  // the fixture when it names one of the overlay's files.
  const owners = new Map();
  for (const file of fs.readdirSync(OVERLAY, { recursive: true })) {
    if (fs.statSync(path.join(OVERLAY, file)).isFile()) {
      owners.set(file.split(path.sep).join("/"), ["fixture (drizzle/overlay)"]);
    }
  }
  const generated = [];

  for (const dir of [APP_SRC, DRIZZLE_SRC]) {
    if (!needsInstall(dir)) continue;
    const status = await stage(
      label(`npm ci in ${path.relative(ROOT, dir)}`),
      async () => {
        const result = await run("npm", ["ci", "--no-audit", "--no-fund"], {
          cwd: dir,
        });
        if (result.code !== 0) process.stdout.write(result.output);
        return {
          ok: result.code === 0,
          detail: result.code ? `exit code ${result.code}` : "",
        };
      },
    );
    if (status === "fail") return;
  }

  const setUp = await stage(label("app copy"), () => copyApp(run));
  if (setUp !== "pass") return;

  const tool = appTool({ run, env, app: APP });
  await stage(label("generate"), () =>
    generate({ run, bin, owners, generated }),
  );
  const built = await checkStages({
    step: (key, name, fn) => stage(label(name), fn),
    tool,
    app: APP,
    owners,
    skipBuild,
  });

  // After the build: collecting page data evaluates db/index.ts in build
  // workers, and nothing they may leave in .pglite should reach the server.
  const pushed = await stage(label("drizzle-kit push"), async () => {
    if (built !== "pass") return { skip: "needs next build" };
    return push(run, env);
  });

  await stage(label("browser tests"), async () => {
    if (skipBrowser) return { skip: "--skip-browser" };
    if (pushed !== "pass") return { skip: "needs next build and push" };
    return browserTests({ run, env, browserCounts, generated });
  });
}

/**
 * A fresh copy of app16 in target/e2e/drizzle-app with the overlay on top.
 * Turbopack resolves nothing outside the app's root, so node_modules is made
 * of hard links: app16's packages, then Drizzle's and PGlite's (with their
 * dependencies) where app16 has no package of that name. A name both have
 * must be the same version.
 */
async function copyApp(run) {
  copyAppTree(APP_SRC, APP);
  const linked = await linkPackages({
    run,
    appSrc: APP_SRC,
    app: APP,
    layerSrc: DRIZZLE_SRC,
    root: ROOT,
  });
  if (!linked.ok) return linked;
  const { added } = linked;

  fs.cpSync(OVERLAY, APP, { recursive: true });
  // The app depends on what it now uses, as a real one would (scaffold
  // detects the data layer from package.json).
  const manifest = path.join(APP, "package.json");
  const app = JSON.parse(fs.readFileSync(manifest, "utf8"));
  const own = JSON.parse(
    fs.readFileSync(path.join(DRIZZLE_SRC, "package.json"), "utf8"),
  );
  for (const key of ["dependencies", "devDependencies"]) {
    app[key] = Object.fromEntries(
      Object.entries({ ...app[key], ...own[key] }).sort(([a], [b]) =>
        a.localeCompare(b),
      ),
    );
  }
  app.scripts = { ...app.scripts, "db:push": "drizzle-kit push" };
  fs.writeFileSync(manifest, `${JSON.stringify(app, null, 2)}\n`);
  console.log(
    `app copy: ${path.relative(ROOT, APP)}, ${added.length} package(s) linked in: ${added.join(", ")}`,
  );
  return { ok: true, detail: `${added.length} package(s) added` };
}

async function generate({ run, bin, owners, generated }) {
  if (!fs.existsSync(bin)) {
    return {
      ok: false,
      detail: `scaffold binary not found at ${path.relative(ROOT, bin)}`,
    };
  }
  const failed = [];
  const manifest = {};
  for (const command of DRIZZLE_COMMANDS) {
    const result = await run(bin, ["--cwd", APP, "--json", ...command.args], {
      cwd: ROOT,
    });
    let files;
    try {
      files = result.code === 0 ? JSON.parse(result.stdout).files : undefined;
    } catch {
      files = undefined;
    }
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
    manifest[command.name] = files;
    console.log(`${command.name}: ${files.length} file(s)`);
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
      if (!owners.has(rel)) owners.set(rel, []);
      owners.get(rel).push(command.name);
    }
  }
  fs.writeFileSync(
    path.join(OUT, "generated-drizzle.json"),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  if (failed.length) {
    return {
      ok: false,
      detail: `${failed.length} of ${DRIZZLE_COMMANDS.length} command(s) failed: ${failed.join(", ")}`,
    };
  }
  // The point of --model: the queries must be Drizzle's, not the dev store.
  const stores = [...owners.keys()].filter(
    (file) =>
      file.endsWith("data.ts") &&
      /dev-store/.test(fs.readFileSync(path.join(APP, file), "utf8")),
  );
  if (stores.length) {
    return {
      ok: false,
      detail: `still on the JSON dev store: ${stores.join(", ")}`,
    };
  }
  return { ok: true, detail: `${DRIZZLE_COMMANDS.length} command(s)` };
}

/**
 * Creates the tables in a fresh .pglite directory. On an empty database
 * `push` asks nothing; --force would only matter for data-loss statements.
 */
async function push(run, env) {
  fs.rmSync(path.join(APP, ".pglite"), { recursive: true, force: true });
  const result = await run(
    process.execPath,
    [path.join(APP, "node_modules", ".bin", "drizzle-kit"), "push", "--force"],
    { cwd: APP, env },
  );
  const output = result.output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
  if (result.code !== 0 || !/Changes applied/.test(output)) {
    process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
    return {
      ok: false,
      detail: `exit code ${result.code}${result.code === 0 ? ', no "Changes applied"' : ""}`,
    };
  }
  return { ok: true };
}

function browserTests({ run, env, browserCounts, generated }) {
  return runBrowserTests({
    run,
    env,
    root: ROOT,
    app: APP,
    testFile: TEST_FILE,
    tap: path.join(OUT, "browser-drizzle.tap"),
    serverLog: path.join(OUT, "next-start-drizzle.log"),
    // The commands that generated, so the tests of the others skip.
    testEnv: { E2E_DRIZZLE_GENERATED: JSON.stringify(generated) },
    browserCounts,
  });
}
