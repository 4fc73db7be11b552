//! Turns the analysis and the scan into a verdict and a plan: where the action module goes,
//! the rewritten callers with their imports, and what happens to the route.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use oxc_allocator::Allocator;
use std::collections::{HashMap, HashSet};

use oxc_ast::ast::{ImportDeclarationSpecifier, Statement};
use oxc_span::Span;

use super::callers::{Anchor, CallerFile, Scan};
use super::edit::{Edit, render};
use super::route::{Analysis, ImportLine};
use super::{ActionOut, Callers, Migration, Reason, ReasonKind, Request, Verdict, ast, git, slash};
use crate::plan::Plan;
use crate::project::Project;
use crate::spec::Segment;
use crate::spec::segment::Part;

pub fn decide(
    request: &Request,
    project: &Project,
    segment: &Segment,
    url: String,
    analysis: Analysis,
    scan: Scan,
) -> Result<Migration> {
    let reasons = route_reasons(&analysis, Some(&scan), &slash(&request.route), &url);
    // An SWR / react-query key of a GET that stays is a reader of the route, not a reason.
    let keeps_get = analysis.kept_methods.iter().any(|m| m == "GET");
    let cache_readers: Vec<super::CallerOut> = scan
        .reasons
        .iter()
        .filter(|r| keeps_get && r.kind == ReasonKind::CacheKey)
        .map(|reason| super::CallerOut {
            location: reason.location.clone(),
            method: "GET".into(),
            action: None,
            why: Some("an SWR / react-query key of the GET, which stays in the route".into()),
            replacement: None,
        })
        .collect();
    let mut notes = analysis.notes.clone();
    notes.extend(scan.notes.iter().cloned());
    let callers = Callers {
        rewritten: scan.rewritten.clone(),
        manual: scan.manual.clone(),
        unchanged: scan
            .unchanged
            .iter()
            .cloned()
            .chain(cache_readers)
            .collect(),
    };
    let mut migration = Migration {
        route: request.route.clone(),
        url,
        verdict: Verdict::Refused,
        reasons,
        actions: Vec::new(),
        callers,
        notes,
        plan: Plan::default(),
    };
    if blocking(&migration.reasons, request.force) || analysis.actions.is_empty() {
        return Ok(migration);
    }
    migration
        .notes
        .extend(analysis.outcome_notes.iter().cloned());
    // Never an action without its handler's code: every action must have been emitted.
    let missing: Vec<&str> = analysis
        .actions
        .iter()
        .filter(|a| !analysis.declared.iter().any(|d| d == &a.name))
        .map(|a| a.name.as_str())
        .collect();
    if !missing.is_empty() {
        bail!(
            "internal error: the code of {} was not translated; nothing was written",
            missing.join(", ")
        );
    }

    if let Some(earlier) = &scan.earlier {
        return Ok(finish_earlier(request, migration, &analysis, earlier));
    }

    let target = action_module(request, project, segment, &scan);
    if !matches!(
        target.extension().and_then(|e| e.to_str()),
        Some("ts" | "tsx")
    ) {
        bail!(
            "--to {}: the action module must be a .ts file",
            slash(&target)
        );
    }
    let existing = project.root.join(&target);
    let module = if existing.is_file() {
        let current = super::read_source(&existing, &target)?;
        merge_module(&target, &current, &analysis, &request.route, project)?
    } else {
        new_module(&target, &analysis, &request.route, project)
    };
    let mut plan = Plan::default();
    if existing.is_file() {
        plan.merge(&target, module);
    } else {
        plan.write(&target, module);
    }
    // What other files imported from the route moves beside the actions.
    let shared_path = shared_module_path(&target);
    if let Some(shared) = &analysis.shared {
        if project.root.join(&shared_path).exists() {
            bail!(
                "{} exists: the declarations other files import from the route would move there; choose another folder for the actions with --to",
                slash(&shared_path)
            );
        }
        let mut text = String::new();
        for line in &shared.imports {
            text.push_str(&import_text(line, &request.route, &shared_path, project));
            text.push('\n');
        }
        for block in &shared.declarations {
            text.push('\n');
            text.push_str(block.trim_end());
            text.push('\n');
        }
        plan.write(&shared_path, text.trim_start().to_string());
    }
    for file in &scan.files {
        plan.merge(
            &file.path,
            rewrite_caller(file, &target, &shared_path, project)?,
        );
    }
    // Rewritten axios calls keep axios' contract through a small module of the project's.
    if scan.files.iter().any(|f| f.axios_helper.is_some()) {
        let helper = super::callers::axios_helper_path(project);
        let existing = project.root.join(&helper);
        if !existing.exists() {
            plan.write(&helper, super::callers::AXIOS_HELPER_SOURCE.to_string());
        } else if !super::callers::exports_axios_helper(
            &helper,
            &super::read_source(&existing, &helper)?,
        ) {
            bail!(
                "{} exists and does not export `axiosResponse`, which the rewritten axios calls need; rename that file or add the function",
                slash(&helper)
            );
        }
    }

    // The route: removed when nothing stays and nobody still calls it.
    let manual_left = !migration.callers.manual.is_empty();
    let route_outcome = if request.keep_route || manual_left {
        RouteOutcome::Kept
    } else if let Some(rest) = &analysis.remainder {
        plan.merge(&request.route, rest.clone());
        RouteOutcome::Trimmed
    } else {
        plan.delete(&request.route);
        RouteOutcome::Removed
    };
    migration.verdict = match route_outcome {
        RouteOutcome::Removed => Verdict::Migrated,
        RouteOutcome::Kept if !manual_left && analysis.kept_methods.is_empty() => Verdict::Migrated,
        _ => Verdict::Partial,
    };
    if manual_left {
        plan.next_steps.push(calls_left(&migration));
    }
    if route_outcome == RouteOutcome::Trimmed {
        plan.next_steps.push(format!(
            "{} keeps {} for its other callers",
            slash(&request.route),
            analysis.kept_methods.join(", ")
        ));
    }

    // A file with uncommitted changes is not touched without --force.
    let touched: Vec<PathBuf> = plan
        .ops
        .iter()
        .map(|op| op.path.clone())
        .filter(|p| project.root.join(p).exists())
        .collect();
    for dirty in git::uncommitted(&project.root, &touched) {
        migration.reasons.push(Reason::new(
            ReasonKind::Uncommitted,
            slash(&dirty),
            "has uncommitted changes: commit or stash them first so the migration can be reviewed and undone (or pass --force)",
        ));
    }
    if blocking(&migration.reasons, request.force) {
        migration.verdict = Verdict::Refused;
        return Ok(migration);
    }
    migration.actions = action_outs(&analysis, &slash(&target));
    plan.warnings.extend(migration.notes.iter().cloned());
    migration.plan = plan;
    Ok(migration)
}

