//! The command line as a user meets it: files written, imports that resolve, refusals
//! that leave the project untouched, and machine-readable output.

mod common;

use std::time::{Duration, Instant};

use common::{Project, assert_parses};
use predicates::prelude::*;

const POSTS: &[&str] = &[
    "new",
    "action",
    "posts",
    "--field",
    "title:string:required",
    "--field",
    "body:text",
    "--page",
    "--yes",
];

#[test]
fn writes_the_action_files_into_the_segment() {
    let p = Project::next().dep("next-auth", "5.0.0-beta.29").build();
    p.scaffold(POSTS)
        .assert()
        .success()
        .stdout(predicate::str::contains("create  app/posts/actions.ts"))
        .stdout(predicate::str::contains("create  lib/dev-store.ts"));
    for f in [
        "schema.ts",
        "actions.ts",
        "data.ts",
        "create-post-form.tsx",
        "create-post-form.module.css",
        "page.tsx",
    ] {
        assert!(p.path().join("app/posts").join(f).is_file(), "{f} missing");
    }
    let actions = p.read("app/posts/actions.ts");
    assert!(
        actions.starts_with("\"use server\";\n"),
        "the directive comes first"
    );
    assert!(actions.contains("import { auth } from \"@/auth\";"));
    assert!(actions.contains("const session = await auth();"));
    assert!(
        actions.contains("z.flattenError(parsed.error).fieldErrors"),
        "zod 4 error API"
    );
    assert!(
        p.read("app/posts/data.ts")
            .contains("from \"@/lib/dev-store\"")
    );
    assert!(
        p.read("app/posts/page.tsx")
            .contains("export default async function CreatePostPage()")
    );
    assert_parses(p.path());
}

#[test]
fn src_layout_and_alias_resolve_through_tsconfig() {
    let p = Project::next().src().dep("@supabase/ssr", "0.6.1").build();
    p.scaffold(&[
        "new",
        "action",
        "(dashboard)/tasks",
        "--field",
        "title",
        "--yes",
    ])
    .assert()
    .success();
    let actions = p.read("src/app/(dashboard)/tasks/actions.ts");
    assert!(
        actions.contains("import { createClient } from \"@/utils/supabase/server\";"),
        "{actions}"
    );
    assert!(
        actions.contains("supabase.auth.getUser()"),
        "getUser, never getSession().user"
    );
    assert!(
        actions.contains("revalidatePath(\"/tasks\");"),
        "route groups are not part of the URL"
    );
    assert!(p.path().join("src/lib/dev-store.ts").is_file());
    assert!(
        p.read("src/app/(dashboard)/tasks/data.ts")
            .contains("from \"@/lib/dev-store\"")
    );
}

#[test]
fn without_an_alias_imports_are_relative() {
    let p = Project::next()
        .no_alias()
        .dep("@clerk/nextjs", "6.20.0")
        .build();
    p.scaffold(&[
        "new",
        "action",
        "admin/posts/[id]/edit",
        "--op",
        "update",
        "--field",
        "title",
        "--yes",
    ])
    .assert()
    .success();
    let data = p.read("app/admin/posts/[id]/edit/data.ts");
    assert!(
        data.contains("from \"../../../../../lib/dev-store\""),
        "{data}"
    );
    let actions = p.read("app/admin/posts/[id]/edit/actions.ts");
    assert!(actions.contains("import { auth } from \"@clerk/nextjs/server\";"));
    assert!(actions.contains("const { userId } = await auth();"));
    assert!(
        actions.contains("revalidatePath(\"/admin/posts/[id]/edit\", \"page\");"),
        "patterns need the type"
    );
}

#[test]
fn zod_3_projects_get_the_zod_3_api() {
    let p = Project::next().dep("zod", "^3.23.8").build();
    p.scaffold(&[
        "new",
        "action",
        "signup",
        "--field",
        "email:email",
        "--field",
        "site:url:optional",
        "--auth",
        "none",
        "--yes",
    ])
    .assert()
    .success();
    let schema = p.read("app/signup/schema.ts");
    assert!(
        schema.contains("{ message: \"Enter a valid email address.\" }"),
        "{schema}"
    );
    assert!(
        !schema.contains("error:"),
        "v4-only params must not appear: {schema}"
    );
    assert!(schema.contains(".url("), "{schema}");
    assert!(
        p.read("app/signup/actions.ts")
            .contains("parsed.error.flatten().fieldErrors")
    );
}

