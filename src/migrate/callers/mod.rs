//! The caller side: walk the project (respecting .gitignore, in parallel), find every
//! reference to the route's URL and every import of the route module, and rewrite the
//! common `fetch` and axios shapes into a call of the action.

mod axios;
mod find;
mod rewrite;

pub use axios::HELPER as AXIOS_HELPER;
pub use axios::{
    HELPER_SOURCE as AXIOS_HELPER_SOURCE, exports_helper as exports_axios_helper,
    helper_path as axios_helper_path,
};

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Result;
use oxc_allocator::Allocator;
use oxc_ast::AstKind;
use oxc_ast::ast::{
    BinaryOperator, CallExpression, ChainElement, Expression, ObjectPropertyKind, Statement,
    UnaryOperator,
};
use oxc_ast_visit::{Visit, walk};
use oxc_semantic::Semantic;
use oxc_span::{GetSpan, Span};
use oxc_syntax::node::NodeId;

use super::ast::{self, arg, dotted, string_value, up, within};
use super::edit::Edit;
use super::route::{ActionSig, Body};
use super::url::{self, Match, Piece, Value};
use super::{CallerOut, Reason, ReasonKind, location};
use crate::project::Project;
use crate::spec::Segment;
use crate::spec::segment::Part;

use find::{Finder, Found, constants, fetch_method, ternary_method};
use rewrite::{
    Arg, Manual, Rewriter, layout_args, property, property_key, ternary_rewrite, unsent_header,
};

pub(crate) const SOURCE_EXTENSIONS: &[&str] =
    &["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"];

/// Where a new import goes: after the last import, after the directives
/// (`"use client"`), or at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    AfterImport(u32),
    AfterDirective(u32),
    Top,
}

/// A file whose calls the migration rewrites.
#[derive(Debug, Clone)]
pub struct CallerFile {
    pub path: PathBuf,
    pub text: String,
    pub edits: Vec<Edit>,
    /// Where the import of the actions goes.
    pub import_at: Anchor,
    /// Action name → the name it has in this file (aliased when the file already uses it).
    pub locals: BTreeMap<String, String>,
    pub rewrites: usize,
    /// Module strings of imports from the route, to point at the moved declarations.
    pub repoint: Vec<Span>,
    /// The local name of the axios helper, when a rewritten axios call uses it.
    pub axios_helper: Option<String>,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub reasons: Vec<Reason>,
    /// Names other modules import from the route (name, where), sorted and unique by name.
    pub shared: Vec<(String, String)>,
    pub files: Vec<CallerFile>,
    pub rewritten: Vec<CallerOut>,
    pub manual: Vec<CallerOut>,
    pub unchanged: Vec<CallerOut>,
    pub notes: Vec<String>,
    /// Source files looked at (after .gitignore).
    pub scanned: usize,
    /// The actions an earlier run wrote, when nothing calls the route any more.
    pub earlier: Option<super::earlier::Earlier>,
}

/// What one file contributed.
#[derive(Debug, Default)]
pub struct FileScan {
    pub reasons: Vec<Reason>,
    /// Names other modules import from the route, with where.
    pub shared: Vec<(String, String)>,
    pub file: Option<CallerFile>,
    pub rewritten: Vec<CallerOut>,
    pub manual: Vec<CallerOut>,
    pub unchanged: Vec<CallerOut>,
    pub notes: Vec<String>,
}