/// The report's line for each action, all in `file`.
fn action_outs(analysis: &Analysis, file: &str) -> Vec<ActionOut> {
    analysis
        .actions
        .iter()
        .map(|a| ActionOut {
            name: a.name.clone(),
            method: a.method.clone(),
            file: file.to_string(),
        })
        .collect()
}

/// The next step while calls the tool could not rewrite keep the route.
fn calls_left(migration: &Migration) -> String {
    format!(
        "{} call(s) still use {}: change them as listed, then run this again to remove the route",
        migration.callers.manual.len(),
        migration.url
    )
}

/// An earlier run moved the handlers and the callers have been changed since: only the
/// route is left to remove (or trim, when a GET stays).
fn finish_earlier(
    request: &Request,
    mut migration: Migration,
    analysis: &Analysis,
    earlier: &super::earlier::Earlier,
) -> Migration {
    let module = slash(&earlier.module);
    let mut plan = Plan::default();
    let manual_left = !migration.callers.manual.is_empty();
    let removed = if request.keep_route || manual_left {
        false
    } else if let Some(rest) = &analysis.remainder {
        plan.merge(&request.route, rest.clone());
        false
    } else {
        plan.delete(&request.route);
        true
    };
    migration.verdict = if removed || (!manual_left && analysis.kept_methods.is_empty()) {
        Verdict::Migrated
    } else {
        Verdict::Partial
    };
    if manual_left {
        plan.next_steps.push(calls_left(&migration));
    }
    migration.actions = action_outs(analysis, &module);
    migration
        .callers
        .unchanged
        .extend(earlier.importers.iter().map(|at| super::CallerOut {
            location: at.clone(),
            method: "import".into(),
            action: None,
            why: Some(format!("already imports the action from {module}")),
            replacement: None,
        }));
    migration.notes.push(format!(
        "the actions are already in {module}, from an earlier run"
    ));
    plan.warnings.extend(migration.notes.iter().cloned());
    migration.plan = plan;
    migration
}