#[test]
fn auth_none_is_visibly_public() {
    let p = Project::next().build();
    p.scaffold(&[
        "new",
        "action",
        "feedback",
        "--field",
        "message:text",
        "--yes",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("warning: --auth none"));
    assert!(
        p.read("app/feedback/actions.ts")
            .contains("// scaffold-audit-ignore action-auth: public on purpose (--auth none).")
    );
}

#[test]
fn a_second_identical_run_changes_nothing() {
    let p = Project::next().build();
    p.scaffold(POSTS).assert().success();
    let before = p.snapshot();
    p.scaffold(POSTS)
        .assert()
        .success()
        .stdout(predicate::str::contains("identical  app/posts/actions.ts"));
    assert_eq!(before, p.snapshot());
}

#[test]
fn an_edited_file_is_never_overwritten_without_force() {
    let p = Project::next().build();
    p.scaffold(POSTS).assert().success();
    p.write("app/posts/actions.ts", "// mine\n");
    let before = p.snapshot();
    p.scaffold(POSTS)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already exists with other contents; nothing was written",
        ))
        .stderr(predicate::str::contains("app/posts/actions.ts"));
    assert_eq!(before, p.snapshot(), "a refused plan writes nothing");
    p.scaffold(&[POSTS, &["--force"]].concat())
        .assert()
        .success()
        .stdout(predicate::str::contains("force  app/posts/actions.ts"));
    assert!(p.read("app/posts/actions.ts").starts_with("\"use server\""));
}

#[test]
fn dry_run_shows_diffs_and_writes_nothing() {
    let p = Project::next().build();
    let before = p.snapshot();
    p.scaffold(&[POSTS, &["--dry-run"]].concat())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "--- /dev/null\n+++ b/app/posts/actions.ts",
        ))
        .stdout(predicate::str::contains("+\"use server\";"))
        .stdout(predicate::str::contains("Dry run: nothing was written."));
    assert_eq!(before, p.snapshot());

    p.scaffold(POSTS).assert().success();
    p.write("app/posts/schema.ts", "export {};\n");
    p.scaffold(&[POSTS, &["--dry-run"]].concat())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "--- a/app/posts/schema.ts\n+++ b/app/posts/schema.ts",
        ))
        .stdout(predicate::str::contains("-export {};"))
        .stdout(predicate::str::contains("conflict  app/posts/schema.ts"));
}

#[test]
fn json_lists_every_file_with_its_status() {
    let p = Project::next().build();
    let out = p
        .scaffold(&[POSTS, &["--json"]].concat())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value =
        serde_json::from_slice(&out).expect("stdout is one JSON document");
    assert_eq!(report["command"], "new action");
    let files = report["files"].as_array().unwrap();
    let mut paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            ".gitignore",
            "app/posts/actions.ts",
            "app/posts/create-post-form.module.css",
            "app/posts/create-post-form.tsx",
            "app/posts/data.ts",
            "app/posts/page.tsx",
            "app/posts/schema.ts",
            "lib/dev-store.ts",
            "lib/form-state.ts",
        ]
    );
    assert!(files.iter().all(|f| f["status"] == "create"));
    assert!(files.iter().any(|f| f["path"] == "app/posts/page.tsx"));
}

