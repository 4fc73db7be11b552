//! Server Actions, one at a time: each exported function of a `'use server'` module
//! (plain, or wrapped as next-safe-action and next-saas-starter do) and each function with
//! its own `'use server'`. The body is walked in evaluation order, calls of the module's
//! own helpers inlined, to answer: is the session checked before the first read or write,
//! on every path; is every FormData value and argument validated before use; does a user
//! id come from the client.

use std::collections::{HashMap, HashSet};

use oxc_ast::ast::{
    ArrowFunctionExpression, BindingPattern, CallExpression, CatchClause, ConditionalExpression,
    Declaration, Expression, FormalParameters, Function, FunctionBody, IdentifierReference,
    IfStatement, LogicalExpression, ModuleExportName, Program, Statement, StaticMemberExpression,
    SwitchCase, TSType, TaggedTemplateExpression, UnaryExpression, UnaryOperator,
    VariableDeclarator,
};
use oxc_ast_visit::{Visit, walk};
use oxc_span::{GetSpan, Span};
use oxc_syntax::scope::ScopeFlags;

use super::checks::{callee_last, entry};
use super::file::{Directive, Facts};
use super::names;
use super::rules::{ACTION_ARGUMENT, ACTION_AUTH, ACTION_FORMDATA, ACTION_USER_ID};
use super::{ActionEntry, Finding};
use crate::migrate::ast::string_value;

/// One action and what the file alone says about it; [`super::exposure`] finishes the
/// judgement with the rest of the project.
#[derive(Debug)]
pub struct ActionResult {
    pub entry: ActionEntry,
    pub findings: Vec<Finding>,
    /// The root of a wrapper chain whose name does not say it authenticates
    /// (`actionClient` in `actionClient.schema(s).action(…)`): its definition decides.
    pub wrapper_root: Option<String>,
    /// Exported from a 'use server' module (an inline action is always sent to the client).
    pub exported: bool,
}

pub struct Found {
    pub findings: Vec<Finding>,
    pub actions: Vec<ActionResult>,
}

/// A function body, arrow or not.
#[derive(Clone, Copy)]
enum Func<'a> {
    Function(&'a Function<'a>),
    Arrow(&'a ArrowFunctionExpression<'a>),
}

impl<'a> Func<'a> {
    fn params(self) -> &'a FormalParameters<'a> {
        match self {
            Func::Function(f) => &f.params,
            Func::Arrow(a) => &a.params,
        }
    }
    /// Walks the body with `v`.
    fn visit_body<V: Visit<'a>>(self, v: &mut V) {
        match self {
            Func::Function(f) => {
                if let Some(body) = &f.body {
                    v.visit_function_body(body);
                }
            }
            Func::Arrow(a) => v.visit_arrow_function_body(&a.body),
        }
    }
    fn span(self) -> Span {
        match self {
            Func::Function(f) => f.span,
            Func::Arrow(a) => a.span,
        }
    }
    fn from_expr(expr: &'a Expression<'a>) -> Option<Func<'a>> {
        match expr.without_parentheses() {
            Expression::ArrowFunctionExpression(a) => Some(Func::Arrow(a)),
            Expression::FunctionExpression(f) => Some(Func::Function(f)),
            _ => None,
        }
    }
}

/// What a higher-order action wrapper says about itself.
#[derive(Default)]
struct Wrapper {
    authenticates: bool,
    validates: bool,
    /// The identifier the chain starts from.
    root: Option<String>,
}

struct Candidate<'a> {
    name: String,
    offset: u32,
    func: Func<'a>,
    kind: &'static str,
    wrapper: Option<Wrapper>,
    /// The statement that declares it, for suppressions.
    scope: Span,
}

