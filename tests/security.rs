//! The security invariants of generated code (see `scaffold::audit`), checked over the
//! whole variant matrix of the e2e suite, in zod 3 and zod 4 projects and both layouts.

mod common;

use common::{Project, plan_for};
use scaffold::plan::Change;

fn matrix() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/e2e/variants.json"
    ))
    .unwrap();
    let variants: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    variants
        .iter()
        .map(|v| {
            let args = v["args"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect();
            (v["name"].as_str().unwrap().to_string(), args)
        })
        .collect()
}

#[test]
fn every_variant_keeps_the_security_invariants() {
    let projects = [
        ("zod4", Project::next().build()),
        (
            "zod3-src",
            Project::next().src().dep("zod", "^3.23.8").build(),
        ),
    ];
    let mut files = 0;
    for (label, project) in &projects {
        for (name, args) in matrix() {
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            for op in plan_for(project.path(), &argv).ops {
                let (Change::Write(text) | Change::Merge(text)) = &op.change else {
                    continue;
                };
                files += 1;
                let findings = scaffold::audit::audit(&op.path, text);
                assert!(
                    findings.is_empty(),
                    "{label} {name} {}: {findings:?}\n{text}",
                    op.path.display()
                );
            }
        }
    }
    assert!(files > 100, "the matrix generated only {files} files");
}