#[test]
fn no_terminal_and_missing_answers_fail_fast_naming_the_flags() {
    let p = Project::next().build();
    let start = Instant::now();
    p.scaffold(&["new", "action", "posts"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--caller"))
        .stderr(predicate::str::contains("--op"))
        .stderr(predicate::str::contains("--field"))
        .stderr(predicate::str::contains("--yes"));
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "took {:?}",
        start.elapsed()
    );
    p.scaffold(&["new", "action"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("SEGMENT"));
    // Every answer given as a flag: no --yes needed.
    p.scaffold(&[
        "new",
        "action",
        "posts",
        "--caller",
        "this-app",
        "--op",
        "create",
        "--name",
        "createPost",
        "--field",
        "title",
        "--auth",
        "none",
        "--after",
        "stay",
    ])
    .assert()
    .success();
}

#[test]
fn outside_callers_are_pointed_to_a_route() {
    let p = Project::next().build();
    let before = p.snapshot();
    p.scaffold(&["new", "action", "webhooks/stripe", "--caller", "webhook"])
        .assert()
        .success()
        .stdout(predicate::str::contains("signs the raw request body"))
        .stdout(predicate::str::contains(
            "scaffold new route webhooks/stripe --kind webhook",
        ));
    assert_eq!(before, p.snapshot());
}

#[test]
fn a_failure_mid_write_leaves_the_tree_as_it_was() {
    let p = Project::next().build();
    let before = p.snapshot();
    for k in [0, 1, 3, 6] {
        p.scaffold(POSTS)
            .env("SCAFFOLD_TEST_FAIL_AFTER", k.to_string())
            .assert()
            .code(1)
            .stderr(predicate::str::contains("injected failure"))
            .stderr(predicate::str::contains("nothing was changed"));
        assert_eq!(before, p.snapshot(), "after a failure at file {k}");
    }
    // Also when replacing existing files with --force.
    p.scaffold(POSTS).assert().success();
    p.write("app/posts/schema.ts", "// mine\n");
    p.write("app/posts/actions.ts", "// mine too\n");
    let before = p.snapshot();
    p.scaffold(&[POSTS, &["--force"]].concat())
        .env("SCAFFOLD_TEST_FAIL_AFTER", "1")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("injected failure after 1 files"));
    assert_eq!(before, p.snapshot());
}

#[test]
fn old_versions_warn() {
    let p = Project::next()
        .dep("next", "14.2.3")
        .dep("react", "18.3.1")
        .build();
    p.scaffold(POSTS)
        .assert()
        .success()
        .stderr(predicate::str::contains("next 14.2.3 is older than 15"))
        .stderr(predicate::str::contains(
            "useActionState and useOptimistic need React 19",
        ));
}

#[test]
fn next_steps_name_the_package_manager() {
    let p = Project::next()
        .without("zod")
        .without("server-only")
        .file("pnpm-lock.yaml", "lockfileVersion: '9.0'\n")
        .build();
    p.scaffold(POSTS)
        .assert()
        .success()
        .stdout(predicate::str::contains("pnpm add zod server-only"));
}

#[test]
fn completions_are_printed() {
    let p = Project::next().build();
    p.scaffold(&["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("_scaffold"));
}

/// Bad input: a clear one-line error, a non-zero exit, no panic, and not one byte changed.
#[test]
fn bad_input_is_refused_cleanly() {
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "dot-dot segment",
            &["new", "action", "../outside", "--yes"],
            "must stay inside the app directory",
        ),
        (
            "nested dot-dot",
            &["new", "action", "posts/../../x", "--yes"],
            "must stay inside",
        ),
        (
            "absolute segment",
            &["new", "action", "/etc/passwd", "--yes"],
            "is absolute",
        ),
        (
            "home segment",
            &["new", "action", "~/x", "--yes"],
            "is absolute",
        ),
        (
            "backslash",
            &["new", "action", "posts\\new", "--yes"],
            "backslash",
        ),
        (
            "nul byte",
            &["new", "action", "posts\u{1}x", "--yes"],
            "may only contain",
        ),
        (
            "empty part",
            &["new", "action", "posts//new", "--yes"],
            "empty folder name",
        ),
        (
            "empty segment",
            &["new", "action", "", "--yes"],
            "the segment is empty",
        ),
        (
            "parallel route",
            &["new", "action", "@modal/login", "--yes"],
            "parallel-route slot",
        ),
        (
            "intercepting route",
            &["new", "action", "(.)photo", "--yes"],
            "intercepting route",
        ),
        (
            "private folder",
            &["new", "action", "_lib", "--yes"],
            "private folder",
        ),
        (
            "only a group",
            &["new", "action", "(shop)", "--yes"],
            "has no URL part",
        ),
        (
            "api folder",
            &["new", "action", "api/posts", "--yes"],
            "route handlers live",
        ),
        (
            "duplicate param",
            &["new", "action", "a/[id]/b/[id]", "--yes"],
            "twice",
        ),
        (
            "after catch-all",
            &["new", "action", "docs/[...slug]/x", "--yes"],
            "catch-all",
        ),
        (
            "reserved action name",
            &["new", "action", "posts", "--name", "delete", "--yes"],
            "reserved word",
        ),
        (
            "reserved name default",
            &["new", "action", "posts", "--name", "class", "--yes"],
            "reserved word",
        ),
        (
            "non-ascii name",
            &["new", "action", "posts", "--name", "créer", "--yes"],
            "not a valid identifier",
        ),
        (
            "empty name",
            &["new", "action", "posts", "--name", "", "--yes"],
            "is empty",
        ),
        (
            "long name",
            &[
                "new",
                "action",
                "posts",
                "--name",
                "createAVeryLongActionNameThatNeverEnds",
                "--yes",
            ],
            "longer than 30",
        ),
        (
            "duplicate field",
            &[
                "new", "action", "posts", "--field", "a", "--field", "a", "--yes",
            ],
            "given twice",
        ),
        (
            "id field",
            &["new", "action", "posts", "--field", "id:string", "--yes"],
            "set by the data layer",
        ),
        (
            "bad param name",
            &["new", "action", "posts/[class]", "--yes"],
            "reserved word",
        ),
        (
            "toggle without boolean",
            &[
                "new", "action", "todos", "--op", "toggle", "--field", "t:string", "--yes",
            ],
            "exactly one boolean",
        ),
        (
            "delete with fields",
            &[
                "new",
                "action",
                "posts/[id]",
                "--op",
                "delete",
                "--field",
                "t",
                "--yes",
            ],
            "takes no --field",
        ),
        (
            "update page without id",
            &[
                "new", "action", "posts", "--op", "update", "--page", "--yes",
            ],
            "needs the record id",
        ),
        (
            "bad resource",
            &["new", "action", "posts", "--resource", "9lives", "--yes"],
            "--resource",
        ),
    ];
    let p = Project::next().build();
    for (what, args, expected) in cases {
        assert_refused(&p, what, args, expected);
    }
}

/// Exit 1, a clear first line naming the problem, no panic, and the project unchanged.
fn assert_refused(p: &Project, what: &str, args: &[&str], expected: &str) {
    let before = p.snapshot();
    let out = p.scaffold(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{what}: exit code; stderr: {stderr}"
    );
    assert!(stderr.starts_with("error: "), "{what}: {stderr}");
    assert!(
        stderr.lines().next().unwrap().contains(expected),
        "{what}: expected {expected:?} in the first line of {stderr:?}"
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{what}: {stderr}"
    );
    assert_eq!(before, p.snapshot(), "{what}: the project changed");
}

/// Malformed values that clap rejects before anything runs: usage errors, exit 2.
#[test]
fn malformed_flags_are_usage_errors() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["new", "action", "posts", "--field", "x:blob"],
            "unknown field type `blob`",
        ),
        (
            &["new", "action", "posts", "--field", "x:enum(a|"],
            "unknown field type",
        ),
        (
            &["new", "action", "posts", "--field", "x:enum(a|a)"],
            "appears twice",
        ),
        (
            &["new", "action", "posts", "--field", "x:enum()"],
            "must be non-empty",
        ),
        (
            &["new", "action", "posts", "--field", "x:string:min=5:max=2"],
            "greater than",
        ),
        (
            &["new", "action", "posts", "--field", "x:boolean:max=2"],
            "does not apply",
        ),
        (
            &[
                "new",
                "action",
                "posts",
                "--after",
                "redirect=https://evil.example",
            ],
            "path on this site",
        ),
        (
            &[
                "new",
                "action",
                "posts",
                "--after",
                "redirect=//evil.example",
            ],
            "path on this site",
        ),
        (
            &["new", "action", "posts", "--op", "upsert"],
            "invalid value 'upsert'",
        ),
        (
            &["new", "action", "posts", "--field", "default:string"],
            "reserved word",
        ),
        (
            &["new", "action", "posts", "--field", "my-field:string"],
            "not a valid identifier",
        ),
        (
            &["new", "action", "posts", "--field", "x:string:sometimes"],
            "unknown modifier",
        ),
        (
            &["new", "action", "posts", "--auth", "okta"],
            "invalid value 'okta'",
        ),
    ];
    let p = Project::next().build();
    let before = p.snapshot();
    for (args, expected) in cases {
        p.scaffold(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*expected));
    }
    assert_eq!(before, p.snapshot());
}

