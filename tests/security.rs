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
                let findings = scaffold::invariants::audit(&op.path, text);
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

/// Every function of a model-backed data module takes the owner first and uses it in its
/// query; the generated files keep the audit's invariants.
#[test]
fn model_backed_data_modules_scope_every_query_by_the_owner() {
    use oxc_allocator::Allocator;
    use oxc_ast::ast::{Declaration, Statement};
    use oxc_span::{GetSpan, SourceType};

    let cases = [
        (common::drizzle_project(), "posts", "posts"),
        (common::prisma_project(), "notes", "Note"),
    ];
    let mut functions = 0;
    for (project, segment, model) in &cases {
        for (op, dir) in [
            ("create", segment.to_string()),
            ("update", format!("{segment}/[id]/edit")),
            ("delete", format!("{segment}/[id]")),
            ("toggle", format!("{segment}/flip")),
        ] {
            let argv = [
                "new", "action", &dir, "--model", model, "--op", op, "--page",
            ];
            for change in plan_for(project.path(), &argv).ops {
                let (Change::Write(text) | Change::Merge(text)) = &change.change else {
                    continue;
                };
                let findings = scaffold::invariants::audit(&change.path, text);
                assert!(
                    findings.is_empty(),
                    "{}: {findings:?}",
                    change.path.display()
                );
                if !change.path.ends_with("data.ts") {
                    continue;
                }
                let allocator = Allocator::default();
                let parsed = oxc_parser::Parser::new(&allocator, text, SourceType::ts()).parse();
                assert!(parsed.diagnostics.errors().next().is_none(), "{text}");
                for statement in &parsed.program.body {
                    let Statement::ExportDeclaration(export) = statement else {
                        continue;
                    };
                    let Declaration::FunctionDeclaration(f) = &export.declaration else {
                        continue;
                    };
                    let name = f.id.as_ref().unwrap().name.as_str();
                    let first = &f.params.items[0];
                    assert_eq!(
                        &text[first.span().start as usize..first.span().end as usize],
                        "ownerId: string",
                        "{name} in {}",
                        change.path.display()
                    );
                    let body = f.body.as_ref().unwrap().span();
                    let body = &text[body.start as usize..body.end as usize];
                    assert!(
                        body.contains("ownerId"),
                        "{name} in {} ignores its owner:\n{body}",
                        change.path.display()
                    );
                    functions += 1;
                }
            }
        }
    }
    // list, find and the write of each of the four operations, in both ORMs.
    assert_eq!(functions, 2 * 4 * 3);
}