pub fn analyze<'a>(program: &'a Program<'a>, facts: &Facts) -> Found {
    let mut found = Found {
        findings: Vec::new(),
        actions: Vec::new(),
    };
    // Only a 'use server' module, or a file that spells the directive somewhere (an
    // inline action), has actions: most files are skipped without a walk.
    if facts.directive == Directive::Client
        || (facts.directive != Directive::Server
            && memchr::memmem::find(facts.text.as_bytes(), b"use server").is_none())
    {
        return found;
    }
    let locals = top_level_functions(program);
    let mut candidates = Vec::new();
    if facts.directive == Directive::Server {
        exported_actions(program, &locals, &mut candidates);
    }
    let mut inline = InlineActions::default();
    inline.visit_program(program);
    candidates.extend(inline.found);
    let data_locals: HashSet<String> = facts
        .imports
        .iter()
        .filter(|i| !i.type_only && names::is_data_module(&i.specifier))
        .flat_map(|i| i.names.iter().map(|(_, local)| local.clone()))
        .collect();
    for c in candidates {
        check(facts, &c, &locals, &data_locals, &mut found);
    }
    found
}

fn check(
    facts: &Facts,
    c: &Candidate<'_>,
    locals: &HashMap<String, Func<'_>>,
    data_locals: &HashSet<String>,
    found: &mut Found,
) {
    let mut flow = Flow {
        data_locals,
        locals,
        inlined: vec![c.name.clone()],
        events: Vec::new(),
        cond: 0,
        form: HashSet::new(),
        parse_depth: 0,
        validated: HashSet::new(),
        uses: HashSet::new(),
        declarators: Vec::new(),
        flows: Vec::new(),
        form_reads: Vec::new(),
        owner: Vec::new(),
        params: HashSet::new(),
        scopes: vec![(c.scope.start, c.scope.end)],
    };
    let params = c.func.params();
    let mut checked_params: Vec<(String, u32)> = Vec::new();
    let last_is_form = params.items.last().is_some_and(|p| {
        is_form_param(
            &p.pattern,
            p.type_annotation.as_deref().map(|t| &t.type_annotation),
        )
    });
    for (i, p) in params.items.iter().enumerate() {
        let ty = p.type_annotation.as_deref().map(|t| &t.type_annotation);
        if is_form_param(&p.pattern, ty) {
            if let Some(id) = p.pattern.get_binding_identifier() {
                flow.form.insert(id.name.to_string());
            }
            continue;
        }
        let mut bound = Vec::new();
        bindings(&p.pattern, &mut bound);
        for (name, offset) in &bound {
            flow.params.insert(name.clone());
            // A wrapper's callback gets its parameters (next-safe-action's `ctx`) from
            // the server.
            if names::is_owner_id(name) && c.wrapper.is_none() {
                flow.owner
                    .push((*offset, format!("the parameter `{name}`")));
            }
        }
        // useActionState's previous state comes from React, not from a form field; a
        // wrapper's callback gets its parameters from the wrapper.
        let prev_state = i == 0 && params.items.len() >= 2 && last_is_form;
        if !prev_state && c.wrapper.is_none() {
            checked_params.extend(bound.into_iter().filter(|(n, _)| !n.starts_with('_')));
        }
    }
    c.func.visit_body(&mut flow);

    let wrapper_auth = c.wrapper.as_ref().is_some_and(|w| w.authenticates);
    let mut result_findings = Vec::new();
    let validated_by_wrapper = c.wrapper.as_ref().is_some_and(|w| w.validates);
    let first_data = flow
        .events
        .iter()
        .position(|e| matches!(e, Event::Data(..)));
    let first_auth = flow
        .events
        .iter()
        .position(|e| matches!(e, Event::Auth { conditional: false }));
    let any_auth = flow.events.iter().any(|e| matches!(e, Event::Auth { .. }));
    let scope = flow.scopes.clone();
    let mut push = |mut f: Finding| {
        f.scope = scope.clone();
        result_findings.push(f);
    };
    // The wrapper and the body decide first; a name only excuses a missing check.
    let auth = if wrapper_auth {
        "wrapper"
    } else {
        match (first_data, first_auth) {
            (None, _) => {
                if any_auth {
                    "checked"
                } else {
                    "no-data"
                }
            }
            (Some(d), Some(a)) if a < d => "checked",
            (Some(_), _) if names::is_public_action(&c.name) => "public",
            (Some(d), _) => {
                let Event::Data(offset, what) = &flow.events[d] else {
                    unreachable!("position() found a Data event")
                };
                let (line, col) = facts.at(*offset);
                let message = if any_auth {
                    format!(
                        "`{}` calls `{what}` ({line}:{col}) before it checks the session, or checks it only on some paths",
                        c.name
                    )
                } else {
                    format!(
                        "`{}` calls `{what}` ({line}:{col}) without checking the session",
                        c.name
                    )
                };
                push(facts.finding(ACTION_AUTH, c.offset, message));
                if any_auth { "late" } else { "missing" }
            }
        }
    };
    let entry = entry(facts, c.offset, &c.name, c.kind, auth);

    let validated = flow.validated_closure();
    if !validated_by_wrapper {
        for read in &flow.form_reads {
            let ok = read.validated || read.targets.iter().any(|t| validated.contains(t));
            if !ok {
                push(facts.finding(
                    ACTION_FORMDATA,
                    read.offset,
                    format!("`{}` is used without a schema parse", read.what),
                ));
            }
        }
        for (name, offset) in &checked_params {
            if flow.uses.contains(name) && !validated.contains(name) {
                push(facts.finding(
                    ACTION_ARGUMENT,
                    *offset,
                    format!(
                        "`{}` takes `{name}` from the client and uses it without validating it",
                        c.name
                    ),
                ));
            }
        }
    }
    for (offset, what) in &flow.owner {
        push(facts.finding(
            ACTION_USER_ID,
            *offset,
            format!("`{}` reads a user id from {what}", c.name),
        ));
    }
    let wrapper_root = c
        .wrapper
        .as_ref()
        .filter(|w| !w.authenticates && matches!(auth, "missing" | "late"))
        .and_then(|w| w.root.clone());
    found.actions.push(ActionResult {
        entry,
        findings: result_findings,
        wrapper_root,
        exported: c.kind != "inline",
    });
}

