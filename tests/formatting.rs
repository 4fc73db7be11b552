//! The project's formatting settings as a user meets them: read from its config without
//! running anything, the installed formatter run on exactly the files written where only
//! it can say how they look, `--no-format`, and configs that cannot be read.
//! (`tests/e2e/format-matrix.mjs` checks the output with the real prettier and Biome.)

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
    "--auth",
    "none",
    "--page",
    "--yes",
];

/// A stand-in for an installed prettier: its API as scaffold calls it, marking each file
/// it formats, and recording the paths so a test can see exactly which files it was given.
const STUB_PRETTIER: &str = r#"
const fs = require("node:fs");
const path = require("node:path");
const log = path.join(__dirname, "calls.log");
module.exports = {
  version: "3.99.0-stub",
  async getFileInfo(file) {
    return { ignored: file.includes("ignored"), inferredParser: "typescript" };
  },
  async resolveConfig() {
    return { printWidth: 120 };
  },
  async check(text) {
    return !text.includes("UNFORMATTED");
  },
  async format(text, options) {
    if (process.env.STUB_PRETTIER_FAIL) throw new Error("SyntaxError: stub failure");
    fs.appendFileSync(log, options.filepath + "\n");
    return "// formatted by the stub\n" + text;
  },
};
"#;

fn with_stub_prettier(builder: common::Builder) -> Project {
    builder
        .file(".prettierrc.json", r#"{ "printWidth": 120 }"#)
        .file(
            "node_modules/prettier/package.json",
            r#"{ "name": "prettier", "version": "3.99.0-stub", "main": "index.js" }"#,
        )
        .file("node_modules/prettier/index.js", STUB_PRETTIER)
        .build()
}

#[test]
fn a_static_config_is_followed_without_running_a_formatter() {
    let p = Project::next()
        .file(
            ".prettierrc",
            "semi: false\nsingleQuote: true\nuseTabs: true\n",
        )
        .file(".editorconfig", "root = true\n[*]\nindent_style = space\n")
        .build();
    let started = Instant::now();
    p.scaffold(POSTS)
        .assert()
        .success()
        .stdout(predicate::str::contains("formatted").not());
    assert!(started.elapsed() < Duration::from_secs(5));
    let actions = p.read("app/posts/actions.ts");
    assert!(actions.starts_with("'use server'\n"), "{actions}");
    assert!(actions.contains("\n\tconst values = "), "{actions}");
    for line in actions.lines() {
        assert!(!line.ends_with(';'), "a semicolon survived: {line:?}");
        assert!(
            !line.starts_with("  "),
            "space indentation survived: {line:?}"
        );
    }
    let form = p.read("app/posts/create-post-form.tsx");
    assert!(form.contains("from 'react'"), "{form}");
    assert_parses(p.path());
}

#[test]
fn the_installed_formatter_formats_exactly_the_written_files() {
    let p = with_stub_prettier(Project::next());
    let out = p.scaffold(POSTS).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.contains(
            "with the project's prettier 3.99.0-stub: .prettierrc.json sets printWidth 120"
        ),
        "{stdout}"
    );
    let calls = p.read("node_modules/prettier/calls.log");
    let mut called: Vec<&str> = calls
        .lines()
        .map(|l| l.strip_prefix(p.path().to_str().unwrap()).unwrap())
        .collect();
    called.sort();
    assert_eq!(
        called,
        [
            "/app/posts/actions.ts",
            "/app/posts/create-post-form.module.css",
            "/app/posts/create-post-form.tsx",
            "/app/posts/data.ts",
            "/app/posts/page.tsx",
            "/app/posts/schema.ts",
            "/lib/dev-store.ts",
            "/lib/form-state.ts",
        ],
        "only the written code files, never .env.example or the layout"
    );
    assert!(
        p.read("app/posts/actions.ts")
            .starts_with("// formatted by the stub\n")
    );
    assert!(!p.read("app/layout.tsx").contains("formatted by the stub"));
}

#[test]
fn a_dry_run_shows_the_formatted_files_and_no_format_turns_it_off() {
    let p = with_stub_prettier(Project::next());
    let before = p.snapshot();
    p.scaffold(&[&["--dry-run"], POSTS].concat())
        .assert()
        .success()
        .stdout(predicate::str::contains("+// formatted by the stub"));
    let mut after = p.snapshot();
    after.remove(std::path::Path::new("node_modules/prettier/calls.log"));
    assert_eq!(before, after, "a dry run writes nothing");

    p.scaffold(&[&["--no-format"], POSTS].concat())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "may not match your prettier settings",
        ))
        .stdout(predicate::str::contains("--no-format"))
        .stdout(predicate::str::contains(
            "npx prettier --write app/posts/schema.ts",
        ));
    assert!(
        !p.read("app/posts/actions.ts")
            .contains("formatted by the stub")
    );
}

#[test]
fn a_failing_formatter_is_a_warning_and_the_files_are_still_written() {
    let p = with_stub_prettier(Project::next());
    p.scaffold(POSTS)
        .env("STUB_PRETTIER_FAIL", "1")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "the project's prettier could not format app/posts/actions.ts (SyntaxError: stub failure)",
        ));
    assert!(
        p.read("app/posts/actions.ts")
            .starts_with("\"use server\";")
    );
}

#[test]
fn a_wider_config_without_an_installed_formatter_names_the_command() {
    let p = Project::next()
        .file("package.json", r#"{ "dependencies": { "next": "15.5.4", "react": "19.1.0", "zod": "^4.1.0" }, "prettier": { "printWidth": 100 } }"#)
        .build();
    p.scaffold(POSTS)
        .assert()
        .success()
        .stdout(predicate::str::contains("package.json sets printWidth 100"))
        .stdout(predicate::str::contains("prettier is not installed"))
        .stdout(predicate::str::contains(
            "Format the new code: `npx prettier --write",
        ));
}

#[test]
fn an_unreadable_config_is_a_warning_and_prettier_defaults_are_kept() {
    let p = Project::next().file(".prettierrc.json", "{ semi: ").build();
    p.scaffold(POSTS)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "the formatter configuration cannot be read",
        ))
        .stdout(predicate::str::contains(".prettierrc.json"));
    assert!(
        p.read("app/posts/actions.ts")
            .starts_with("\"use server\";\n")
    );
}

#[test]
fn biome_indents_with_tabs_unless_told_otherwise() {
    let p = Project::next()
        .file(
            "biome.json",
            r#"{ "javascript": { "formatter": { "quoteStyle": "single" } } }"#,
        )
        .build();
    p.scaffold(POSTS).assert().success();
    let schema = p.read("app/posts/schema.ts");
    assert!(schema.contains("from 'zod';"), "{schema}");
    assert!(schema.contains("\n\ttitle: "), "{schema}");
}

#[test]
fn route_handlers_follow_the_settings_too() {
    let p = Project::next()
        .dep("stripe", "^18.0.0")
        .file(
            ".prettierrc",
            "{\"semi\": false, \"singleQuote\": true, \"trailingComma\": \"none\"}",
        )
        .build();
    p.scaffold(&[
        "new",
        "route",
        "api/webhooks/stripe",
        "--caller",
        "webhook",
        "--provider",
        "stripe",
        "--yes",
    ])
    .assert()
    .success();
    let route = p.read("app/api/webhooks/stripe/route.ts");
    assert!(route.contains("import Stripe from 'stripe'\n"), "{route}");
    assert!(!route.contains(",\n)"), "no trailing commas: {route}");
    assert_parses(p.path());
}