#[test]
fn project_problems_point_at_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("scaffold").unwrap();
    cmd.arg("--cwd")
        .arg(dir.path())
        .args(POSTS)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no Next.js project found: searched",
        ));

    let p = Project::next().build();
    p.write(
        "package.json",
        "{\n  \"dependencies\": {\n    \"next\": \"15.5.4\"\n    \"react\": \"19.1.0\"\n  }\n",
    );
    let before = p.snapshot();
    p.scaffold(POSTS)
        .assert()
        .code(1)
        .stderr(predicate::str::is_match(r"package\.json:\d+:\d+: invalid JSON").unwrap());
    assert_eq!(before, p.snapshot());

    let p = Project::next().build();
    p.write("tsconfig.json", "{ \"compilerOptions\": { \"paths\": ");
    p.scaffold(POSTS)
        .assert()
        .code(1)
        .stderr(predicate::str::is_match(r"tsconfig\.json:1:\d+: invalid JSON").unwrap());

    let p = Project::next().no_tsconfig().build();
    p.scaffold(POSTS)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("TypeScript only for now"));
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_project_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    let p = Project::next().build();
    std::os::unix::fs::symlink(outside.path(), p.path().join("app/posts")).unwrap();
    let before = p.snapshot();
    p.scaffold(POSTS).assert().code(1).stderr(
        predicate::str::contains("is a symlink")
            .and(predicate::str::contains("outside the project")),
    );
    assert_eq!(before, p.snapshot());
    assert!(
        std::fs::read_dir(outside.path()).unwrap().next().is_none(),
        "nothing written outside"
    );
}