#[derive(Debug)]
enum Event {
    Auth { conditional: bool },
    Data(u32, String),
}

struct FormRead {
    offset: u32,
    what: String,
    /// Read inside a validation call's arguments.
    validated: bool,
    /// The variables it is stored in.
    targets: Vec<String>,
}

struct Flow<'l, 'a> {
    data_locals: &'l HashSet<String>,
    locals: &'l HashMap<String, Func<'a>>,
    /// Helpers being walked (no recursion).
    inlined: Vec<String>,
    events: Vec<Event>,
    /// Depth of branches (if, ?:, &&, loops, switch, catch) around the current node.
    cond: usize,
    /// Names that hold the FormData.
    form: HashSet<String>,
    parse_depth: usize,
    /// Names that appear inside a validation call (or a `typeof` test).
    validated: HashSet<String>,
    /// Names referenced anywhere else.
    uses: HashSet<String>,
    /// The names the enclosing declarators bind.
    declarators: Vec<Vec<String>>,
    /// (from, to): `to` was computed from `from`.
    flows: Vec<(String, String)>,
    form_reads: Vec<FormRead>,
    owner: Vec<(u32, String)>,
    params: HashSet<String>,
    scopes: Vec<(u32, u32)>,
}

impl Flow<'_, '_> {
    /// A name is validated when it, or something computed from it, reaches a validation.
    fn validated_closure(&self) -> HashSet<String> {
        let mut set = self.validated.clone();
        loop {
            let before = set.len();
            for (from, to) in &self.flows {
                if set.contains(to) {
                    set.insert(from.clone());
                }
            }
            if set.len() == before {
                return set;
            }
        }
    }

