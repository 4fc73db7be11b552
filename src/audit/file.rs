//! One source file: parsed once, its module-level facts (directive, imports, exports) for
//! the project-wide rules, and the findings that need only the file itself.

use std::path::{Path, PathBuf};

use oxc_allocator::Allocator;
use oxc_ast::ast::{
    Declaration, ExportDefaultDeclarationKind, Expression, ImportDeclarationSpecifier,
    ModuleExportName, Program, Statement,
};

use super::rules::{self, PARSE_ERROR, USE_SERVER_EXPORTS};
use super::{Finding, actions, checks, slash};
use crate::project::Project;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Directive {
    Client,
    Server,
    None,
}

/// One import of another module (static, dynamic or re-export).
#[derive(Debug, Clone)]
pub struct Import {
    pub specifier: String,
    /// `import type …`: erased, bundles nothing.
    pub type_only: bool,
    /// `(imported, local)` names; `*` for a namespace, `default` for a default import.
    pub names: Vec<(String, String)>,
}

/// A name a `'use server'` module exports, and whether it is an action.
#[derive(Debug, Clone)]
pub struct Export {
    pub name: String,
    pub offset: u32,
    pub action: bool,
}

/// A top-level `const X = a.b(…).c(…)`: perhaps an action client (next-safe-action's
/// `createSafeActionClient().use(…)`), which later wrapped actions start from.
#[derive(Debug, Clone)]
pub struct ClientDef {
    pub name: String,
    /// Its chain checks a session (`.use(async … => { await auth() … })`).
    pub authenticates: bool,
    /// The identifier the chain starts from (`actionClient` in `actionClient.use(…)`).
    pub base: Option<String>,
}

/// What the project-wide rules need from a file.
#[derive(Debug)]
pub struct Facts {
    pub path: PathBuf,
    /// The path with `/`, as reports show it.
    pub name: String,
    pub text: std::sync::Arc<str>,
    pub parsed: bool,
    pub directive: Directive,
    pub imports: Vec<Import>,
    /// `import "server-only"`.
    pub server_only: bool,
    /// `process.env.X` reads of non-public variables.
    pub secret_env: Vec<(String, u32)>,
    /// Imports of server-only packages (database drivers, `node:fs`, …).
    pub server_imports: Vec<(String, u32)>,
    /// Top-level names a 'use server' module exports.
    pub exports: Vec<Export>,
    /// Functions called inside `Promise.all(...)`, by local name.
    pub promise_all: Vec<(String, u32)>,
    /// Whether the file is a proxy or middleware that checks a session.
    pub checks_session: bool,
    pub findings: Vec<Finding>,
    pub actions: Vec<actions::ActionResult>,
    /// Top-level call-chain constants (possible action clients).
    pub clients: Vec<ClientDef>,
    /// Imported names used other than as the callee of a call (passed, stored, rendered).
    pub passed: std::collections::HashSet<String>,
    pub route: Option<checks::RouteFacts>,
    /// What this file does with each route being classified (by job index).
    pub route_scans: Vec<(usize, crate::migrate::FileScan)>,
    pub ignores: Vec<Ignore>,
}

impl Facts {
    pub fn at(&self, offset: u32) -> (usize, usize) {
        crate::syntax::line_col(&self.text, offset as usize)
    }

    pub fn finding(&self, rule: rules::Rule, offset: u32, message: String) -> Finding {
        rule.at(&self.name, self.at(offset), message)
    }

    /// A test, mock or end-to-end helper: not app code.
    pub fn is_test(&self) -> bool {
        self.path.components().any(|c| {
            matches!(
                c.as_os_str().to_str(),
                Some(
                    "__tests__" | "tests" | "test" | "e2e" | "__mocks__" | "playwright" | "cypress"
                )
            )
        }) || [".test.", ".spec.", ".stories."]
            .iter()
            .any(|t| self.name.contains(t))
    }

