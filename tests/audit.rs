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
            Project::next().src().dep("next", "16.4.0").dep("zod", "^3.23.8").build(),
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
        let db = if project.path().join("src/db/index.ts").exists() { "src/db/index.ts" } else { "src/lib/prisma.ts" };
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