    fn branch<F: FnOnce(&mut Self)>(&mut self, f: F) {
        self.cond += 1;
        f(self);
        self.cond -= 1;
    }

    fn is_form(&self, expr: &Expression<'_>) -> bool {
        matches!(expr.without_parentheses(), Expression::Identifier(id) if self.form.contains(id.name.as_str()))
    }

    fn form_read(&mut self, offset: u32, what: String) {
        self.form_reads.push(FormRead {
            offset,
            what,
            validated: self.parse_depth > 0,
            targets: self.declarators.last().cloned().unwrap_or_default(),
        });
    }
}

impl<'a> Visit<'a> for Flow<'_, 'a> {
    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        let path = callee_path(&it.callee);
        let last = callee_last(&it.callee).unwrap_or_default();
        if let Some(path) = &path {
            let root = path.split('.').next().unwrap_or("");
            if names::is_auth_call(path) {
                self.events.push(Event::Auth {
                    conditional: self.cond > 0,
                });
            } else if (self.data_locals.contains(root) || names::is_data_handle(root))
                && !makes_handle(last)
            {
                self.events.push(Event::Data(it.span.start, path.clone()));
            }
        }
        // formData.get("x"), formData.getAll("x"), Object.fromEntries(formData)
        if let Expression::StaticMemberExpression(m) = it.callee.without_parentheses() {
            if matches!(m.property.name.as_str(), "get" | "getAll") && self.is_form(&m.object) {
                let key = it
                    .arguments
                    .first()
                    .and_then(|a| a.as_expression())
                    .and_then(string_value);
                if let Some(key) = &key
                    && names::is_owner_id(key)
                {
                    self.owner
                        .push((it.span.start, format!("the form field \"{key}\"")));
                }
                let what = format!(
                    "formData.{}({})",
                    m.property.name,
                    key.map(|k| format!("\"{k}\"")).unwrap_or_default()
                );
                self.form_read(it.span.start, what);
            }
            if path.as_deref() == Some("Object.fromEntries")
                && it.arguments.first().and_then(|a| a.as_expression()).is_some_and(|a| {
                    self.is_form(a)
                        || matches!(a.without_parentheses(), Expression::CallExpression(c) if matches!(c.callee.without_parentheses(), Expression::StaticMemberExpression(m) if self.is_form(&m.object)))
                })
            {
                self.form_read(it.span.start, "Object.fromEntries(formData)".into());
            }
        }
        // A helper of this module: walk its body here, in order.
        if let Expression::Identifier(id) = it.callee.without_parentheses()
            && let Some(func) = self.locals.get(id.name.as_str()).copied()
            && !self.inlined.iter().any(|n| n == id.name.as_str())
            && self.inlined.len() < 6
        {
            for arg in &it.arguments {
                self.visit_argument(arg);
            }
            for (i, p) in func.params().items.iter().enumerate() {
                let Some(param) = p.pattern.get_binding_identifier() else {
                    continue;
                };
                let arg = it.arguments.get(i).and_then(|a| a.as_expression());
                if arg.is_some_and(|a| self.is_form(a)) {
                    self.form.insert(param.name.to_string());
                }
                let mut idents = Idents::default();
                if let Some(arg) = arg {
                    idents.visit_expression(arg);
                }
                for from in idents.names {
                    self.flows.push((from, param.name.to_string()));
                }
            }
            self.inlined.push(id.name.to_string());
            self.scopes.push((func.span().start, func.span().end));
            let saved = std::mem::take(&mut self.declarators);
            func.visit_body(self);
            self.declarators = saved;
            self.inlined.pop();
            return;
        }
        if names::is_validation_call(last) {
            self.visit_expression(&it.callee);
            self.parse_depth += 1;
            for arg in &it.arguments {
                self.visit_argument(arg);
            }
            self.parse_depth -= 1;
            return;
        }
        walk::walk_call_expression(self, it);
    }

    fn visit_tagged_template_expression(&mut self, it: &TaggedTemplateExpression<'a>) {
        if let Some(path) = callee_path(&it.tag) {
            let root = path.split('.').next().unwrap_or("");
            if root == "sql" || self.data_locals.contains(root) {
                self.events
                    .push(Event::Data(it.span.start, format!("{path}`…`")));
            }
        }
        walk::walk_tagged_template_expression(self, it);
    }

    fn visit_static_member_expression(&mut self, it: &StaticMemberExpression<'a>) {
        if let Expression::Identifier(id) = it.object.without_parentheses()
            && self.params.contains(id.name.as_str())
            && names::is_owner_id(it.property.name.as_str())
        {
            self.owner
                .push((it.span.start, format!("`{}.{}`", id.name, it.property.name)));
        }
        walk::walk_static_member_expression(self, it);
    }

    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        let name = it.name.to_string();
        if self.parse_depth > 0 {
            self.validated.insert(name.clone());
        } else {
            self.uses.insert(name.clone());
        }
        if let Some(targets) = self.declarators.last() {
            for t in targets {
                self.flows.push((name.clone(), t.clone()));
            }
        }
    }

    fn visit_unary_expression(&mut self, it: &UnaryExpression<'a>) {
        if it.operator == UnaryOperator::Typeof {
            self.parse_depth += 1;
            walk::walk_unary_expression(self, it);
            self.parse_depth -= 1;
        } else {
            walk::walk_unary_expression(self, it);
        }
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        let mut bound = Vec::new();
        bindings(&it.id, &mut bound);
        self.declarators
            .push(bound.into_iter().map(|(n, _)| n).collect());
        if let Some(init) = &it.init {
            self.visit_expression(init);
        }
        self.declarators.pop();
    }

    fn visit_if_statement(&mut self, it: &IfStatement<'a>) {
        self.visit_expression(&it.test);
        self.branch(|s| {
            s.visit_statement(&it.consequent);
            if let Some(alt) = &it.alternate {
                s.visit_statement(alt);
            }
        });
    }

    fn visit_conditional_expression(&mut self, it: &ConditionalExpression<'a>) {
        self.visit_expression(&it.test);
        self.branch(|s| {
            s.visit_expression(&it.consequent);
            s.visit_expression(&it.alternate);
        });
    }

    fn visit_logical_expression(&mut self, it: &LogicalExpression<'a>) {
        self.visit_expression(&it.left);
        self.branch(|s| s.visit_expression(&it.right));
    }

    fn visit_switch_case(&mut self, it: &SwitchCase<'a>) {
        self.branch(|s| walk::walk_switch_case(s, it));
    }

    fn visit_catch_clause(&mut self, it: &CatchClause<'a>) {
        self.branch(|s| walk::walk_catch_clause(s, it));
    }

    fn visit_for_statement(&mut self, it: &oxc_ast::ast::ForStatement<'a>) {
        self.branch(|s| walk::walk_for_statement(s, it));
    }

    fn visit_for_of_statement(&mut self, it: &oxc_ast::ast::ForOfStatement<'a>) {
        self.visit_for_statement_left(&it.left);
        self.visit_expression(&it.right);
        self.branch(|s| s.visit_statement(&it.body));
    }

    fn visit_for_in_statement(&mut self, it: &oxc_ast::ast::ForInStatement<'a>) {
        self.branch(|s| walk::walk_for_in_statement(s, it));
    }

    fn visit_while_statement(&mut self, it: &oxc_ast::ast::WhileStatement<'a>) {
        self.branch(|s| walk::walk_while_statement(s, it));
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        // A nested function declaration runs when called, not here.
        let saved = std::mem::take(&mut self.declarators);
        walk::walk_function(self, it, flags);
        self.declarators = saved;
    }
}