    /// Whether this is an App Router special file that runs only on the server (a route
    /// handler, the proxy) or a config or script, which nothing bundles for the browser.
    pub fn is_entry(&self, project: &Project) -> bool {
        let stem = self.path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let in_app = self.path.starts_with(&project.app_dir);
        (in_app
            && matches!(
                stem,
                "route"
                    | "page"
                    | "layout"
                    | "template"
                    | "default"
                    | "opengraph-image"
                    | "twitter-image"
                    | "icon"
                    | "sitemap"
                    | "robots"
                    | "manifest"
            ))
            || (self.path.parent() == Some(project.src_dir.as_path())
                && matches!(stem, "middleware" | "proxy")
                || stem.starts_with("instrumentation"))
            || self.is_test()
            || stem.contains(".config")
            || stem.ends_with(".test")
            || stem.ends_with(".spec")
            || stem.ends_with(".stories")
            || self.path.components().any(|c| {
                matches!(
                    c.as_os_str().to_str(),
                    Some(
                        "scripts"
                            | "tests"
                            | "test"
                            | "__tests__"
                            | "e2e"
                            | "prisma"
                            | "drizzle"
                            | "migrations"
                            | "seed"
                    )
                )
            })
    }
}

/// A `// scaffold-audit-ignore <rule>[, <rule>]: reason` comment.
#[derive(Debug, Clone)]
pub struct Ignore {
    pub rules: Vec<String>,
    pub reason: bool,
    /// The comment's byte range and the line after it.
    pub start: u32,
    pub end: u32,
    pub next_line: usize,
}

pub fn analyze(
    project: &Project,
    rel: &Path,
    text: String,
    routes: &[crate::migrate::RouteJob],
) -> Facts {
    let text: std::sync::Arc<str> = text.into();
    let mut facts = Facts {
        path: rel.to_path_buf(),
        name: slash(rel),
        text: text.clone(),
        parsed: false,
        directive: Directive::None,
        imports: Vec::new(),
        server_only: false,
        secret_env: Vec::new(),
        server_imports: Vec::new(),
        exports: Vec::new(),
        promise_all: Vec::new(),
        checks_session: false,
        findings: Vec::new(),
        actions: Vec::new(),
        clients: Vec::new(),
        passed: std::collections::HashSet::new(),
        route: None,
        route_scans: Vec::new(),
        ignores: Vec::new(),
    };
    let allocator = Allocator::default();
    let parsed = match crate::migrate::ast::parse(&allocator, rel, &text) {
        Ok(parsed) => parsed,
        Err(error) => {
            for (k, job) in routes.iter().enumerate() {
                if job.wants(rel, &text) {
                    facts
                        .route_scans
                        .push((k, job.unreadable(project, rel, &text)));
                }
            }
            let message = error.to_string();
            // `path:line:col: message`
            let mut numbers = message
                .strip_prefix(facts.name.as_str())
                .unwrap_or("")
                .split(':')
                .skip(1)
                .map(|n| n.trim().parse::<usize>().unwrap_or(1));
            let (line, column) = (numbers.next().unwrap_or(1), numbers.next().unwrap_or(1));
            facts.findings.push(PARSE_ERROR.at(
                &facts.name,
                (line.max(1), column.max(1)),
                format!("{message}; its actions, imports and routes were not checked"),
            ));
            return facts;
        }
    };
    facts.parsed = true;
    let program = &parsed.program;
    for (k, job) in routes.iter().enumerate() {
        if job.wants(rel, &text) {
            facts
                .route_scans
                .push((k, job.scan(project, rel, &text, program)));
        }
    }
    facts.directive = if has_directive(program, "use client") {
        Directive::Client
    } else if has_directive(program, "use server") {
        Directive::Server
    } else {
        Directive::None
    };
    facts.ignores = ignores(program, &text);
    module_facts(program, &mut facts);
    let route = is_route_file(project, rel);
    let out = checks::run(program, &facts, route);
    // t3-env's createEnv: server variables throw or stay undefined on the client by design.
    let env_schema = facts
        .imports
        .iter()
        .any(|i| i.specifier.starts_with("@t3-oss/env"));
    if !env_schema {
        facts.secret_env = out.secret_env;
    }
    facts.server_imports.extend(out.server_apis);
    facts.promise_all = out.promise_all;
    facts.findings.extend(out.findings);
    facts.route = out.route;
    facts.checks_session = out.checks_session;
    let found = actions::analyze(program, &facts);
    facts.findings.extend(found.findings);
    facts.actions = found.actions;
    if facts.directive == Directive::Server {
        let exports = std::mem::take(&mut facts.exports);
        for e in exports.iter().filter(|e| !e.action) {
            let f = facts.finding(
                USE_SERVER_EXPORTS,
                e.offset,
                format!(
                    "`{}` is exported from a 'use server' file but is not an async function",
                    e.name
                ),
            );
            facts.findings.push(f);
        }
        facts.exports = exports;
    }
    // The project-wide rules locate findings only in files with something to report;
    // the other texts need not stay in memory for the rest of the run.
    let needed = !facts.secret_env.is_empty()
        || !facts.server_imports.is_empty()
        || !facts.promise_all.is_empty()
        || !facts.actions.is_empty()
        || !facts.ignores.is_empty()
        || facts.route.is_some();
    if !needed {
        facts.text = std::sync::Arc::from("");
    }
    facts
}

