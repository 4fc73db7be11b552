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

mod blockers;
mod emit;
mod handlers;
mod request;
mod responses;
mod validation;

pub use responses::{RESPONSE_RESULT, RESPONSE_RESULT_NAME};

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
    /// Some status is computed (`error.status || 500`, a helper's response): a caller may
    /// compare with any.
    pub any_status: bool,
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

/// Imports the translation adds.
#[derive(Debug, Default, Clone)]
struct Needs {
    /// The local names `headers()` / `cookies()` of next/headers are imported as (aliased
    /// where the handler already uses the name).
    headers: BTreeSet<String>,
    cookies: BTreeSet<String>,
    /// Top-level names that generated text refers to (`Schema.safeParse`).
    names: Vec<String>,
    /// A response the tool cannot read (`new AppError(…).toResponse()`) is turned into a
    /// result when the action runs, by [`RESPONSE_RESULT`].
    response_result: bool,
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
        let any_status = self.returns(func, &mut local, &mut results, &mut sides, needs);
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
            any_status,
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
            + crate::layout::columns(&text[line_start..handler.name_span.start as usize])
            + name.len()
            + crate::layout::columns(&text[handler.name_span.end as usize..params.start as usize])
            + crate::layout::columns(&one_line)
            + crate::layout::columns(rest.trim_end());
        if crate::layout::fits_columns(width) {
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
