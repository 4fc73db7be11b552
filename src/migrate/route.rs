//! The route side: find the handlers, decide whether the route may move, and translate
//! each mutating handler into an action (text edits over the original source).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use anyhow::{Result, bail};
use heck::{ToLowerCamelCase, ToUpperCamelCase};
use oxc_allocator::Allocator;
use oxc_ast::AstKind;
use oxc_ast::ast::{
    ArrowFunctionBody, ArrowFunctionExpression, BinaryOperator, BindingPattern, Declaration,
    Expression, FormalParameters, Function, ImportDeclarationSpecifier, ModuleExportName,
    ObjectPropertyKind, Program, Statement, TSTypeName,
};
use oxc_ast_visit::{Visit, walk};
use oxc_semantic::Semantic;
use oxc_span::{GetSpan, Span};
use oxc_syntax::node::NodeId;
use oxc_syntax::symbol::SymbolId;

use super::ast::{self, arg, dotted, string_value, up, within};
use super::edit::{Edit, Piece, Replace, render};
use super::{Reason, ReasonKind, location};
use crate::spec::names;
use crate::spec::segment::{Part, Segment};

const MUTATING: &[&str] = &["POST", "PUT", "PATCH", "DELETE"];
const METHODS: &[&str] = &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
/// Route segment config: meaningless for an action.
const CONFIG: &[&str] = &[
    "dynamic",
    "dynamicParams",
    "revalidate",
    "fetchCache",
    "runtime",
    "preferredRegion",
    "maxDuration",
];

/// How the body reaches the handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Json,
    Form,
}

/// The signature of one action, as callers need it.
#[derive(Debug, Clone)]
pub struct ActionSig {
    pub method: String,
    pub name: String,
    pub takes_params: bool,
    pub body: Option<Body>,
    pub query: bool,
    /// Every `(ok, status)` the action can return.
    pub results: Vec<(bool, u16)>,
    /// The sides (`ok`) on which some result carries text, and those on which some result
    /// carries JSON: a caller's `res.text()` or `res.json()` is rewritten only where every
    /// body on its side is of that kind.
    pub text_sides: Vec<bool>,
    pub json_sides: Vec<bool>,
}

impl ActionSig {
    /// Whether a caller can treat `status` as success.
    /// Whether some result on the `ok` side carries text (`new Response("…")`).
    pub fn text_on(&self, ok: bool) -> bool {
        self.text_sides.contains(&ok)
    }

    /// Whether some result on the `ok` side carries JSON.
    pub fn json_on(&self, ok: bool) -> bool {
        self.json_sides.contains(&ok)
    }

    pub fn ok_status(&self, status: u16) -> Option<bool> {
        self.results
            .iter()
            .find(|(_, s)| *s == status)
            .map(|(ok, _)| *ok)
    }
}

/// An import the action module needs: `import <clause> from "<specifier>";`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportLine {
    /// `{ db }`, `type { Post }`, `Stripe`; `None` for a side-effect import.
    pub clause: Option<String>,
    pub specifier: String,
    /// The names it binds.
    pub locals: Vec<String>,
    /// The specifiers as written, when the clause is only `{ … }` of values (so it can join
    /// an existing import of the same module).
    pub named: Option<Vec<String>>,
    /// The specifier is already relative to the new module (the shared module beside it),
    /// not to the route.
    pub beside: bool,
}

/// The module that takes the declarations other files import from the route (a schema for
/// client-side validation, a type), so they survive the route's removal. It sits beside
/// the actions, which import from it what they use.
#[derive(Debug, Clone, Default)]
pub struct SharedModule {
    pub imports: Vec<ImportLine>,
    /// Declarations with `export`.
    pub declarations: Vec<String>,
}

/// The shared module's file name, beside the actions module.
pub const SHARED_MODULE: &str = "schema";

#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub reasons: Vec<Reason>,
    pub actions: Vec<ActionSig>,
    /// Handlers that stay in the route (GET, HEAD).
    pub kept_methods: Vec<String>,
    pub imports: Vec<ImportLine>,
    /// Module-level declarations the actions use, `export` removed.
    pub declarations: Vec<String>,
    /// The actions themselves.
    pub functions: Vec<String>,
    /// Top-level names the action module declares (for clash checks when merging).
    pub declared: Vec<String>,
    /// The route without the migrated handlers (and what only they used); `None` when
    /// nothing would remain.
    pub remainder: Option<String>,
    /// What other files import from the route, moved to its own module.
    pub shared: Option<SharedModule>,
    pub notes: Vec<String>,
    /// Notes on the moved code itself, shown only when the migration goes ahead.
    pub outcome_notes: Vec<String>,
}

/// One exported handler.
struct Handler<'a> {
    method: String,
    /// The statement that holds it (moved or removed as a whole).
    statement: Span,
    func: Func<'a>,
    /// The identifier to rename to the action's name.
    name_span: Span,
    /// `export { handler as POST }`: the statement lacks `export`.
    needs_export: bool,
    /// For `export { handler as POST }`, the local name.
    local_name: Option<String>,
}

#[derive(Clone, Copy)]
enum Func<'a> {
    Function(&'a Function<'a>),
    Arrow(&'a ArrowFunctionExpression<'a>),
}

impl<'a> Func<'a> {
    fn span(self) -> Span {
        match self {
            Func::Function(f) => f.span,
            Func::Arrow(a) => a.span,
        }
    }
    fn params(self) -> &'a FormalParameters<'a> {
        match self {
            Func::Function(f) => &f.params,
            Func::Arrow(a) => &a.params,
        }
    }
    fn is_async(self) -> bool {
        match self {
            Func::Function(f) => f.r#async,
            Func::Arrow(a) => a.r#async,
        }
    }
    fn return_type(self) -> Option<Span> {
        match self {
            Func::Function(f) => f.return_type.as_ref().map(|t| t.span),
            Func::Arrow(a) => a.return_type.as_ref().map(|t| t.span),
        }
    }
    fn node_id(self) -> NodeId {
        match self {
            Func::Function(f) => f.node_id.get(),
            Func::Arrow(a) => a.node_id.get(),
        }
    }
}

/// Analyzes the route file and, when it may move, translates its mutating handlers.
/// What other modules import from the route, which moves to a module of its own.
#[derive(Debug, Clone, Default)]
pub struct Sharing {
    /// The names, with where they are imported.
    pub names: Vec<(String, String)>,
    /// The shared module's specifier as the route would import it (when the route stays).
    pub from_route: String,
}

pub fn analyze(path: &Path, text: &str, segment: &Segment, sharing: &Sharing) -> Result<Analysis> {
    if text.trim().is_empty() {
        bail!(
            "{} is empty: there is no handler to migrate",
            path.to_string_lossy().replace('\\', "/")
        );
    }
    let allocator = Allocator::default();
    let parsed = ast::parse(&allocator, path, text)?;
    let program = &parsed.program;
    let semantic = ast::semantic(program);
    let mut cx = Cx {
        path,
        text,
        program,
        semantic: &semantic,
        reasons: Vec::new(),
        notes: Vec::new(),
        outcome: Vec::new(),
    };
    let handlers = cx.handlers();
    if handlers.is_empty() && !cx.reasons.is_empty() {
        return Ok(Analysis {
            reasons: cx.reasons,
            ..Analysis::default()
        });
    }
    if handlers.is_empty() {
        bail!(
            "{} exports no route handler (GET, POST, PUT, PATCH, DELETE): is it a route file?",
            path.to_string_lossy().replace('\\', "/")
        );
    }
    cx.blockers(&handlers);

    let mutating: Vec<&Handler> = handlers
        .iter()
        .filter(|h| MUTATING.contains(&h.method.as_str()))
        .collect();
    if mutating.is_empty() {
        let at = handlers[0].statement.start;
        cx.reason(
            ReasonKind::Unsupported,
            at,
            "no mutating handler (POST, PUT, PATCH, DELETE): Server Actions are for mutations, and reads stay a route or move into a Server Component",
        );
    }
    let mut analysis = Analysis {
        kept_methods: handlers
            .iter()
            .filter(|h| !MUTATING.contains(&h.method.as_str()))
            .map(|h| h.method.clone())
            .collect(),
        ..Analysis::default()
    };
    let mut edits = Vec::new();
    let mut names_used = HashSet::new();
    let mut flags = Needs::default();
    for handler in &mutating {
        let name = cx.action_name(segment, handler, &names_used);
        names_used.insert(name.clone());
        if let Some(sig) = cx.translate(handler, segment, &name, &mut edits, &mut flags) {
            analysis.actions.push(sig);
        }
    }
    analysis.reasons = std::mem::take(&mut cx.reasons);
    analysis.notes = std::mem::take(&mut cx.notes);
    analysis.outcome_notes = std::mem::take(&mut cx.outcome);
    // Judgement calls (edge runtime, API keys…) still emit: `--force` may override them,
    // and an action without its handler's code must never be written.
    if has_final_reason(&analysis.reasons) || analysis.actions.is_empty() {
        return Ok(analysis);
    }
    cx.emit(&mut analysis, &handlers, &mutating, &edits, flags, sharing)?;
    Ok(analysis)
}

/// Whether a reason `--force` cannot override stands: then nothing is emitted.
fn has_final_reason(reasons: &[Reason]) -> bool {
    reasons.iter().any(|r| !r.kind.overridable())
}

/// The type of a JSON body the route trusted: what `request.json()` returned.
const TRUSTED_BODY_TYPE: &str = "any";

/// A response's status: a literal, or an expression (`error.status || 500`).
#[derive(Debug, Clone, Copy)]
enum Status {
    Code(u16),
    Computed(Span),
}

/// Imports the translation adds.
#[derive(Debug, Default, Clone)]
struct Needs {
    /// The local names `headers()` / `cookies()` of next/headers are imported as (aliased
    /// where the handler already uses the name).
    headers: BTreeSet<String>,
    cookies: BTreeSet<String>,
    /// Top-level names that generated text refers to (`Schema.safeParse`).
    names: Vec<String>,
}

/// Names the translation introduces into one handler, chosen so they clash with nothing it
/// declares or the module declares at the top.
struct Fresh {
    query: String,
    params: String,
    headers: String,
    cookies: String,
}

struct Cx<'s, 'a> {
    path: &'s Path,
    text: &'a str,
    program: &'a Program<'a>,
    semantic: &'s Semantic<'a>,
    reasons: Vec<Reason>,
    notes: Vec<String>,
    /// Warnings about the moved code, shown only when the migration goes ahead.
    outcome: Vec<String>,
}

impl<'s, 'a> Cx<'s, 'a> {
    fn loc(&self, offset: u32) -> String {
        location(self.path, self.text, offset)
    }

    fn reason(&mut self, kind: ReasonKind, at: u32, message: impl Into<String>) {
        let location = self.loc(at);
        let message = message.into();
        if !self
            .reasons
            .iter()
            .any(|r| r.location == location && r.message == message)
        {
            self.reasons.push(Reason::new(kind, location, message));
        }
    }