fn has_directive(program: &Program<'_>, name: &str) -> bool {
    program
        .directives
        .iter()
        .any(|d| d.expression.value.as_str() == name)
}

fn is_route_file(project: &Project, rel: &Path) -> bool {
    rel.starts_with(&project.app_dir) && rel.file_stem().is_some_and(|s| s == "route")
}

/// Imports, `server-only`, server packages, and (in 'use server' files) the exports.
fn module_facts<'a>(program: &'a Program<'a>, facts: &mut Facts) {
    let server_file = facts.directive == Directive::Server;
    for stmt in &program.body {
        match stmt {
            Statement::ImportDeclaration(decl) => {
                let specifier = decl.source.value.to_string();
                if specifier == "server-only" {
                    facts.server_only = true;
                }
                let names = decl
                    .specifiers
                    .iter()
                    .flatten()
                    .filter(|s| match s {
                        ImportDeclarationSpecifier::ImportSpecifier(s) => !s.import_kind.is_type(),
                        _ => true,
                    })
                    .map(|s| match s {
                        ImportDeclarationSpecifier::ImportSpecifier(s) => {
                            (s.imported.name().to_string(), s.local.name.to_string())
                        }
                        ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                            ("default".to_string(), s.local.name.to_string())
                        }
                        ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                            ("*".to_string(), s.local.name.to_string())
                        }
                    })
                    .collect::<Vec<_>>();
                // `import { type A } from` with only type specifiers is erased too.
                let type_only = decl.import_kind.is_type()
                    || (decl.specifiers.as_ref().is_some_and(|s| !s.is_empty())
                        && names.is_empty());
                if !type_only && super::names::is_server_package(&specifier) {
                    facts
                        .server_imports
                        .push((specifier.clone(), decl.span.start));
                }
                facts.imports.push(Import {
                    specifier,
                    type_only,
                    names,
                });
            }
            Statement::ExportFromDeclaration(decl) => facts.imports.push(Import {
                specifier: decl.source.value.to_string(),
                type_only: decl.export_kind.is_type(),
                names: decl
                    .specifiers
                    .iter()
                    .map(|s| (s.local.name().to_string(), s.exported.name().to_string()))
                    .collect(),
            }),
            Statement::ExportAllDeclaration(decl) => facts.imports.push(Import {
                specifier: decl.source.value.to_string(),
                type_only: decl.export_kind.is_type(),
                names: vec![("*".into(), "*".into())],
            }),
            Statement::ExportDeclaration(export) if server_file => {
                declaration_exports(&export.declaration, program, &mut facts.exports);
            }
            Statement::ExportNamedDeclaration(export)
                if server_file && !export.export_kind.is_type() =>
            {
                for spec in &export.specifiers {
                    if spec.export_kind.is_type() {
                        continue;
                    }
                    let local = match &spec.local {
                        ModuleExportName::IdentifierReference(id) => id.name.as_str(),
                        _ => continue,
                    };
                    facts.exports.push(Export {
                        name: spec.exported.name().to_string(),
                        offset: spec.span.start,
                        action: local_is_async(program, local).unwrap_or(true),
                    });
                }
            }
            Statement::ExportDefaultDeclaration(export) if server_file => {
                let action = match &export.declaration {
                    ExportDefaultDeclarationKind::FunctionDeclaration(f) => f.r#async,
                    ExportDefaultDeclarationKind::ClassDeclaration(_) => false,
                    ExportDefaultDeclarationKind::TSInterfaceDeclaration(_) => true,
                    other => other
                        .as_expression()
                        .is_none_or(|e| value_is_action(e, program)),
                };
                facts.exports.push(Export {
                    name: "default".into(),
                    offset: export.span.start,
                    action,
                });
            }
            _ => {}
        }
    }
    // A named import used only in types is erased like `import type` (TypeScript's and
    // SWC's default), so it bundles nothing.
    let mut refs = ValueRefs::default();
    oxc_ast_visit::Visit::visit_program(&mut refs, program);
    for import in &mut facts.imports {
        if !import.type_only
            && !import.names.is_empty()
            && import
                .names
                .iter()
                .all(|(_, local)| !refs.names.contains(local.as_str()))
        {
            import.type_only = true;
        }
    }
    facts.server_imports.retain(|(spec, _)| {
        facts
            .imports
            .iter()
            .any(|i| &i.specifier == spec && !i.type_only)
    });
    facts.passed = facts
        .imports
        .iter()
        .flat_map(|i| i.names.iter().map(|(_, local)| local))
        .filter(|local| refs.passed.contains(local.as_str()))
        .cloned()
        .collect();
    facts.clients = client_defs(program);
    // Dynamic `import("…")` anywhere bundles the module too.
    facts
        .imports
        .extend(refs.dynamic.into_iter().map(|specifier| Import {
            specifier,
            type_only: false,
            names: vec![("*".into(), "*".into())],
        }));
}

