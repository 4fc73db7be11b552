//! `migrate route-to-action` over fixture projects written in the style of real apps
//! (`tests/migrate/fixtures/<case>/`: `args.txt`, `case.md`, and `project/` on top of
//! `tests/migrate/base/`, or `project-of.txt` naming the case whose project it reuses). Each case runs the real binary, checks the verdict and exit code a
//! script would rely on, and snapshots the JSON report with the diff of every file it
//! changed. Refusals must leave the tree byte for byte as it was.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use similar::TextDiff;

/// Every fixture and the verdict a user should get.
const CASES: &[(&str, &str)] = &[
    ("json-zod", "migrated"),
    ("formdata", "migrated"),
    ("next13-sync-params", "migrated"),
    ("next15-async-params", "migrated"),
    ("query-inputs", "migrated"),
    ("status-branching", "migrated"),
    ("export-const-arrow", "migrated"),
    ("export-alias", "migrated"),
    ("multiple-handlers", "partial"),
    ("base-path-constant", "migrated"),
    ("manual-callers", "partial"),
    ("shared-schema", "migrated"),
    ("no-callers", "refused"),
    ("no-callers-force", "migrated"),
    ("stripe-webhook", "refused"),
    ("stripe-webhook-force", "refused"),
    ("github-hmac", "refused"),
    ("svix-webhook", "refused"),
    ("cors-options", "refused"),
    ("next-config-headers", "refused"),
    ("stream-sse", "refused"),
    ("ai-sdk-stream", "refused"),
    ("file-download", "refused"),
    ("redirect", "refused"),
    ("href-target", "refused"),
    ("api-key-auth", "refused"),
    ("edge-runtime", "migrated"),
    ("upload", "refused"),
    ("swr-key", "partial"),
    ("imported-by-route", "refused"),
    ("hof-wrapper", "refused"),
    ("text-responses", "migrated"),
    ("trusted-body", "migrated"),
    ("context-schema", "migrated"),
    ("axios-react-query", "migrated"),
    ("ternary-method", "migrated"),
    ("const-url", "migrated"),
    ("prettier-style", "migrated"),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/migrate")
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A fresh copy of a fixture project.
pub fn fixture(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("base"), dir.path());
    // A case may run on another case's project (`project-of.txt`), e.g. the same route
    // with --force.
    let own = fixtures().join("fixtures").join(case);
    let project = match fs::read_to_string(own.join("project-of.txt")) {
        Ok(other) => fixtures()
            .join("fixtures")
            .join(other.trim())
            .join("project"),
        Err(_) => own.join("project"),
    };
    copy_dir(&project, dir.path());
    dir
}

fn args(case: &str) -> Vec<String> {
    fs::read_to_string(fixtures().join("fixtures").join(case).join("args.txt"))
        .unwrap()
        .split_whitespace()
        .map(String::from)
        .collect()
}

fn tree(root: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .filter_entry(|e| e.file_name() != ".git")
        .build()
        .flatten()
    {
        if entry.file_type().is_some_and(|t| t.is_file()) {
            let rel = entry.path().strip_prefix(root).unwrap();
            out.insert(
                rel.to_string_lossy().replace('\\', "/"),
                fs::read_to_string(entry.path()).unwrap(),
            );
        }
    }
    out
}