/// Whether a call chain checks a session anywhere in its arguments: an auth call inside
/// a `.use(async ({ next }) => …)` middleware, or a middleware named for auth.
#[derive(Default)]
pub struct AuthInChain {
    pub found: bool,
}

impl<'a> Visit<'a> for AuthInChain {
    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if callee_path(&it.callee).is_some_and(|p| names::is_auth_call(&p)) {
            self.found = true;
        }
        for arg in &it.arguments {
            if let Some(Expression::Identifier(id)) =
                arg.as_expression().map(Expression::without_parentheses)
                && names::wrapper_authenticates(&id.name)
            {
                self.found = true;
            }
        }
        walk::walk_call_expression(self, it);
    }
}

/// The identifier a call chain starts from: `base` in `base.use(…).schema(…)`.
pub fn chain_root(call: &CallExpression<'_>) -> Option<String> {
    let mut current = call;
    loop {
        match current.callee.without_parentheses() {
            Expression::Identifier(id) => return Some(id.name.to_string()),
            Expression::StaticMemberExpression(m) => match m.object.without_parentheses() {
                Expression::CallExpression(inner) => current = inner,
                Expression::Identifier(id) => return Some(id.name.to_string()),
                _ => return None,
            },
            _ => return None,
        }
    }
}

/// Identifiers referenced in an expression.
#[derive(Default)]
struct Idents {
    names: Vec<String>,
}

