//! `scaffold audit`: the whole variant matrix of generated code audits clean; each rule
//! finds its seeded defect in the fixtures (`tests/audit/vulnerable`) and nothing in their
//! fixed twins (`tests/audit/fixed`); the report formats; no panics, same report twice.

mod common;

use std::path::Path;

use common::{Project, plan_for};
use proptest::prelude::*;
use scaffold::plan::Change;

fn audit(root: &Path) -> scaffold::audit::Report {
    let project = scaffold::project::Project::discover_to_read(root).unwrap();
    scaffold::audit::run(&project, &scaffold::audit::Options::default()).unwrap()
}

fn variants() -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/e2e/variants.json"
    ))
    .unwrap();
    let variants: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    variants
        .iter()
        .map(|v| {
            v["args"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

/// Writes every variant of the e2e matrix into one project, as the e2e suite does.
fn generate_all(project: &Project, extra: &[Vec<String>]) -> usize {
    let mut files = 0;
    for args in variants().iter().chain(extra) {
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        for op in plan_for(project.path(), &argv).ops {
            if let Change::Write(text) | Change::Merge(text) = &op.change {
                project.write(&op.path.to_string_lossy(), text);
                files += 1;
            }
        }
    }
    files
}

#[test]
fn the_generated_variant_matrix_audits_clean() {
    for (label, project) in [
        ("app", Project::next().dep("next", "16.4.0").build()),
        (
            "src zod3",
            Project::next()
                .src()
                .dep("next", "16.4.0")
                .dep("zod", "^3.23.8")
                .build(),
        ),
    ] {
        let files = generate_all(&project, &[]);
        assert!(files > 50, "{label}: only {files} files");
        let report = audit(project.path());
        assert!(
            report.findings.is_empty(),
            "{label}: the generated code has findings:\n{:#?}",
            report.findings
        );
        assert!(report.actions.len() >= 10, "{label}: {:#?}", report.actions);
        // The --auth none variant is public on purpose and says so in a suppression.
        assert!(
            report
                .actions
                .iter()
                .all(|a| a.auth == "checked" || a.file.contains("/public/")),
            "{label}: {:#?}",
            report.actions
        );
        assert!(report.routes.len() >= 5, "{label}: {:#?}", report.routes);
    }
}

#[test]
fn model_backed_actions_audit_clean() {
    for (project, model, segment) in [
        (common::drizzle_project(), "Post", "posts"),
        (common::prisma_project(), "Note", "notes"),
    ] {
        let extra: Vec<Vec<String>> = [
            ("create", segment.to_string()),
            ("update", format!("{segment}/[id]/edit")),
            ("delete", format!("{segment}/[id]")),
        ]
        .iter()
        .map(|(op, dir)| {
            ["new", "action", dir, "--model", model, "--op", op, "--page"]
                .iter()
                .map(|s| s.to_string())
                .collect()
        })
        .collect();
        // The fixture's own db module (not generated) is marked server-only, as it should be.
        let db = if project.path().join("src/db/index.ts").exists() {
            "src/db/index.ts"
        } else {
            "src/lib/prisma.ts"
        };
        let text = project.read(db);
        project.write(db, &format!("import \"server-only\";\n\n{text}"));
        for args in &extra {
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            for op in plan_for(project.path(), &argv).ops {
                if let Change::Write(text) | Change::Merge(text) = &op.change {
                    project.write(&op.path.to_string_lossy(), text);
                }
            }
        }
        let report = audit(project.path());
        // The fixture pins next 15.5.4, which has advisories: a true finding, not the
        // generated code's.
        let findings: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule != "vulnerable-version")
            .collect();
        assert!(findings.is_empty(), "{model}: {findings:#?}");
        assert_eq!(report.actions.len(), 3, "{:#?}", report.actions);
    }
}

/// A small app with one defect of each kind the CLI test needs.
fn defective() -> Project {
    Project::next()
        .dep("next", "16.4.0")
        .file(
            "lib/db.ts",
            "import \"server-only\";\n\nimport { drizzle } from \"drizzle-orm/node-postgres\";\n\nexport const db = drizzle(process.env.DATABASE_URL!);\n",
        )
        .file(
            "app/posts/post-buttons.tsx",
            "\"use client\";\n\nimport { deletePost, renamePost } from \"./actions\";\n\nexport function PostButtons({ id }: { id: string }) {\n  return (\n    <form action={renamePost}>\n      <button type=\"button\" onClick={() => deletePost(id)}>\n        Delete\n      </button>\n    </form>\n  );\n}\n",
        )
        .file(
            "app/posts/actions.ts",
            r#""use server";

import { redirect } from "next/navigation";

import { auth } from "@/auth";
import { db } from "@/lib/db";

export async function deletePost(id: string) {
  await db.execute(`delete from posts where id = ${id}`);
}

export async function renamePost(formData: FormData) {
  const session = await auth();
  if (!session) throw new Error("Unauthorized");
  const title = formData.get("title") as string;
  await db.execute(title);
  try {
    redirect("/posts");
  } catch (error) {
    console.error(error);
  }
}
"#,
        )
        .build()
}

fn scaffold_audit(project: &Project, args: &[&str]) -> (i32, String) {
    let out = project.scaffold(&["audit"]).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn the_cli_reports_fails_and_formats() {
    let project = defective();
    let (code, human) = scaffold_audit(&project, &[]);
    assert_eq!(code, 1, "{human}");
    for expected in [
        "error[action-auth] app/posts/actions.ts:8:23",
        "`deletePost` calls `db.execute` (9:9) without checking the session",
        "warning[action-unvalidated-argument] app/posts/actions.ts:8:34",
        "error[action-unvalidated-formdata] app/posts/actions.ts:15:17",
        "error[redirect-in-try] app/posts/actions.ts:18:5",
        "  why: ",
        "  fix: ",
        "app/posts/actions.ts:12  renamePost  [module, session: checked]",
        "3 errors, 1 warning, 0 notes",
    ] {
        assert!(
            human.contains(expected),
            "missing {expected:?} in:\n{human}"
        );
    }

    // JSON and SARIF carry the same findings.
    let (_, json) = scaffold_audit(&project, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["summary"]["errors"], 3);
    assert_eq!(json["findings"].as_array().unwrap().len(), 4);
    let (_, sarif) = scaffold_audit(&project, &["--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), scaffold::audit::RULES.len());
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let location = &r["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "app/posts/actions.ts");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 8);
    }

    // --fail-on decides the exit code; a PATH outside the findings reports nothing.
    let (code, _) = scaffold_audit(&project, &["lib", "--fail-on", "warning"]);
    assert_eq!(code, 0);
}

#[test]
fn suppressions_need_a_reason_and_name_a_rule() {
    let project = defective();
    let text = project.read("app/posts/actions.ts");
    let text = text
        .replace(
            "export async function deletePost",
            "// scaffold-audit-ignore action-auth, action-unvalidated-argument: called only by the admin job, which checks its token\nexport async function deletePost",
        )
        .replace(
            "  const title = ",
            "  // scaffold-audit-ignore action-unvalidated-formdata\n  const title = ",
        )
        .replace("  try {", "  // scaffold-audit-ignore no-such-rule: typo\n  try {");
    project.write("app/posts/actions.ts", &text);
    let (_, json) = scaffold_audit(&project, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rules: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(json["suppressed"], 2, "{json:#}");
    // Without a reason the formdata finding stays, and the comment is reported; an
    // unknown rule is reported too.
    assert_eq!(
        rules,
        [
            "ignore-without-reason",
            "action-unvalidated-formdata",
            "ignore-without-reason",
            "redirect-in-try"
        ],
        "{json:#}"
    );
}

#[test]
fn a_missing_project_is_an_error_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_scaffold"))
        .args(["audit", &dir.path().to_string_lossy()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no Next.js project found"));
}

/// Source made of the shapes the rules look at, in any order and nesting.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"use server\";\n".to_string()),
        Just("\"use client\";\n".to_string()),
        Just("import { db } from \"@/lib/db\";\n".to_string()),
        Just("import { redirect } from \"next/navigation\";\n".to_string()),
        Just("export async function a(formData: FormData) {\n".to_string()),
        Just("export const b = client.schema(s).action(async ({ parsedInput }) => {\n".to_string()),
        Just("const s = await auth();\n".to_string()),
        Just("if (!s) {\n".to_string()),
        Just("try {\n".to_string()),
        Just("} catch (e) {\n".to_string()),
        Just("}\n".to_string()),
        Just("});\n".to_string()),
        Just("redirect(\"/\");\n".to_string()),
        Just("await db.insert(x).values({ t: formData.get(\"userId\") });\n".to_string()),
        Just("schema.parse(Object.fromEntries(formData));\n".to_string()),
        Just("if (sig === process.env.SECRET) {}\n".to_string()),
        Just("h.set(\"Access-Control-Allow-Origin\", req.headers.get(\"origin\"));\n".to_string()),
        Just("await Promise.all([a(f), b(g)]);\n".to_string()),
        Just("helper(formData);\nfunction helper(f) { helper(f); }\n".to_string()),
        "[ -~]{0,12}".prop_map(|s| s),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any file: no panic, and the same findings twice.
    #[test]
    fn audit_never_panics_and_is_deterministic(parts in proptest::collection::vec(fragment(), 0..24), route in any::<bool>()) {
        let text: String = parts.concat();
        let path = if route { "app/api/x/route.ts" } else { "app/x/actions.tsx" };
        let first = scaffold::audit::check_file(Path::new(path), &text);
        let second = scaffold::audit::check_file(Path::new(path), &text);
        prop_assert_eq!(first, second);
    }
}

/// `tests/audit/vulnerable` seeds one defect per rule in the shapes of public apps (see
/// tests/audit/EXPECTED.md); `tests/audit/fixed` is the same app done right.
#[test]
fn fixtures_report_every_seeded_defect_and_nothing_once_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/audit");
    let mut vulnerable = audit(&dir.join("vulnerable"));
    for rule in scaffold::audit::RULES {
        if rule.id == "parse-error" {
            continue;
        }
        assert!(
            vulnerable.findings.iter().any(|f| f.rule == rule.id),
            "{} not found in the vulnerable fixture",
            rule.id
        );
    }
    let fixed = audit(&dir.join("fixed"));
    assert!(fixed.findings.is_empty(), "{:#?}", fixed.findings);
    assert_eq!(fixed.suppressed, 1);
    assert!(fixed.routes.iter().all(|r| r.verdict != "candidate"));

    // The whole report, as a reviewer reads it.
    vulnerable.root = "tests/audit/vulnerable".into();
    vulnerable.millis = 0;
    let mut text = Vec::new();
    scaffold::audit::report::human(&vulnerable, &mut text).unwrap();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.bind(|| {
        insta::assert_snapshot!("audit__vulnerable", String::from_utf8(text).unwrap());
    });
}

/// docs/audit.md documents every rule.
#[test]
fn every_rule_is_documented() {
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/audit.md")).unwrap();
    for rule in scaffold::audit::RULES {
        assert!(
            docs.contains(&format!("| `{}` |", rule.id)),
            "{} is not in docs/audit.md",
            rule.id
        );
    }
}
