//! The caller side: walk the project (respecting .gitignore, in parallel), find every
//! reference to the route's URL and every import of the route module, and rewrite the
//! common `fetch` and axios shapes into a call of the action.

mod axios;

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

const SOURCE_EXTENSIONS: &[&str] = &["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"];

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
pub(super) struct FileScan {
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
fn walk(project: &Project) -> ignore::WalkBuilder {
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

fn needle(segment: &Segment) -> String {
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
    let program = &parsed.program;
    let axios_imports = axios::imports(program, &text);
    let mut finder = Finder {
        text: &text,
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
    let loc = |offset: u32| location(rel, &text, offset);
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
                text: text.clone(),
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
                text: &text,
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
            text: &text,
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
            edits.push(Edit::remove(ast::removal_span(&text, statement)));
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
            edits.push(axios::drop_import(import, &text));
            if import.only {
                dropped.push(import.declaration);
            }
        }
    }
    if rewrites > 0 || !repoint.is_empty() {
        out.file = Some(CallerFile {
            path: rel.to_path_buf(),
            import_at: import_position(program, &dropped),
            text: text.clone(),
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

/// `(params, body, query)` placeholders for a manual replacement.
/// What a manual call should pass, as far as the URL and the call show it.
#[derive(Debug, Clone, Default)]
struct Hint {
    params: Vec<(String, String)>,
    query: Vec<(String, String)>,
    /// The body argument of `axios.post(url, body)` and the like.
    body: Option<String>,
}

impl Hint {
    fn new(text: &str, m: &Match, body: Option<Span>) -> Hint {
        let pairs = |list: &[(String, Value)]| {
            list.iter()
                .map(|(k, v)| (k.clone(), value_text(text, v)))
                .collect()
        };
        Hint {
            params: pairs(&m.params),
            query: pairs(m.query.as_deref().unwrap_or(&[])),
            body: body.map(|b| ast::text(text, b).to_string()),
        }
    }

    /// The action call's arguments, with placeholders for what is unknown.
    fn args(&self, sig: &ActionSig) -> String {
        let object = |pairs: &[(String, String)]| {
            let props: Vec<String> = pairs
                .iter()
                .map(|(k, v)| property(&property_key(k), v))
                .collect();
            Arg::object(props).flat
        };
        let mut args = Vec::new();
        if sig.takes_params {
            args.push(object(&self.params));
        }
        match (sig.body, &self.body) {
            (Some(_), Some(body)) => args.push(body.clone()),
            (Some(Body::Json), None) => args.push("/* the JSON body */".into()),
            (Some(Body::Form), None) => args.push("formData".into()),
            (None, _) => {}
        }
        if sig.query {
            args.push(object(&self.query));
        }
        args.join(", ")
    }
}

/// A URL value as source text (no semantic model needed: for hints only).
fn value_text(text: &str, value: &Value) -> String {
    match value {
        Value::Text(t) => ast::string_literal(t),
        Value::Expr(span) => ast::text(text, *span).to_string(),
        Value::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|v| value_text(text, v))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Top-level `const NAME = "literal"` in the file: base-path constants.
fn constants(program: &oxc_ast::ast::Program<'_>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for stmt in &program.body {
        let decl = match stmt {
            Statement::VariableDeclaration(v) => v,
            Statement::ExportDeclaration(e) => match &e.declaration {
                oxc_ast::ast::Declaration::VariableDeclaration(v) => v,
                _ => continue,
            },
            _ => continue,
        };
        if !decl.kind.is_const() {
            continue;
        }
        for d in &decl.declarations {
            if let oxc_ast::ast::BindingPattern::BindingIdentifier(id) = &d.id
                && let Some(value) = d.init.as_ref().and_then(string_value)
            {
                out.insert(id.name.to_string(), value);
            }
        }
    }
    out
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

/// An import or re-export, with what it takes when it is `import { A, type B }`.
struct ImportRef {
    span: Span,
    spec: String,
    /// The module string literal.
    source: Option<Span>,
    named: Option<Vec<String>>,
}

impl ImportRef {
    fn other(span: Span, spec: String) -> ImportRef {
        ImportRef {
            span,
            spec,
            source: None,
            named: None,
        }
    }
}

enum Found {
    /// `fetch(url, init)` with the method, when it is a literal.
    Fetch {
        call: Span,
        m: Match,
        method: Option<String>,
    },
    /// `axios.post(url, body)` and the other methods.
    Axios {
        call: Span,
        m: Match,
        method: String,
    },
    /// `const url = \`/api/posts/${id}\``: the URL held in a constant, whose uses are
    /// followed once the file's semantic model is built.
    Bound {
        span: Span,
        declarator: Span,
        m: Match,
        hint: Hint,
    },
    /// A fact that keeps the route a route.
    Reason(ReasonKind, Span, String),
    /// Any other reference to the URL: left to the user.
    Other {
        span: Span,
        method: Option<String>,
        why: String,
        hint: Hint,
    },
}

/// Finds references to the route's URL and imports, keeping a stack of ancestors for
/// context.
struct Finder<'t, 'a> {
    text: &'t str,
    segment: &'t Segment,
    constants: HashMap<String, String>,
    stack: Vec<AstKind<'a>>,
    /// Spans already matched (a template's own strings are not matched again).
    matched: Vec<Span>,
    found: Vec<Found>,
    imports: Vec<ImportRef>,
    /// This is next.config: its `source` patterns are what counts.
    config: bool,
    /// Local names of axios' default import.
    axios: Vec<String>,
    /// A test file (Playwright, Vitest, Cypress…): its requests are an outside client's.
    test_file: bool,
}

impl<'t, 'a> Finder<'t, 'a> {
    fn pieces(&self, expr: &Expression<'_>) -> Option<Vec<Piece>> {
        match expr.without_parentheses() {
            Expression::StringLiteral(s) => Some(vec![Piece::Text(s.value.to_string())]),
            Expression::TemplateLiteral(t) => {
                let mut out = Vec::new();
                for (i, quasi) in t.quasis.iter().enumerate() {
                    out.push(Piece::Text(quasi.value.cooked.as_ref()?.to_string()));
                    if let Some(e) = t.expressions.get(i) {
                        out.push(self.resolved(e));
                    }
                }
                Some(out)
            }
            Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition => {
                let mut left = self
                    .pieces(&b.left)
                    .unwrap_or_else(|| vec![self.resolved(&b.left)]);
                let right = self
                    .pieces(&b.right)
                    .unwrap_or_else(|| vec![self.resolved(&b.right)]);
                left.extend(right);
                Some(left)
            }
            _ => None,
        }
    }

    /// An interpolated identifier naming a string constant of this file is its text.
    fn resolved(&self, expr: &Expression<'_>) -> Piece {
        if let Expression::Identifier(id) = expr.without_parentheses()
            && let Some(value) = self.constants.get(id.name.as_str())
        {
            return Piece::Text(value.clone());
        }
        Piece::Expr(expr.span())
    }

    /// Tries an expression as a URL of the route.
    fn check(&mut self, expr: &Expression<'_>) {
        let span = expr.span();
        if self.matched.iter().any(|m| within(span, *m)) {
            return;
        }
        let Some(pieces) = self.pieces(expr) else {
            return;
        };
        if self.config {
            if let [Piece::Text(t)] = pieces.as_slice()
                && t.starts_with('/')
                && url::config_source_matches(self.segment, t)
                && self.parent_is_source_key()
                && self.entry_exposes()
            {
                self.matched.push(span);
                self.found.push(Found::Reason(
                    ReasonKind::Cors,
                    span,
                    format!("next.config exposes this path through headers(), rewrites() or redirects() (`{t}`): the route serves outside traffic"),
                ));
            }
            return;
        }
        let (m, how) = match url::matches(self.segment, &pieces) {
            Some(m) => (m, None),
            None => match self.unresolved_origin(&pieces) {
                Some(found) => found,
                None => {
                    // `'/api/issues/' + id` is another route's URL: its first string is
                    // not this route's URL on its own.
                    if matches!(expr.without_parentheses(), Expression::BinaryExpression(_)) {
                        self.matched.push(span);
                    }
                    return;
                }
            },
        };
        self.matched.push(span);
        let found = self.classify(span, m, how);
        self.found.push(found);
    }

    /// `${BASE_URL}/api/posts` or `https://host/api/posts`: the path matches after an
    /// origin the tool cannot resolve.
    fn unresolved_origin(&self, pieces: &[Piece]) -> Option<(Match, Option<String>)> {
        match pieces {
            [Piece::Expr(e), rest @ ..] => {
                let m = url::matches(self.segment, rest)?;
                Some((
                    m,
                    Some(format!(
                        "the URL starts with `${{{}}}`, which the tool cannot resolve",
                        ast::text(self.text, *e)
                    )),
                ))
            }
            [Piece::Text(t), rest @ ..]
                if t.starts_with("http://") || t.starts_with("https://") =>
            {
                let after = t.splitn(4, '/').nth(3).unwrap_or("");
                let mut p = vec![Piece::Text(format!("/{after}"))];
                p.extend_from_slice(rest);
                let m = url::matches(self.segment, &p)?;
                Some((
                    m,
                    Some(
                        "an absolute URL: if it points at this app, call the action instead"
                            .to_string(),
                    ),
                ))
            }
            _ => None,
        }
    }

    fn parent_is_source_key(&self) -> bool {
        matches!(self.parent(0), Some(AstKind::ObjectProperty(p)) if p.key.static_name().as_deref() == Some("source"))
    }

    /// Whether the next.config entry whose `source` is being read serves outside
    /// traffic: a rewrite or redirect (`destination`), or `headers` that set CORS
    /// (`Access-Control-*`). Security headers on `/:path*` (X-Frame-Options, CSP…) do not.
    fn entry_exposes(&self) -> bool {
        let Some(AstKind::ObjectExpression(entry)) = self.parent(1) else {
            return true; // a shape not understood: stay careful
        };
        let property = |name: &str| {
            entry.properties.iter().find_map(|p| match p {
                ObjectPropertyKind::ObjectProperty(p)
                    if p.key.static_name().as_deref() == Some(name) =>
                {
                    Some(&p.value)
                }
                _ => None,
            })
        };
        if property("destination").is_some() {
            return true;
        }
        let Some(headers) = property("headers") else {
            return true;
        };
        let Expression::ArrayExpression(list) = headers.without_parentheses() else {
            return true; // computed headers: cannot tell
        };
        list.elements.iter().any(|element| {
            let Some(Expression::ObjectExpression(header)) = element.as_expression() else {
                return true;
            };
            header.properties.iter().any(|p| match p {
                ObjectPropertyKind::ObjectProperty(p)
                    if p.key.static_name().as_deref() == Some("key") =>
                {
                    match p.value.without_parentheses() {
                        Expression::StringLiteral(key) => key
                            .value
                            .to_ascii_lowercase()
                            .starts_with("access-control-"),
                        _ => true,
                    }
                }
                ObjectPropertyKind::SpreadProperty(_) => true,
                _ => false,
            })
        })
    }

    /// The n-th ancestor, looking through parentheses.
    fn parent(&self, n: usize) -> Option<AstKind<'a>> {
        self.stack
            .iter()
            .rev()
            .filter(|k| {
                !matches!(
                    k,
                    AstKind::ParenthesizedExpression(_)
                        | AstKind::TSAsExpression(_)
                        | AstKind::TSSatisfiesExpression(_)
                )
            })
            .nth(n)
            .copied()
    }

    fn classify(&self, span: Span, m: Match, unresolved: Option<String>) -> Found {
        let text = self.text;
        let other = |method: Option<String>, why: String| Found::Other {
            span,
            method,
            why,
            hint: Hint::new(text, &m, None),
        };
        match self.parent(0) {
            Some(AstKind::CallExpression(call)) if arg(&call.arguments, 0).is_some_and(|a| a.span() == span) => {
                let callee = dotted(&call.callee).unwrap_or_default();
                if self.test_file {
                    return Found::Reason(ReasonKind::HttpTests, span, format!("a test calls it over HTTP (`{callee}`): the route is an HTTP API under test; keep it, or change the test to call the action and pass --force"));
                }
                let last = callee.rsplit('.').next().unwrap_or("");
                if matches!(callee.as_str(), "fetch" | "window.fetch" | "globalThis.fetch" | "self.fetch") {
                    let method = fetch_method(call);
                    if method.as_deref() == Some("GET") && self.in_query_hook() {
                        return Found::Reason(ReasonKind::CacheKey, span, "its GET is fetched inside an SWR / react-query hook, where the URL is the cache key; moving the mutations would leave that cache stale".to_string());
                    }
                    if let Some(why) = unresolved {
                        return other(method, why);
                    }
                    return Found::Fetch { call: call.span, m, method };
                }
                if matches!(last, "useSWR" | "useSWRImmutable" | "useSWRInfinite" | "useSWRSubscription" | "useSWRMutation" | "mutate" | "preload") {
                    return Found::Reason(ReasonKind::CacheKey, span, format!("the URL is an SWR cache key (`{callee}`): the app reads it through SWR, so it has to stay a route"));
                }
                if matches!(callee.as_str(), "redirect" | "permanentRedirect" | "router.push" | "router.replace" | "router.prefetch" | "window.open" | "location.assign" | "location.replace" | "window.location.assign" | "window.location.replace") {
                    return Found::Reason(ReasonKind::Navigation, span, format!("the app navigates to this URL (`{callee}`)"));
                }
                if let Some((object, name)) = callee.split_once('.')
                    && self.axios.iter().any(|a| a == object)
                    && let Some((method, _, _)) = axios::method(name)
                {
                    if method == "GET" && self.in_query_hook() {
                        return Found::Reason(ReasonKind::CacheKey, span, "its GET is fetched inside an SWR / react-query hook, where the URL is the cache key; moving the mutations would leave that cache stale".to_string());
                    }
                    if let Some(why) = unresolved {
                        return other(Some(method.to_string()), why);
                    }
                    return Found::Axios { call: call.span, m, method: method.to_string() };
                }
                let method = matches!(last, "get" | "post" | "put" | "patch" | "delete").then(|| last.to_ascii_uppercase());
                // `axios.post(url, body)`: the second argument is the body.
                let body = arg(&call.arguments, 1).filter(|_| method.is_some()).map(|b| b.span());
                Found::Other {
                    span,
                    method,
                    why: unresolved.unwrap_or_else(|| format!("called through `{callee}`, which the tool does not rewrite")),
                    hint: Hint::new(text, &m, body),
                }
            }
            Some(AstKind::JSXAttribute(attr)) => self.attribute(span, attr.name.get_identifier().name.as_ref()),
            Some(AstKind::JSXExpressionContainer(_)) => match self.parent(1) {
                Some(AstKind::JSXAttribute(attr)) => self.attribute(span, attr.name.get_identifier().name.as_ref()),
                _ => other(None, "rendered in JSX".into()),
            },
            Some(AstKind::AssignmentExpression(a)) => {
                let target = ast::text(self.text, a.left.span());
                if target.ends_with("location.href") || target.ends_with("location") {
                    Found::Reason(ReasonKind::Navigation, span, format!("the app navigates to this URL (`{target} = …`)"))
                } else {
                    other(None, format!("assigned to `{target}`"))
                }
            }
            Some(AstKind::ObjectProperty(p)) if p.key.static_name().as_deref() == Some("queryKey") => {
                Found::Reason(ReasonKind::CacheKey, span, "the URL is a react-query key".to_string())
            }
            Some(AstKind::ArrayExpression(_)) if matches!(self.parent(1), Some(AstKind::ObjectProperty(p)) if p.key.static_name().as_deref() == Some("queryKey")) => {
                Found::Reason(ReasonKind::CacheKey, span, "the URL is a react-query key".to_string())
            }
            Some(AstKind::VariableDeclarator(d))
                if unresolved.is_none()
                    && matches!(d.id, oxc_ast::ast::BindingPattern::BindingIdentifier(_))
                    && d.init.as_ref().is_some_and(|i| i.without_parentheses().span() == span) =>
            {
                Found::Bound { span, declarator: d.span, hint: Hint::new(text, &m, None), m: m.clone() }
            }
            _ if self.conditional_cache_key() => Found::Reason(ReasonKind::CacheKey, span, "the URL is an SWR / react-query key (chosen by a condition)".to_string()),
            _ => other(None, unresolved.unwrap_or_else(|| "the URL is used here (a constant, a wrapper or an API client); call the action instead".into())),
        }
    }

    /// `useSWR(ready ? "/api/x" : null, fetcher)`: the URL is a branch of a condition that
    /// is the key of an SWR or react-query hook.
    fn conditional_cache_key(&self) -> bool {
        let mut n = 0;
        while matches!(
            self.parent(n),
            Some(AstKind::ConditionalExpression(_) | AstKind::LogicalExpression(_))
        ) {
            n += 1;
        }
        n > 0
            && matches!(self.parent(n), Some(AstKind::CallExpression(call))
            if dotted(&call.callee).is_some_and(|d| matches!(
                d.rsplit('.').next().unwrap_or(""),
                "useSWR" | "useSWRImmutable" | "useSWRInfinite" | "mutate" | "preload"
            )) && arg(&call.arguments, 0).is_some_and(|a| {
                matches!(a.without_parentheses(), Expression::ConditionalExpression(_) | Expression::LogicalExpression(_))
            }))
    }

    fn attribute(&self, span: Span, name: &str) -> Found {
        if matches!(
            name,
            "href" | "src" | "action" | "formAction" | "poster" | "srcSet" | "data"
        ) {
            Found::Reason(
                ReasonKind::Navigation,
                span,
                format!(
                    "the browser requests this URL directly (`{name}=`): links, images and plain HTML forms need a route"
                ),
            )
        } else {
            Found::Other {
                span,
                method: None,
                why: format!("used as the JSX attribute `{name}`"),
                hint: Hint::default(),
            }
        }
    }

    /// Inside `useQuery(…)`, a `queryFn`, or an SWR fetcher.
    fn in_query_hook(&self) -> bool {
        self.stack.iter().any(|k| match k {
            AstKind::ObjectProperty(p) => p.key.static_name().as_deref() == Some("queryFn"),
            AstKind::CallExpression(c) => dotted(&c.callee).is_some_and(|d| {
                matches!(
                    d.rsplit('.').next().unwrap_or(""),
                    "useQuery"
                        | "useSuspenseQuery"
                        | "useInfiniteQuery"
                        | "useSWR"
                        | "useSWRImmutable"
                        | "useSWRInfinite"
                )
            }),
            _ => false,
        })
    }
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

/// `fetch(url, { method: test ? "PUT" : "POST" })`: the test's span and both methods.
fn ternary_method(call: &CallExpression<'_>) -> Option<(Span, String, String)> {
    let Expression::ObjectExpression(obj) = arg(&call.arguments, 1)?.without_parentheses() else {
        return None;
    };
    obj.properties.iter().find_map(|prop| match prop {
        ObjectPropertyKind::ObjectProperty(p)
            if p.key.static_name().as_deref() == Some("method") =>
        {
            let Expression::ConditionalExpression(c) = p.value.without_parentheses() else {
                return None;
            };
            let yes = string_value(&c.consequent)?.to_ascii_uppercase();
            let no = string_value(&c.alternate)?.to_ascii_uppercase();
            Some((c.test.span(), yes, no))
        }
        _ => None,
    })
}

/// The edits of a ternary-method call, and the actions it uses (name, local name).
type TernaryRewrite = (Vec<Edit>, Vec<(String, String)>);

/// Both branches of a ternary method rewritten: `await (test ? updateX(a) : createX(a))`,
/// when each rewrite treats the response the same way and the call fits on its line.
/// Returns the edits and the actions used, by name and local name.
fn ternary_rewrite<'a>(
    cx: &Rewriter<'_, '_, 'a>,
    call: &CallExpression<'a>,
    call_id: NodeId,
    m: &Match,
    actions: &[ActionSig],
    (test, yes, no): (Span, &str, &str),
    local: impl Fn(&ActionSig) -> String,
) -> Result<TernaryRewrite, String> {
    let find = |method: &str| {
        actions.iter().find(|a| a.method == method).ok_or_else(|| {
            format!("one branch of its method ({method}) calls a handler that stays in the route")
        })
    };
    let (a, b) = (find(yes)?, find(no)?);
    let (la, lb) = (local(a), local(b));
    let ea = cx
        .rewrite(call, call_id, m, a, &la)
        .map_err(|(why, _)| why)?;
    let eb = cx
        .rewrite(call, call_id, m, b, &lb)
        .map_err(|(why, _)| why)?;
    let call_text = |edits: &[Edit]| match edits.first().map(|e| &e.with) {
        Some(super::edit::Replace::Text(t)) if !t.contains('\n') => Some(t.clone()),
        _ => None,
    };
    let (Some(ca), Some(cb)) = (call_text(&ea), call_text(&eb)) else {
        return Err("its method is chosen by a condition and the calls do not fit on one line; write `test ? await a(…) : await b(…)`".into());
    };
    if ea[1..] != eb[1..] {
        return Err(format!(
            "its method is chosen by a condition ({yes} or {no}) and the two actions answer differently"
        ));
    }
    let test = cx.src(test);
    let mut combined = format!("({test} ? {ca} : {cb})");
    let (lead, rest) = cx.around(call.span);
    if !crate::layout::fits_columns(lead + combined.chars().count() + rest) {
        // Prettier breaks the conditional inside the parentheses, one branch a line.
        let indent = super::edit::indentation_at(cx.text, call.span.start);
        let inner = format!("{indent}{}", super::edit::step(&indent));
        let fits =
            |line: &str, after: usize| crate::layout::fits_columns(line.chars().count() + after);
        if test.contains('\n')
            || !fits(&format!("{inner}? {ca}"), 0)
            || !fits(&format!("{inner}: {cb})"), rest)
        {
            return Err(format!(
                "its method is chosen by a condition; write `await ({test} ? {ca} : {cb})`"
            ));
        }
        combined = format!("({test}\n{inner}? {ca}\n{inner}: {cb})");
    }
    let mut edits = vec![Edit::text(call.span, combined)];
    edits.extend(ea.into_iter().skip(1));
    Ok((edits, vec![(a.name.clone(), la), (b.name.clone(), lb)]))
}

/// The method of `fetch(url, { method })`: GET without one, `None` when not a literal.
fn fetch_method(call: &CallExpression<'_>) -> Option<String> {
    let Some(init) = arg(&call.arguments, 1) else {
        return Some("GET".into());
    };
    let Expression::ObjectExpression(obj) = init.without_parentheses() else {
        return None;
    };
    for prop in &obj.properties {
        match prop {
            ObjectPropertyKind::ObjectProperty(p)
                if p.key.static_name().as_deref() == Some("method") =>
            {
                return string_value(&p.value).map(|m| m.to_ascii_uppercase());
            }
            ObjectPropertyKind::SpreadProperty(_) => return None,
            _ => {}
        }
    }
    Some("GET".into())
}

impl<'t, 'a> Visit<'a> for Finder<'t, 'a> {
    fn enter_node(&mut self, kind: AstKind<'a>) {
        self.stack.push(kind);
    }
    fn leave_node(&mut self, _kind: AstKind<'a>) {
        self.stack.pop();
    }
    fn visit_string_literal(&mut self, it: &oxc_ast::ast::StringLiteral<'a>) {
        // JSX attribute values and object keys arrive here without an Expression around.
        if !self.matched.iter().any(|m| within(it.span, *m))
            && let Some(at) = self.stack.last()
            && matches!(at, AstKind::JSXAttribute(_) | AstKind::ObjectProperty(_))
            && it.value.starts_with('/')
            && let Some(m) = url::matches(self.segment, &[Piece::Text(it.value.to_string())])
        {
            if self.config {
                // handled in check() via the property value
            } else if let Some(AstKind::ObjectProperty(p)) = self.stack.last()
                && p.key.span() == it.span
            {
                // an object key, not a URL
            } else {
                self.matched.push(it.span);
                let found = self.classify(it.span, m, None);
                self.found.push(found);
            }
        }
        walk::walk_string_literal(self, it);
    }
    fn visit_expression(&mut self, it: &Expression<'a>) {
        if matches!(
            it,
            Expression::StringLiteral(_)
                | Expression::TemplateLiteral(_)
                | Expression::BinaryExpression(_)
        ) {
            self.check(it);
        }
        walk::walk_expression(self, it);
    }
    fn visit_import_declaration(&mut self, it: &oxc_ast::ast::ImportDeclaration<'a>) {
        // Only `import { A, type B } from "…"` can be re-pointed at a moved module.
        let named: Option<Vec<String>> = it.specifiers.as_ref().and_then(|specs| {
            specs
                .iter()
                .map(|s| match s {
                    oxc_ast::ast::ImportDeclarationSpecifier::ImportSpecifier(x) => {
                        Some(x.imported.name().to_string())
                    }
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()
                .filter(|v| !v.is_empty())
        });
        self.imports.push(ImportRef {
            span: it.span,
            spec: it.source.value.to_string(),
            source: Some(it.source.span),
            named,
        });
        walk::walk_import_declaration(self, it);
    }
    fn visit_export_from_declaration(&mut self, it: &oxc_ast::ast::ExportFromDeclaration<'a>) {
        self.imports
            .push(ImportRef::other(it.span, it.source.value.to_string()));
        walk::walk_export_from_declaration(self, it);
    }
    fn visit_export_all_declaration(&mut self, it: &oxc_ast::ast::ExportAllDeclaration<'a>) {
        self.imports
            .push(ImportRef::other(it.span, it.source.value.to_string()));
        walk::walk_export_all_declaration(self, it);
    }
    fn visit_import_expression(&mut self, it: &oxc_ast::ast::ImportExpression<'a>) {
        if let Some(spec) = string_value(&it.source) {
            self.imports.push(ImportRef::other(it.span, spec));
        }
        walk::walk_import_expression(self, it);
    }
}

/// Rewrites one `fetch` with its response handling, or says why not.
struct Rewriter<'t, 's, 'a> {
    text: &'t str,
    semantic: &'s Semantic<'a>,
    calls: &'s HashMap<Span, NodeId>,
    /// The function declaring the response variable, when it is never reassigned.
    home: std::cell::Cell<Option<NodeId>>,
}

type Manual = (String, Option<String>);

impl<'t, 's, 'a> Rewriter<'t, 's, 'a> {
    fn src(&self, span: Span) -> &'t str {
        ast::text(self.text, span)
    }

    fn rewrite(
        &self,
        call: &CallExpression<'a>,
        call_id: NodeId,
        m: &Match,
        sig: &ActionSig,
        local: &str,
    ) -> Result<Vec<Edit>, Manual> {
        // Arguments first, so a manual report can still show the call to write.
        let mut body_arg: Option<Arg> = None;
        let mut problems: Vec<String> = Vec::new();
        if let Some(init) = arg(&call.arguments, 1) {
            let Expression::ObjectExpression(obj) = init.without_parentheses() else {
                return Err(("the request options are not an object literal".into(), None));
            };
            for prop in &obj.properties {
                let ObjectPropertyKind::ObjectProperty(p) = prop else {
                    return Err(("the request options spread another object".into(), None));
                };
                let key = p
                    .key
                    .static_name()
                    .map(|k| k.to_string())
                    .unwrap_or_default();
                match key.as_str() {
                    "method" | "cache" | "mode" => {}
                    // An action call cannot outlive the page, and always sends cookies.
                    "keepalive" => problems.push(
                        "uses `keepalive` (a request that outlives the page), which an action call cannot do".into(),
                    ),
                    "credentials" => {
                        if string_value(&p.value).as_deref() == Some("omit") {
                            problems.push(
                                "sends no cookies (`credentials: \"omit\"`), but an action call always carries the session".into(),
                            );
                        }
                    }
                    "headers" => {
                        let Expression::ObjectExpression(h) = p.value.without_parentheses() else {
                            problems.push("sends headers the tool cannot see".into());
                            continue;
                        };
                        for hp in &h.properties {
                            let name = match hp {
                                ObjectPropertyKind::ObjectProperty(x) => {
                                    x.key.static_name().map(|k| k.to_ascii_lowercase())
                                }
                                ObjectPropertyKind::SpreadProperty(_) => None,
                            };
                            if !matches!(name.as_deref(), Some("content-type" | "accept")) {
                                problems.push(format!(
                                    "sends the header `{}`, which an action does not receive",
                                    name.unwrap_or_else(|| "…".into())
                                ));
                            }
                        }
                    }
                    "body" => body_arg = Some(self.body(&p.value, sig)?),
                    other => problems.push(format!(
                        "passes `{other}` to fetch, which an action call cannot take"
                    )),
                }
            }
        }
        let args = self.action_args(m, sig, body_arg)?;
        let flat = format!(
            "{local}({})",
            args.iter()
                .map(|a| a.flat.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let manual = |why: String| Err((why, Some(format!("await {flat}"))));
        if let Some(p) = problems.into_iter().next() {
            return manual(p);
        }
        let replacement = self.layout_call(call.span, local, &args);
        let mut edits = vec![Edit::text(call.span, replacement.clone())];

        // The response.
        let (await_id, AstKind::AwaitExpression(_)) = up(self.semantic, call_id) else {
            return manual("the fetch is not awaited directly (`.then` chains and returned promises need a manual change)".into());
        };
        match up(self.semantic, await_id) {
            (_, AstKind::ExpressionStatement(_)) => Ok(edits),
            (_, AstKind::VariableDeclarator(d)) => {
                let oxc_ast::ast::BindingPattern::BindingIdentifier(id) = &d.id else {
                    return manual("destructures the response".into());
                };
                let Some(symbol) = id.symbol_id.get() else {
                    return manual("the response variable is not resolvable".into());
                };
                let name = id.name.as_str();
                let scoping = self.semantic.scoping();
                if !scoping.symbol_is_mutated(symbol) {
                    let nodes = self.semantic.nodes();
                    self.home.set(nodes.ancestor_ids(call_id).find(|a| {
                        matches!(
                            nodes.kind(*a),
                            AstKind::Function(_) | AstKind::ArrowFunctionExpression(_)
                        )
                    }));
                }
                for reference in scoping.get_resolved_references(symbol) {
                    let rid = reference.node_id();
                    let at = self.semantic.nodes().kind(rid).span();
                    let where_ = location(Path::new(""), self.text, at.start);
                    let where_ = where_.trim_start_matches(':');
                    let (mid, AstKind::StaticMemberExpression(member)) = up(self.semantic, rid)
                    else {
                        return manual(format!(
                            "uses the response `{name}` at {where_} in a way the tool does not follow"
                        ));
                    };
                    match member.property.name.as_str() {
                        "ok" => {}
                        "status" => {
                            if let Some(status) = self.compared_status(mid)
                                && !sig.any_status
                                && sig.ok_status(status).is_none()
                                && !(200..300).contains(&status)
                            {
                                return manual(format!(
                                    "compares `{name}.status` with {status} at {where_}, which the handler never returns"
                                ));
                            }
                        }
                        read @ ("json" | "text") => {
                            let (cid, AstKind::CallExpression(_)) = up(self.semantic, mid) else {
                                return manual(format!(
                                    "uses `{name}.{read}` at {where_} without calling it"
                                ));
                            };
                            let (await_id, AstKind::AwaitExpression(aw)) = up(self.semantic, cid)
                            else {
                                return manual(format!(
                                    "does not await `{name}.{read}()` at {where_} directly"
                                ));
                            };
                            let guard = self.guard(cid, name, sig);
                            if read == "text" {
                                let Some(ok) = guard else {
                                    return manual(format!(
                                        "reads `await {name}.text()` at {where_} without checking `{name}.ok` first; after the change use `{name}.ok ? {name}.data : {name}.error`"
                                    ));
                                };
                                match self.as_text(await_id, aw.span, name, ok, sig) {
                                    Some(edit) => edits.push(edit),
                                    None => {
                                        return manual(format!(
                                            "reads `await {name}.text()` at {where_} where the handler answers text or JSON; after the change use `typeof {name}.error === \"string\" ? {name}.error : JSON.stringify({name}.error)`"
                                        ));
                                    }
                                }
                                continue;
                            }
                            // `.json()` of a text body threw; that stays the caller's call.
                            let sides = match guard {
                                Some(ok) => vec![ok],
                                None => vec![true, false],
                            };
                            if sides.into_iter().any(|ok| sig.text_on(ok)) {
                                return manual(format!(
                                    "reads `{name}.json()` at {where_}, but the handler answers text there"
                                ));
                            }
                            match guard {
                                Some(true) => {
                                    edits.push(Edit::text(aw.span, format!("{name}.data")))
                                }
                                Some(false) => {
                                    edits.push(Edit::text(aw.span, format!("{name}.error")))
                                }
                                // `const data = await res.json()` before the check: each use
                                // of `data` is guarded instead.
                                None => match self.split_body(aw.span, name, sig) {
                                    Some(mut more) => edits.append(&mut more),
                                    None => {
                                        return manual(format!(
                                            "reads `await {name}.json()` at {where_} without checking `{name}.ok` or `{name}.status` first; after the change use `{name}.ok ? {name}.data : {name}.error`"
                                        ));
                                    }
                                },
                            }
                        }
                        other => {
                            return manual(format!(
                                "uses `{name}.{other}` at {where_}, which an action result does not have"
                            ));
                        }
                    }
                }
                Ok(edits)
            }
            _ => manual("the awaited response is used in a way the tool does not follow".into()),
        }
    }

    /// The action's arguments: the URL's params, the body, the query, as the handler takes
    /// them.
    fn action_args(
        &self,
        m: &Match,
        sig: &ActionSig,
        body_arg: Option<Arg>,
    ) -> Result<Vec<Arg>, Manual> {
        let mut args: Vec<Arg> = Vec::new();
        if sig.takes_params {
            // `${key}` in a catch-all may hold several folders (`a/b/c`): the tool cannot
            // split it the way the router would.
            if m.params
                .iter()
                .any(|(_, v)| matches!(v, Value::List(items) if items.iter().any(|i| matches!(i, Value::Expr(_)))))
            {
                return Err((
                    "fills a catch-all segment from an expression, which may hold several folders".into(),
                    None,
                ));
            }
            let fields: Vec<String> = m
                .params
                .iter()
                .map(|(name, value)| property(name, &self.value(value)))
                .collect();
            args.push(Arg::object(fields));
        }
        match (sig.body, body_arg) {
            (Some(_), Some(b)) => args.push(b),
            (Some(_), None) => {
                return Err(("sends no body, but the handler reads one".into(), None));
            }
            (None, _) => {}
        }
        if sig.query {
            if m.opaque_query {
                return Err((
                    "builds its query string in a way the tool cannot split into parameters".into(),
                    None,
                ));
            }
            let query = m.query.as_deref().unwrap_or(&[]);
            if let Some((key, _)) = query
                .iter()
                .enumerate()
                .find(|(i, (k, _))| query[..*i].iter().any(|(other, _)| other == k))
                .map(|(_, pair)| pair)
            {
                return Err((
                    format!(
                        "repeats the query parameter `{key}`, which a plain object cannot carry"
                    ),
                    None,
                ));
            }
            let pairs: Vec<String> = query
                .iter()
                .map(|(k, v)| property(&property_key(k), &self.value(v)))
                .collect();
            args.push(Arg::object(pairs));
        }
        Ok(args)
    }

    /// What `await res.text()` read on the `ok` side: the text itself, or the JSON the
    /// handler serialised (as `text()` gave it), or either, by its type. The conditional is
    /// laid out as prettier prints it where it stands alone as a call's only argument or a
    /// declaration's value; `None` elsewhere, when it does not fit on its line.
    fn as_text(
        &self,
        at: NodeId,
        span: Span,
        name: &str,
        ok: bool,
        sig: &ActionSig,
    ) -> Option<Edit> {
        let value = format!("{name}.{}", if ok { "data" } else { "error" });
        let either = match (sig.text_on(ok), sig.json_on(ok)) {
            (_, false) => return Some(Edit::text(span, value)),
            (false, true) => return Some(Edit::text(span, format!("JSON.stringify({value})"))),
            (true, true) => {
                format!("typeof {value} === \"string\" ? {value} : JSON.stringify({value})")
            }
        };
        let text = self.text;
        let (start, end) = (span.start as usize, span.end as usize);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let (before, after) = (&text[line_start..start], &text[end..line_end]);
        let width = |s: &str| s.chars().count();
        let parent = up(self.semantic, at).1;
        let alone = match parent {
            AstKind::CallExpression(call) => {
                call.arguments.len() == 1 && before.ends_with('(') && after.starts_with(')')
            }
            AstKind::VariableDeclarator(_) => before.ends_with("= ") && after.starts_with(';'),
            _ => false,
        };
        if crate::layout::fits_columns(width(before) + width(&either) + width(after)) {
            let inline = if alone { either } else { format!("({either})") };
            return Some(Edit::text(span, inline));
        }
        if !alone {
            return None;
        }
        let indent: String = before
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let step = if indent.contains('\t') { "\t" } else { "  " };
        let inner = format!("{indent}{step}");
        // `tail` follows the conditional on its last line (`,` or the source's `;`).
        let broken = |tail: &str| {
            if crate::layout::fits_columns(width(&inner) + width(&either) + width(tail)) {
                format!("{inner}{either}")
            } else {
                format!(
                    "{inner}typeof {value} === \"string\"\n{inner}{step}? {value}\n{inner}{step}: JSON.stringify({value})"
                )
            }
        };
        Some(match parent {
            // `f(\n  cond,\n)`: the argument on lines of its own, with a trailing comma.
            AstKind::CallExpression(_) => Edit::text(span, format!("\n{},\n{indent}", broken(","))),
            // `const x =\n  cond;`: the space after `=` goes with the break.
            _ => Edit::text(
                Span::new(span.start - 1, span.end),
                format!("\n{}", broken(";")),
            ),
        })
    }

    /// `const data = await res.json()` read before the status check: every use of `data`
    /// becomes `res.data` or `res.error` by the check it sits behind, and the declaration
    /// goes. `None` when a use is not behind one.
    fn split_body(&self, awaited: Span, res: &str, sig: &ActionSig) -> Option<Vec<Edit>> {
        let semantic = self.semantic;
        let nodes = semantic.nodes();
        let await_id = nodes
            .iter()
            .find(|n| matches!(n.kind(), AstKind::AwaitExpression(a) if a.span == awaited))?
            .id();
        let (decl_id, AstKind::VariableDeclarator(d)) = up(semantic, await_id) else {
            return None;
        };
        let oxc_ast::ast::BindingPattern::BindingIdentifier(id) = &d.id else {
            return None;
        };
        let (_, AstKind::VariableDeclaration(decl)) = up(semantic, decl_id) else {
            return None;
        };
        if decl.declarations.len() != 1 {
            return None;
        }
        let symbol = id.symbol_id.get()?;
        if semantic.scoping().symbol_is_mutated(symbol) {
            return None;
        }
        let mut edits = vec![Edit::remove(ast::removal_span(self.text, decl.span))];
        for reference in semantic.scoping().get_resolved_references(symbol) {
            let rid = reference.node_id();
            let span = nodes.kind(rid).span();
            let value = match self.guard(rid, res, sig)? {
                true => format!("{res}.data"),
                false => format!("{res}.error"),
            };
            match up(semantic, rid) {
                (_, AstKind::ObjectProperty(p)) if p.shorthand => {
                    edits.push(Edit::text(p.span, format!("{}: {value}", id.name)));
                }
                _ => edits.push(Edit::text(span, value)),
            }
        }
        Some(edits)
    }

    /// The action's body argument from `body: JSON.stringify(x)` or `body: formData`.
    fn body(&self, value: &Expression<'a>, sig: &ActionSig) -> Result<Arg, Manual> {
        let value = value.without_parentheses();
        let stringified = match value {
            Expression::CallExpression(c)
                if dotted(&c.callee).as_deref() == Some("JSON.stringify")
                    && c.arguments.len() == 1 =>
            {
                arg(&c.arguments, 0).map(|a| self.arg(a))
            }
            _ => None,
        };
        match (sig.body, stringified) {
            (Some(Body::Json), Some(x)) => Ok(x),
            (Some(Body::Json), None) => Err((
                "sends a body that is not `JSON.stringify(…)`, but the handler reads JSON".into(),
                None,
            )),
            (Some(Body::Form), Some(_)) => {
                Err(("sends JSON, but the handler reads FormData".into(), None))
            }
            (Some(Body::Form), None) | (None, _) => Ok(self.arg(value)),
        }
    }

    /// An argument as written; an object literal whose properties each fit on a line can
    /// be laid out again (prettier keeps one expanded when its first property starts on a
    /// new line).
    fn arg(&self, expr: &Expression<'a>) -> Arg {
        let source = self.src(expr.span()).to_string();
        if let Expression::ObjectExpression(o) = expr.without_parentheses() {
            let props: Vec<String> = o
                .properties
                .iter()
                .map(|p| self.src(p.span()).to_string())
                .collect();
            if !props.iter().any(|p| p.contains('\n')) {
                let expanded = o.properties.first().is_some_and(|first| {
                    self.text[o.span.start as usize..first.span().start as usize].contains('\n')
                });
                let mut arg = Arg::object(props);
                arg.expanded = expanded;
                return arg;
            }
        }
        Arg {
            flat: source,
            props: None,
            expanded: false,
        }
    }

    /// The call as prettier prints it in place of `at`: on one line when it fits in 80
    /// columns; else a lone object argument hugged, or one argument per line.
    fn layout_call(&self, at: Span, callee: &str, args: &[Arg]) -> String {
        let (lead, rest) = self.around(at);
        let indent = super::edit::indentation_at(self.text, at.start);
        layout_args(callee, args, lead, rest, &indent)
    }

    /// The columns before `at` on its line, and after it.
    fn around(&self, at: Span) -> (usize, usize) {
        let text = self.text;
        let line_start = text[..at.start as usize].rfind('\n').map_or(0, |i| i + 1);
        let lead = text[line_start..at.start as usize].chars().count();
        let rest = text[at.end as usize..]
            .split('\n')
            .next()
            .unwrap_or("")
            .trim_end()
            .chars()
            .count();
        (lead, rest)
    }

    /// A URL value as an argument: text as a string literal, an expression as a string,
    /// without the URL encoding it needed.
    fn value(&self, value: &Value) -> String {
        match value {
            Value::Text(t) => ast::string_literal(t),
            Value::List(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(|v| self.value(v))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Value::Expr(span) => {
                let mut span = *span;
                if let Some(id) = self.calls.get(&span)
                    && let AstKind::CallExpression(c) = self.semantic.nodes().kind(*id)
                    && dotted(&c.callee).as_deref() == Some("encodeURIComponent")
                    && let Some(inner) = arg(&c.arguments, 0)
                {
                    span = inner.span();
                }
                // The URL made the value a string; `String(…)` keeps that for numbers and
                // the like (a template or string literal already is one).
                let text = self.src(span);
                if text.starts_with('"') || text.starts_with('\'') || text.starts_with('`') {
                    text.to_string()
                } else {
                    format!("String({text})")
                }
            }
        }
    }

    /// `res.status === 409` → 409.
    fn compared_status(&self, member: NodeId) -> Option<u16> {
        let (_, AstKind::BinaryExpression(b)) = up(self.semantic, member) else {
            return None;
        };
        if !b.operator.is_equality() {
            return None;
        }
        let other = if b.left.span() == self.semantic.nodes().kind(member).span() {
            &b.right
        } else {
            &b.left
        };
        match other.without_parentheses() {
            Expression::NumericLiteral(n) if n.value.fract() == 0.0 => Some(n.value as u16),
            _ => None,
        }
    }

    /// Whether code at `node` only runs on success (`Some(true)`), only on failure
    /// (`Some(false)`), or either: from enclosing `if`s on `res.ok` / `res.status`, and
    /// earlier `if (!res.ok) return` in the same blocks.
    fn guard(&self, node: NodeId, name: &str, sig: &ActionSig) -> Option<bool> {
        let nodes = self.semantic.nodes();
        let mut child = node;
        for ancestor in nodes.ancestor_ids(node) {
            let child_span = nodes.kind(child).span();
            match nodes.kind(ancestor) {
                AstKind::IfStatement(s) => {
                    if within(child_span, s.consequent.span()) {
                        if let Some(ok) = self.condition(&s.test, name, sig, true) {
                            return Some(ok);
                        }
                    } else if let Some(alt) = &s.alternate
                        && within(child_span, alt.span())
                        && let Some(ok) = self.condition(&s.test, name, sig, false)
                    {
                        return Some(ok);
                    }
                }
                AstKind::ConditionalExpression(c) => {
                    if within(child_span, c.consequent.span()) {
                        if let Some(ok) = self.condition(&c.test, name, sig, true) {
                            return Some(ok);
                        }
                    } else if within(child_span, c.alternate.span())
                        && let Some(ok) = self.condition(&c.test, name, sig, false)
                    {
                        return Some(ok);
                    }
                }
                AstKind::BlockStatement(b) => {
                    if let Some(ok) = self.early_exit(&b.body, child_span, name, sig) {
                        return Some(ok);
                    }
                }
                AstKind::FunctionBody(b) => {
                    if let Some(ok) = self.early_exit(&b.statements, child_span, name, sig) {
                        return Some(ok);
                    }
                    if !self.inside_home(ancestor) {
                        return None; // the start of the function holding `res`
                    }
                }
                // A callback inside the function holding a never-reassigned `res` runs
                // behind the same checks (as TypeScript's narrowing of a const agrees).
                AstKind::Function(_) | AstKind::ArrowFunctionExpression(_)
                    if !self.inside_home(ancestor) =>
                {
                    return None;
                }
                _ => {}
            }
            child = ancestor;
        }
        None
    }

    /// Whether `node` lies strictly inside the function that declares `res` (and `res` is
    /// never reassigned).
    fn inside_home(&self, node: NodeId) -> bool {
        let Some(home) = self.home.get() else {
            return false;
        };
        let nodes = self.semantic.nodes();
        let function = match nodes.kind(node) {
            AstKind::FunctionBody(_) => nodes.parent_id(node),
            _ => node,
        };
        function != home && nodes.ancestor_ids(function).any(|a| a == home)
    }

    /// `if (!res.ok) { …; return; }` before the statement holding `at`.
    fn early_exit(
        &self,
        statements: &[Statement<'a>],
        at: Span,
        name: &str,
        sig: &ActionSig,
    ) -> Option<bool> {
        for stmt in statements.iter().rev() {
            if stmt.span().end > at.start {
                continue;
            }
            // Only `res.ok` splits the outcomes in two: after `if (res.status === 401)
            // return`, the rest can still fail with another status.
            if let Statement::IfStatement(s) = stmt
                && s.alternate.is_none()
                && exits(&s.consequent)
                && tests_ok(&s.test, name)
                && let Some(ok) = self.condition(&s.test, name, sig, true)
            {
                return Some(!ok);
            }
        }
        None
    }

    /// What a test implies about success in the branch taken when it is `branch`.
    fn condition(
        &self,
        test: &Expression<'a>,
        name: &str,
        sig: &ActionSig,
        branch: bool,
    ) -> Option<bool> {
        match test.without_parentheses() {
            e if is_ok_member(e, name) => Some(branch),
            Expression::UnaryExpression(u) if u.operator == UnaryOperator::LogicalNot => {
                self.condition(&u.argument, name, sig, !branch)
            }
            Expression::BinaryExpression(b) if b.operator.is_equality() => {
                let (member, literal) = match (
                    b.left.without_parentheses(),
                    b.right.without_parentheses(),
                ) {
                    (Expression::StaticMemberExpression(m), Expression::NumericLiteral(n))
                    | (Expression::NumericLiteral(n), Expression::StaticMemberExpression(m)) => {
                        (m, n)
                    }
                    _ => return None,
                };
                if member.property.name != "status"
                    || !is_ident(&member.object, name)
                    || literal.value.fract() != 0.0
                {
                    return None;
                }
                let status = literal.value as u16;
                let ok = sig
                    .ok_status(status)
                    .unwrap_or((200..300).contains(&status));
                let equal = matches!(
                    b.operator,
                    BinaryOperator::Equality | BinaryOperator::StrictEquality
                );
                (equal == branch).then_some(ok)
            }
            _ => None,
        }
    }
}

/// `callee(args)` as prettier prints it with `lead` columns before it and `rest` after, on
/// a line indented by `indent` (the project's own unit: tabs or spaces).
fn layout_args(callee: &str, args: &[Arg], lead: usize, rest: usize, indent: &str) -> String {
    let args: Vec<crate::layout::Arg> = args
        .iter()
        .map(|a| match &a.props {
            Some(props) => crate::layout::Arg::Fields(props.clone(), a.expanded),
            None => crate::layout::Arg::Plain(a.flat.clone()),
        })
        .collect();
    let place = crate::layout::Place {
        indent,
        unit: super::edit::step(indent),
        lead,
        rest,
    };
    crate::layout::call_at(place, callee, &args)
}

/// Whether a test is `res.ok` or `!res.ok` (any depth of `!`).
/// `res.ok` or `res?.ok`.
fn is_ok_member(expr: &Expression<'_>, name: &str) -> bool {
    match expr.without_parentheses() {
        Expression::StaticMemberExpression(m) => {
            m.property.name == "ok" && is_ident(&m.object, name)
        }
        Expression::ChainExpression(chain) => matches!(
            &chain.expression,
            ChainElement::StaticMemberExpression(m)
                if m.property.name == "ok" && is_ident(&m.object, name)
        ),
        _ => false,
    }
}

fn tests_ok(test: &Expression<'_>, name: &str) -> bool {
    match test.without_parentheses() {
        e if is_ok_member(e, name) => true,
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::LogicalNot => {
            tests_ok(&u.argument, name)
        }
        _ => false,
    }
}

fn is_ident(expr: &Expression<'_>, name: &str) -> bool {
    matches!(expr.without_parentheses(), Expression::Identifier(id) if id.name == name)
}

/// Whether a statement always leaves the enclosing block.
fn exits(stmt: &Statement<'_>) -> bool {
    match stmt {
        Statement::ReturnStatement(_) | Statement::ThrowStatement(_) => true,
        Statement::BlockStatement(b) => b.body.last().is_some_and(exits),
        _ => false,
    }
}

/// An argument of the action call.
#[derive(Debug, Clone)]
struct Arg {
    flat: String,
    /// The properties, when it is an object literal whose properties fit on a line each.
    props: Option<Vec<String>>,
    /// An object literal that stays broken up, one property per line.
    expanded: bool,
}

impl Arg {
    fn object(props: Vec<String>) -> Arg {
        let flat = if props.is_empty() {
            "{}".to_string()
        } else {
            format!("{{ {} }}", props.join(", "))
        };
        Arg {
            flat,
            props: Some(props),
            expanded: false,
        }
    }
}

/// `id: id` → `id`.
fn property(key: &str, value: &str) -> String {
    if key == value {
        key.to_string()
    } else {
        format!("{key}: {value}")
    }
}

fn property_key(key: &str) -> String {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if plain {
        key.to_string()
    } else {
        ast::string_literal(key)
    }
}