impl<'a> Visit<'a> for Idents {
    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        self.names.push(it.name.to_string());
    }
}

/// `a.b.c` for a callee; a call or `await` in the chain becomes `?`
/// (`(await createClient()).auth.getUser` → `?.auth.getUser`).
fn callee_path(expr: &Expression<'_>) -> Option<String> {
    match expr.without_parentheses() {
        Expression::Identifier(id) => Some(id.name.to_string()),
        Expression::StaticMemberExpression(m) => Some(format!(
            "{}.{}",
            callee_path(&m.object).unwrap_or_else(|| "?".into()),
            m.property.name
        )),
        Expression::ComputedMemberExpression(m) => callee_path(&m.object),
        Expression::CallExpression(c) => callee_path(&c.callee),
        Expression::AwaitExpression(a) => callee_path(&a.argument),
        Expression::ChainExpression(c) => match &c.expression {
            oxc_ast::ast::ChainElement::CallExpression(call) => callee_path(&call.callee),
            oxc_ast::ast::ChainElement::StaticMemberExpression(m) => Some(format!(
                "{}.{}",
                callee_path(&m.object).unwrap_or_else(|| "?".into()),
                m.property.name
            )),
            _ => None,
        },
        Expression::TSNonNullExpression(e) => callee_path(&e.expression),
        _ => None,
    }
}

/// Calls that build a database or SDK handle rather than use one.
fn makes_handle(last: &str) -> bool {
    let lower = last.to_ascii_lowercase();
    (lower.starts_with("create") && lower.ends_with("client"))
        || matches!(
            lower.as_str(),
            "getdb"
                | "getclient"
                | "connect"
                | "connecttodatabase"
                | "connectdb"
                | "dbconnect"
                | "getdatabase"
        )
}

/// A parameter that holds FormData: typed `FormData`, or named `formData`.
fn is_form_param(pattern: &BindingPattern<'_>, ty: Option<&TSType<'_>>) -> bool {
    let typed = matches!(ty, Some(TSType::TSTypeReference(r)) if matches!(&r.type_name, oxc_ast::ast::TSTypeName::IdentifierReference(id) if id.name == "FormData"));
    typed
        || pattern
            .get_binding_identifier()
            .is_some_and(|id| id.name == "formData")
}

/// The names a binding pattern declares, with where.
fn bindings(pattern: &BindingPattern<'_>, out: &mut Vec<(String, u32)>) {
    match pattern {
        BindingPattern::BindingIdentifier(id) => out.push((id.name.to_string(), id.span.start)),
        BindingPattern::ObjectPattern(p) => {
            for prop in &p.properties {
                bindings(&prop.value, out);
            }
            if let Some(rest) = &p.rest {
                bindings(&rest.argument, out);
            }
        }
        BindingPattern::ArrayPattern(p) => {
            for el in p.elements.iter().flatten() {
                bindings(el, out);
            }
            if let Some(rest) = &p.rest {
                bindings(&rest.argument, out);
            }
        }
        BindingPattern::AssignmentPattern(p) => bindings(&p.left, out),
    }
}