fn migrate(root: &Path, args: &[String], extra: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("scaffold")
        .unwrap()
        .arg("--cwd")
        .arg(root)
        .args(["migrate", "route-to-action"])
        .args(args)
        .args(extra)
        .env("NO_COLOR", "1")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The report and every change, as a reviewer reads them.
fn describe(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for (path, new) in after {
        match before.get(path) {
            None => out.push_str(&format!("=== create {path}\n{new}\n")),
            Some(old) if old != new => {
                let diff = TextDiff::from_lines(old.as_str(), new.as_str());
                out.push_str(&format!(
                    "=== update {path}\n{}\n",
                    diff.unified_diff().context_radius(2)
                ));
            }
            Some(_) => {}
        }
    }
    for path in before.keys().filter(|p| !after.contains_key(*p)) {
        out.push_str(&format!("=== remove {path}\n"));
    }
    out
}

#[test]
fn fixtures_migrate_or_refuse_as_expected() {
    let listed: Vec<String> = fs::read_dir(fixtures().join("fixtures"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for name in &listed {
        assert!(
            CASES.iter().any(|(c, _)| c == name),
            "fixture {name} has no expected verdict in CASES"
        );
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let mut failures = Vec::new();
    for (case, expected) in CASES {
        let dir = fixture(case);
        let before = tree(dir.path());
        let args = args(case);
        let (code, stdout, stderr) = migrate(dir.path(), &args, &["--json"]);
        let report: serde_json::Value = match serde_json::from_str(&stdout) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{case}: no JSON report ({e}); stderr: {stderr}"));
                continue;
            }
        };
        let verdict = report["verdict"].as_str().unwrap_or("");
        if verdict != *expected {
            failures.push(format!(
                "{case}: verdict {verdict}, expected {expected}; reasons: {}; manual: {}",
                report["reasons"], report["callers"]["manual"]
            ));
        }
        let expected_code = if *expected == "refused" { 1 } else { 0 };
        if code != expected_code {
            failures.push(format!("{case}: exit {code}, expected {expected_code}"));
        }
        let after = tree(dir.path());
        if *expected == "refused" && before != after {
            failures.push(format!("{case}: refused but the tree changed"));
        }
        // Every reason and caller names a place in a file.
        for r in report["reasons"].as_array().into_iter().flatten() {
            let at = r["location"].as_str().unwrap_or("");
            let file = at.split(':').next().unwrap_or("");
            if ![".ts", ".tsx", ".mjs", ".js"]
                .iter()
                .any(|e| file.ends_with(e))
            {
                failures.push(format!("{case}: reason without a file location: {r}"));
            }
        }
        let snapshot = format!(
            "$ scaffold migrate route-to-action {} --json\nexit {code}\n{}\n{}",
            args.join(" "),
            serde_json::to_string_pretty(&report).unwrap(),
            describe(&before, &after)
        );
        settings.bind(|| insta::assert_snapshot!(format!("migrate__{case}"), snapshot));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn dry_run_writes_nothing_and_shows_diffs() {
    let dir = fixture("json-zod");
    let before = tree(dir.path());
    let (code, stdout, _) = migrate(dir.path(), &args("json-zod"), &["--dry-run"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("+++ b/app/posts/new/actions.ts"),
        "{stdout}"
    );
    assert!(stdout.contains("Dry run: nothing was written."));
    assert_eq!(before, tree(dir.path()));
}

#[test]
fn url_path_argument_finds_the_route_file() {
    let dir = fixture("next15-async-params");
    let (code, stdout, stderr) = migrate(
        dir.path(),
        &["/api/todos/[id]".to_string()],
        &["--json", "--dry-run"],
    );
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["route"], "app/api/todos/[id]/route.ts");
}

#[test]
fn keep_route_and_to_are_honoured() {
    let dir = fixture("json-zod");
    let (code, _, stderr) = migrate(
        dir.path(),
        &args("json-zod"),
        &["--keep-route", "--to", "lib/post-actions.ts"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(dir.path().join("app/api/posts/route.ts").is_file());
    let module = fs::read_to_string(dir.path().join("lib/post-actions.ts")).unwrap();
    assert!(module.starts_with("\"use server\";"));
    let form = fs::read_to_string(dir.path().join("app/posts/new/post-form.tsx")).unwrap();
    assert!(
        form.contains("import { createPost } from \"@/lib/post-actions\";"),
        "{form}"
    );
}

#[test]
fn a_second_run_finds_nothing_left_to_do() {
    let dir = fixture("json-zod");
    let (code, _, _) = migrate(dir.path(), &args("json-zod"), &[]);
    assert_eq!(code, 0);
    let (code, _, stderr) = migrate(dir.path(), &args("json-zod"), &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no such file"), "{stderr}");
}

#[test]
fn uncommitted_changes_are_refused_without_force() {
    let dir = fixture("json-zod");
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .arg("-C")
            .arg(dir.path())
            .args(args)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-qm", "fixture"]);
    let form = dir.path().join("app/posts/new/post-form.tsx");
    fs::write(&form, fs::read_to_string(&form).unwrap() + "\n// wip\n").unwrap();
    let before = tree(dir.path());
    let (code, _, stderr) = migrate(dir.path(), &args("json-zod"), &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("app/posts/new/post-form.tsx: has uncommitted changes"),
        "{stderr}"
    );
    assert_eq!(before, tree(dir.path()));
    let (code, _, stderr) = migrate(dir.path(), &args("json-zod"), &["--force"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn appending_to_an_actions_module_reuses_its_imports() {
    let dir = fixture("json-zod");
    // The same module as the route's `@/lib/db`, spelled relatively.
    let existing = "\"use server\";\n\nimport { db } from \"../lib/db\";\n\nexport async function countPosts() {\n  return (await db.post.findMany()).length;\n}\n";
    fs::create_dir_all(dir.path().join("app")).unwrap();
    fs::write(dir.path().join("app/actions.ts"), existing).unwrap();
    let (code, _, stderr) = migrate(dir.path(), &args("json-zod"), &["--to", "app/actions.ts"]);
    assert_eq!(code, 0, "{stderr}");
    let module = fs::read_to_string(dir.path().join("app/actions.ts")).unwrap();
    assert!(
        module.contains("export async function countPosts() {"),
        "{module}"
    );
    assert_eq!(module.matches("import { db }").count(), 1, "{module}");
    assert!(module.contains("export async function createPost(input: unknown)"));
}

#[test]
fn crlf_files_stay_crlf() {
    let dir = fixture("json-zod");
    for rel in ["app/api/posts/route.ts", "app/posts/new/post-form.tsx"] {
        let path = dir.path().join(rel);
        let text = fs::read_to_string(&path).unwrap().replace('\n', "\r\n");
        fs::write(&path, text).unwrap();
    }
    let (code, _, stderr) = migrate(dir.path(), &args("json-zod"), &[]);
    assert_eq!(code, 0, "{stderr}");
    for rel in ["app/posts/new/actions.ts", "app/posts/new/post-form.tsx"] {
        let text = fs::read_to_string(dir.path().join(rel)).unwrap();
        let lone = text.matches('\n').count() - text.matches("\r\n").count();
        assert_eq!(lone, 0, "{rel} has {lone} LF-only lines:\n{text}");
    }
}

/// The codemod restyles only its own lines: a line of the user's that their formatter
/// would change (here double quotes under `singleQuote`) is theirs to keep.
#[test]
fn only_the_codemods_lines_follow_the_formatter_settings() {
    let dir = fixture("prettier-style");
    let form = dir.path().join("app/posts/new/post-form.tsx");
    let text = fs::read_to_string(&form).unwrap().replace(
        "  const router = useRouter()\n",
        "  const router = useRouter()\n  const legacy = \"kept as written\";\n",
    );
    fs::write(&form, text).unwrap();
    let (code, _, stderr) = migrate(dir.path(), &args("prettier-style"), &["--force"]);
    assert_eq!(code, 0, "{stderr}");
    let after = fs::read_to_string(&form).unwrap();
    assert!(
        after.contains("  const legacy = \"kept as written\";\n"),
        "{after}"
    );
    assert!(
        after.contains("import { createPost } from './actions'\n"),
        "{after}"
    );
    assert!(
        after.contains("const res = await createPost({ title, content })\n"),
        "{after}"
    );
}

#[test]
fn tab_indented_files_stay_tab_indented() {
    let dir = fixture("manual-callers");
    let tabs = |text: &str| {
        text.lines()
            .map(|l| {
                let spaces = l.len() - l.trim_start_matches(' ').len();
                format!("{}{}\n", "\t".repeat(spaces / 2), &l[spaces..])
            })
            .collect::<String>()
    };
    for rel in ["app/api/feedback/route.ts", "components/feedback-form.tsx"] {
        let path = dir.path().join(rel);
        fs::write(&path, tabs(&fs::read_to_string(&path).unwrap())).unwrap();
    }
    let (code, _, stderr) = migrate(dir.path(), &args("manual-callers"), &[]);
    assert_eq!(code, 0, "{stderr}");
    for rel in ["components/actions.ts", "components/feedback-form.tsx"] {
        let text = fs::read_to_string(dir.path().join(rel)).unwrap();
        let spaced: Vec<&str> = text.lines().filter(|l| l.starts_with(' ')).collect();
        assert!(
            spaced.is_empty(),
            "{rel}: lines indented with spaces: {spaced:?}\n{text}"
        );
    }
}

/// A judgement call overridden with --force still moves the handler's code: a run once
/// wrote an actions module holding only "use server" and deleted the route.
#[test]
fn force_over_a_judgement_call_moves_the_code() {
    let dir = fixture("json-zod");
    let route = dir.path().join("app/api/posts/route.ts");
    // An HTTP test of the route: a judgement call (the test may be changed instead).
    fs::create_dir_all(dir.path().join("e2e")).unwrap();
    fs::write(
        dir.path().join("e2e/posts.spec.ts"),
        "export async function createsAPost(request: { post(url: string): Promise<unknown> }) {\n  await request.post(\"/api/posts\");\n}\n",
    )
    .unwrap();
    let (code, _, stderr) = migrate(dir.path(), &args("json-zod"), &[]);
    assert_eq!(code, 1, "refused without --force: {stderr}");
    assert!(stderr.contains("a test calls it over HTTP"), "{stderr}");

    let (code, stdout, stderr) = migrate(dir.path(), &args("json-zod"), &["--force"]);
    assert_eq!(code, 0, "{stderr}");
    let module = fs::read_to_string(dir.path().join("app/posts/new/actions.ts")).unwrap();
    assert!(
        module.contains("export async function createPost(input: unknown)")
            && module.contains("CreatePostSchema.safeParse(input)")
            && module.contains("db.post.create("),
        "the handler's code moved:\n{module}\n{stdout}"
    );
    assert!(!route.exists(), "removed only once its code moved");
}

/// A file that names the route's folder but does not parse may call it: the route stays,
/// and the file is listed with its error.
#[test]
fn an_unparsable_file_keeps_the_route() {
    let dir = fixture("json-zod");
    let broken = dir.path().join("app/posts/broken.tsx");
    fs::write(
        &broken,
        "export function Broken() {\n  return fetch(\"/api/posts\", { method: \"POST\" }\n",
    )
    .unwrap();
    let (code, stdout, stderr) = migrate(dir.path(), &args("json-zod"), &["--json"]);
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["verdict"], "partial", "{stdout}");
    let manual = report["callers"]["manual"].as_array().unwrap();
    assert!(
        manual.iter().any(|c| c["location"]
            .as_str()
            .is_some_and(|l| l.starts_with("app/posts/broken.tsx:"))
            && c["why"]
                .as_str()
                .is_some_and(|w| w.contains("does not parse"))),
        "{stdout}"
    );
    assert!(
        dir.path().join("app/api/posts/route.ts").exists(),
        "the route stays"
    );
    assert_eq!(
        fs::read_to_string(&broken).unwrap(),
        "export function Broken() {\n  return fetch(\"/api/posts\", { method: \"POST\" }\n",
        "an unreadable file is never edited"
    );
}

/// After a `partial`, the user changes the remaining callers by hand; running again
/// recognises the actions module the first run wrote and removes the route.
#[test]
fn a_run_after_a_partial_finishes_once_callers_were_changed_by_hand() {
    let dir = fixture("manual-callers");
    let (code, stdout, stderr) = migrate(dir.path(), &args("manual-callers"), &["--json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"verdict\": \"partial\""), "{stdout}");
    let module = dir.path().join("components/actions.ts");
    let written = fs::read_to_string(&module).unwrap();

    // Too early: the API-client call still uses the URL.
    let (code, stdout, _) = migrate(dir.path(), &args("manual-callers"), &["--json"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("\"verdict\": \"partial\""), "{stdout}");

    let widget = dir.path().join("components/feedback-widget.tsx");
    let text = fs::read_to_string(&widget).unwrap();
    let text = text
        .replace(
            "import { ApiError, api } from \"@/lib/api-client\";\n",
            "import { createFeedback } from \"./actions\";\n",
        )
        .replace(
            "await api.post(\"/api/feedback\", data);",
            "const res = await createFeedback(data);\n      if (!res.ok) throw new Error(\"failed\");",
        )
        .replace("if (error instanceof ApiError) {", "if (error instanceof Error) {")
        .replace("error.body?.error ?? error.message", "error.message");
    fs::write(&widget, text).unwrap();

    let (code, stdout, stderr) = migrate(dir.path(), &args("manual-callers"), &["--json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"verdict\": \"migrated\""), "{stdout}");
    assert!(stdout.contains("already imports the action from components/actions.ts"));
    assert!(!dir.path().join("app/api/feedback/route.ts").exists());
    assert_eq!(fs::read_to_string(&module).unwrap(), written, "untouched");
}

/// An action changed since the earlier run is not the route's code: no finishing then.
#[test]
fn a_changed_action_is_not_taken_for_the_route() {
    let dir = fixture("manual-callers");
    let (code, _, _) = migrate(dir.path(), &args("manual-callers"), &[]);
    assert_eq!(code, 0);
    let module = dir.path().join("components/actions.ts");
    let changed = fs::read_to_string(&module).unwrap().replace(
        "const session = await auth();",
        "const session = await auth();\n  console.log(session);",
    );
    fs::write(&module, changed).unwrap();
    let widget = dir.path().join("components/feedback-widget.tsx");
    let text = fs::read_to_string(&widget).unwrap().replace(
        "await api.post(\"/api/feedback\", data);",
        "await Promise.resolve(data);",
    );
    fs::write(&widget, text).unwrap();
    let (code, _, stderr) = migrate(dir.path(), &args("manual-callers"), &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no caller of /api/feedback"), "{stderr}");
    assert!(dir.path().join("app/api/feedback/route.ts").exists());
}

/// In a src/ project the route named as `app/…` is the one under `src/app/…`.
#[test]
fn app_paths_resolve_under_src() {
    let dir = fixture("json-zod");
    fs::create_dir_all(dir.path().join("src")).unwrap();
    fs::rename(dir.path().join("app"), dir.path().join("src/app")).unwrap();
    let (code, stdout, stderr) = migrate(
        dir.path(),
        &["app/api/posts/route.ts".to_string()],
        &["--json", "--dry-run"],
    );
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["route"], "src/app/api/posts/route.ts", "{stdout}");
}

/// next.config entries count only when they expose the path: security headers on
/// `/:path*` are not CORS, and a rewrite or CORS headers still keep it a route.
#[test]
fn next_config_security_headers_are_not_cors() {
    let security = "const nextConfig = {\n  async headers() {\n    return [\n      {\n        source: \"/:path*\",\n        headers: [\n          { key: \"X-Frame-Options\", value: \"DENY\" },\n          { key: \"Content-Security-Policy\", value: \"default-src 'self'\" },\n        ],\n      },\n    ];\n  },\n};\n\nexport default nextConfig;\n";
    let dir = fixture("json-zod");
    fs::write(dir.path().join("next.config.mjs"), security).unwrap();
    let (code, stdout, stderr) = migrate(dir.path(), &args("json-zod"), &["--json", "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"verdict\": \"migrated\""), "{stdout}");

    for exposing in [
        security.replace("X-Frame-Options", "Access-Control-Allow-Origin"),
        "export default {\n  async rewrites() {\n    return [{ source: \"/v1/posts\", destination: \"/api/posts\" }, { source: \"/api/posts\", destination: \"/v1/posts\" }];\n  },\n};\n".to_string(),
    ] {
        let dir = fixture("json-zod");
        fs::write(dir.path().join("next.config.mjs"), &exposing).unwrap();
        let (code, _, stderr) = migrate(dir.path(), &args("json-zod"), &["--dry-run"]);
        assert_eq!(code, 1, "{exposing}");
        assert!(stderr.contains("next.config exposes this path"), "{stderr}");
    }
}