fn client_defs(program: &Program<'_>) -> Vec<ClientDef> {
    let mut out = Vec::new();
    for stmt in &program.body {
        let decl = match stmt {
            Statement::ExportDeclaration(e) => &e.declaration,
            other => match other.as_declaration() {
                Some(d) => d,
                None => continue,
            },
        };
        let Declaration::VariableDeclaration(var) = decl else {
            continue;
        };
        for d in &var.declarations {
            let (Some(id), Some(Expression::CallExpression(call))) = (
                d.id.get_binding_identifier(),
                d.init.as_ref().map(Expression::without_parentheses),
            ) else {
                continue;
            };
            let mut finder = actions::AuthInChain::default();
            oxc_ast_visit::Visit::visit_call_expression(&mut finder, call);
            out.push(ClientDef {
                name: id.name.to_string(),
                authenticates: finder.found,
                base: actions::chain_root(call),
            });
        }
    }
    out
}

fn declaration_exports(decl: &Declaration<'_>, program: &Program<'_>, out: &mut Vec<Export>) {
    match decl {
        Declaration::FunctionDeclaration(f) => out.push(Export {
            name: f
                .id
                .as_ref()
                .map(|i| i.name.to_string())
                .unwrap_or_default(),
            offset: f.span.start,
            action: f.r#async || f.declare,
        }),
        Declaration::VariableDeclaration(var) => {
            for d in &var.declarations {
                let name =
                    d.id.get_binding_identifier()
                        .map(|i| i.name.to_string())
                        .unwrap_or_else(|| "(destructured)".into());
                out.push(Export {
                    name,
                    offset: d.span.start,
                    action: var.declare
                        || d.init.as_ref().is_some_and(|e| value_is_action(e, program)),
                });
            }
        }
        Declaration::ClassDeclaration(c) => out.push(Export {
            name: c
                .id
                .as_ref()
                .map(|i| i.name.to_string())
                .unwrap_or_default(),
            offset: c.span.start,
            action: c.declare,
        }),
        // Types and interfaces are erased; enums are values.
        Declaration::TSEnumDeclaration(e) => out.push(Export {
            name: e.id.name.to_string(),
            offset: e.span.start,
            action: e.declare,
        }),
        _ => {}
    }
}