/// Where the actions go: `--to`, else `actions.ts` beside the file with the most rewritten
/// calls, else a folder named after the route.
pub(super) fn action_module(
    request: &Request,
    project: &Project,
    segment: &Segment,
    scan: &Scan,
) -> PathBuf {
    let main = scan.files.iter().filter(|f| f.rewrites > 0).max_by(|a, b| {
        a.rewrites
            .cmp(&b.rewrites)
            .then_with(|| b.path.cmp(&a.path))
    });
    match (&request.to, main) {
        (Some(to), _) => to.clone(),
        (None, Some(file)) => file
            .path
            .parent()
            .unwrap_or(Path::new(""))
            .join("actions.ts"),
        (None, None) => default_home(project, segment),
    }
}

/// The shared module, beside the actions.
pub(super) fn shared_module_path(actions: &Path) -> PathBuf {
    actions
        .parent()
        .unwrap_or(Path::new(""))
        .join(format!("{}.ts", super::route::SHARED_MODULE))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RouteOutcome {
    Removed,
    Trimmed,
    Kept,
}

/// Why the route must stay a route, from the route's analysis and the caller scan; empty
/// when only the app calls its mutations.
pub(super) fn route_reasons(
    analysis: &Analysis,
    scan: Option<&Scan>,
    route: &str,
    url: &str,
) -> Vec<Reason> {
    let mut reasons = analysis.reasons.clone();
    // An SWR / react-query key reads the GET: when the GET stays in the route, the key
    // keeps working and `mutate(key)` after a moved mutation still revalidates it.
    let keeps_get = analysis.kept_methods.iter().any(|m| m == "GET");
    if let Some(scan) = scan {
        reasons.extend(
            scan.reasons
                .iter()
                .filter(|r| !(keeps_get && r.kind == ReasonKind::CacheKey))
                .cloned(),
        );
    }
    // When facts keep it a route, what the tool could not translate is beside the point.
    if reasons.iter().any(|r| is_fact(r.kind)) {
        reasons.retain(|r| r.kind != ReasonKind::Unsupported);
    }
    // Without a scan (the facts decided already) nothing is known of callers.
    let Some(scan) = scan else {
        return reasons;
    };
    if !analysis.actions.is_empty()
        && scan.rewritten.is_empty()
        && scan.manual.is_empty()
        && scan.earlier.is_none()
    {
        reasons.push(Reason::new(
            ReasonKind::NoCallers,
            route.to_string(),
            format!(
                "no caller of {url}'s {} found in the app ({} source files scanned): someone outside may call it (pass --force if you know nobody does)",
                analysis.actions.iter().map(|a| a.method.as_str()).collect::<Vec<_>>().join("/"),
                scan.scanned
            ),
        ));
    }
    reasons
}

pub(super) fn is_fact(kind: ReasonKind) -> bool {
    matches!(
        kind,
        ReasonKind::Signature
            | ReasonKind::Cors
            | ReasonKind::Stream
            | ReasonKind::Navigation
            | ReasonKind::Wrapper
            | ReasonKind::Imported
    )
}

/// Whether the reasons stop the migration: any that `--force` does not override, or any
/// at all without it.
fn blocking(reasons: &[Reason], force: bool) -> bool {
    reasons.iter().any(|r| !force || !r.overridable)
}

/// With no caller to sit beside: `app/posts/actions.ts` for `/api/posts/[id]`.
fn default_home(project: &Project, segment: &Segment) -> PathBuf {
    let mut dir = project.app_dir.clone();
    for part in super::url::url_parts(segment) {
        if let Part::Static(s) = part
            && s != "api"
        {
            dir.push(s);
        }
    }
    dir.join("actions.ts")
}

/// An import's module, with a relative specifier re-pointed from the route's folder to
/// the action module's.
fn import_text_specifier(
    line: &ImportLine,
    route: &Path,
    target: &Path,
    project: &Project,
) -> String {
    if line.beside {
        return line.specifier.clone();
    }
    if line.specifier.starts_with("./") || line.specifier.starts_with("../") {
        let joined = route
            .parent()
            .unwrap_or(Path::new(""))
            .join(&line.specifier);
        project.import_path(target, &crate::project::normalize(&joined))
    } else {
        line.specifier.clone()
    }
}

/// The import line as written in the action module.
fn import_text(line: &ImportLine, route: &Path, target: &Path, project: &Project) -> String {
    let spec = import_text_specifier(line, route, target, project);
    match &line.clause {
        Some(clause) => format!("import {clause} from {};", ast::string_literal(&spec)),
        None => format!("import {};", ast::string_literal(&spec)),
    }
}

/// A module specifier as the file it names (alias and relative forms of one module are
/// equal), or as written for packages.
fn canonical(spec: &str, from: &Path, project: &Project) -> String {
    super::resolve_specifier(spec, from, project).map_or_else(|| spec.to_string(), |p| slash(&p))
}

pub(super) fn new_module(
    target: &Path,
    analysis: &Analysis,
    route: &Path,
    project: &Project,
) -> String {
    let mut out = String::from("\"use server\";\n\n");
    for line in &analysis.imports {
        out.push_str(&import_text(line, route, target, project));
        out.push('\n');
    }
    for block in analysis.declarations.iter().chain(&analysis.functions) {
        out.push('\n');
        out.push_str(block.trim_end());
        out.push('\n');
    }
    out
}

/// Appends to an existing 'use server' module; refuses name clashes.
fn merge_module(
    target: &Path,
    current: &str,
    analysis: &Analysis,
    route: &Path,
    project: &Project,
) -> Result<String> {
    // The response helper an earlier migration added is shared, not added twice.
    let without_helper;
    let analysis = if current.contains(super::route::RESPONSE_RESULT) {
        let mut a = analysis.clone();
        a.declarations
            .retain(|d| d != super::route::RESPONSE_RESULT);
        a.declared
            .retain(|d| d != super::route::RESPONSE_RESULT_NAME);
        without_helper = a;
        &without_helper
    } else {
        analysis
    };
    let allocator = Allocator::default();
    let parsed = ast::parse(&allocator, target, current)?;
    let program = &parsed.program;
    if !program
        .directives
        .iter()
        .any(|d| d.directive.as_str() == "use server")
    {
        bail!(
            "{} exists and is not a 'use server' module; choose another file with --to",
            slash(target)
        );
    }
    // What the module already binds, and which of those come from which import.
    let semantic = ast::semantic(program);
    let scoping = semantic.scoping();
    let root_names: HashSet<String> = scoping
        .get_bindings(scoping.root_scope_id())
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    let mut imported: HashMap<String, String> = HashMap::new(); // local -> module
    let mut joinable: HashMap<String, u32> = HashMap::new(); // module -> where to add names
    for stmt in &program.body {
        if let Statement::ImportDeclaration(import) = stmt {
            let specs = import.specifiers.iter().flatten();
            let mut named_only = !import.import_kind.is_type();
            let mut last_end = None;
            for spec in specs {
                imported.insert(
                    spec.local().name.to_string(),
                    canonical(&import.source.value, target, project),
                );
                match spec {
                    ImportDeclarationSpecifier::ImportSpecifier(s) => last_end = Some(s.span.end),
                    _ => named_only = false,
                }
            }
            if named_only && let Some(end) = last_end {
                joinable.insert(canonical(&import.source.value, target, project), end);
            }
        }
    }
    let mut edits = Vec::new();
    let mut new_lines = String::new();
    for line in &analysis.imports {
        let module = canonical(
            &import_text_specifier(line, route, target, project),
            target,
            project,
        );
        let fresh: Vec<&String> = line
            .locals
            .iter()
            .filter(|l| imported.get(*l) != Some(&module))
            .collect();
        if fresh.is_empty() && line.clause.is_some() {
            continue; // already imported from the same module
        }
        if let (Some(named), Some(at)) = (&line.named, joinable.get(&module)) {
            let add: Vec<&String> = named
                .iter()
                .zip(&line.locals)
                .filter(|(_, local)| imported.get(*local) != Some(&module))
                .map(|(text, _)| text)
                .collect();
            let joined: Vec<&str> = add.iter().map(|s| s.as_str()).collect();
            edits.push(Edit::insert(*at, format!(", {}", joined.join(", "))));
            continue;
        }
        new_lines.push('\n');
        new_lines.push_str(&import_text(line, route, target, project));
    }
    let declared_by_us: HashSet<&String> = analysis
        .imports
        .iter()
        .flat_map(|l| &l.locals)
        .filter(|l| imported.contains_key(*l))
        .collect();
    let clashes: Vec<&String> = analysis
        .declared
        .iter()
        .filter(|n| root_names.contains(*n) && !declared_by_us.contains(n))
        .collect();
    // The same name from another module is a clash too.
    let mut clashes: Vec<String> = clashes.into_iter().cloned().collect();
    for line in &analysis.imports {
        let module = canonical(
            &import_text_specifier(line, route, target, project),
            target,
            project,
        );
        for local in &line.locals {
            if imported.get(local).is_some_and(|m| *m != module) {
                clashes.push(local.clone());
            }
        }
    }
    if !clashes.is_empty() {
        bail!(
            "{} already declares {}; choose another module with --to",
            slash(target),
            clashes
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let at = program
        .body
        .iter()
        .rev()
        .find(|s| matches!(s, Statement::ImportDeclaration(_)))
        .map(|s| oxc_span::GetSpan::span(s).end)
        .or_else(|| program.directives.last().map(|d| d.span.end))
        .unwrap_or(0);
    edits.push(Edit::insert(at, new_lines));
    let mut out = render(current, Span::new(0, current.len() as u32), &edits)
        .map_err(|_| anyhow::anyhow!("internal error: overlapping edits"))?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    for block in analysis.declarations.iter().chain(&analysis.functions) {
        out.push('\n');
        out.push_str(block.trim_end());
        out.push('\n');
    }
    Ok(out)
}

/// The caller with its calls rewritten and the actions imported.
pub(super) fn rewrite_caller(
    file: &CallerFile,
    target: &Path,
    shared: &Path,
    project: &Project,
) -> Result<String> {
    // A sibling is `./actions`; elsewhere the alias or a relative path.
    let specifier = |module: &Path| {
        if file.path.parent() == module.parent() {
            format!(
                "./{}",
                module.file_stem().and_then(|s| s.to_str()).unwrap_or("")
            )
        } else {
            project.import_path(&file.path, &module.with_extension(""))
        }
    };
    let names: Vec<String> = file
        .locals
        .iter()
        .map(|(name, local)| {
            if name == local {
                name.clone()
            } else {
                format!("{name} as {local}")
            }
        })
        .collect();
    let mut lines = Vec::new();
    if !names.is_empty() {
        lines.push(format!(
            "import {{ {} }} from {};",
            names.join(", "),
            ast::string_literal(&specifier(target))
        ));
    }
    if let Some(helper) = &file.axios_helper {
        let name = if helper == super::callers::AXIOS_HELPER {
            helper.clone()
        } else {
            format!("{} as {helper}", super::callers::AXIOS_HELPER)
        };
        let module = super::callers::axios_helper_path(project).with_extension("");
        lines.push(format!(
            "import {{ {name} }} from {};",
            ast::string_literal(&project.import_path(&file.path, &module))
        ));
    }
    let mut edits = file.edits.clone();
    // Placed as prettier would: below the imports, or a blank line after the directives.
    if !lines.is_empty() {
        let lines = lines.join("\n");
        let (at, insert) = match file.import_at {
            Anchor::AfterImport(at) => (at, format!("\n{lines}")),
            Anchor::AfterDirective(at) => (at, format!("\n\n{lines}")),
            Anchor::Top => (0, format!("{lines}\n\n")),
        };
        edits.push(Edit::insert(at, insert));
    }
    // Imports of what moved from the route to the shared module.
    for source in &file.repoint {
        edits.push(Edit::text(*source, ast::string_literal(&specifier(shared))));
    }
    render(&file.text, Span::new(0, file.text.len() as u32), &edits)
        .map(|t| super::edit::tidy(&t))
        .map_err(|o| {
            anyhow::anyhow!(
                "internal error: overlapping rewrites in {} at {}..{}",
                slash(&file.path),
                o.0.start,
                o.1.start
            )
        })
}