/// Scans every source file of the project except the route itself.
pub fn scan(
    project: &Project,
    route: &Path,
    segment: &Segment,
    actions: &[ActionSig],
) -> Result<Scan> {
    let needle = needle(segment);
    let route_module = route.with_extension("");
    let config_files = [
        "next.config.js",
        "next.config.mjs",
        "next.config.ts",
        "next.config.cjs",
    ];
    let results: Mutex<Vec<FileScan>> = Mutex::new(Vec::new());
    let scanned = std::sync::atomic::AtomicUsize::new(0);
    let walker = walk(project).build_parallel();
    walker.run(|| {
        let results = &results;
        let scanned = &scanned;
        let needle = needle.as_str();
        let route_module = &route_module;
        Box::new(move |entry| {
            let Ok(entry) = entry else {
                return ignore::WalkState::Continue;
            };
            let path = entry.path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !entry.file_type().is_some_and(|t| t.is_file()) || !SOURCE_EXTENSIONS.contains(&ext)
            {
                return ignore::WalkState::Continue;
            }
            let Ok(rel) = path.strip_prefix(&project.root) else {
                return ignore::WalkState::Continue;
            };
            if rel == route {
                return ignore::WalkState::Continue;
            }
            scanned.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Ok(bytes) = std::fs::read(path) else {
                return ignore::WalkState::Continue;
            };
            // Cheap prefilter: a caller or importer spells the route's last folder name;
            // next.config matches by pattern.
            let is_config = config_files.iter().any(|c| rel == Path::new(c));
            if !is_config && memchr::memmem::find(&bytes, needle.as_bytes()).is_none() {
                return ignore::WalkState::Continue;
            }
            let Ok(text) = String::from_utf8(bytes) else {
                return ignore::WalkState::Continue;
            };
            let found = scan_file(
                project,
                rel,
                text,
                segment,
                actions,
                route_module,
                is_config,
            );
            results
                .lock()
                .expect("no panics while holding the lock")
                .push(found);
            ignore::WalkState::Continue
        })
    });
    let mut files = results
        .into_inner()
        .expect("no panics while holding the lock");
    // Walk order is nondeterministic; reports and plans are not.
    files.sort_by(|a, b| {
        let key = |f: &FileScan| {
            f.file.as_ref().map(|c| c.path.clone()).or_else(|| {
                f.reasons
                    .first()
                    .map(|r| PathBuf::from(&r.location))
                    .or_else(|| f.manual.first().map(|m| PathBuf::from(&m.location)))
                    .or_else(|| f.unchanged.first().map(|m| PathBuf::from(&m.location)))
            })
        };
        key(a).cmp(&key(b))
    });
    let mut scan = Scan {
        scanned: scanned.into_inner(),
        ..Scan::default()
    };
    for f in files {
        scan.reasons.extend(f.reasons);
        scan.shared.extend(f.shared);
        scan.rewritten.extend(f.rewritten);
        scan.manual.extend(f.manual);
        scan.unchanged.extend(f.unchanged);
        scan.notes.extend(f.notes);
        scan.files.extend(f.file);
    }
    scan.shared.sort();
    scan.shared.dedup_by(|a, b| a.0 == b.0);
    Ok(scan)
}

/// The last static folder of the route: every URL and import path that reaches it spells
/// it out.
/// The project's files as the scan sees them: .gitignore honoured, build output and
/// packages never entered.
pub(crate) fn walk(project: &Project) -> ignore::WalkBuilder {
    let mut builder = ignore::WalkBuilder::new(&project.root);
    builder
        .require_git(false) // .gitignore counts even outside a git repository
        .hidden(true)
        .filter_entry(|e| {
            !matches!(
                e.file_name().to_str(),
                Some("node_modules" | ".next" | ".git" | ".turbo" | ".vercel")
            )
        });
    builder
}

/// Every source file of the project, root-relative and sorted.
pub(super) fn source_files(project: &Project) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walk(project)
        .build()
        .flatten()
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .filter(|e| {
            let ext = e.path().extension().and_then(|x| x.to_str()).unwrap_or("");
            SOURCE_EXTENSIONS.contains(&ext)
        })
        .filter_map(|e| {
            e.path()
                .strip_prefix(&project.root)
                .ok()
                .map(Path::to_path_buf)
        })
        .collect();
    files.sort();
    files
}

