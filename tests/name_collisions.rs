//! Names the user picks (resource, action, fields, segment) against every identifier the
//! templates declare: whatever the tool accepts must produce files without a clashing
//! declaration. oxc's semantic checker reports what `next build` would reject
//! ("Identifier 'items' has already been declared"); shadowed imports are caught by tsc
//! in the e2e collision variants.

mod common;

use clap::Parser;
use common::Project;
use oxc_allocator::Allocator;
use oxc_parser::Parser as OxcParser;
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;
use proptest::prelude::*;
use scaffold::ask::{Gathered, Mode, gather_action};
use scaffold::cli::{Cli, Command, New};
use scaffold::plan::Change;

/// Every name a template declares or imports, in any generated file.
const TEMPLATE_NAMES: &[&str] = &[
    "items",
    "item",
    "addItem",
    "addPending",
    "Item",
    "initialState",
    "Props",
    "id",
    "state",
    "formAction",
    "values",
    "FieldError",
    "SubmitButton",
    "session",
    "userId",
    "params",
    "lastSubmit",
    "data",
    "notFound",
    "auth",
    "submitted",
    "deliver",
    "parsed",
    "found",
    "z",
    "revalidatePath",
    "redirect",
    "COLLECTION",
    "Row",
    "toRecord",
    "readRows",
    "writeRows",
    "randomUUID",
    "list",
    "find",
    "insert",
    "update",
    "remove",
    "optimistic",
    "setOptimistic",
    "useActionState",
    "useOptimistic",
    "useId",
    "useFormStatus",
    "pending",
    "error",
    "createClient",
    "supabase",
    "user",
    "prevState",
    "formData",
    "rows",
    "row",
];

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(TEMPLATE_NAMES).prop_map(str::to_string),
        // Plurals and capitalised forms reach other declarations (`Items`, `itemsState`).
        prop::sample::select(TEMPLATE_NAMES).prop_map(|n| format!("{n}s")),
    ]
}

fn argv() -> impl Strategy<Value = Vec<String>> {
    (
        name(),
        prop::option::of(name()),
        prop::option::of(name()),
        prop::collection::vec(name(), 1..3),
        prop::sample::select(&["create", "update", "delete", "toggle"][..]),
        prop::sample::select(&["next-auth", "clerk", "supabase", "none"][..]),
        any::<bool>(),
    )
        .prop_map(
            |(segment, resource, action, fields, op, auth, optimistic)| {
                let segment = if matches!(op, "update" | "delete") {
                    format!("{segment}/[id]")
                } else {
                    segment
                };
                let mut argv = vec![
                    "new", "action", &segment, "--op", op, "--auth", auth, "--page",
                ]
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>();
                if let Some(r) = resource {
                    argv.extend(["--resource".into(), r]);
                }
                if let Some(a) = action {
                    argv.extend(["--name".into(), a]);
                }
                for (i, f) in fields.iter().enumerate() {
                    let ty = if op == "toggle" && i == 0 {
                        "boolean"
                    } else {
                        "string"
                    };
                    argv.extend(["--field".into(), format!("{f}:{ty}")]);
                }
                if !optimistic {
                    argv.push("--no-optimistic".into());
                }
                argv
            },
        )
}