#[test]
fn routes_are_written_with_their_env_example() {
    let p = Project::next().build();
    p.write(
        ".env.example",
        "# database\nDATABASE_URL=postgres://localhost/app",
    );
    p.scaffold(&[
        "new",
        "route",
        "webhooks/github",
        "--kind",
        "webhook",
        "--provider",
        "github",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains(
        "create  app/api/webhooks/github/route.ts",
    ))
    .stdout(predicate::str::contains("update  .env.example"));
    let env = p.read(".env.example");
    assert!(
        env.starts_with("# database\nDATABASE_URL=postgres://localhost/app\n\n# "),
        "{env}"
    );
    assert_eq!(env.matches("GITHUB_WEBHOOK_SECRET=").count(), 1);
    let route = p.read("app/api/webhooks/github/route.ts");
    assert!(
        route.contains("timingSafeEqual(a, b)") && route.contains("a.length === b.length"),
        "length check, then constant time"
    );
    assert!(route.contains("const body = await readBody(request, MAX_BODY_BYTES);"));
    assert!(
        route.find("readBody(request").unwrap() < route.find("JSON.parse").unwrap(),
        "verify the raw body before parsing"
    );
    assert!(
        p.read("lib/read-body.ts")
            .contains("await reader.cancel();"),
        "the bounded reader stops the upload"
    );

    // Again: identical route, and .env.example is not touched twice.
    p.scaffold(&[
        "new",
        "route",
        "webhooks/github",
        "--kind",
        "webhook",
        "--provider",
        "github",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains(
        "identical  app/api/webhooks/github/route.ts",
    ));
    assert_eq!(p.read(".env.example"), env);
    assert!(
        !p.path().join(".env").exists() && !p.path().join(".env.local").exists(),
        ".env files are never touched"
    );
    assert_parses(p.path());
}

#[test]
fn gitignore_keeps_the_env_example_and_hides_the_store() {
    // create-next-app's .gitignore hides every .env* file, the example too.
    let p = Project::next()
        .file(".gitignore", "/node_modules\n.env*\n")
        .build();
    p.scaffold(&[
        "--dry-run",
        "new",
        "route",
        "webhooks/slack",
        "--kind",
        "webhook",
        "--provider",
        "slack",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("+!.env.example"));
    assert_eq!(
        p.read(".gitignore"),
        "/node_modules\n.env*\n",
        "a dry run writes nothing"
    );
    p.scaffold(&[
        "new",
        "route",
        "webhooks/slack",
        "--kind",
        "webhook",
        "--provider",
        "slack",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("update  .gitignore"));
    p.scaffold(POSTS)
        .assert()
        .success()
        .stdout(predicate::str::contains("update  .gitignore"));
    let gitignore = p.read(".gitignore");
    assert!(
        gitignore.starts_with("/node_modules\n.env*\n\n# "),
        "{gitignore}"
    );
    assert_eq!(gitignore.matches("!.env.example").count(), 1);
    assert_eq!(gitignore.matches(".data/").count(), 1);
    // Nothing more to add the second time.
    p.scaffold(&[
        "new",
        "route",
        "webhooks/slack",
        "--kind",
        "webhook",
        "--provider",
        "slack",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains(".gitignore").not());
    assert_eq!(p.read(".gitignore"), gitignore);
}

#[test]
fn the_next_step_names_the_url_to_open() {
    let p = Project::next().build();
    p.scaffold(POSTS)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Start the dev server (`npm run dev`) and open http://localhost:3000/posts\n",
        ));
    p.scaffold(&[
        "new", "action", "posts/[id]/edit", "--op", "update", "--page", "--yes",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains(
        "open http://localhost:3000/posts/[id]/edit, with [id] replaced by the id of a post you can see",
    ));
}

#[test]
fn shadcn_components_are_used_where_present_and_the_rest_named() {
    let p = Project::next()
        .dep("tailwindcss", "^4")
        .file(
            "components.json",
            "{\n  \"style\": \"new-york\",\n  \"aliases\": { \"ui\": \"@/components/ui\" }\n}\n",
        )
        .file("components/ui/button.tsx", "export function Button() {}\n")
        // shadcn's Radix checkbox and select need JavaScript: never used.
        .file(
            "components/ui/checkbox.tsx",
            "export function Checkbox() {}\n",
        )
        .file("components/ui/select.tsx", "export function Select() {}\n")
        .build();
    p.scaffold(POSTS)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "shadcn/ui has no input, label, textarea in components/ui yet",
        ))
        .stdout(predicate::str::contains(
            "`npx shadcn@latest add input label textarea`",
        ));
    let form = p.read("app/posts/create-post-form.tsx");
    assert!(
        form.contains("import { Button } from \"@/components/ui/button\";"),
        "{form}"
    );
    assert!(
        form.contains("<Button type=\"submit\" disabled={pending} className=\"self-start\">"),
        "{form}"
    );
    // What is missing falls back to Tailwind classes, never to an import that fails.
    assert!(!form.contains("@/components/ui/input"), "{form}");
    assert!(
        form.contains("<input") && form.contains("className=\"rounded-md border"),
        "{form}"
    );
    assert!(
        !p.path()
            .join("app/posts/create-post-form.module.css")
            .exists()
    );

    p.scaffold(&[
        "new",
        "action",
        "tasks",
        "--field",
        "done:boolean",
        "--field",
        "kind:enum(a|b)",
        "--yes",
    ])
    .assert()
    .success();
    let tasks = p.read("app/tasks/create-task-form.tsx");
    assert!(
        !tasks.contains("Checkbox") && !tasks.contains("ui/select"),
        "{tasks}"
    );
    assert!(tasks.contains("type=\"checkbox\""), "{tasks}");
    for control in ["<input", "<select"] {
        let at = tasks.find(control).unwrap();
        // The opening tag ends on the first line that is only `/>` or `>`.
        let end = tasks[at..]
            .match_indices('\n')
            .map(|(i, _)| at + i + 1)
            .find(|&line| {
                matches!(
                    tasks[line..].lines().next().map(str::trim),
                    Some("/>" | ">")
                )
            })
            .unwrap();
        let element = &tasks[at..end];
        assert!(
            element.contains("className=\""),
            "native {control} keeps its Tailwind classes: {element}"
        );
    }

    // --ui overrides the detection.
    p.scaffold(&[
        "new",
        "action",
        "notes",
        "--field",
        "text:string",
        "--ui",
        "plain",
        "--yes",
    ])
    .assert()
    .success();
    let plain = p.read("app/notes/create-note-form.tsx");
    assert!(
        plain.contains("import styles from \"./create-note-form.module.css\";"),
        "{plain}"
    );
    assert!(!plain.contains("@/components/ui"), "{plain}");
    assert_parses(p.path());
}

#[test]
fn stripe_needs_its_package() {
    let p = Project::next().file("yarn.lock", "").build();
    p.scaffold(&[
        "new",
        "route",
        "webhooks/stripe",
        "--kind",
        "webhook",
        "--provider",
        "stripe",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("yarn add stripe"));
}

#[test]
fn api_routes_check_bearer_tokens_and_cors() {
    let p = Project::next().build();
    p.scaffold(&[
        "new",
        "route",
        "/api/v1/posts/[id]",
        "--kind",
        "api",
        "--auth",
        "bearer",
        "--cors",
        "https://app.example.com",
        "--field",
        "title",
    ])
    .assert()
    .success();
    let route = p.read("app/api/v1/posts/[id]/route.ts");
    for method in ["GET", "PATCH", "DELETE", "OPTIONS"] {
        assert!(
            route.contains(&format!("export async function {method}("))
                || route.contains(&format!("export function {method}(")),
            "{method}"
        );
    }
    assert!(
        !route.contains("export async function POST"),
        "POST belongs to the collection"
    );
    assert!(
        route.contains("params: Promise<{ id: string }>"),
        "Next 15 async params"
    );
    assert!(route.contains("timingSafeEqual(digest(token), digest(key))"));
    assert!(route.contains("Vary: \"Origin\"") || route.contains("Vary: Origin"));
    assert!(!route.contains("\"*\""), "never a wildcard origin");
    assert!(
        p.read(".env.example")
            .contains("CORS_ALLOWED_ORIGINS=https://app.example.com")
    );
    assert!(p.read(".env.example").contains("POSTS_API_KEY="));
    assert_parses(p.path());
}

#[test]
fn route_refusals() {
    let p = Project::next().build();
    let before = p.snapshot();
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["new", "route", "v1/posts", "--kind", "api", "--cors", "*"],
            2,
            "`*` is never written",
        ),
        (
            &[
                "new",
                "route",
                "v1/posts",
                "--kind",
                "api",
                "--cors",
                "https://a.example/path",
            ],
            2,
            "no path",
        ),
        (
            &[
                "new",
                "route",
                "v1/posts",
                "--kind",
                "api",
                "--methods",
                "GET,OPTIONS",
            ],
            2,
            "OPTIONS is written for you",
        ),
        (
            &[
                "new",
                "route",
                "v1/posts",
                "--kind",
                "api",
                "--auth",
                "none",
                "--methods",
                "PUT",
            ],
            1,
            "end the path with a parameter",
        ),
        (
            &[
                "new",
                "route",
                "v1/posts/[id]",
                "--kind",
                "api",
                "--auth",
                "none",
                "--methods",
                "POST",
            ],
            1,
            "POST creates in a collection",
        ),
        (
            &[
                "new",
                "route",
                "hooks/[id]",
                "--kind",
                "webhook",
                "--provider",
                "github",
            ],
            1,
            "one fixed URL",
        ),
        (
            &[
                "new",
                "route",
                "v1/posts",
                "--kind",
                "api",
                "--provider",
                "github",
            ],
            1,
            "--provider applies to --kind webhook",
        ),
        (
            &["new", "route", "events", "--kind", "stream", "--field", "a"],
            1,
            "--format csv",
        ),
        (
            &["new", "route", "../escape", "--kind", "api"],
            1,
            "must stay inside",
        ),
        (
            &[
                "new", "route", "hooks", "--kind", "webhook", "--events", "a,,b",
            ],
            2,
            "must be letters",
        ),
        (&["new", "route", "v1/posts"], 1, "--caller (or --kind)"),
    ];
    for (args, code, expected) in cases {
        p.scaffold(args)
            .assert()
            .code(*code)
            .stderr(predicate::str::contains(*expected));
    }
    assert_eq!(before, p.snapshot());
}

#[test]
fn the_app_itself_is_pointed_to_an_action() {
    let p = Project::next().build();
    p.scaffold(&[
        "new",
        "route",
        "api/posts",
        "--caller",
        "this-app",
        "--json",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("\"verdict\": \"use-action\""))
    .stdout(predicate::str::contains("scaffold new action posts"));
}

#[test]
fn stripe_events_are_checked_against_the_installed_sdk() {
    let declarations = "export interface CheckoutSessionCompletedEvent {\n  type: 'checkout.session.completed';\n}\nexport interface InvoicePaidEvent {\n  type: 'invoice.paid';\n}\n";
    let p = Project::next()
        .dep("stripe", "23.1.0")
        .file(
            "node_modules/stripe/esm/resources/Events.d.ts",
            declarations,
        )
        .build();
    let before = p.snapshot();
    p.scaffold(&[
        "new",
        "route",
        "webhooks/stripe",
        "--kind",
        "webhook",
        "--provider",
        "stripe",
        "--events",
        "invoice.payed",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains(
        "Stripe sends no event `invoice.payed`",
    ))
    .stderr(predicate::str::contains("did you mean `invoice.paid`?"));
    assert_eq!(before, p.snapshot());
    p.scaffold(&[
        "new",
        "route",
        "webhooks/stripe",
        "--kind",
        "webhook",
        "--provider",
        "stripe",
        "--events",
        "invoice.paid",
    ])
    .assert()
    .success();
}

/// `migrate route-to-action` on files and arguments it cannot work with: a clear first
/// line, exit 1, and nothing changed.
#[test]
fn migrate_bad_input_is_refused_cleanly() {
    let p = Project::next().build();
    let route = "import { NextResponse } from \"next/server\";\n\nexport async function POST() {\n  return NextResponse.json({ ok: true });\n}\n";
    p.write("app/api/ok/route.ts", route);
    p.write("app/api/empty/route.ts", "");
    p.write("app/api/blank/route.ts", "\n  \n");
    p.write(
        "app/api/broken/route.ts",
        "export async function POST( {\n  return;\n",
    );
    p.write("app/api/js/route.js", "export async function POST() {}\n");
    p.write("app/api/none/route.ts", "export const x = 1;\n");
    p.write(
        "app/api/reads/route.ts",
        "export async function GET() {\n  return Response.json([]);\n}\n",
    );
    p.write(
        "app/notes/page.tsx",
        "export default function Page() {\n  return null;\n}\n",
    );
    p.write("app/api/binary/route.ts", "");
    std::fs::write(
        p.path().join("app/api/binary/route.ts"),
        [
            b"export const a = \"".as_slice(),
            &[0xff, 0xfe, 0x00],
            b"\";\n",
        ]
        .concat(),
    )
    .unwrap();
    std::fs::create_dir_all(p.path().join("app/api/huge")).unwrap();
    std::fs::write(
        p.path().join("app/api/huge/route.ts"),
        format!("{route}// {}\n", "x".repeat(5 * 1024 * 1024)),
    )
    .unwrap();
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "not UTF-8",
            &["app/api/binary/route.ts"],
            "is not UTF-8 text",
        ),
        ("empty", &["app/api/empty/route.ts"], "is empty"),
        ("only whitespace", &["app/api/blank/route.ts"], "is empty"),
        ("huge", &["app/api/huge/route.ts"], "over 4 MiB"),
        (
            "syntax error",
            &["app/api/broken/route.ts"],
            "app/api/broken/route.ts:2:9:",
        ),
        (
            "no handler",
            &["app/api/none/route.ts"],
            "exports no route handler",
        ),
        (
            "JavaScript route",
            &["app/api/js/route.js"],
            "TypeScript routes only",
        ),
        (
            "a page, not a route",
            &["app/notes/page.tsx"],
            "is not a route handler",
        ),
        ("a folder", &["app/api/ok"], "no such file"),
        (
            "missing file",
            &["app/api/missing/route.ts"],
            "no such file",
        ),
        (
            "unknown URL",
            &["/api/missing"],
            "no route handler for /api/missing",
        ),
        ("URL with ..", &["/api/../etc"], "must stay inside"),
        ("empty argument", &[""], "the route is empty"),
        (
            "outside the project",
            &["../outside/route.ts"],
            "no such file",
        ),
        (
            "--to outside the project",
            &["app/api/ok/route.ts", "--force", "--to", "../elsewhere.ts"],
            "is outside the project",
        ),
        (
            "--to not TypeScript",
            &["app/api/ok/route.ts", "--force", "--to", "notes.md"],
            "must be a .ts file",
        ),
        (
            "--to a client component",
            &[
                "app/api/ok/route.ts",
                "--force",
                "--to",
                "app/notes/page.tsx",
            ],
            "is not a 'use server' module",
        ),
        ("only GET", &["app/api/reads/route.ts"], "stays a route"),
    ];
    for (what, args, expected) in cases {
        let mut argv = vec!["migrate", "route-to-action"];
        argv.extend_from_slice(args);
        assert_refused(&p, what, &argv, expected);
    }
}

/// 2 KB that oxc 0.146 needs 30 s and 2 GB to parse (found by fuzzing): the migration gives
/// up at its deadline with a clear error, instead of hanging, and writes nothing.
#[test]
fn migrate_gives_up_on_a_parser_worst_case() {
    let p = Project::next().build();
    let input = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/migrate/parser-worst-case.txt"),
    )
    .unwrap();
    p.write("app/api/x/route.ts", "");
    std::fs::write(p.path().join("app/api/x/route.ts"), input).unwrap();
    let before = p.snapshot();
    let started = std::time::Instant::now();
    let out = p
        .scaffold(&["migrate", "route-to-action", "app/api/x/route.ts"])
        .env("SCAFFOLD_PARSE_DEADLINE_SECS", "2")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(started.elapsed().as_secs() < 10);
    assert!(
        stderr.starts_with(
            "error: gave up after 2 s: the TypeScript parser is stuck on app/api/x/route.ts"
        ),
        "{stderr}"
    );
    assert_eq!(before, p.snapshot());
}