pub(super) fn needle(segment: &Segment) -> String {
    url::url_parts(segment)
        .iter()
        .rev()
        .find_map(|p| match p {
            Part::Static(s) => Some(s.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "api".into())
}

pub(super) fn scan_file(
    project: &Project,
    rel: &Path,
    text: String,
    segment: &Segment,
    actions: &[ActionSig],
    route_module: &Path,
    is_config: bool,
) -> FileScan {
    let mut out = FileScan::default();
    let allocator = Allocator::default();
    let parsed = match ast::parse(&allocator, rel, &text) {
        Ok(p) => p,
        Err(_) => {
            // It names the route's folder (the prefilter) but cannot be read: it may
            // call the route, so the route must stay until the file is checked by hand.
            let (at, why) = match crate::syntax::check(rel, &text) {
                Err(error) => match error.split_once(": ") {
                    Some((at, why)) => (format!("{}:{at}", super::slash(rel)), why.to_string()),
                    None => (super::slash(rel), error),
                },
                Ok(()) => (super::slash(rel), "the parser gave up".to_string()),
            };
            out.manual.push(CallerOut {
                location: at,
                method: "?".into(),
                action: None,
                why: Some(format!(
                    "does not parse ({why}); it may call the route, so the route stays until you check it"
                )),
                replacement: None,
            });
            return out;
        }
    };
    scan_program(
        project,
        rel,
        &text,
        &parsed.program,
        segment,
        actions,
        route_module,
        is_config,
    )
}

/// [`scan_file`] over a file already parsed (the audit parses each file once for all its
/// checks).
#[allow(clippy::too_many_arguments)]
pub(crate) fn scan_program(
    project: &Project,
    rel: &Path,
    text: &str,
    program: &oxc_ast::ast::Program<'_>,
    segment: &Segment,
    actions: &[ActionSig],
    route_module: &Path,
    is_config: bool,
) -> FileScan {
    let mut out = FileScan::default();
    let axios_imports = axios::imports(program, text);
    let mut finder = Finder {
        text,
        segment,
        constants: constants(program),
        stack: Vec::new(),
        matched: Vec::new(),
        found: Vec::new(),
        imports: Vec::new(),
        config: is_config,
        axios: axios_imports.iter().map(|i| i.local.clone()).collect(),
        test_file: is_test_file(rel),
    };
    finder.visit_program(program);
    let loc = |offset: u32| location(rel, text, offset);
    // Another module importing from the route: route handlers block the move; named
    // imports elsewhere (a schema or type for the client) follow the code to its new
    // module.
    let mut repoint: Vec<Span> = Vec::new();
    for import in &finder.imports {
        if !resolves_to(project, rel, &import.spec, route_module) {
            continue;
        }
        let route_file = rel
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("route."));
        match (&import.named, import.source) {
            (Some(names), Some(source)) if !route_file => {
                repoint.push(source);
                out.shared
                    .extend(names.iter().map(|n| (n.clone(), loc(import.span.start))));
            }
            _ => out.reasons.push(Reason::new(
                ReasonKind::Imported,
                loc(import.span.start),
                if route_file {
                    "another route handler imports this route module; moving its code would break that route".to_string()
                } else {
                    "imports the route module in a way the tool cannot re-point (a default, namespace, dynamic or re-export); import the names it needs instead".to_string()
                },
            )),
        }
    }
    let mut fetches = Vec::new();
    let mut bound = Vec::new();
    for found in std::mem::take(&mut finder.found) {
        match found {
            Found::Fetch { call, m, method } => fetches.push((call, m, method, false, None)),
            Found::Axios { call, m, method } => fetches.push((call, m, Some(method), true, None)),
            Found::Bound {
                span,
                declarator,
                m,
                hint,
            } => bound.push((span, declarator, m, hint)),
            Found::Reason(kind, span, message) => {
                out.reasons
                    .push(Reason::new(kind, loc(span.start), message));
            }
            Found::Other {
                span,
                method,
                why,
                hint,
            } => {
                let sig = method
                    .as_deref()
                    .and_then(|m| actions.iter().find(|a| a.method == m));
                if method
                    .as_deref()
                    .is_some_and(|m| !actions.iter().any(|a| a.method == m))
                {
                    out.unchanged.push(CallerOut {
                        location: loc(span.start),
                        method: method.clone().unwrap_or_default(),
                        action: None,
                        why: Some("calls a handler that stays in the route".into()),
                        replacement: None,
                    });
                    continue;
                }
                out.manual.push(CallerOut {
                    location: loc(span.start),
                    method: method.unwrap_or_else(|| "?".into()),
                    action: sig.map(|s| s.name.clone()),
                    why: Some(why),
                    replacement: sig.map(|s| format!("await {}({})", s.name, hint.args(s))),
                });
            }
        }
    }
    if fetches.is_empty() && bound.is_empty() {
        if !repoint.is_empty() {
            out.file = Some(CallerFile {
                path: rel.to_path_buf(),
                import_at: import_position(program, &[]),
                text: text.to_string(),
                edits: Vec::new(),
                locals: BTreeMap::new(),
                rewrites: 0,
                repoint,
                axios_helper: None,
            });
        }
        return out;
    }
    let semantic = ast::semantic(program);
    // A URL held in a constant: its calls are rewritten where every use is a call the tool
    // rewrites; otherwise the constant is listed, as any other use of the URL.
    let mut constants_used: Vec<(Span, usize)> = Vec::new(); // declaration, calls through it
    for (span, declarator, m, hint) in bound {
        match bound_calls(&semantic, declarator, &finder.axios) {
            Some((statement, calls)) => {
                constants_used.push((statement, calls.len()));
                for (call, method, through_axios) in calls {
                    fetches.push((call, m.clone(), method, through_axios, Some(statement)));
                }
            }
            None => out.manual.push(CallerOut {
                location: loc(span.start),
                method: "?".into(),
                action: None,
                why: Some("the URL is held in a variable used other than as the URL of fetch or axios calls; call the action instead".into()),
                replacement: actions
                    .first()
                    .filter(|_| actions.len() == 1)
                    .map(|s| format!("await {}({})", s.name, hint.args(s))),
            }),
        }
    }
    let mut through_constant: HashMap<Span, usize> = HashMap::new();
    let taken: HashSet<String> = {
        let scoping = semantic.scoping();
        scoping
            .symbol_ids()
            .map(|s| scoping.symbol_name(s).to_string())
            .collect()
    };
    let mut locals: BTreeMap<String, String> = BTreeMap::new();
    let mut edits = Vec::new();
    let mut rewrites = 0;
    let calls: HashMap<Span, NodeId> = semantic
        .nodes()
        .iter()
        .filter(|n| matches!(n.kind(), AstKind::CallExpression(_)))
        .map(|n| (n.kind().span(), n.id()))
        .collect();
    // Server Actions are App Router only; an actions module in pages/ would become a page.
    let pages_router = rel.starts_with("pages") || rel.starts_with("src/pages");
    let helper_local = {
        let mut name = AXIOS_HELPER.to_string();
        let mut n = 2;
        while taken.contains(&name) {
            name = format!("{AXIOS_HELPER}{n}");
            n += 1;
        }
        name
    };
    // How many calls through each axios import were rewritten.
    let mut axios_rewrites: HashMap<oxc_syntax::symbol::SymbolId, usize> = HashMap::new();
    for (call_span, m, method, through_axios, constant) in fetches {
        let location = loc(call_span.start);
        if pages_router {
            out.manual.push(CallerOut {
                location,
                method: method.unwrap_or_else(|| "?".into()),
                action: None,
                why: Some("a Pages Router page: Server Actions work in the App Router only".into()),
                replacement: None,
            });
            continue;
        }
        // `method: isEdit ? "PUT" : "POST"`: one call of each action, by the same test.
        if method.is_none()
            && !through_axios
            && let Some(&call_id) = calls.get(&call_span)
            && let AstKind::CallExpression(call) = semantic.nodes().kind(call_id)
            && let Some((test, yes, no)) = ternary_method(call)
        {
            let cx = Rewriter {
                text,
                semantic: &semantic,
                calls: &calls,
                home: std::cell::Cell::new(None),
            };
            let shown = format!("{yes}|{no}");
            match ternary_rewrite(&cx, call, call_id, &m, actions, (test, &yes, &no), |sig| {
                local_name(&locals, &taken, sig)
            }) {
                Ok((mut new_edits, names)) => {
                    edits.append(&mut new_edits);
                    for (name, local) in names {
                        locals.insert(name, local);
                    }
                    rewrites += 1;
                    if let Some(statement) = constant {
                        *through_constant.entry(statement).or_default() += 1;
                    }
                    out.rewritten.push(CallerOut {
                        location,
                        method: shown,
                        action: None,
                        why: None,
                        replacement: None,
                    });
                }
                Err(why) => out.manual.push(CallerOut {
                    location,
                    method: shown,
                    action: None,
                    why: Some(why),
                    replacement: None,
                }),
            }
            continue;
        }
        let Some(method) = method else {
            out.manual.push(CallerOut {
                location,
                method: "?".into(),
                action: None,
                why: Some("the request method is not a string literal".into()),
                replacement: None,
            });
            continue;
        };
        let Some(sig) = actions.iter().find(|a| a.method == method) else {
            out.unchanged.push(CallerOut {
                location,
                method,
                action: None,
                why: Some("calls a handler that stays in the route".into()),
                replacement: None,
            });
            continue;
        };
        let local = local_name(&locals, &taken, sig);
        let Some(&call_id) = calls.get(&call_span) else {
            continue;
        };
        let AstKind::CallExpression(call) = semantic.nodes().kind(call_id) else {
            continue;
        };
        let cx = Rewriter {
            text,
            semantic: &semantic,
            calls: &calls,
            home: std::cell::Cell::new(None),
        };
        let rewritten = if through_axios {
            cx.rewrite_axios(call, call_id, &m, sig, &local, &helper_local)
        } else {
            cx.rewrite(call, call_id, &m, sig, &local)
        };
        match rewritten {
            Ok(mut new_edits) => {
                if through_axios
                    && let Expression::StaticMemberExpression(member) = &call.callee
                    && let Expression::Identifier(object) = &member.object
                    && let Some(symbol) = object
                        .reference_id
                        .get()
                        .and_then(|r| semantic.scoping().get_reference(r).symbol_id())
                {
                    *axios_rewrites.entry(symbol).or_default() += 1;
                }
                edits.append(&mut new_edits);
                locals.insert(sig.name.clone(), local);
                rewrites += 1;
                if let Some(statement) = constant {
                    *through_constant.entry(statement).or_default() += 1;
                }
                out.rewritten.push(CallerOut {
                    location,
                    method,
                    action: Some(sig.name.clone()),
                    why: None,
                    replacement: None,
                });
            }
            Err((why, replacement)) => out.manual.push(CallerOut {
                location,
                method,
                action: Some(sig.name.clone()),
                why: Some(why),
                replacement,
            }),
        }
    }
    // A URL constant whose every call was rewritten is used no more.
    for (statement, calls) in constants_used {
        if through_constant.get(&statement) == Some(&calls) {
            edits.push(Edit::remove(ast::removal_span(text, statement)));
        }
    }
    // An axios import only the rewritten calls used goes with them.
    let mut dropped = Vec::new();
    for import in &axios_imports {
        if let Some(symbol) = semantic
            .scoping()
            .get_root_binding(import.local.as_str().into())
            && let Some(&n) = axios_rewrites.get(&symbol)
            && semantic.scoping().get_resolved_references(symbol).count() == n
        {
            edits.push(axios::drop_import(import, text));
            if import.only {
                dropped.push(import.declaration);
            }
        }
    }
    if rewrites > 0 || !repoint.is_empty() {
        out.file = Some(CallerFile {
            path: rel.to_path_buf(),
            import_at: import_position(program, &dropped),
            text: text.to_string(),
            edits,
            locals,
            rewrites,
            repoint,
            axios_helper: (!axios_rewrites.is_empty()).then_some(helper_local),
        });
    }
    out
}

/// Test files by the conventions of Playwright, Vitest, Jest and Cypress.
fn is_test_file(rel: &Path) -> bool {
    let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.contains(".spec.")
        || name.contains(".test.")
        || name.contains(".integ.")
        || name.contains(".e2e.")
        || rel.components().any(|c| {
            matches!(
                c.as_os_str().to_str(),
                Some("tests" | "test" | "e2e" | "__tests__" | "cypress" | "playwright")
            )
        })
}

/// Where new imports go, ignoring the import declarations in `dropped`.
fn import_position(program: &oxc_ast::ast::Program<'_>, dropped: &[Span]) -> Anchor {
    let last_import = program
        .body
        .iter()
        .rev()
        .find(|s| matches!(s, Statement::ImportDeclaration(_)) && !dropped.contains(&s.span()));
    match (last_import, program.directives.last()) {
        (Some(s), _) => Anchor::AfterImport(s.span().end),
        (None, Some(d)) => Anchor::AfterDirective(d.span.end),
        (None, None) => Anchor::Top,
    }
}

/// Whether an import specifier written in `importer` names the route module.
fn resolves_to(project: &Project, importer: &Path, spec: &str, route_module: &Path) -> bool {
    let Some(target) = super::resolve_specifier(spec, importer, project) else {
        return false;
    };
    let stripped = match target.extension().and_then(|e| e.to_str()) {
        Some("ts" | "tsx" | "js" | "jsx") => target.with_extension(""),
        _ => target,
    };
    stripped == route_module
}

/// A call through a URL constant: its span, its method, and whether it is axios'.
type BoundCall = (Span, Option<String>, bool);

/// The calls made through a URL constant (`const url = …; await fetch(url, …)`): the
/// declaration statement and each call with its method and whether it is axios'. `None`
/// when the constant is not `const`, declares more than one name, or is used other than
/// as the first argument of a fetch or axios call.
fn bound_calls(
    semantic: &Semantic<'_>,
    declarator: Span,
    axios: &[String],
) -> Option<(Span, Vec<BoundCall>)> {
    let nodes = semantic.nodes();
    let node = nodes
        .iter()
        .find(|n| matches!(n.kind(), AstKind::VariableDeclarator(d) if d.span == declarator))?;
    let AstKind::VariableDeclarator(d) = node.kind() else {
        return None;
    };
    let oxc_ast::ast::BindingPattern::BindingIdentifier(id) = &d.id else {
        return None;
    };
    let (_, AstKind::VariableDeclaration(declaration)) = up(semantic, node.id()) else {
        return None;
    };
    if declaration.kind != oxc_ast::ast::VariableDeclarationKind::Const
        || declaration.declarations.len() != 1
    {
        return None;
    }
    let symbol = id.symbol_id.get()?;
    let mut calls = Vec::new();
    for reference in semantic.scoping().get_resolved_references(symbol) {
        let rid = reference.node_id();
        let at = nodes.kind(rid).span();
        let (_, AstKind::CallExpression(call)) = up(semantic, rid) else {
            return None;
        };
        if arg(&call.arguments, 0).map(GetSpan::span) != Some(at) {
            return None;
        }
        let callee = dotted(&call.callee)?;
        if matches!(
            callee.as_str(),
            "fetch" | "window.fetch" | "globalThis.fetch" | "self.fetch"
        ) {
            calls.push((call.span, fetch_method(call), false));
        } else if let Some((object, name)) = callee.split_once('.')
            && axios.iter().any(|a| a == object)
            && let Some((method, _, _)) = axios::method(name)
        {
            calls.push((call.span, Some(method.to_string()), true));
        } else {
            return None;
        }
    }
    (!calls.is_empty()).then_some((declaration.span, calls))
}

/// The name an action has in a caller file: its own, or aliased when the file already
/// binds that name.
fn local_name(
    locals: &BTreeMap<String, String>,
    taken: &HashSet<String>,
    sig: &ActionSig,
) -> String {
    locals.get(&sig.name).cloned().unwrap_or_else(|| {
        let mut name = sig.name.clone();
        if taken.contains(&name) {
            name = format!("{}Action", sig.name);
            let mut n = 2;
            while taken.contains(&name) {
                name = format!("{}Action{n}", sig.name);
                n += 1;
            }
        }
        name
    })
}