/// Top-level functions by name, for inlining helper calls.
fn top_level_functions<'a>(program: &'a Program<'a>) -> HashMap<String, Func<'a>> {
    let mut out = HashMap::new();
    for stmt in &program.body {
        let decl = match stmt {
            Statement::ExportDeclaration(e) => &e.declaration,
            other => match other.as_declaration() {
                Some(d) => d,
                None => continue,
            },
        };
        match decl {
            Declaration::FunctionDeclaration(f) => {
                if let Some(id) = &f.id {
                    out.insert(id.name.to_string(), Func::Function(f));
                }
            }
            Declaration::VariableDeclaration(var) => {
                for d in &var.declarations {
                    if let (Some(id), Some(func)) = (
                        d.id.get_binding_identifier(),
                        d.init.as_ref().and_then(Func::from_expr),
                    ) {
                        out.insert(id.name.to_string(), func);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The actions a 'use server' module exports.
fn exported_actions<'a>(
    program: &'a Program<'a>,
    locals: &HashMap<String, Func<'a>>,
    out: &mut Vec<Candidate<'a>>,
) {
    for stmt in &program.body {
        match stmt {
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::FunctionDeclaration(f) if f.r#async => {
                    if let Some(id) = &f.id {
                        out.push(Candidate {
                            name: id.name.to_string(),
                            offset: id.span.start,
                            func: Func::Function(f),
                            kind: "module",
                            wrapper: None,
                            scope: e.span,
                        });
                    }
                }
                Declaration::VariableDeclaration(var) => {
                    for d in &var.declarations {
                        let (Some(id), Some(init)) = (d.id.get_binding_identifier(), &d.init)
                        else {
                            continue;
                        };
                        if let Some(func) = Func::from_expr(init) {
                            out.push(Candidate {
                                name: id.name.to_string(),
                                offset: id.span.start,
                                func,
                                kind: "module",
                                wrapper: None,
                                scope: e.span,
                            });
                        } else if let Expression::CallExpression(call) = init.without_parentheses()
                            && let Some((func, wrapper)) = unwrap(call)
                        {
                            out.push(Candidate {
                                name: id.name.to_string(),
                                offset: id.span.start,
                                func,
                                kind: "wrapped",
                                wrapper: Some(wrapper),
                                scope: e.span,
                            });
                        }
                    }
                }
                _ => {}
            },
            Statement::ExportNamedDeclaration(e) if !e.export_kind.is_type() => {
                for spec in &e.specifiers {
                    if let ModuleExportName::IdentifierReference(local) = &spec.local
                        && let Some(func) = locals.get(local.name.as_str())
                    {
                        out.push(Candidate {
                            name: spec.exported.name().to_string(),
                            offset: spec.span.start,
                            func: *func,
                            kind: "module",
                            wrapper: None,
                            scope: func.span(),
                        });
                    }
                }
            }
            Statement::ExportDefaultDeclaration(e) => {
                if let oxc_ast::ast::ExportDefaultDeclarationKind::FunctionDeclaration(f) =
                    &e.declaration
                {
                    out.push(Candidate {
                        name: f
                            .id
                            .as_ref()
                            .map_or("default".into(), |i| i.name.to_string()),
                        offset: e.span.start,
                        func: Func::Function(f),
                        kind: "module",
                        wrapper: None,
                        scope: e.span,
                    });
                }
            }
            _ => {}
        }
    }
}

/// The action inside a wrapper call chain (`authActionClient.schema(s).action(async …)`,
/// `validatedActionWithUser(schema, async …)`), and what the chain's names say.
fn unwrap<'a>(call: &'a CallExpression<'a>) -> Option<(Func<'a>, Wrapper)> {
    let mut wrapper = Wrapper::default();
    let mut func = None;
    let mut current = call;
    loop {
        let last = callee_last(&current.callee).unwrap_or_default();
        wrapper.authenticates |= names::wrapper_authenticates(last);
        wrapper.validates |= matches!(last, "schema" | "inputSchema" | "input" | "bindArgsSchemas");
        for arg in &current.arguments {
            let Some(expr) = arg.as_expression() else {
                continue;
            };
            if func.is_none()
                && let Some(f) = Func::from_expr(expr)
            {
                func = Some(f);
            }
            if let Expression::Identifier(id) = expr.without_parentheses() {
                wrapper.validates |= id.name.to_ascii_lowercase().ends_with("schema");
                wrapper.authenticates |= names::wrapper_authenticates(&id.name);
            }
        }
        match current.callee.without_parentheses() {
            // `validatedActionWithUser(schema, async …)`, `withTeam(async …)`
            Expression::Identifier(id) => {
                wrapper.root = Some(id.name.to_string());
                break;
            }
            Expression::StaticMemberExpression(m) => match m.object.without_parentheses() {
                Expression::CallExpression(inner) => current = inner,
                Expression::Identifier(id) => {
                    wrapper.authenticates |= names::wrapper_authenticates(&id.name);
                    wrapper.root = Some(id.name.to_string());
                    break;
                }
                _ => break,
            },
            _ => break,
        }
    }
    func.map(|f| (f, wrapper))
}

/// Functions with their own `'use server'` (inline actions in Server Components).
#[derive(Default)]
struct InlineActions<'a> {
    found: Vec<Candidate<'a>>,
    /// The declarator name waiting for the function it initializes.
    pending: Option<(&'a str, u32)>,
}

fn has_use_server(body: Option<&FunctionBody<'_>>) -> bool {
    body.is_some_and(|b| {
        b.directives
            .iter()
            .any(|d| d.expression.value == "use server")
    })
}

impl<'a> Visit<'a> for InlineActions<'a> {
    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        self.pending = it
            .id
            .get_binding_identifier()
            .map(|id| (id.name.as_str(), id.span.start));
        walk::walk_variable_declarator(self, it);
        self.pending = None;
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        if has_use_server(it.body.as_deref()) {
            let (name, offset) = it
                .id
                .as_ref()
                .map(|id| (id.name.to_string(), id.span.start))
                .or_else(|| self.pending.take().map(|(n, o)| (n.to_string(), o)))
                .unwrap_or_else(|| ("(inline action)".into(), it.span.start));
            // SAFETY of lifetimes: `it` lives in the arena for 'a.
            let func: &'a Function<'a> = unsafe { &*(it as *const Function<'a>) };
            self.found.push(Candidate {
                name,
                offset,
                func: Func::Function(func),
                kind: "inline",
                wrapper: None,
                scope: it.span,
            });
        }
        self.pending = None;
        walk::walk_function(self, it, flags);
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        if matches!(&it.body, oxc_ast::ast::ArrowFunctionBody::FunctionBody(b) if has_use_server(Some(b)))
        {
            let (name, offset) = self
                .pending
                .take()
                .map(|(n, o)| (n.to_string(), o))
                .unwrap_or_else(|| ("(inline action)".into(), it.span.start));
            let func: &'a ArrowFunctionExpression<'a> =
                unsafe { &*(it as *const ArrowFunctionExpression<'a>) };
            self.found.push(Candidate {
                name,
                offset,
                func: Func::Arrow(func),
                kind: "inline",
                wrapper: None,
                scope: it.span,
            });
        }
        self.pending = None;
        walk::walk_arrow_function_expression(self, it);
    }
}

impl GetSpan for Func<'_> {
    fn span(&self) -> Span {
        Func::span(*self)
    }
}