#[test]
fn cache_components_projects_get_output_next_16_builds() {
    let config = "import type { NextConfig } from \"next\";\n\nconst nextConfig: NextConfig = {\n  cacheComponents: true,\n};\n\nexport default nextConfig;\n";
    let p = Project::next()
        .dep("next", "16.4.3")
        .file("next.config.ts", config)
        .build();
    p.scaffold(&[
        "new",
        "route",
        "exports/orders",
        "--kind",
        "stream",
        "--format",
        "csv",
        "--yes",
    ])
    .assert()
    .success();
    let csv = p.read("app/api/exports/orders/route.ts");
    assert!(!csv.contains("export const runtime"), "{csv}");
    assert!(!csv.contains("export const dynamic"), "{csv}");
    assert!(csv.contains("await connection();"), "never prerendered");

    p.scaffold(POSTS).assert().success();
    let page = p.read("app/posts/page.tsx");
    assert!(page.contains("export const instant = false;"), "{page}");
    let actions = p.read("app/posts/actions.ts");
    assert!(actions.contains("return deliver("), "{actions}");
    assert!(p.path().join("lib/form-state.ts").is_file());
    assert_parses(p.path());
}

#[test]
fn next_15_and_16_without_cache_components_keep_segment_config() {
    for (next, config) in [
        ("15.5.4", None),
        (
            "16.4.3",
            Some("export default { cacheComponents: false };\n"),
        ),
    ] {
        let mut builder = Project::next().dep("next", next);
        if let Some(config) = config {
            builder = builder.file("next.config.mjs", config);
        }
        let p = builder.build();
        p.scaffold(&[
            "new", "route", "events", "--kind", "stream", "--format", "sse", "--yes",
        ])
        .assert()
        .success();
        let sse = p.read("app/api/events/route.ts");
        assert!(
            sse.contains("export const dynamic = \"force-dynamic\";"),
            "{next}"
        );
        p.scaffold(POSTS).assert().success();
        assert!(!p.read("app/posts/page.tsx").contains("instant"), "{next}");
        // Post/Redirect/Get serves every project, with or without Cache Components.
        assert!(p.path().join("lib/form-state.ts").exists(), "{next}");
    }
}