/// Whether an exported value can be a Server Action: an async function, or a call (a
/// wrapper such as next-safe-action's `.action(...)`, which returns one).
fn value_is_action(expr: &Expression<'_>, program: &Program<'_>) -> bool {
    match expr.without_parentheses() {
        Expression::ArrowFunctionExpression(a) => a.r#async,
        Expression::FunctionExpression(f) => f.r#async,
        // A wrapper that returns an action takes a function (`cache(async …)`,
        // `client.action(async …)`, `withAuth(handler)`); `z.object({…})` takes none.
        Expression::CallExpression(call) => wraps_function(call, program),
        Expression::AwaitExpression(_) => true,
        Expression::Identifier(id) => local_is_async(program, id.name.as_str()).unwrap_or(true),
        Expression::TSAsExpression(e) => value_is_action(&e.expression, program),
        Expression::TSSatisfiesExpression(e) => value_is_action(&e.expression, program),
        _ => false,
    }
}

/// Whether some call of a chain (`a.b(x).c(async () => …)`) is given a function.
fn wraps_function(call: &oxc_ast::ast::CallExpression<'_>, program: &Program<'_>) -> bool {
    let given = call
        .arguments
        .iter()
        .filter_map(|a| a.as_expression())
        .any(|e| match e.without_parentheses() {
            Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_) => true,
            Expression::Identifier(id) => local_is_async(program, id.name.as_str()).unwrap_or(true),
            Expression::CallExpression(inner) => wraps_function(inner, program),
            _ => false,
        });
    given
        || match call.callee.without_parentheses() {
            Expression::StaticMemberExpression(m) => match m.object.without_parentheses() {
                Expression::CallExpression(inner) => wraps_function(inner, program),
                _ => false,
            },
            _ => false,
        }
}

/// Whether a top-level function or const of this file is async; `None` when it is not
/// declared here (an import).
fn local_is_async(program: &Program<'_>, name: &str) -> Option<bool> {
    for stmt in &program.body {
        let decl = match stmt {
            Statement::ExportDeclaration(e) => &e.declaration,
            other => match other.as_declaration() {
                Some(d) => d,
                None => continue,
            },
        };
        match decl {
            Declaration::FunctionDeclaration(f)
                if f.id.as_ref().is_some_and(|i| i.name == name) =>
            {
                return Some(f.r#async);
            }
            Declaration::VariableDeclaration(var) => {
                for d in &var.declarations {
                    if d.id
                        .get_binding_identifier()
                        .is_some_and(|i| i.name == name)
                    {
                        return Some(d.init.as_ref().is_some_and(|e| value_is_action(e, program)));
                    }
                }
            }
            Declaration::ClassDeclaration(c) if c.id.as_ref().is_some_and(|i| i.name == name) => {
                return Some(false);
            }
            _ => {}
        }
    }
    None
}

/// Identifiers referenced as values (types skipped), and literal `import("…")`s.
#[derive(Default)]
struct ValueRefs<'a> {
    names: rustc_hash::FxHashSet<&'a str>,
    /// Referenced other than as a direct callee.
    passed: rustc_hash::FxHashSet<&'a str>,
    dynamic: Vec<String>,
}