/// The first semantic error (a redeclaration, mostly) of a TypeScript file, if any.
fn semantic_error(path: &str, source: &str) -> Option<String> {
    let allocator = Allocator::default();
    let source_type = SourceType::from_path(path).ok()?;
    let parsed = OxcParser::new(&allocator, source, source_type).parse();
    if let Some(e) = parsed.diagnostics.errors().next() {
        return Some(e.to_string());
    }
    let semantic = SemanticBuilder::new()
        .with_check_syntax_error(true)
        .build(&parsed.program);
    semantic
        .diagnostics
        .errors()
        .next()
        .map(ToString::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn accepted_names_never_clash_with_template_names(argv in argv()) {
        let p = Project::next().build();
        let project = scaffold::project::Project::discover(p.path()).unwrap();
        let args = std::iter::once("scaffold".to_string()).chain(argv.iter().cloned());
        let cli = Cli::try_parse_from(args).unwrap();
        let Command::New(New::Action(action)) = cli.command else { unreachable!() };
        // A name the tool refuses is fine, as long as it says so.
        let Ok(Gathered::Action(spec)) = gather_action(action, &project, Mode::Defaults) else {
            return Ok(());
        };
        let Ok(plan) = scaffold::generate::action::plan(&spec, &project) else {
            return Ok(());
        };
        for op in &plan.ops {
            let (Change::Write(text) | Change::Merge(text)) = &op.change else { continue };
            let path = op.path.to_string_lossy();
            if let Some(error) = semantic_error(&path, text) {
                prop_assert!(false, "{}: {error}\nargv: {}\n{text}", path, argv.join(" "));
            }
        }
    }
}

/// Every template name as the resource, the action and a field, for each operation
/// (each with the auth library whose page declares the most): exhaustive where the
/// property test samples combinations.
#[test]
fn each_template_name_in_each_role() {
    let p = Project::next().build();
    let project = scaffold::project::Project::discover(p.path()).unwrap();
    let mut clashes = Vec::new();
    for name in TEMPLATE_NAMES
        .iter()
        .flat_map(|n| [n.to_string(), format!("{n}s")])
    {
        for (op, auth) in [
            ("create", "supabase"),
            ("update", "next-auth"),
            ("delete", "supabase"),
            ("toggle", "clerk"),
        ] {
            {
                for role in ["resource", "name", "field"] {
                    let base = if matches!(op, "update" | "delete") {
                        "things/[id]"
                    } else {
                        "things"
                    };
                    let segment = base.to_string();
                    let ty = if op == "toggle" { "boolean" } else { "string" };
                    let mut argv: Vec<String> = [
                        "scaffold", "new", "action", &segment, "--op", op, "--auth", auth, "--page",
                    ]
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
                    match role {
                        "resource" => argv.extend(["--resource".into(), name.clone()]),
                        "name" => argv.extend(["--name".into(), name.clone()]),
                        _ => {}
                    }
                    let field = if role == "field" {
                        name.clone()
                    } else {
                        "title".into()
                    };
                    argv.extend(["--field".into(), format!("{field}:{ty}")]);
                    let cli = Cli::try_parse_from(&argv).unwrap();
                    let Command::New(New::Action(action)) = cli.command else {
                        unreachable!()
                    };
                    let Ok(Gathered::Action(spec)) =
                        gather_action(action, &project, Mode::Defaults)
                    else {
                        continue;
                    };
                    let Ok(plan) = scaffold::generate::action::plan(&spec, &project) else {
                        continue;
                    };
                    for op_ in &plan.ops {
                        let (Change::Write(text) | Change::Merge(text)) = &op_.change else {
                            continue;
                        };
                        let path = op_.path.to_string_lossy();
                        if let Some(error) = semantic_error(&path, text) {
                            clashes.push(format!(
                                "{role} {name} ({op}, {auth}): {}: {error}",
                                path.rsplit('/').next().unwrap_or_default()
                            ));
                        }
                    }
                }
            }
        }
    }
    clashes.sort();
    clashes.dedup();
    assert!(
        clashes.is_empty(),
        "{} clashes:\n{}",
        clashes.len(),
        clashes.join("\n")
    );
}

/// Resource names apps really have are accepted and generate clash-free code.
#[test]
fn common_resource_names_are_accepted() {
    let p = Project::next().build();
    let project = scaffold::project::Project::discover(p.path()).unwrap();
    for resource in ["items", "users", "sessions", "entries", "tasks", "data"] {
        for (op, auth, segment) in [
            ("create", "next-auth", resource.to_string()),
            ("update", "supabase", format!("{resource}/[id]/edit")),
            ("delete", "next-auth", format!("{resource}/[id]")),
            ("toggle", "clerk", resource.to_string()),
        ] {
            let mut argv = vec![
                "scaffold", "new", "action", &segment, "--op", op, "--auth", auth, "--page",
            ];
            match op {
                "toggle" => argv.extend(["--field", "done:boolean"]),
                "delete" => {}
                _ => argv.extend(["--field", "title"]),
            }
            let cli = Cli::try_parse_from(&argv).unwrap();
            let Command::New(New::Action(action)) = cli.command else {
                unreachable!()
            };
            let Ok(Gathered::Action(spec)) = gather_action(action, &project, Mode::Defaults) else {
                panic!("{argv:?} was refused before generating");
            };
            if let Err(e) = scaffold::generate::action::plan(&spec, &project) {
                panic!("{}: {e}", argv.join(" "));
            }
        }
    }
}