#[test]
fn unknown_settings_and_future_majors_are_warned_about() {
    let p = Project::next()
        .dep("next", "17.0.0")
        .file(
            "next.config.ts",
            "export default { cacheComponents: process.env.CC === \"1\" };\n",
        )
        .build();
    p.scaffold(POSTS)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "next 17.0.0 is newer than scaffold knows",
        ))
        .stderr(predicate::str::contains(
            "next.config.ts sets cacheComponents from an expression",
        ));
    assert!(
        p.read("app/posts/page.tsx")
            .contains("export const instant = false;")
    );
}

#[test]
fn a_drizzle_model_gives_the_fields_and_the_queries() {
    let p = common::drizzle_project();
    p.scaffold(&["new", "action", "posts", "--page", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "note: data.ts queries posts (src/db/schema.ts:9) with Drizzle, scoped by its owner column `authorId`",
        ));
    let data = p.read("src/app/posts/data.ts");
    assert!(
        data.contains("import { posts } from \"@/db/schema\";"),
        "{data}"
    );
    assert!(
        data.contains(".where(eq(posts.authorId, ownerId))"),
        "{data}"
    );
    let schema = p.read("src/app/posts/schema.ts");
    for field in [
        "title:",
        "slug:",
        "body:",
        "status:",
        "published:",
        "publishedOn:",
        "price:",
    ] {
        assert!(schema.contains(field), "{field} missing from\n{schema}");
    }
    assert!(
        !schema.contains("authorId"),
        "the owner comes from the session"
    );
    // No development store, and nothing added to .gitignore for it.
    assert!(!p.path().join("src/lib/dev-store.ts").exists());
    assert!(!p.path().join(".gitignore").exists());
    assert_parses(p.path());
}