    fn src(&self, span: Span) -> &'a str {
        ast::text(self.text, span)
    }

    /// Every exported HTTP method handler, in source order.
    fn handlers(&mut self) -> Vec<Handler<'a>> {
        let mut out = Vec::new();
        let program = self.program;
        for stmt in &program.body {
            match stmt {
                Statement::ExportDeclaration(export) => {
                    self.exported_declaration(&export.declaration, export.span, &mut out);
                }
                Statement::ExportFromDeclaration(export) => {
                    for spec in &export.specifiers {
                        let name = spec.exported.name();
                        if METHODS.contains(&name.as_str()) {
                            self.reason(
                                ReasonKind::Wrapper,
                                spec.span.start,
                                format!("{name} is re-exported from another module; migrate that module's handler instead"),
                            );
                        }
                    }
                }
                Statement::ExportNamedDeclaration(export) => {
                    for spec in &export.specifiers {
                        let exported = spec.exported.name();
                        if !METHODS.contains(&exported.as_str()) {
                            continue;
                        }
                        let ModuleExportName::IdentifierReference(local) = &spec.local else {
                            continue;
                        };
                        match self.local_function(local.name.as_str()) {
                            Some((statement, func, name_span)) => out.push(Handler {
                                method: exported.to_string(),
                                statement,
                                func,
                                name_span,
                                needs_export: true,
                                local_name: Some(local.name.to_string()),
                            }),
                            None => self.reason(
                                ReasonKind::Wrapper,
                                spec.span.start,
                                format!(
                                    "{exported} is `{}`, which is not a function declared in this file; the tool cannot see through it",
                                    local.name
                                ),
                            ),
                        }
                    }
                }
                Statement::ExportDefaultDeclaration(export) => {
                    self.reason(
                        ReasonKind::Unsupported,
                        export.span.start,
                        "a default export is not a route handler; route files export named HTTP methods",
                    );
                }
                _ => {}
            }
        }
        out
    }

    fn exported_declaration(
        &mut self,
        decl: &'a Declaration<'a>,
        statement: Span,
        out: &mut Vec<Handler<'a>>,
    ) {
        match decl {
            Declaration::FunctionDeclaration(f) => {
                if let Some(id) = &f.id
                    && METHODS.contains(&id.name.as_str())
                {
                    out.push(Handler {
                        method: id.name.to_string(),
                        statement,
                        func: Func::Function(f),
                        name_span: id.span,
                        needs_export: false,
                        local_name: None,
                    });
                }
            }
            Declaration::VariableDeclaration(var) => {
                for d in &var.declarations {
                    match &d.id {
                        BindingPattern::BindingIdentifier(id) => {
                            let name = id.name.as_str();
                            // `runtime = "edge"` is a deployment choice, not a consumer:
                            // the callers found decide, and the segment config note says
                            // the action runs under its page's config.
                            if !METHODS.contains(&name) {
                                continue;
                            }
                            match d.init.as_ref().map(Expression::without_parentheses) {
                                Some(Expression::ArrowFunctionExpression(a)) => out.push(Handler {
                                    method: name.to_string(),
                                    statement,
                                    func: Func::Arrow(a),
                                    name_span: id.span,
                                    needs_export: false,
                                    local_name: None,
                                }),
                                Some(Expression::FunctionExpression(f)) => out.push(Handler {
                                    method: name.to_string(),
                                    statement,
                                    func: Func::Function(f),
                                    name_span: id.span,
                                    needs_export: false,
                                    local_name: None,
                                }),
                                Some(Expression::CallExpression(call)) => {
                                    let wrapper = dotted(&call.callee)
                                        .unwrap_or_else(|| "a function".to_string());
                                    self.reason(
                                        ReasonKind::Wrapper,
                                        d.span.start,
                                        format!(
                                            "{name} is wrapped in `{wrapper}(…)`, a higher-order handler the tool cannot see through (it may authenticate, parse or respond on its own); unwrap it first"
                                        ),
                                    );
                                }
                                _ => self.reason(
                                    ReasonKind::Wrapper,
                                    d.span.start,
                                    format!("{name} is not a function literal; the tool cannot see what it does"),
                                ),
                            }
                        }
                        BindingPattern::ObjectPattern(pattern) => {
                            for p in &pattern.properties {
                                if let Some(name) = p.key.static_name()
                                    && METHODS.contains(&name.as_ref())
                                {
                                    self.reason(
                                        ReasonKind::Wrapper,
                                        p.span.start,
                                        format!("{name} comes from destructuring `{}` (e.g. Auth.js handlers), which the tool cannot see through", d.init.as_ref().map(|i| self.src(i.span())).unwrap_or("")),
                                    );
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    /// A top-level `function name` or `const name = async (…) => …` in this file.
    fn local_function(&self, name: &str) -> Option<(Span, Func<'a>, Span)> {
        for stmt in &self.program.body {
            match stmt {
                Statement::FunctionDeclaration(f)
                    if f.id.as_ref().is_some_and(|id| id.name == name) =>
                {
                    let id = f.id.as_ref()?;
                    return Some((f.span, Func::Function(f), id.span));
                }
                Statement::VariableDeclaration(var) if var.declarations.len() == 1 => {
                    let d = &var.declarations[0];
                    if let BindingPattern::BindingIdentifier(id) = &d.id
                        && id.name == name
                    {
                        return match d.init.as_ref().map(Expression::without_parentheses) {
                            Some(Expression::ArrowFunctionExpression(a)) => {
                                Some((var.span, Func::Arrow(a), id.span))
                            }
                            Some(Expression::FunctionExpression(f)) => {
                                Some((var.span, Func::Function(f), id.span))
                            }
                            _ => None,
                        };
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Facts that make the route stay a route, wherever they occur outside GET/HEAD.
    fn blockers(&mut self, handlers: &[Handler<'a>]) {
        // What GET does stays in the route, unless there is nothing else to move.
        let any_mutating = handlers
            .iter()
            .any(|h| MUTATING.contains(&h.method.as_str()));
        let reads: Vec<Span> = handlers
            .iter()
            .filter(|h| !MUTATING.contains(&h.method.as_str()) && h.method != "OPTIONS")
            .filter(|_| any_mutating)
            .map(|h| h.statement)
            .collect();
        for h in handlers.iter().filter(|h| h.method == "OPTIONS") {
            self.reason(
                ReasonKind::Cors,
                h.statement.start,
                "exports OPTIONS: it answers CORS preflights, so cross-origin browsers call it; Server Actions are same-origin only",
            );
        }
        let mut finder = BlockerFinder {
            found: Vec::new(),
            svix: HashSet::new(),
        };
        finder.visit_program(self.program);
        for (kind, span, message) in finder.found {
            if reads.iter().any(|r| within(span, *r)) {
                continue; // inside a handler that stays
            }
            self.reason(kind, span.start, message);
        }
    }

    /// The action's name: the local function's own name for `export { createPost as POST }`,
    /// else verb + resource (`createPost`, `updatePost`, `likePost`).
    fn action_name(
        &self,
        segment: &Segment,
        handler: &Handler<'a>,
        used: &HashSet<String>,
    ) -> String {
        if let Some(local) = &handler.local_name
            && !matches!(local.as_str(), "handler" | "handle" | "route")
            && !METHODS.contains(&local.as_str())
            && names::check_identifier("action", local).is_ok()
        {
            return local.clone();
        }
        let parts: Vec<&Part> = super::url::url_parts(segment);
        let resource = names::singular(segment.resource()).to_upper_camel_case();
        let resource = if resource.is_empty() || resource == "Api" {
            "Item".to_string()
        } else {
            resource
        };
        // `posts/[id]/like`: a sub-resource or a verb after the item.
        let tail = match parts.as_slice() {
            [.., Part::Dynamic(_), Part::Static(last)] => Some(last.as_str()),
            _ => None,
        };
        let name = match (handler.method.as_str(), tail) {
            ("POST", Some(t)) if names::singular(t) != t => {
                format!("create{}", names::singular(t).to_upper_camel_case())
            }
            ("POST", Some(t)) => format!("{}{resource}", t.to_lower_camel_case()),
            ("DELETE", Some(t)) if names::singular(t) != t => {
                format!("delete{}", names::singular(t).to_upper_camel_case())
            }
            (m, Some(t)) => format!("{}{resource}{}", verb(m), t.to_upper_camel_case()),
            (m, None) => format!("{}{resource}", verb(m)),
        };
        // The handler may call a data function of the same name (`createNote`): the
        // action must not shadow anything the file declares or imports.
        let taken = |c: &str| {
            used.contains(c)
                || self
                    .semantic
                    .scoping()
                    .symbol_names()
                    .any(|n| n == c && n != handler.local_name.as_deref().unwrap_or(""))
        };
        let mut candidate = name.clone();
        if taken(&candidate) {
            candidate = format!("{name}Action");
        }
        let mut n = 2;
        while taken(&candidate) || names::check_identifier("action", &candidate).is_err() {
            candidate = format!("{name}Action{n}");
            n += 1;
        }
        candidate
    }

    /// Translates one handler into edits; `None` (with reasons) when it cannot.
    fn translate(
        &mut self,
        handler: &Handler<'a>,
        segment: &Segment,
        name: &str,
        edits: &mut Vec<Edit>,
        needs: &mut Needs,
    ) -> Option<ActionSig> {
        let before = self.reasons.len();
        let mut local = Vec::new();
        let func = handler.func;
        let params = func.params();
        if params.rest.is_some() || params.items.len() > 2 {
            self.reason(
                ReasonKind::Unsupported,
                params.span.start,
                format!(
                    "{} takes parameters other than (request, context)",
                    handler.method
                ),
            );
            return None;
        }
        let fresh = self.fresh(func);
        // Request: the body, the query, headers and cookies.
        let mut body: Option<(Body, String, String)> = None; // kind, param name, type
        let mut query = false;
        if let Some(req) = params.items.first() {
            match &req.pattern {
                BindingPattern::BindingIdentifier(id) => {
                    if let Some(symbol) = id.symbol_id.get() {
                        self.request_uses(
                            symbol, func, &fresh, &mut local, &mut body, &mut query, needs,
                        );
                    }
                }
                _ => self.reason(
                    ReasonKind::Unsupported,
                    req.span.start,
                    "destructures the request; the tool follows a named request parameter only",
                ),
            }
        }
        // Context: the dynamic params.
        let mut params_param: Option<String> = None;
        if let Some(ctx) = params.items.get(1) {
            params_param = self.context_uses(ctx, &fresh, &mut local);
        }
        // Responses.
        let mut results = Vec::new();
        let mut sides = (Vec::new(), Vec::new());
        self.returns(func, &mut local, &mut results, &mut sides);
        if self.reasons.len() > before {
            return None;
        }
        self.safe_parse(func, &mut local, needs);
        self.note_throws(handler);

        // The signature: (params, body, query), only what the handler reads.
        let mut list = Vec::new();
        if let Some(p) = &params_param {
            list.push(format!("{p}: {}", params_type(segment)));
        }
        if let Some((_, name, ty)) = &body {
            list.push(format!("{name}: {ty}"));
        }
        if query {
            list.push(format!("{}: Record<string, string>", fresh.query));
        }
        let mut params_text = self.layout_params(handler, name, &list);
        // The trusted body's `any` is the route's own; say so to the linter on its line.
        if let Some((_, body_name, ty)) = &body
            && ty == TRUSTED_BODY_TYPE
        {
            let disable = "// eslint-disable-next-line @typescript-eslint/no-explicit-any";
            let declared = format!("{body_name}: {ty}");
            if params_text.contains('\n') {
                let lines: Vec<String> = params_text
                    .split('\n')
                    .map(|line| {
                        if line.trim_start().starts_with(&declared) {
                            let indent: String =
                                line.chars().take_while(|c| c.is_whitespace()).collect();
                            format!("{indent}{disable}\n{line}")
                        } else {
                            line.to_string()
                        }
                    })
                    .collect();
                params_text = lines.join("\n");
            } else {
                let indent = super::edit::indentation_at(self.text, handler.statement.start);
                local.push(Edit::insert(
                    handler.statement.start,
                    format!("{disable}\n{indent}"),
                ));
            }
        }
        local.push(Edit::text(params.span, params_text));
        if let Some(rt) = func.return_type() {
            local.push(Edit::text(rt, ""));
        }
        local.push(Edit::text(handler.name_span, name));
        if !func.is_async() {
            local.push(Edit::insert(func.span().start, "async "));
        }
        if handler.needs_export {
            local.push(Edit::insert(handler.statement.start, "export "));
        }
        edits.extend(local);
        Some(ActionSig {
            method: handler.method.clone(),
            name: name.to_string(),
            takes_params: params_param.is_some(),
            body: body.map(|(kind, _, _)| kind),
            query,
            results,
            text_sides: sides.0,
            json_sides: sides.1,
        })
    }

    /// `(a, b)`, or one parameter per line when the signature line would pass 80 columns
    /// (as prettier prints it).
    fn layout_params(&self, handler: &Handler<'a>, name: &str, list: &[String]) -> String {
        let one_line = format!("({})", list.join(", "));
        let params = handler.func.params().span;
        let text = self.text;
        let line_start = text[..handler.name_span.start as usize]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        if text[handler.name_span.end as usize..params.start as usize].contains('\n')
            || list.is_empty()
        {
            return one_line;
        }
        let mut rest = text[params.end as usize..]
            .split('\n')
            .next()
            .unwrap_or("")
            .to_string();
        if let Some(rt) = handler.func.return_type() {
            rest = rest.replacen(self.src(rt), "", 1);
        }
        let export = if handler.needs_export { "export " } else { "" };
        let async_kw = if handler.func.is_async() {
            ""
        } else {
            "async "
        };
        let width = export.len()
            + async_kw.len()
            + text[line_start..handler.name_span.start as usize]
                .chars()
                .count()
            + name.len()
            + text[handler.name_span.end as usize..params.start as usize]
                .chars()
                .count()
            + one_line.chars().count()
            + rest.trim_end().chars().count();
        if width <= 80 {
            return one_line;
        }
        let indent = super::edit::indentation_at(text, handler.name_span.start);
        let unit = super::edit::step(&indent);
        let mut out = String::from("(\n");
        for p in list {
            out.push_str(&format!("{indent}{unit}{p},\n"));
        }
        out.push_str(&indent);
        out.push(')');
        out
    }

    /// Each use of the request parameter: translated, or a reason.
    #[allow(clippy::too_many_arguments)]
    fn request_uses(
        &mut self,
        symbol: SymbolId,
        func: Func<'a>,
        fresh: &Fresh,
        edits: &mut Vec<Edit>,
        body: &mut Option<(Body, String, String)>,
        query: &mut bool,
        needs: &mut Needs,
    ) {
        let semantic = self.semantic;
        let scoping = semantic.scoping();
        let nodes = semantic.nodes();
        for reference in scoping.get_resolved_references(symbol) {
            let id = reference.node_id();
            let at = nodes.kind(id).span();
            let (p1, k1) = up(semantic, id);
            let AstKind::StaticMemberExpression(member) = k1 else {
                let (_, parent) = (p1, k1);
                let context = match parent {
                    AstKind::CallExpression(c) => format!(
                        "passes the request to `{}(…)`",
                        dotted(&c.callee).unwrap_or_else(|| "a function".into())
                    ),
                    _ => "uses the request object directly".to_string(),
                };
                self.reason(
                    ReasonKind::Unsupported,
                    at.start,
                    format!("{context}; a Server Action has no request object"),
                );
                continue;
            };
            let prop = member.property.name.as_str();
            match prop {
                "json" | "formData" => {
                    let (p2, k2) = up(semantic, p1);
                    let (p3, k3) = up(semantic, p2);
                    let (AstKind::CallExpression(_), AstKind::AwaitExpression(awaited)) = (k2, k3) else {
                        self.reason(ReasonKind::Unsupported, at.start, format!("calls `request.{prop}()` without awaiting it directly"));
                        continue;
                    };
                    if body.is_some() {
                        self.reason(ReasonKind::Unsupported, at.start, "reads the body twice");
                        continue;
                    }
                    let kind = if prop == "json" { Body::Json } else { Body::Form };
                    if let Some(found) = self.body_param(kind, awaited.span, p3, func, edits, needs) {
                        *body = Some(found);
                    }
                }
                "text" | "arrayBuffer" | "blob" | "body" | "bodyUsed" => self.reason(
                    ReasonKind::Signature,
                    at.start,
                    format!("reads the raw body (`request.{prop}`), which signature checks need byte for byte; an action receives parsed arguments"),
                ),
                "nextUrl" | "url" => {
                    if !self.query_use(prop, p1, &fresh.query, edits) {
                        self.reason(
                            ReasonKind::Unsupported,
                            at.start,
                            format!("uses `request.{prop}` for more than its search params; an action has no URL"),
                        );
                    } else {
                        *query = true;
                    }
                }
                "headers" | "cookies" => {
                    if !self.directly_in(id, func) {
                        self.reason(ReasonKind::Unsupported, at.start, format!("reads `request.{prop}` inside a nested function"));
                        continue;
                    }
                    if let (_, AstKind::StaticMemberExpression(get)) = up(semantic, p1)
                        && get.property.name == "get"
                        && let (_, AstKind::CallExpression(call)) = up(semantic, up(semantic, p1).0)
                        && let Some(name) = arg(&call.arguments, 0).and_then(string_value)
                    {
                        let lower = name.to_ascii_lowercase();
                        if prop == "headers" && is_api_key_header(&lower) {
                            continue; // reported by the blocker scan
                        }
                        if lower.contains("signature") {
                            continue;
                        }
                    }
                    let (set, local) = if prop == "headers" {
                        (&mut needs.headers, &fresh.headers)
                    } else {
                        (&mut needs.cookies, &fresh.cookies)
                    };
                    set.insert(local.clone());
                    edits.push(Edit::text(member.span, format!("(await {local}())")));
                }
                other => self.reason(
                    ReasonKind::Unsupported,
                    at.start,
                    format!("uses `request.{other}`, which has no Server Action equivalent"),
                ),
            }
        }
    }

    /// `await request.json()` / `formData()` becomes an argument of the action.
    fn body_param(
        &mut self,
        kind: Body,
        awaited: Span,
        await_node: NodeId,
        func: Func<'a>,
        edits: &mut Vec<Edit>,
        needs: &mut Needs,
    ) -> Option<(Body, String, String)> {
        let semantic = self.semantic;
        let (parent_id, parent) = up(semantic, await_node);
        let taken = self.names_in(func);
        let fresh = |preferred: &[&str]| {
            preferred
                .iter()
                .find(|n| !taken.contains(**n))
                .map(|n| (*n).to_string())
                .unwrap_or_else(|| "input".to_string())
        };
        // `const x = await request.json()`: x becomes the parameter.
        if let AstKind::VariableDeclarator(d) = parent
            && let BindingPattern::BindingIdentifier(id) = &d.id
            && let (_, AstKind::VariableDeclaration(decl)) = up(semantic, parent_id)
            && decl.declarations.len() == 1
        {
            let name = id.name.to_string();
            let ty = match kind {
                Body::Form => "FormData".to_string(),
                Body::Json => {
                    if let Some(annotation) = &d.type_annotation {
                        self.notes.push(format!(
                            "{}: the JSON body is typed `{}` but not validated at runtime; an action is a public endpoint, so validate it (zod)",
                            self.loc(d.span.start),
                            self.src(annotation.type_annotation.span())
                        ));
                        self.src(annotation.type_annotation.span()).to_string()
                    } else {
                        let symbol = id.symbol_id.get()?;
                        match self.only_parsed_by(symbol) {
                            // `unknown`, like the JSON it replaces: the schema still
                            // validates it, and callers compile as they did.
                            Some(schema) => {
                                needs.names.push(schema);
                                "unknown".to_string()
                            }
                            // Trusted as the route trusted it (see trusted_body).
                            None => {
                                self.note_trusted(awaited, &name);
                                TRUSTED_BODY_TYPE.to_string()
                            }
                        }
                    }
                }
            };
            edits.push(Edit::remove(ast::removal_span(self.text, decl.span)));
            return Some((kind, name, ty));
        }
        if kind == Body::Form {
            let name = fresh(&["formData", "form"]);
            edits.push(Edit::text(awaited, name.clone()));
            return Some((kind, name, "FormData".into()));
        }
        // `Schema.parse(await request.json())`.
        if let AstKind::CallExpression(call) = parent
            && let Some(schema) = schema_call(&call.callee)
            && arg(&call.arguments, 0).is_some_and(|a| a.span() == awaited)
        {
            needs.names.push(schema);
            let name = fresh(&["input", "payload", "data", "body"]);
            edits.push(Edit::text(awaited, name.clone()));
            return Some((kind, name, "unknown".to_string()));
        }
        // `(await request.json()) as Type`.
        if let AstKind::TSAsExpression(cast) = parent {
            let ty = self.src(cast.type_annotation.span()).to_string();
            self.notes.push(format!(
                "{}: the JSON body is cast to `{ty}` but not validated at runtime; an action is a public endpoint, so validate it (zod)",
                self.loc(cast.span.start)
            ));
            let name = fresh(&["input", "payload", "data", "body"]);
            edits.push(Edit::text(cast.span, name.clone()));
            return Some((kind, name, ty));
        }
        let name = fresh(&["input", "payload", "data", "body"]);
        Some(self.trusted_body(awaited, &name, edits))
    }

    /// A JSON body the route used without validating it moves as it was: `await
    /// request.json()` was `any`, so the parameter is `any` too, and the code reads and
    /// writes exactly what it did (nothing is widened, and nothing new fails to compile).
    /// The route was as public as the action will be; the report says so, with a schema
    /// to start from.
    fn trusted_body(
        &mut self,
        awaited: Span,
        name: &str,
        edits: &mut Vec<Edit>,
    ) -> (Body, String, String) {
        self.note_trusted(awaited, name);
        edits.push(Edit::text(awaited, name.to_string()));
        (Body::Json, name.to_string(), TRUSTED_BODY_TYPE.to_string())
    }

    /// The report's warning for a body used without validation, with a schema to start from.
    fn note_trusted(&mut self, awaited: Span, name: &str) {
        let fields = self.body_fields(awaited);
        let schema = if fields.is_empty() {
            "z.object({ … })".to_string()
        } else {
            let shown: Vec<String> = fields.iter().map(|f| format!("{f}: z.string()")).collect();
            format!("z.object({{ {} }})", shown.join(", "))
        };
        self.outcome.push(format!(
            "{}: the JSON body is used without validation, as the route did; the action is as public, so validate it, e.g. `{schema}.parse({name})` (adjust the types)",
            self.loc(awaited.start)
        ));
    }

    /// The field names read from the body where it is destructured
    /// (`const { title, content } = await req.json()`).
    fn body_fields(&self, awaited: Span) -> Vec<String> {
        let semantic = self.semantic;
        let Some(node) = semantic
            .nodes()
            .iter()
            .find(|n| matches!(n.kind(), AstKind::AwaitExpression(a) if a.span == awaited))
        else {
            return Vec::new();
        };
        let (_, AstKind::VariableDeclarator(d)) = up(semantic, node.id()) else {
            return Vec::new();
        };
        let BindingPattern::ObjectPattern(pattern) = &d.id else {
            return Vec::new();
        };
        pattern
            .properties
            .iter()
            .filter_map(|p| p.key.static_name().map(|k| k.to_string()))
            .collect()
    }

    /// The schema when every use of `symbol` is `Schema.parse(x)` / `safeParse(x)` with the
    /// same schema.
    fn only_parsed_by(&self, symbol: SymbolId) -> Option<String> {
        let semantic = self.semantic;
        let mut schema: Option<String> = None;
        for reference in semantic.scoping().get_resolved_references(symbol) {
            let (_, AstKind::CallExpression(call)) = up(semantic, reference.node_id()) else {
                return None;
            };
            let s = schema_call(&call.callee)?;
            if schema.as_ref().is_some_and(|x| *x != s) {
                return None;
            }
            schema = Some(s);
        }
        schema
    }

    /// `request.nextUrl.searchParams`, `new URL(request.url).searchParams` and
    /// `const { searchParams } = …` become `new URLSearchParams(query)`.
    fn query_use(&self, prop: &str, member: NodeId, query: &str, edits: &mut Vec<Edit>) -> bool {
        let semantic = self.semantic;
        let url_node = if prop == "url" {
            let (new_id, AstKind::NewExpression(new)) = up(semantic, member) else {
                return false;
            };
            if dotted(&new.callee).as_deref() != Some("URL") || new.arguments.len() != 1 {
                return false;
            }
            new_id
        } else {
            member
        };
        match up(semantic, url_node) {
            (_, AstKind::StaticMemberExpression(sp)) if sp.property.name == "searchParams" => {
                edits.push(Edit::text(sp.span, format!("new URLSearchParams({query})")));
                true
            }
            (_, AstKind::VariableDeclarator(d)) => {
                let BindingPattern::ObjectPattern(pattern) = &d.id else {
                    return false;
                };
                let only_search = pattern.rest.is_none()
                    && pattern.properties.len() == 1
                    && pattern.properties[0].shorthand
                    && pattern.properties[0].key.static_name().as_deref() == Some("searchParams");
                if !only_search || d.type_annotation.is_some() {
                    return false;
                }
                edits.push(Edit::text(
                    d.span,
                    format!("searchParams = new URLSearchParams({query})"),
                ));
                true
            }
            _ => false,
        }
    }

    /// The context parameter: `{ params }` (Next 15 Promise or Next 13 object) or `ctx`.
    /// Returns the action's parameter pattern when the handler reads params.
    fn context_uses(
        &mut self,
        ctx: &'a oxc_ast::ast::FormalParameter<'a>,
        fresh: &Fresh,
        edits: &mut Vec<Edit>,
    ) -> Option<String> {
        let semantic = self.semantic;
        match &ctx.pattern {
            BindingPattern::BindingIdentifier(id) => {
                let refs = self.references(id.symbol_id.get()?);
                if refs.is_empty() {
                    return None;
                }
                for rid in refs {
                    let at = semantic.nodes().kind(rid).span();
                    match up(semantic, rid) {
                        (mid, AstKind::StaticMemberExpression(m))
                            if m.property.name == "params" =>
                        {
                            match up(semantic, mid) {
                                (aid, AstKind::AwaitExpression(aw)) => {
                                    let span = self.without_parens(aid, aw.span);
                                    edits.push(Edit::text(span, fresh.params.clone()));
                                }
                                _ => edits.push(Edit::text(m.span, fresh.params.clone())),
                            }
                        }
                        // `routeContextSchema.parse(context)`: the schema validates the
                        // same shape, built from the action's params.
                        (_, AstKind::CallExpression(call))
                            if schema_call(&call.callee).is_some()
                                && call.arguments.len() == 1
                                && call.arguments[0].span() == at =>
                        {
                            let params = &fresh.params;
                            let shape = if params == "params" {
                                "{ params }".to_string()
                            } else {
                                format!("{{ params: {params} }}")
                            };
                            edits.push(Edit::text(at, shape));
                        }
                        _ => self.reason(
                            ReasonKind::Unsupported,
                            at.start,
                            "uses the route context for more than `params`",
                        ),
                    }
                }
                Some(fresh.params.clone())
            }
            BindingPattern::ObjectPattern(pattern) => {
                if pattern.rest.is_some()
                    || pattern
                        .properties
                        .iter()
                        .any(|p| p.key.static_name().as_deref() != Some("params"))
                {
                    self.reason(
                        ReasonKind::Unsupported,
                        pattern.span.start,
                        "destructures more than `params` from the route context",
                    );
                    return None;
                }
                let prop = pattern.properties.first()?;
                match &prop.value {
                    BindingPattern::BindingIdentifier(id) => {
                        let refs = self.references(id.symbol_id.get()?);
                        if refs.is_empty() {
                            return None;
                        }
                        for rid in refs {
                            // Next 15's `await params` is a plain object in an action.
                            if let (aid, AstKind::AwaitExpression(aw)) = up(semantic, rid) {
                                let span = self.without_parens(aid, aw.span);
                                edits.push(Edit::text(span, id.name.to_string()));
                            }
                        }
                        Some(id.name.to_string())
                    }
                    BindingPattern::ObjectPattern(inner) => Some(self.src(inner.span).to_string()),
                    _ => {
                        self.reason(
                            ReasonKind::Unsupported,
                            prop.span.start,
                            "gives `params` a default value",
                        );
                        None
                    }
                }
            }
            _ => {
                self.reason(
                    ReasonKind::Unsupported,
                    ctx.span.start,
                    "destructures the route context in a way the tool does not follow",
                );
                None
            }
        }
    }

    /// Each `return` of the handler becomes a discriminated result.
    fn returns(
        &mut self,
        func: Func<'a>,
        edits: &mut Vec<Edit>,
        results: &mut Vec<(bool, u16)>,
        (text_sides, json_sides): &mut (Vec<bool>, Vec<bool>),
    ) {
        let expression_body = match func {
            Func::Arrow(a) => match &a.body {
                ArrowFunctionBody::FunctionBody(_) => None,
                body => body.as_expression(),
            },
            Func::Function(_) => None,
        };
        let semantic = self.semantic;
        let mut found: Vec<(Span, Option<&'a Expression<'a>>)> = Vec::new();
        for node in semantic.nodes().iter() {
            if let AstKind::ReturnStatement(r) = node.kind()
                && within(r.span, func.span())
                && self.nearest_function(node.id()) == Some(func.node_id())
            {
                found.push((r.span, r.argument.as_ref()));
            }
        }
        let mut returned: Vec<(&'a Expression<'a>, bool)> = Vec::new();
        for (span, expr) in found {
            match expr {
                Some(e) => returned.push((e, false)),
                None => self.reason(
                    ReasonKind::Unsupported,
                    span.start,
                    "returns nothing; a route handler must return a Response",
                ),
            }
        }
        if let Some(e) = expression_body {
            returned.push((e, true));
        }
        for (expr, arrow_body) in returned {
            let Some((status, data, text)) = self.response(expr) else {
                let shown: String = self.src(expr.span()).chars().take(60).collect();
                self.reason(
                    ReasonKind::Unsupported,
                    expr.span().start,
                    format!("returns `{shown}`, which is not a response the tool can translate (`NextResponse.json(data, {{ status }})`, `Response.json(…)`, `new Response(\"text\" | JSON.stringify(data) | null, {{ status }})`)"),
                );
                continue;
            };
            let (ok, status) = match status {
                Status::Code(code) => {
                    let ok = (200..300).contains(&code);
                    if !results.contains(&(ok, code)) {
                        results.push((ok, code));
                    }
                    (ok, code.to_string())
                }
                // A status computed in a `catch` is an error's (`error.status || 500`).
                Status::Computed(span) if self.in_catch(expr.span(), func) => {
                    (false, self.src(span).to_string())
                }
                Status::Computed(span) => {
                    self.reason(
                        ReasonKind::Unsupported,
                        span.start,
                        format!(
                            "answers a computed status (`{}`) outside a `catch`, so the tool cannot tell success from failure",
                            self.src(span)
                        ),
                    );
                    continue;
                }
            };
            let side = if text {
                &mut *text_sides
            } else {
                &mut *json_sides
            };
            if data.is_some() && !side.contains(&ok) {
                side.push(ok);
            }
            let key = if ok { "data" } else { "error" };
            let fields = vec![
                ("ok".to_string(), ok.to_string()),
                ("status".to_string(), status.clone()),
            ];
            match data {
                Some(inner) => edits.push(Edit {
                    span: expr.span(),
                    with: Replace::Object {
                        fields,
                        last: key.to_string(),
                        inner,
                        suffix: " as const".to_string(),
                        parens: arrow_body,
                    },
                }),
                None => {
                    let (open, close) = if arrow_body { ("(", ")") } else { ("", "") };
                    edits.push(Edit::text(
                        expr.span(),
                        format!(
                            "{open}{{ ok: {ok}, status: {status}, {key}: null }} as const{close}"
                        ),
                    ));
                }
            }
        }
    }

    /// `NextResponse.json(x, { status })`, `Response.json(x)`, `new Response(null, …)`,
    /// `new Response("text", …)`, `new Response(JSON.stringify(x), …)`: the status, the
    /// data's span (`None` for no body) and whether the body is text.
    fn response(&mut self, expr: &'a Expression<'a>) -> Option<(Status, Option<Span>, bool)> {
        let (is_json, args) = match expr.without_parentheses() {
            Expression::CallExpression(call) => {
                let callee = dotted(&call.callee)?;
                // `Response.error()`: a network error, which Next.js answers with a 500.
                if matches!(callee.as_str(), "NextResponse.error" | "Response.error")
                    && call.arguments.is_empty()
                {
                    return Some((Status::Code(500), None, false));
                }
                if !matches!(callee.as_str(), "NextResponse.json" | "Response.json") {
                    return None;
                }
                (true, &call.arguments)
            }
            Expression::NewExpression(new) => {
                let callee = dotted(&new.callee)?;
                if !matches!(callee.as_str(), "NextResponse" | "Response") {
                    return None;
                }
                (false, &new.arguments)
            }
            _ => return None,
        };
        let mut text = false;
        let data = match arg(args, 0) {
            None if !is_json => None,
            Some(Expression::NullLiteral(_)) if !is_json => None,
            Some(Expression::Identifier(id)) if !is_json && id.name == "undefined" => None,
            Some(e) if is_json => Some(e.span()),
            // Text stays text: `error: "Unauthorized"`.
            Some(e @ (Expression::StringLiteral(_) | Expression::TemplateLiteral(_))) => {
                text = true;
                Some(e.span())
            }
            // Hand-serialised JSON: the value itself.
            Some(Expression::CallExpression(call))
                if dotted(&call.callee).as_deref() == Some("JSON.stringify")
                    && call.arguments.len() == 1 =>
            {
                Some(call.arguments[0].as_expression()?.span())
            }
            // `new Response(community.name)`, `new Response(error.message, …)`: a value
            // sent as the body is text, unless it is made as a stream or binary here.
            Some(e) if self.textual(e) => {
                text = true;
                Some(e.span())
            }
            _ => return None,
        };
        let status = match args.get(1) {
            None => Status::Code(200),
            Some(init) => {
                let Expression::ObjectExpression(obj) = init.as_expression()? else {
                    return None;
                };
                let mut status = Status::Code(200);
                for prop in &obj.properties {
                    let ObjectPropertyKind::ObjectProperty(p) = prop else {
                        return None;
                    };
                    match (
                        p.key.static_name().as_deref(),
                        p.value.without_parentheses(),
                    ) {
                        (Some("status"), Expression::NumericLiteral(n))
                            if n.value.fract() == 0.0 && (100.0..600.0).contains(&n.value) =>
                        {
                            status = Status::Code(n.value as u16);
                        }
                        // `{ status: error.status || 500 }`, `{ status }`.
                        (Some("status"), value) => status = Status::Computed(value.span()),
                        (Some("statusText"), _) => {}
                        (Some("headers"), value) => self.dropped_headers(value),
                        _ => return None,
                    }
                }
                status
            }
        };
        if args.len() > 2 {
            return None;
        }
        Some((status, data, text))
    }

    /// Whether `span` lies in a `catch` block of `func` itself.
    fn in_catch(&self, span: Span, func: Func<'a>) -> bool {
        self.semantic.nodes().iter().any(|n| {
            matches!(n.kind(), AstKind::CatchClause(c) if within(span, c.body.span))
                && within(n.kind().span(), func.span())
                && self.nearest_function(n.id()) == Some(func.node_id())
        })
    }

    /// Response headers other than the content type do not reach an action's caller (the
    /// caller rewrite refuses code that reads them): the report says which are dropped.
    fn dropped_headers(&mut self, value: &Expression<'a>) {
        let names: Vec<String> = match value.without_parentheses() {
            Expression::ObjectExpression(h) => h
                .properties
                .iter()
                .map(|p| match p {
                    ObjectPropertyKind::ObjectProperty(p) => p
                        .key
                        .static_name()
                        .map_or_else(|| self.src(p.key.span()).to_string(), |k| k.to_string()),
                    ObjectPropertyKind::SpreadProperty(s) => self.src(s.span).to_string(),
                })
                .filter(|k| !k.eq_ignore_ascii_case("content-type"))
                .collect(),
            other => vec![self.src(other.span()).to_string()],
        };
        if names.is_empty() {
            return;
        }
        let note = format!(
            "{}: the response headers {} are not part of an action's result and are dropped; no caller reads them",
            self.loc(value.span().start),
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        if !self.outcome.contains(&note) {
            self.outcome.push(note);
        }
    }

    /// Whether a response body is a string: a name, a property, `+` of strings, or
    /// `String(x)` / `x.toString()`, but not a name bound to a stream or binary made in this
    /// file (`new ReadableStream(…)`, `await res.blob()`), which an action cannot return.
    fn textual(&self, expr: &Expression<'a>) -> bool {
        match expr.without_parentheses() {
            Expression::StaticMemberExpression(m) => {
                !matches!(m.property.name.as_str(), "body" | "stream")
            }
            Expression::BinaryExpression(b) => b.operator == BinaryOperator::Addition,
            Expression::CallExpression(c) => match dotted(&c.callee) {
                Some(callee) => callee == "String" || callee.ends_with(".toString"),
                None => false,
            },
            Expression::Identifier(id) => {
                let scoping = self.semantic.scoping();
                let Some(symbol) = id
                    .reference_id
                    .get()
                    .and_then(|r| scoping.get_reference(r).symbol_id())
                else {
                    return false; // a global: not a string we know of
                };
                let declaration = scoping.symbol_declaration(symbol);
                match self.semantic.nodes().kind(declaration) {
                    AstKind::VariableDeclarator(d) => d.init.as_ref().is_some_and(|init| {
                        let init = match init.without_parentheses() {
                            Expression::AwaitExpression(a) => &a.argument,
                            other => other,
                        };
                        match init.without_parentheses() {
                            Expression::NewExpression(_) => false,
                            Expression::CallExpression(c) => !dotted(&c.callee).is_some_and(|d| {
                                let last = d.rsplit('.').next().unwrap_or("");
                                matches!(
                                    last,
                                    "blob" | "arrayBuffer" | "stream" | "formData" | "readFile"
                                ) || d.contains("Stream")
                            }),
                            _ => true,
                        }
                    }),
                    // A parameter or a destructured value: its type is not known here.
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Whether the reference sits in `func` itself, not in a nested function (where an
    /// added `await` would not be allowed).
    fn directly_in(&self, id: NodeId, func: Func<'a>) -> bool {
        let target = func.node_id();
        for ancestor in self.semantic.nodes().ancestor_ids(id) {
            if ancestor == target {
                return true;
            }
            if matches!(
                self.semantic.nodes().kind(ancestor),
                AstKind::Function(_) | AstKind::ArrowFunctionExpression(_)
            ) {
                return false;
            }
        }
        false
    }

    /// `try { const v = S.parse(x); … } catch (e) { if (e instanceof ZodError) {…} … }`
    /// becomes `const parsed = S.safeParse(x); if (!parsed.success) {…} const v =
    /// parsed.data;` before the `try`, which goes entirely when only `throw e` is left in
    /// its catch. Anything else keeps its try/catch, which works in an action as it did.
    fn safe_parse(&mut self, func: Func<'a>, edits: &mut Vec<Edit>, needs: &mut Needs) {
        let semantic = self.semantic;
        let names = self.names_in(func);
        let Some(fresh) = ["parsed", "result", "validation"]
            .into_iter()
            .find(|n| !names.contains(*n))
        else {
            return;
        };
        for node in semantic.nodes().iter() {
            let AstKind::TryStatement(t) = node.kind() else {
                continue;
            };
            if !within(t.span, func.span())
                || self.nearest_function(node.id()) != Some(func.node_id())
                || t.finalizer.is_some()
            {
                continue;
            }
            let Some(catch) = &t.handler else { continue };
            // `const v = S.parse(x);` first in the try block.
            let Some(Statement::VariableDeclaration(decl)) = t.block.body.first() else {
                continue;
            };
            let [d] = decl.declarations.as_slice() else {
                continue;
            };
            let BindingPattern::BindingIdentifier(v) = &d.id else {
                continue;
            };
            let Some(Expression::CallExpression(call)) =
                d.init.as_ref().map(Expression::without_parentheses)
            else {
                continue;
            };
            let Expression::StaticMemberExpression(member) = call.callee.without_parentheses()
            else {
                continue;
            };
            let (Some(schema), true, [_]) = (
                schema_call(&call.callee),
                member.property.name == "parse",
                call.arguments.as_slice(),
            ) else {
                continue;
            };
            let Some(input) = arg(&call.arguments, 0) else {
                continue;
            };
            // `v` moves out of the try block: nothing else in the handler may share its name.
            let scoping = semantic.scoping();
            let count = |name: &str| {
                scoping
                    .symbol_ids()
                    .filter(|s| within(scoping.symbol_span(*s), func.span()))
                    .filter(|s| scoping.symbol_name(*s) == name)
                    .count()
            };
            if count(v.name.as_str()) > 1 || d.type_annotation.is_some() {
                continue;
            }
            // `if (e instanceof z.ZodError) {…}` first in the catch.
            let Some(param) = &catch.param else { continue };
            let BindingPattern::BindingIdentifier(e) = &param.pattern else {
                continue;
            };
            let Some(Statement::IfStatement(check)) = catch.body.body.first() else {
                continue;
            };
            let Expression::BinaryExpression(test) = check.test.without_parentheses() else {
                continue;
            };
            let is_zod = test.operator == BinaryOperator::Instanceof
                && dotted(&test.left).as_deref() == Some(e.name.as_str())
                && matches!(
                    dotted(&test.right).as_deref(),
                    Some("z.ZodError" | "ZodError")
                );
            let Statement::BlockStatement(consequent) = &check.consequent else {
                continue;
            };
            if !is_zod || check.alternate.is_some() {
                continue;
            }
            let Some(symbol) = e.symbol_id.get() else {
                continue;
            };
            needs.names.push(schema.clone());
            let mut renamed = Vec::new();
            for r in semantic.scoping().get_resolved_references(symbol) {
                let at = semantic.nodes().kind(r.node_id()).span();
                if within(at, consequent.span) {
                    renamed.push(Edit::text(at, format!("{fresh}.error")));
                }
            }
            let indent = super::edit::indentation_at(self.text, t.span.start);
            let prelude = |tail: Vec<Piece>| {
                let mut pieces = vec![
                    Piece::Text(format!("const {fresh} = {schema}.safeParse(")),
                    Piece::Source {
                        span: input.span(),
                        dedent: 0,
                    },
                    Piece::Text(format!(");\n{indent}if (!{fresh}.success) ")),
                    Piece::Source {
                        span: consequent.span,
                        dedent: 2,
                    },
                    Piece::Text(format!(
                        "\n{indent}const {} = {fresh}.data;\n\n{indent}",
                        v.name
                    )),
                ];
                pieces.extend(tail);
                Replace::Splice(pieces)
            };
            // Only `throw e` left in the catch: the try goes too.
            let rethrows = matches!(&catch.body.body[1..], [Statement::ThrowStatement(th)]
                if dotted(&th.argument).as_deref() == Some(e.name.as_str()));
            let body = &t.block.body[1..];
            let multiline_template = semantic.nodes().iter().any(|n| {
                matches!(n.kind(), AstKind::TemplateLiteral(tl) if within(tl.span, t.block.span)
                    && self.src(tl.span).contains('\n'))
            });
            edits.extend(renamed);
            // Unwrapping moves the block's own bindings to the function's scope, where one
            // of the same name may already live.
            let block_scope = t.block.scope_id.get();
            let clash = scoping
                .symbol_ids()
                .filter(|s| Some(scoping.symbol_scope_id(*s)) == block_scope)
                .any(|s| count(scoping.symbol_name(s)) > 1);
            if rethrows && !body.is_empty() && !multiline_template && !clash {
                let rest = Span::new(body[0].span().start, body[body.len() - 1].span().end);
                edits.push(Edit {
                    span: t.span,
                    with: prelude(vec![Piece::Source {
                        span: rest,
                        dedent: 2,
                    }]),
                });
            } else {
                edits.push(Edit {
                    span: Span::new(t.span.start, t.span.start),
                    with: prelude(Vec::new()),
                });
                edits.push(Edit::remove(ast::removal_span(self.text, decl.span)));
                edits.push(Edit::remove(ast::removal_span(self.text, check.span)));
            }
        }
    }

    /// A `throw` answered 500 from the route; from an action it rejects the caller's
    /// promise instead. Worth saying.
    fn note_throws(&mut self, handler: &Handler<'a>) {
        let func = handler.func;
        let nodes = self.semantic.nodes();
        // `throw`, and a schema's `.parse(…)` outside any try (it throws on bad input).
        let throws = nodes.iter().filter(|n| {
            let throws = match n.kind() {
                AstKind::ThrowStatement(_) => true,
                AstKind::CallExpression(c) => {
                    matches!(c.callee.without_parentheses(), Expression::StaticMemberExpression(m) if m.property.name == "parse")
                        && schema_call(&c.callee).is_some()
                        && !nodes
                            .ancestor_kinds(n.id())
                            .take_while(|k| !matches!(k, AstKind::Function(_) | AstKind::ArrowFunctionExpression(_)))
                            .any(|k| matches!(k, AstKind::TryStatement(_)))
                }
                _ => false,
            };
            throws
                && within(n.kind().span(), func.span())
                && self.nearest_function(n.id()) == Some(func.node_id())
        });
        if let Some(first) = throws.map(|n| n.kind().span()).next() {
            self.notes.push(format!(
                "{}: {} can throw here; where the route answered 500, the action's call rejects instead (callers see an exception, not `ok: false`)",
                self.loc(first.start),
                handler.method
            ));
        }
    }

    /// The span of `(await params)` with its parentheses, which a bare identifier no longer
    /// needs.
    fn without_parens(&self, id: NodeId, span: Span) -> Span {
        match self.semantic.nodes().parent_kind(id) {
            AstKind::ParenthesizedExpression(p) => p.span,
            _ => span,
        }
    }

    /// The nodes that read `symbol`.
    fn references(&self, symbol: SymbolId) -> Vec<NodeId> {
        self.semantic
            .scoping()
            .get_resolved_references(symbol)
            .map(|r| r.node_id())
            .collect()
    }

    /// The closest enclosing function of a node.
    fn nearest_function(&self, id: NodeId) -> Option<NodeId> {
        let nodes = self.semantic.nodes();
        nodes.ancestor_ids(id).find(|a| {
            matches!(
                nodes.kind(*a),
                AstKind::Function(_) | AstKind::ArrowFunctionExpression(_)
            )
        })
    }

    /// Whether a top-level statement holds state: `let`/`var`, or a `const` holding a
    /// new object, array or instance (a Map, a cache, a client).
    fn is_state(&self, statement: Span) -> bool {
        let Some(stmt) = self.program.body.iter().find(|s| s.span() == statement) else {
            return false;
        };
        let decl = match stmt {
            Statement::VariableDeclaration(v) => v,
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::VariableDeclaration(v) => v,
                _ => return false,
            },
            _ => return false,
        };
        !decl.kind.is_const()
            || decl.declarations.iter().any(|d| {
                matches!(
                    d.init.as_ref().map(Expression::without_parentheses),
                    Some(
                        Expression::NewExpression(_)
                            | Expression::ArrayExpression(_)
                            | Expression::ObjectExpression(_)
                    )
                )
            })
    }

    /// Names for what the translation introduces, free in the handler and the module.
    fn fresh(&self, func: Func<'a>) -> Fresh {
        let mut taken = self.names_in(func);
        let scoping = self.semantic.scoping();
        taken.extend(
            scoping
                .get_bindings(scoping.root_scope_id())
                .iter()
                .map(|(n, _)| n.to_string()),
        );
        let pick = |options: &[&str]| {
            options
                .iter()
                .find(|n| !taken.contains(**n))
                .map_or_else(|| format!("{}_", options[0]), |n| n.to_string())
        };
        Fresh {
            query: pick(&["query", "searchQuery", "queryParams"]),
            params: pick(&["params", "routeParams"]),
            headers: pick(&["headers", "requestHeaders"]),
            cookies: pick(&["cookies", "requestCookies"]),
        }
    }

    /// Every binding name declared inside the function.
    fn names_in(&self, func: Func<'a>) -> HashSet<String> {
        let scoping = self.semantic.scoping();
        let span = func.span();
        scoping
            .symbol_ids()
            .filter(|s| within(scoping.symbol_span(*s), span))
            .map(|s| scoping.symbol_name(s).to_string())
            .collect()
    }

    /// Builds the action module's parts and the route's remainder.
    fn emit(
        &mut self,
        analysis: &mut Analysis,
        handlers: &[Handler<'a>],
        mutating: &[&Handler<'a>],
        edits: &[Edit],
        needs: Needs,
        sharing: &Sharing,
    ) -> Result<()> {
        let items = TopLevel::collect(self.program, self.semantic, self.text);
        // What other files import moves to a module of its own, with what it needs.
        let scoping = self.semantic.scoping();
        let mut shared_roots = Vec::new();
        for (name, at) in &sharing.names {
            let item = scoping
                .get_root_binding(name.as_str().into())
                .and_then(|s| items.owner.get(&s).map(|i| (s, *i)));
            match item {
                Some((symbol, i))
                    if items.items[i].exported
                        && matches!(items.items[i].kind, ItemKind::Declaration { .. }) =>
                {
                    shared_roots.push(symbol);
                }
                _ => analysis.reasons.push(Reason::new(
                    ReasonKind::Imported,
                    at.clone(),
                    format!(
                        "imports `{name}` from the route, which is not a declaration it exports"
                    ),
                )),
            }
        }
        if has_final_reason(&analysis.reasons) {
            return Ok(());
        }
        let shared_used = if shared_roots.is_empty() {
            BTreeSet::new()
        } else {
            items.closure(
                self.semantic,
                &[],
                &[],
                &[],
                &shared_roots,
                &BTreeSet::new(),
            )
        };
        let in_shared = |item: &Item| match &item.kind {
            ItemKind::Declaration { symbols, .. } => {
                symbols.iter().any(|s| shared_used.contains(s))
            }
            _ => false,
        };
        // Spans whose text the edits replace: references inside them are gone.
        // Spans whose text the edits replace: references inside them are gone, unless
        // the code there is moved rather than dropped.
        let mut replaced: Vec<Span> = Vec::new();
        let mut kept: Vec<Span> = Vec::new();
        for e in edits {
            match &e.with {
                Replace::Text(_) => replaced.push(e.span),
                Replace::Object { inner, .. } => {
                    replaced.push(Span::new(e.span.start, inner.start));
                    replaced.push(Span::new(inner.end, e.span.end));
                }
                Replace::Splice(pieces) => {
                    replaced.push(e.span);
                    kept.extend(pieces.iter().filter_map(|p| match p {
                        Piece::Source { span, .. } => Some(*span),
                        Piece::Text(_) => None,
                    }));
                }
            }
        }
        let moved: Vec<Span> = mutating.iter().map(|h| h.statement).collect();

        // The action module: the handlers plus what they use.
        let mut extra_roots: Vec<SymbolId> = Vec::new();
        let scoping = self.semantic.scoping();
        extra_roots.extend(
            needs
                .names
                .iter()
                .filter_map(|n| scoping.get_root_binding(n.as_str().into())),
        );
        // The shared module's declarations are imported, not copied: what they use is
        // theirs to import.
        let opaque: BTreeSet<SymbolId> = items
            .items
            .iter()
            .filter(|i| in_shared(i))
            .flat_map(|i| match &i.kind {
                ItemKind::Declaration { symbols, .. } => symbols.clone(),
                _ => Vec::new(),
            })
            .collect();
        let used = items.closure(
            self.semantic,
            &moved,
            &replaced,
            &kept,
            &extra_roots,
            &opaque,
        );
        let mut from_shared: Vec<String> = Vec::new();
        for item in items.items.iter().filter(|i| !moved.contains(&i.span)) {
            if in_shared(item) {
                // Imported from the shared module instead of copied.
                if let ItemKind::Declaration { symbols, .. } = &item.kind {
                    from_shared.extend(
                        symbols
                            .iter()
                            .filter(|s| used.contains(*s))
                            .map(|s| scoping.symbol_name(*s).to_string()),
                    );
                }
                continue;
            }
            self.module_item(
                item,
                &used,
                false,
                &mut analysis.imports,
                &mut analysis.declarations,
                &mut analysis.declared,
            );
        }
        if !from_shared.is_empty() {
            analysis.declared.extend(from_shared.iter().cloned());
            analysis.imports.push(ImportLine {
                clause: Some(format!("{{ {} }}", from_shared.join(", "))),
                specifier: format!("./{SHARED_MODULE}"),
                locals: from_shared.clone(),
                named: Some(from_shared),
                beside: true,
            });
        }
        if !shared_used.is_empty() {
            let mut module = SharedModule::default();
            let mut names = Vec::new();
            for item in &items.items {
                self.module_item(
                    item,
                    &shared_used,
                    true,
                    &mut module.imports,
                    &mut module.declarations,
                    &mut names,
                );
            }
            analysis.shared = Some(module);
        }
        let mut specs: Vec<(String, String)> = Vec::new(); // (as written, local)
        for (export, locals) in [("cookies", &needs.cookies), ("headers", &needs.headers)] {
            for local in locals {
                let text = if local == export {
                    export.to_string()
                } else {
                    format!("{export} as {local}")
                };
                specs.push((text, local.clone()));
            }
        }
        if !specs.is_empty() {
            let texts: Vec<String> = specs.iter().map(|(t, _)| t.clone()).collect();
            let locals: Vec<String> = specs.iter().map(|(_, l)| l.clone()).collect();
            analysis.imports.push(ImportLine {
                clause: Some(format!("{{ {} }}", texts.join(", "))),
                specifier: "next/headers".into(),
                locals: locals.clone(),
                named: Some(texts),
                beside: false,
            });
            analysis.declared.extend(locals);
        }
        for handler in mutating {
            let span = Span::new(
                ast::with_leading_comments(self.program, self.text, handler.statement.start),
                handler.statement.end,
            );
            let text = render(self.text, span, edits).map_err(|o| {
                anyhow::anyhow!(
                    "internal error: overlapping rewrites at {} and {}",
                    self.loc(o.0.start),
                    self.loc(o.1.start)
                )
            })?;
            analysis.functions.push(super::edit::tidy(&text));
        }
        analysis
            .declared
            .extend(analysis.actions.iter().map(|a| a.name.clone()));

        // The route without the moved handlers, when something stays.
        // Only handlers that stay (GET) keep the route: its other exports are either
        // imported by no one (the scan found every importer) or moved to the shared module.
        let stays = handlers.len() > mutating.len();
        if stays {
            // State both sides use cannot be copied: the copies would drift apart.
            let staying = items.staying(moved_and(&moved, &opaque, &items));
            let route_used = items.closure(self.semantic, &staying, &[], &[], &[], &opaque);
            for item in &items.items {
                if let ItemKind::Declaration { symbols, .. } = &item.kind
                    && !in_shared(item)
                    && symbols.iter().any(|s| used.contains(s))
                    && symbols.iter().any(|s| route_used.contains(s))
                    && self.is_state(item.statement)
                {
                    let name = item.names.first().cloned().unwrap_or_default();
                    analysis.reasons.push(Reason::new(
                        ReasonKind::Unsupported,
                        self.loc(item.statement.start),
                        format!("module state `{name}` is used by the handlers that stay and by those that move; a copy in the actions module would drift apart, so move it to a module of its own first"),
                    ));
                }
            }
            if has_final_reason(&analysis.reasons) {
                return Ok(());
            }
            analysis.remainder = Some(self.remainder(&items, &moved, &opaque, sharing)?);
        } else {
            let dropped: Vec<&str> = items
                .items
                .iter()
                .filter(|i| i.config)
                .filter_map(|i| i.names.first().map(String::as_str))
                .collect();
            if !dropped.is_empty() {
                self.notes.push(format!(
                    "dropped the route segment config ({}): an action runs under the config of the page that calls it, so move what you need there",
                    dropped.join(", ")
                ));
            }
        }
        analysis.outcome_notes.append(&mut self.notes);
        Ok(())
    }

    /// Adds an import (the specifiers in `used`) or a declaration (when it declares
    /// something in `used`) to a module being built; `export` keeps or adds `export`.
    #[allow(clippy::too_many_arguments)]
    fn module_item(
        &self,
        item: &Item,
        used: &BTreeSet<SymbolId>,
        export: bool,
        imports: &mut Vec<ImportLine>,
        declarations: &mut Vec<String>,
        declared: &mut Vec<String>,
    ) {
        match &item.kind {
            ItemKind::Import {
                specifier,
                specs,
                type_only,
            } => {
                let kept: Vec<&Spec> = specs.iter().filter(|s| used.contains(&s.symbol)).collect();
                if specs.is_empty() && !export {
                    imports.push(ImportLine {
                        clause: None,
                        specifier: specifier.clone(),
                        locals: Vec::new(),
                        named: None,
                        beside: false,
                    });
                } else if !kept.is_empty() {
                    let named_only = !*type_only && kept.iter().all(|s| s.form == SpecForm::Named);
                    imports.push(ImportLine {
                        clause: Some(import_clause(&kept, *type_only)),
                        specifier: specifier.clone(),
                        locals: kept.iter().map(|s| s.local.clone()).collect(),
                        named: named_only.then(|| kept.iter().map(|s| s.text.clone()).collect()),
                        beside: false,
                    });
                    declared.extend(kept.iter().map(|s| s.local.clone()));
                }
            }
            ItemKind::Declaration { symbols, body } => {
                if symbols.iter().any(|s| used.contains(s)) {
                    // Its comments, then the declaration (with or without `export `).
                    let text = format!(
                        "{}{}{}",
                        &self.text[item.span.start as usize..item.statement.start as usize],
                        if export { "export " } else { "" },
                        ast::text(self.text, *body)
                    );
                    declarations.push(text);
                    declared.extend(
                        symbols
                            .iter()
                            .map(|s| self.semantic.scoping().symbol_name(*s).to_string()),
                    );
                }
            }
            ItemKind::Other => {}
        }
    }

    /// The route text minus the moved handlers and what only they used.
    /// `shared`: the declarations that moved to the shared module; the route imports from
    /// there what it still uses.
    fn remainder(
        &self,
        items: &TopLevel,
        moved: &[Span],
        shared: &BTreeSet<SymbolId>,
        sharing: &Sharing,
    ) -> Result<String> {
        let is_shared = |i: &Item| match &i.kind {
            ItemKind::Declaration { symbols, .. } => symbols.iter().any(|s| shared.contains(s)),
            _ => false,
        };
        let staying = items.staying(moved_and(moved, shared, items));
        let used = items.closure(self.semantic, &staying, &[], &[], &[], shared);
        let all: Vec<Span> = items.items.iter().map(|i| i.span).collect();
        let before = items.closure(self.semantic, &all, &[], &[], &[], &BTreeSet::new());
        let mut edits = Vec::new();
        for item in &items.items {
            let remove = moved.contains(&item.span)
                || is_shared(item)
                || match &item.kind {
                    ItemKind::Declaration { symbols, .. } => {
                        !item.exported
                            && symbols.iter().any(|s| before.contains(s))
                            && !symbols.iter().any(|s| used.contains(s))
                    }
                    _ => false,
                };
            if remove {
                edits.push(Edit::remove(ast::removal_span(self.text, item.span)));
                continue;
            }
            if let ItemKind::Import {
                specs,
                type_only,
                specifier,
            } = &item.kind
            {
                let kept: Vec<&Spec> = specs
                    .iter()
                    .filter(|s| used.contains(&s.symbol) || !before.contains(&s.symbol))
                    .collect();
                if kept.len() == specs.len() {
                    continue;
                }
                if kept.is_empty() {
                    edits.push(Edit::remove(ast::removal_span(self.text, item.span)));
                } else {
                    edits.push(Edit::text(
                        item.span,
                        format!(
                            "import {} from {};",
                            import_clause(&kept, *type_only),
                            ast::string_literal(specifier)
                        ),
                    ));
                }
            }
        }
        // Alias exports: drop the moved methods from `export { a as POST, b as GET }`.
        for stmt in &self.program.body {
            if let Statement::ExportNamedDeclaration(export) = stmt {
                let keep: Vec<&str> = export
                    .specifiers
                    .iter()
                    .filter(|s| {
                        let local = match &s.local {
                            ModuleExportName::IdentifierReference(r) => r.name.as_str(),
                            _ => "",
                        };
                        !(MUTATING.contains(&s.exported.name().as_str())
                            && items.items.iter().any(|i| {
                                moved.contains(&i.span) && i.names.iter().any(|n| n == local)
                            }))
                    })
                    .map(|s| self.src(s.span))
                    .collect();
                if keep.len() == export.specifiers.len() {
                    continue;
                }
                if keep.is_empty() {
                    edits.push(Edit::remove(ast::removal_span(self.text, export.span)));
                } else {
                    edits.push(Edit::text(
                        export.span,
                        format!("export {{ {} }};", keep.join(", ")),
                    ));
                }
            }
        }
        // What the route still uses of the moved declarations comes from their new module.
        let scoping = self.semantic.scoping();
        let needed: Vec<&str> = items
            .items
            .iter()
            .filter(|i| is_shared(i))
            .flat_map(|i| match &i.kind {
                ItemKind::Declaration { symbols, .. } => symbols.clone(),
                _ => Vec::new(),
            })
            .filter(|s| used.contains(s))
            .map(|s| scoping.symbol_name(s))
            .collect();
        if !needed.is_empty() {
            let line = format!(
                "import {{ {} }} from {};",
                needed.join(", "),
                ast::string_literal(&sharing.from_route)
            );
            let last_import = items
                .items
                .iter()
                .rev()
                .find(|i| matches!(i.kind, ItemKind::Import { .. }));
            edits.push(match last_import {
                Some(i) => Edit::insert(i.statement.end, format!("\n{line}")),
                None => Edit::insert(0, format!("{line}\n\n")),
            });
        }
        render(self.text, Span::new(0, self.text.len() as u32), &edits)
            .map(|t| super::edit::tidy(&t))
            .map_err(|_| anyhow::anyhow!("internal error: overlapping removals in the route"))
    }
}

fn verb(method: &str) -> &'static str {
    match method {
        "POST" => "create",
        "PUT" | "PATCH" => "update",
        "DELETE" => "delete",
        _ => "handle",
    }
}

fn is_api_key_header(lower: &str) -> bool {
    matches!(
        lower,
        "authorization"
            | "x-api-key"
            | "api-key"
            | "x-api-token"
            | "x-auth-token"
            | "proxy-authorization"
    )
}

/// `Schema.parse` / `safeParse` / their async forms: the schema's name.
fn schema_call(callee: &Expression<'_>) -> Option<String> {
    let Expression::StaticMemberExpression(m) = callee.without_parentheses() else {
        return None;
    };
    if !matches!(
        m.property.name.as_str(),
        "parse" | "safeParse" | "parseAsync" | "safeParseAsync"
    ) {
        return None;
    }
    match m.object.without_parentheses() {
        Expression::Identifier(id) => Some(id.name.to_string()),
        _ => None,
    }
}

/// `{ id: string }` from the route's folders.
fn params_type(segment: &Segment) -> String {
    let fields: Vec<String> = segment
        .parts()
        .iter()
        .filter_map(|p| match p {
            Part::Dynamic(n) => Some(format!("{n}: string")),
            Part::CatchAll {
                name,
                optional: false,
            } => Some(format!("{name}: string[]")),
            Part::CatchAll {
                name,
                optional: true,
            } => Some(format!("{name}?: string[]")),
            _ => None,
        })
        .collect();
    format!("{{ {} }}", fields.join("; "))
}

fn import_clause(specs: &[&Spec], type_only: bool) -> String {
    let default = specs.iter().find(|s| s.form == SpecForm::Default);
    let namespace = specs.iter().find(|s| s.form == SpecForm::Namespace);
    let named: Vec<&str> = specs
        .iter()
        .filter(|s| s.form == SpecForm::Named)
        .map(|s| s.text.as_str())
        .collect();
    let mut parts = Vec::new();
    if let Some(d) = default {
        parts.push(d.text.clone());
    }
    if let Some(n) = namespace {
        parts.push(n.text.clone());
    }
    if !named.is_empty() {
        parts.push(format!("{{ {} }}", named.join(", ")));
    }
    format!(
        "{}{}",
        if type_only { "type " } else { "" },
        parts.join(", ")
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SpecForm {
    Default,
    Namespace,
    Named,
}

#[derive(Debug, Clone)]
struct Spec {
    symbol: SymbolId,
    local: String,
    /// As written: `a as b`, `type T`, `* as z`.
    text: String,
    form: SpecForm,
}

#[derive(Debug, Clone)]
enum ItemKind {
    Import {
        specifier: String,
        specs: Vec<Spec>,
        type_only: bool,
    },
    /// A declaration; `body` is its text without `export`.
    Declaration {
        symbols: Vec<SymbolId>,
        body: Span,
    },
    Other,
}

/// One top-level statement.
#[derive(Debug, Clone)]
struct Item {
    /// With the comments above it.
    span: Span,
    /// The statement alone (`span` minus its comments).
    statement: Span,
    kind: ItemKind,
    exported: bool,
    /// Route segment config (`export const dynamic = …`).
    config: bool,
    names: Vec<String>,
}

struct TopLevel {
    items: Vec<Item>,
    /// Root symbol → index of the declaring item.
    owner: HashMap<SymbolId, usize>,
}

/// The items that leave the route: the moved handlers and the declarations that went
/// to the shared module.
fn moved_and(moved: &[Span], shared: &BTreeSet<SymbolId>, items: &TopLevel) -> Vec<Span> {
    let mut out = moved.to_vec();
    out.extend(items.items.iter().filter_map(|i| match &i.kind {
        ItemKind::Declaration { symbols, .. } if symbols.iter().any(|s| shared.contains(s)) => {
            Some(i.span)
        }
        _ => None,
    }));
    out
}

impl TopLevel {
    /// The code that stays in the route once `gone` leaves: exports and top-level
    /// statements, from which what it still uses is reached.
    fn staying(&self, gone: Vec<Span>) -> Vec<Span> {
        self.items
            .iter()
            .filter(|i| !gone.contains(&i.span) && !matches!(i.kind, ItemKind::Import { .. }))
            .filter(|i| i.exported || matches!(i.kind, ItemKind::Other))
            .map(|i| i.span)
            .collect()
    }

    fn collect(program: &Program<'_>, semantic: &Semantic<'_>, text: &str) -> TopLevel {
        let scoping = semantic.scoping();
        let root = scoping.root_scope_id();
        let mut items = Vec::new();
        let mut owner = HashMap::new();
        for stmt in &program.body {
            let statement = stmt.span();
            let start = ast::with_leading_comments(program, text, statement.start);
            let mut exported = false;
            let mut body = statement;
            if let Statement::ExportDeclaration(e) = stmt {
                exported = true;
                body = e.declaration.span();
            }
            let symbols: Vec<SymbolId> = scoping
                .get_bindings(root)
                .iter()
                .map(|(_, s)| *s)
                .filter(|s| within(scoping.symbol_span(*s), statement))
                .collect();
            let names: Vec<String> = symbols
                .iter()
                .map(|s| scoping.symbol_name(*s).to_string())
                .collect();
            let config = exported && names.len() == 1 && CONFIG.contains(&names[0].as_str());
            let kind = match stmt {
                Statement::ImportDeclaration(import) => ItemKind::Import {
                    specifier: import.source.value.to_string(),
                    type_only: import.import_kind.is_type(),
                    specs: import
                        .specifiers
                        .iter()
                        .flatten()
                        .filter_map(|s| {
                            let (local, form) = match s {
                                ImportDeclarationSpecifier::ImportSpecifier(x) => {
                                    (&x.local, SpecForm::Named)
                                }
                                ImportDeclarationSpecifier::ImportDefaultSpecifier(x) => {
                                    (&x.local, SpecForm::Default)
                                }
                                ImportDeclarationSpecifier::ImportNamespaceSpecifier(x) => {
                                    (&x.local, SpecForm::Namespace)
                                }
                            };
                            Some(Spec {
                                symbol: local.symbol_id.get()?,
                                local: local.name.to_string(),
                                text: ast::text(text, s.span()).to_string(),
                                form,
                            })
                        })
                        .collect(),
                },
                _ if !symbols.is_empty() => ItemKind::Declaration {
                    symbols: symbols.clone(),
                    body,
                },
                _ => ItemKind::Other,
            };
            for s in &symbols {
                owner.insert(*s, items.len());
            }
            items.push(Item {
                span: Span::new(start, statement.end),
                statement,
                kind,
                exported,
                config,
                names,
            });
        }
        TopLevel { items, owner }
    }

    /// Root symbols reachable from code in `roots` (minus `replaced` spans), following
    /// top-level declarations.
    fn closure(
        &self,
        semantic: &Semantic<'_>,
        roots: &[Span],
        replaced: &[Span],
        kept: &[Span],
        extra: &[SymbolId],
        opaque: &BTreeSet<SymbolId>,
    ) -> BTreeSet<SymbolId> {
        let scoping = semantic.scoping();
        let nodes = semantic.nodes();
        let mut used: BTreeSet<SymbolId> = extra.iter().copied().collect();
        let mut queue: Vec<Span> = roots.to_vec();
        let mut seen_items: HashSet<usize> = HashSet::new();
        for s in extra {
            if let Some(i) = self.owner.get(s)
                && !opaque.contains(s)
                && seen_items.insert(*i)
            {
                queue.push(self.items[*i].statement);
            }
        }
        while let Some(range) = queue.pop() {
            for (symbol, &item) in &self.owner {
                let referenced = scoping.get_resolved_references(*symbol).any(|r| {
                    let at = nodes.kind(r.node_id()).span();
                    // Gone when a replaced span holds it, unless it is in code that span
                    // moves (a kept span inside it).
                    within(at, range)
                        && !replaced.iter().any(|r| {
                            within(at, *r) && !kept.iter().any(|k| within(at, *k) && within(*k, *r))
                        })
                });
                if referenced {
                    used.insert(*symbol);
                    // An opaque declaration is used, but what it uses is not followed.
                    if !opaque.contains(symbol) && seen_items.insert(item) {
                        queue.push(self.items[item].statement);
                    }
                }
            }
        }
        used
    }
}

/// Facts that keep a route a route, found anywhere in the file.
struct BlockerFinder {
    found: Vec<(ReasonKind, Span, String)>,
    /// Local names bound to svix / standardwebhooks' `Webhook`.
    svix: HashSet<String>,
}

impl<'a> Visit<'a> for BlockerFinder {
    fn visit_import_declaration(&mut self, it: &oxc_ast::ast::ImportDeclaration<'a>) {
        let source = it.source.value.as_str();
        if matches!(
            source,
            "svix" | "standardwebhooks" | "@octokit/webhooks" | "@slack/bolt"
        ) {
            for s in it.specifiers.iter().flatten() {
                self.svix.insert(s.local().name.to_string());
            }
            self.found.push((
                ReasonKind::Signature,
                it.span,
                format!("imports `{source}`, a webhook signature verifier: the provider calls this route, not the app"),
            ));
        }
        walk::walk_import_declaration(self, it);
    }

    fn visit_call_expression(&mut self, it: &oxc_ast::ast::CallExpression<'a>) {
        if let Some(callee) = dotted(&it.callee) {
            let last = callee.rsplit('.').next().unwrap_or("");
            let found = match last {
                "constructEvent" | "constructEventAsync" => Some((
                    ReasonKind::Signature,
                    format!(
                        "verifies a Stripe signature (`{callee}`) over the raw body: Stripe calls this route, not the app"
                    ),
                )),
                "createHmac" | "timingSafeEqual" => Some((
                    ReasonKind::Signature,
                    format!(
                        "verifies a signature (`{callee}`): an outside service calls this route"
                    ),
                )),
                "toDataStreamResponse"
                | "toTextStreamResponse"
                | "toUIMessageStreamResponse"
                | "pipeDataStreamToResponse"
                | "toAIStreamResponse"
                | "pipeTextStreamToResponse" => Some((
                    ReasonKind::Stream,
                    format!(
                        "streams its response (`{callee}`); a Server Action returns one serialized value"
                    ),
                )),
                "redirect" | "rewrite"
                    if callee.starts_with("NextResponse.") || callee == "Response.redirect" =>
                {
                    Some((
                        ReasonKind::Navigation,
                        format!(
                            "answers with a redirect (`{callee}`): browsers navigate to this URL"
                        ),
                    ))
                }
                "verify" if callee == "crypto.subtle.verify" => Some((
                    ReasonKind::Signature,
                    "verifies a signature (`crypto.subtle.verify`)".to_string(),
                )),
                _ => None,
            };
            if let Some((kind, message)) = found {
                self.found.push((kind, it.span, message));
            }
            if last == "get"
                && let Some(name) = arg(&it.arguments, 0).and_then(string_value)
            {
                let lower = name.to_ascii_lowercase();
                if is_api_key_header(&lower) {
                    self.found.push((ReasonKind::ApiKey, it.span, format!("authenticates with the `{name}` header: API keys and bearer tokens mean a client outside the app calls it")));
                } else if lower.contains("signature") {
                    self.found.push((
                        ReasonKind::Signature,
                        it.span,
                        format!("reads the `{name}` header: a signed webhook calls this route"),
                    ));
                }
            }
        }
        walk::walk_call_expression(self, it);
    }

    fn visit_new_expression(&mut self, it: &oxc_ast::ast::NewExpression<'a>) {
        if let Some(callee) = dotted(&it.callee) {
            match callee.as_str() {
                "ReadableStream" | "TransformStream" | "StreamingTextResponse" => self.found.push((
                    ReasonKind::Stream,
                    it.span,
                    format!("streams its response (`new {callee}`); a Server Action returns one serialized value"),
                )),
                name if self.svix.contains(name) => self.found.push((
                    ReasonKind::Signature,
                    it.span,
                    format!("verifies webhook signatures (`new {name}`)"),
                )),
                _ => {}
            }
        }
        walk::walk_new_expression(self, it);
    }

    fn visit_string_literal(&mut self, it: &oxc_ast::ast::StringLiteral<'a>) {
        let lower = it.value.to_ascii_lowercase();
        let found = if lower.starts_with("access-control-") {
            Some((
                ReasonKind::Cors,
                format!(
                    "sets CORS headers (`{}`): cross-origin browsers call it; Server Actions are same-origin only",
                    it.value
                ),
            ))
        } else if lower == "text/event-stream" {
            Some((
                ReasonKind::Stream,
                "streams server-sent events (`text/event-stream`)".to_string(),
            ))
        } else if lower == "content-disposition" {
            Some((ReasonKind::Stream, "sends a file download (`Content-Disposition`): browsers navigate to or download from this URL".to_string()))
        } else if lower == "application/octet-stream" {
            Some((
                ReasonKind::Stream,
                "sends binary data (`application/octet-stream`)".to_string(),
            ))
        } else {
            None
        };
        if let Some((kind, message)) = found {
            self.found.push((kind, it.span, message));
        }
    }

    fn visit_binary_expression(&mut self, it: &oxc_ast::ast::BinaryExpression<'a>) {
        if it.operator == BinaryOperator::Instanceof
            && let Some(name) = dotted(&it.right)
            && matches!(name.as_str(), "File" | "Blob")
        {
            self.found.push((ReasonKind::Upload, it.span, format!("takes file uploads (`instanceof {name}`), which can exceed the 1 MB Server Action body limit")));
        }
        walk::walk_binary_expression(self, it);
    }

    fn visit_ts_type_reference(&mut self, it: &oxc_ast::ast::TSTypeReference<'a>) {
        if let TSTypeName::IdentifierReference(id) = &it.type_name
            && matches!(id.name.as_str(), "File" | "Blob")
        {
            self.found.push((
                ReasonKind::Upload,
                it.span,
                format!(
                    "takes file uploads (`{}`), which can exceed the 1 MB Server Action body limit",
                    id.name
                ),
            ));
        }
        walk::walk_ts_type_reference(self, it);
    }
}