impl<'a> oxc_ast_visit::Visit<'a> for ValueRefs<'a> {
    fn visit_identifier_reference(&mut self, it: &oxc_ast::ast::IdentifierReference<'a>) {
        self.names.insert(it.name.as_str());
        self.passed.insert(it.name.as_str());
    }
    fn visit_call_expression(&mut self, it: &oxc_ast::ast::CallExpression<'a>) {
        if let Expression::Identifier(id) = &it.callee {
            self.names.insert(id.name.as_str());
            for arg in &it.arguments {
                self.visit_argument(arg);
            }
        } else {
            oxc_ast_visit::walk::walk_call_expression(self, it);
        }
    }
    fn visit_import_expression(&mut self, it: &oxc_ast::ast::ImportExpression<'a>) {
        if let Some(spec) = crate::migrate::ast::string_value(&it.source) {
            self.dynamic.push(spec);
        }
        oxc_ast_visit::walk::walk_import_expression(self, it);
    }
    fn visit_ts_type(&mut self, _: &oxc_ast::ast::TSType<'a>) {}
    fn visit_ts_interface_declaration(&mut self, _: &oxc_ast::ast::TSInterfaceDeclaration<'a>) {}
    fn visit_ts_type_alias_declaration(&mut self, _: &oxc_ast::ast::TSTypeAliasDeclaration<'a>) {}
}

/// The `scaffold-audit-ignore` comments of a file.
fn ignores(program: &Program<'_>, text: &str) -> Vec<Ignore> {
    const MARK: &str = "scaffold-audit-ignore";
    let mut out = Vec::new();
    for comment in &program.comments {
        let span = comment.span;
        let body = &text[span.start as usize..span.end as usize];
        let body = body
            .trim_start_matches("//")
            .trim_start_matches("/*")
            .trim_end_matches("*/")
            .trim();
        let Some(rest) = body.strip_prefix(MARK) else {
            continue;
        };
        let (list, reason) = match rest.split_once(':') {
            Some((list, reason)) => (list, !reason.trim().is_empty()),
            None => (rest, false),
        };
        let rules = list
            .split([',', ' '])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect();
        let (line, _) = crate::syntax::line_col(text, span.end as usize);
        out.push(Ignore {
            rules,
            reason,
            start: span.start,
            end: span.end,
            next_line: line + 1,
        });
    }
    out
}

/// Drops the findings a `scaffold-audit-ignore` comment covers: on the finding's line, on
/// the line before it, or inside the action it is about. Returns the rest and how many
/// were dropped; a suppression without a reason is itself a finding (and suppresses
/// nothing).
pub fn suppress(files: &[Facts], findings: Vec<Finding>) -> (Vec<Finding>, usize) {
    let by_name: std::collections::HashMap<&str, &Facts> =
        files.iter().map(|f| (f.name.as_str(), f)).collect();
    let mut kept = Vec::new();
    let mut dropped = 0;
    for finding in findings {
        let Some(file) = by_name.get(finding.file.as_str()) else {
            kept.push(finding);
            continue;
        };
        let covered = file.ignores.iter().any(|ig| {
            ig.reason
                && ig.rules.iter().any(|r| r == finding.rule)
                && (file.at(ig.start).0 == finding.line
                    || ig.next_line == finding.line
                    || finding
                        .scope
                        .iter()
                        .any(|&(s, e)| ig.start >= s && ig.end <= e))
        });
        if covered {
            dropped += 1;
        } else {
            kept.push(finding);
        }
    }
    for file in files {
        for ig in &file.ignores {
            if !ig.reason {
                kept.push(file.finding(
                    rules::IGNORE_WITHOUT_REASON,
                    ig.start,
                    format!(
                        "`scaffold-audit-ignore {}` has no reason, so it suppresses nothing",
                        ig.rules.join(", ")
                    ),
                ));
            } else if let Some(unknown) = ig.rules.iter().find(|r| rules::by_id(r).is_none()) {
                let mut f = file.finding(
                    rules::IGNORE_WITHOUT_REASON,
                    ig.start,
                    format!("`{unknown}` is not a rule of scaffold audit"),
                );
                f.fix = format!(
                    "use one of: {}",
                    rules::RULES
                        .iter()
                        .map(|r| r.id)
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                kept.push(f);
            }
        }
    }
    (kept, dropped)
}