#[test]
fn model_mistakes_are_named_and_nothing_is_written() {
    let p = common::drizzle_project();
    let before = p.snapshot();
    p.scaffold(&["new", "action", "posts", "--model", "Nope", "--yes"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "src/db/schema.ts has no model `Nope` (it has: users, posts)",
        ));
    p.scaffold(&["new", "action", "posts", "--field", "color:string", "--yes"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("posts has no column `color`"));
    p.scaffold(&["new", "action", "posts", "--field", "title:string", "--yes"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("the form would not set it"))
        .stderr(predicate::str::contains("slug"));
    p.scaffold(&[
        "new",
        "action",
        "posts",
        "--owner-column",
        "published",
        "--yes",
    ])
    .assert()
    .failure()
    .stderr(predicate::str::contains(
        "posts.published is the owner column but is not text",
    ));
    p.scaffold(&["new", "action", "posts", "--owner-column", "title", "--yes"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "posts requires authorId on insert",
        ));
    assert_eq!(before, p.snapshot(), "refusals write nothing");
    p.scaffold(&[
        "new",
        "action",
        "posts",
        "--owner-column",
        "authorId",
        "--yes",
    ])
    .assert()
    .success();
    p.scaffold(&[
        "new",
        "action",
        "notes",
        "--model",
        "posts",
        "--dev-store",
        "--yes",
    ])
    .assert()
    .failure()
    .stderr(predicate::str::contains("cannot be used with"));
    assert_ne!(
        before,
        p.snapshot(),
        "the --owner-column run wrote its files"
    );
}

#[test]
fn dev_store_keeps_the_json_store_and_says_so() {
    let p = common::drizzle_project();
    p.scaffold(&["new", "action", "posts", "--dev-store", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("not in Drizzle; do not deploy it"));
    assert!(p.read("src/app/posts/data.ts").contains("readRows"));
    assert!(p.path().join("src/lib/dev-store.ts").is_file());
}
