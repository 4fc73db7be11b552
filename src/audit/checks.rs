//! The checks one pass over a file can make: secret environment reads, secrets compared
//! with `===`, `redirect()` swallowed by a catch, `Promise.all` call sites, CORS headers,
//! and a route handler's webhook facts.

use std::collections::{HashMap, HashSet};

use oxc_ast::ast::{
    Argument, BinaryExpression, BindingPattern, CallExpression, CatchClause, Expression, Function,
    NewExpression, ObjectProperty, Program, PropertyKey, Statement, StaticMemberExpression,
    TryStatement, UnaryOperator, VariableDeclarator,
};
use oxc_ast_visit::{Visit, walk};
use oxc_syntax::scope::ScopeFlags;

use super::file::{Directive, Facts};
use super::names::{self, SecretKind};
use super::rules::{
    CORS_REFLECT, CORS_WILDCARD_CREDENTIALS, REDIRECT_IN_TRY, SECRET_COMPARE, Severity,
    WEBHOOK_PARSE, WEBHOOK_UNVERIFIED,
};
use super::{ActionEntry, Finding};
use crate::migrate::ast::{dotted, string_value};

/// What a route handler file does with its request.
#[derive(Debug, Clone, Default)]
pub struct RouteFacts {
    /// The first call that verifies a signature.
    pub verify: Option<u32>,
    /// The first `request.json()` (or `JSON.parse`) call.
    pub parse: Option<u32>,
    /// Where a signature header is read.
    pub signature_header: Option<u32>,
    /// Exported HTTP methods.
    pub methods: Vec<String>,
    /// A POST or PUT handler is a function written in this file (not re-exported or
    /// wrapped), so what it does is visible here.
    pub local_receiver: bool,
    /// It authenticates its caller (an auth call, an Authorization or API-key header): a
    /// management API, not a webhook receiver.
    pub authenticates: bool,
    /// It compares a token or signature (with `===` or a timing-safe compare).
    pub compares_secret: bool,
}

pub struct Output {
    pub secret_env: Vec<(String, u32)>,
    pub promise_all: Vec<(String, u32)>,
    pub findings: Vec<Finding>,
    pub route: Option<RouteFacts>,
    pub checks_session: bool,
    /// Server-only APIs used in the code itself (`new PrismaClient()`).
    pub server_apis: Vec<(String, u32)>,
}

const METHODS: &[&str] = &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const NAVIGATION_THROWS: &[&str] = &[
    "redirect",
    "permanentRedirect",
    "notFound",
    "forbidden",
    "unauthorized",
];

pub fn run(program: &Program<'_>, facts: &Facts, route: bool) -> Output {
    let navigation: HashSet<String> = facts
        .imports
        .iter()
        .filter(|i| i.specifier == "next/navigation")
        .flat_map(|i| i.names.iter())
        .filter(|(imported, _)| NAVIGATION_THROWS.contains(&imported.as_str()))
        .map(|(_, local)| local.clone())
        .chain(
            // Auth.js's server-side signIn/signOut redirect by throwing too.
            facts
                .imports
                .iter()
                .filter(|i| {
                    (i.specifier == "next-auth"
                        || i.specifier.ends_with("/auth")
                        || i.specifier == "auth")
                        && i.specifier != "next-auth/react"
                })
                .flat_map(|i| i.names.iter())
                .filter(|(imported, _)| matches!(imported.as_str(), "signIn" | "signOut"))
                .map(|(_, local)| local.clone()),
        )
        .collect();
    let mut route_facts = route.then(|| RouteFacts {
        methods: handler_methods(program),
        local_receiver: local_receiver(program),
        ..RouteFacts::default()
    });
    let request_names = if route {
        handler_params(program)
    } else {
        HashSet::new()
    };
    let stem = facts
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let test = facts.is_test();
    let mut v = Checker {
        facts,
        test,
        proxy: matches!(stem, "proxy" | "middleware"),
        client: facts.directive == Directive::Client,
        navigation,
        tries: Vec::new(),
        catch_params: Vec::new(),
        out_env: Vec::new(),
        promise_all: Vec::new(),
        findings: Vec::new(),
        route: route_facts.take(),
        request_names,
        origin_vars: HashMap::new(),
        origin_checked: HashSet::new(),
        allow_origin: Vec::new(),
        credentials: false,
        checks_session: false,
        server_apis: Vec::new(),
        secret_vars: HashMap::new(),
    };
    v.visit_program(program);
    v.cors_findings();
    let mut findings = std::mem::take(&mut v.findings);
    if let Some(route) = &v.route {
        findings.extend(webhook_findings(facts, route));
    }
    Output {
        server_apis: std::mem::take(&mut v.server_apis),
        secret_env: v.out_env,
        promise_all: v.promise_all,
        findings,
        route: v.route,
        checks_session: v.checks_session
            || facts.imports.iter().any(|i| {
                let s = i.specifier.as_str();
                s.starts_with("next-auth")
                    || s.starts_with("@clerk/")
                    || s.starts_with("@auth/")
                    || s.starts_with("@supabase/")
                    || s.rsplit('/')
                        .next()
                        .is_some_and(|last| matches!(last, "auth" | "session" | "middleware"))
            }),
    }
}

struct Checker<'f> {
    facts: &'f Facts,
    /// A test file: its comparisons are fixtures, not checks.
    test: bool,
    /// The file is the proxy or middleware (only there does a session check matter here).
    proxy: bool,
    client: bool,
    /// Local names of next/navigation's throwing functions.
    navigation: HashSet<String>,
    /// For each enclosing `try` block of the current function: whether its catch swallows.
    tries: Vec<bool>,
    catch_params: Vec<Option<String>>,
    out_env: Vec<(String, u32)>,
    promise_all: Vec<(String, u32)>,
    findings: Vec<Finding>,
    route: Option<RouteFacts>,
    request_names: HashSet<String>,
    /// Variables that hold the request's Origin header, with where.
    origin_vars: HashMap<String, u32>,
    /// Origin variables compared with something (an allowlist).
    origin_checked: HashSet<String>,
    /// `Access-Control-Allow-Origin` values: (offset, `*`, reflected variable or direct read).
    allow_origin: Vec<(u32, bool, Option<String>)>,
    credentials: bool,
    checks_session: bool,
    server_apis: Vec<(String, u32)>,
    /// Variables that hold a secret, a signature or a credential.
    secret_vars: HashMap<String, SecretKind>,
}

impl Checker<'_> {
    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    fn cors_findings(&mut self) {
        let values = std::mem::take(&mut self.allow_origin);
        for (offset, star, reflected) in values {
            if star && self.credentials {
                let f = self.facts.finding(
                    CORS_WILDCARD_CREDENTIALS,
                    offset,
                    "Access-Control-Allow-Origin is `*` and Access-Control-Allow-Credentials is true".into(),
                );
                self.push(f);
            }
            if let Some(var) = reflected
                && !self.origin_checked.contains(&var)
            {
                let f = self.facts.finding(
                    CORS_REFLECT,
                    offset,
                    "Access-Control-Allow-Origin echoes the request's Origin header without checking it against an allowlist".into(),
                );
                self.push(f);
            }
        }
    }

    /// The request-Origin variable an expression reads, or `""` for a direct
    /// `headers.get("origin")`.
    fn origin_read(&self, expr: &Expression<'_>) -> Option<String> {
        match expr.without_parentheses() {
            Expression::Identifier(id) if self.origin_vars.contains_key(id.name.as_str()) => {
                Some(id.name.to_string())
            }
            Expression::CallExpression(call)
                if header_get(call).is_some_and(|h| h.eq_ignore_ascii_case("origin")) =>
            {
                Some(String::new())
            }
            Expression::LogicalExpression(l) => self
                .origin_read(&l.left)
                .or_else(|| self.origin_read(&l.right)),
            Expression::TSAsExpression(e) => self.origin_read(&e.expression),
            Expression::TSNonNullExpression(e) => self.origin_read(&e.expression),
            _ => None,
        }
    }

    fn header_value(&mut self, name: &str, value: &Expression<'_>, offset: u32) {
        if name.eq_ignore_ascii_case("access-control-allow-origin") {
            let star = string_value(value).is_some_and(|v| v == "*");
            let reflected = self.origin_read(value);
            self.allow_origin.push((offset, star, reflected));
        } else if name.eq_ignore_ascii_case("access-control-allow-credentials") {
            self.credentials |= string_value(value).is_some_and(|v| v == "true")
                || matches!(value.without_parentheses(), Expression::BooleanLiteral(b) if b.value);
        }
    }

    fn secret_compare(&mut self, it: &BinaryExpression<'_>) {
        if self.client || self.test || !it.operator.is_equality() {
            return;
        }
        if harmless(&it.left) || harmless(&it.right) {
            return;
        }
        let kind = match (
            secret_of(&it.left, &self.secret_vars),
            secret_of(&it.right, &self.secret_vars),
        ) {
            (Some(SecretKind::Signature), _) | (_, Some(SecretKind::Signature)) => {
                SecretKind::Signature
            }
            (Some(SecretKind::Token), _) | (_, Some(SecretKind::Token)) => SecretKind::Token,
            _ => return,
        };
        let mut f = self.facts.finding(
            SECRET_COMPARE,
            it.span.start,
            format!(
                "`{}` compares {} with `{}`",
                crate::migrate::ast::text(&self.facts.text, it.span)
                    .lines()
                    .next()
                    .unwrap_or(""),
                if kind == SecretKind::Signature {
                    "a signature"
                } else {
                    "a secret or token"
                },
                it.operator.as_str()
            ),
        );
        if kind == SecretKind::Signature {
            f.severity = Severity::Error;
        }
        if let Some(route) = self.route.as_mut() {
            route.compares_secret = true;
        }
        self.push(f);
    }
}

impl<'a> Visit<'a> for Checker<'_> {
    fn visit_static_member_expression(&mut self, it: &StaticMemberExpression<'a>) {
        if is_process_env(&it.object) && !names::is_public_env(it.property.name.as_str()) {
            self.out_env
                .push((it.property.name.to_string(), it.span.start));
        }
        walk::walk_static_member_expression(self, it);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let Some(init) = &it.init {
            // const { SECRET } = process.env
            if is_process_env(init)
                && let BindingPattern::ObjectPattern(pattern) = &it.id
            {
                for p in &pattern.properties {
                    if let Some(name) = p.key.static_name()
                        && !names::is_public_env(&name)
                    {
                        self.out_env.push((name.to_string(), p.span.start));
                    }
                }
            }
            if let BindingPattern::BindingIdentifier(id) = &it.id {
                if self.origin_read(init).is_some() {
                    self.origin_vars.insert(id.name.to_string(), id.span.start);
                }
                if let Some(kind) = secret_of(init, &self.secret_vars) {
                    self.secret_vars.insert(id.name.to_string(), kind);
                }
            }
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_binary_expression(&mut self, it: &BinaryExpression<'a>) {
        self.secret_compare(it);
        if it.operator.is_equality() {
            for side in [&it.left, &it.right] {
                if let Expression::Identifier(id) = side.without_parentheses() {
                    self.origin_checked.insert(id.name.to_string());
                }
            }
        }
        walk::walk_binary_expression(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        let last = callee_last(&it.callee);
        // Only the names some rule looks at are spelled out (most calls are not).
        let callee = match last {
            Some(name)
                if self.navigation.contains(name)
                    || matches!(name, "all" | "allSettled" | "parse")
                    || (self.proxy && (names::is_auth_call(name) || name == "getUser")) =>
            {
                dotted(&it.callee)
            }
            _ => None,
        };
        if let Some(name) = &callee {
            if self.navigation.contains(name.as_str())
                && self.tries.iter().any(|swallows| *swallows)
                && !no_redirect(it)
            {
                let f = self.facts.finding(
                    REDIRECT_IN_TRY,
                    it.span.start,
                    format!("`{name}()` is called inside a try block whose catch does not rethrow"),
                );
                self.push(f);
            }
            if matches!(name.as_str(), "Promise.all" | "Promise.allSettled") {
                let mut calls = CalledNames::default();
                for arg in &it.arguments {
                    calls.visit_argument(arg);
                }
                self.promise_all
                    .extend(calls.names.into_iter().map(|n| (n, it.span.start)));
            }
            if names::is_auth_call(name)
                || matches!(
                    name.as_str(),
                    "clerkMiddleware"
                        | "getToken"
                        | "updateSession"
                        | "withAuth"
                        | "authMiddleware"
                )
            {
                self.checks_session = true;
            }
        }
        // An allowlist check of the origin: allowed.includes(origin), set.has(origin), …
        if matches!(
            last,
            Some(
                "includes"
                    | "has"
                    | "indexOf"
                    | "some"
                    | "find"
                    | "test"
                    | "match"
                    | "startsWith"
                    | "endsWith"
            )
        ) {
            for arg in &it.arguments {
                if let Some(Expression::Identifier(id)) =
                    arg.as_expression().map(Expression::without_parentheses)
                {
                    self.origin_checked.insert(id.name.to_string());
                }
            }
            if let Expression::StaticMemberExpression(m) = it.callee.without_parentheses()
                && let Expression::Identifier(id) = m.object.without_parentheses()
            {
                self.origin_checked.insert(id.name.to_string());
            }
        }
        // headers.set("Access-Control-Allow-Origin", value)
        if matches!(last, Some("set" | "append"))
            && let (Some(name), Some(value)) = (
                it.arguments
                    .first()
                    .and_then(Argument::as_expression)
                    .and_then(string_value),
                it.arguments.get(1).and_then(Argument::as_expression),
            )
        {
            self.header_value(&name, value, it.span.start);
        }
        if let Some(route) = self.route.as_mut() {
            if let Some(last) = last
                && names::is_verify_call(last)
                && route.verify.is_none()
            {
                route.verify = Some(it.span.start);
            }
            if let Some(last) = last {
                let lower = last.to_ascii_lowercase();
                route.authenticates |= lower.contains("auth") || lower.contains("session");
                route.compares_secret |=
                    lower.contains("timingsafe") || lower.contains("securecompare");
            }
            if header_get(it).is_some_and(|h| {
                matches!(
                    h.to_ascii_lowercase().as_str(),
                    "authorization" | "x-api-key"
                )
            }) {
                route.authenticates = true;
            }
            let parses = match it.callee.without_parentheses() {
                Expression::StaticMemberExpression(m) if m.property.name == "json" => {
                    matches!(m.object.without_parentheses(), Expression::Identifier(id) if self.request_names.contains(id.name.as_str()))
                }
                _ => callee.as_deref() == Some("JSON.parse"),
            };
            if parses && route.parse.is_none() {
                route.parse = Some(it.span.start);
            }
            if header_get(it)
                .is_some_and(|h| names::secret_header(&h) == Some(SecretKind::Signature))
                && route.signature_header.is_none()
            {
                route.signature_header = Some(it.span.start);
            }
        }
        walk::walk_call_expression(self, it);
    }

    fn visit_new_expression(&mut self, it: &NewExpression<'a>) {
        // A Prisma client made here: a server module (its package alone is not one).
        if let Expression::Identifier(id) = it.callee.without_parentheses()
            && id.name == "PrismaClient"
        {
            self.server_apis
                .push(("new PrismaClient()".into(), it.span.start));
        }
        walk::walk_new_expression(self, it);
    }

    fn visit_object_property(&mut self, it: &ObjectProperty<'a>) {
        if let Some(name) = match &it.key {
            PropertyKey::StringLiteral(s) => Some(s.value.to_string()),
            PropertyKey::StaticIdentifier(id) => Some(id.name.to_string()),
            _ => None,
        } {
            self.header_value(&name, &it.value, it.span.start);
        }
        walk::walk_object_property(self, it);
    }

    fn visit_try_statement(&mut self, it: &TryStatement<'a>) {
        let swallows = it.handler.as_ref().is_some_and(|h| !rethrows(h));
        self.tries.push(swallows);
        self.visit_block_statement(&it.block);
        self.tries.pop();
        if let Some(handler) = &it.handler {
            self.visit_catch_clause(handler);
        }
        if let Some(finalizer) = &it.finalizer {
            self.visit_block_statement(finalizer);
        }
    }

    fn visit_catch_clause(&mut self, it: &CatchClause<'a>) {
        self.catch_params.push(None);
        walk::walk_catch_clause(self, it);
        self.catch_params.pop();
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        // A function declared inside a try runs later, outside it.
        let tries = std::mem::take(&mut self.tries);
        walk::walk_function(self, it, flags);
        self.tries = tries;
    }

    fn visit_arrow_function_expression(&mut self, it: &oxc_ast::ast::ArrowFunctionExpression<'a>) {
        let tries = std::mem::take(&mut self.tries);
        walk::walk_arrow_function_expression(self, it);
        self.tries = tries;
    }
}

/// `signIn("credentials", { …, redirect: false })`: Auth.js returns instead of throwing.
fn no_redirect(call: &CallExpression<'_>) -> bool {
    call.arguments.iter().filter_map(Argument::as_expression).any(|a| {
        matches!(a.without_parentheses(), Expression::ObjectExpression(o) if o.properties.iter().any(|p| {
            matches!(p, oxc_ast::ast::ObjectPropertyKind::ObjectProperty(p)
                if p.key.static_name().is_some_and(|k| k == "redirect")
                    && matches!(p.value.without_parentheses(), Expression::BooleanLiteral(b) if !b.value))
        }))
    })
}

/// Whether a catch clause passes a navigation error on: `throw error` of its own
/// parameter, `unstable_rethrow(error)`, or an `isRedirectError` test.
fn rethrows(handler: &CatchClause<'_>) -> bool {
    struct Finder {
        param: Option<String>,
        found: bool,
    }
    impl<'a> Visit<'a> for Finder {
        fn visit_throw_statement(&mut self, it: &oxc_ast::ast::ThrowStatement<'a>) {
            if let Expression::Identifier(id) = it.argument.without_parentheses()
                && self.param.as_deref() == Some(id.name.as_str())
            {
                self.found = true;
            }
            walk::walk_throw_statement(self, it);
        }
        fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
            if let Some(name) = callee_last(&it.callee)
                && matches!(
                    name,
                    "unstable_rethrow"
                        | "rethrow"
                        | "isRedirectError"
                        | "isNextRouterError"
                        | "isNavigationError"
                )
            {
                self.found = true;
            }
            walk::walk_call_expression(self, it);
        }
    }
    let param = handler
        .param
        .as_ref()
        .and_then(|p| p.pattern.get_binding_identifier())
        .map(|id| id.name.to_string());
    let mut finder = Finder {
        param,
        found: false,
    };
    finder.visit_block_statement(&handler.body);
    finder.found
}

/// Names of functions called, for `Promise.all([a(x), b(y)])` and `.map(x => a(x))`.
#[derive(Default)]
struct CalledNames {
    names: Vec<String>,
}

impl<'a> Visit<'a> for CalledNames {
    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if let Expression::Identifier(id) = it.callee.without_parentheses() {
            self.names.push(id.name.to_string());
        }
        walk::walk_call_expression(self, it);
    }
}

/// The last name of a callee: `verify` for `wh.verify`, `getUser` for
/// `(await createClient()).auth.getUser`.
pub fn callee_last<'b>(callee: &'b Expression<'_>) -> Option<&'b str> {
    match callee.without_parentheses() {
        Expression::Identifier(id) => Some(id.name.as_str()),
        Expression::StaticMemberExpression(m) => Some(m.property.name.as_str()),
        _ => None,
    }
}

/// `process.env`, without building a string.
fn is_process_env(expr: &Expression<'_>) -> bool {
    matches!(expr.without_parentheses(), Expression::StaticMemberExpression(m)
        if m.property.name == "env"
            && matches!(m.object.without_parentheses(), Expression::Identifier(id) if id.name == "process"))
}

/// `x.headers.get("name")` or `headers().get("name")`: the header name.
fn header_get(call: &CallExpression<'_>) -> Option<String> {
    let Expression::StaticMemberExpression(m) = call.callee.without_parentheses() else {
        return None;
    };
    if m.property.name != "get" {
        return None;
    }
    let object_is_headers = match m.object.without_parentheses() {
        Expression::StaticMemberExpression(o) => o.property.name == "headers",
        Expression::Identifier(id) => id.name.to_ascii_lowercase().contains("header"),
        Expression::CallExpression(c) => callee_last(&c.callee).is_some_and(|n| n == "headers"),
        Expression::AwaitExpression(a) => {
            matches!(a.argument.without_parentheses(), Expression::CallExpression(c) if callee_last(&c.callee).is_some_and(|n| n == "headers"))
        }
        _ => false,
    };
    if !object_is_headers {
        return None;
    }
    call.arguments
        .first()
        .and_then(Argument::as_expression)
        .and_then(string_value)
}

/// A comparison with these checks presence or shape, not a secret's value.
fn harmless(expr: &Expression<'_>) -> bool {
    match expr.without_parentheses() {
        Expression::NullLiteral(_)
        | Expression::BooleanLiteral(_)
        | Expression::NumericLiteral(_)
        | Expression::StringLiteral(_) => true,
        Expression::Identifier(id) => id.name == "undefined",
        Expression::UnaryExpression(u) => u.operator == UnaryOperator::Typeof,
        Expression::StaticMemberExpression(m) => m.property.name == "length",
        _ => false,
    }
}

/// Whether an expression holds a secret, by where it comes from (not by its name): a
/// secret environment variable (`process.env.X`, t3-env's `env.X`), a signature or
/// credential header or query parameter, a computed digest (`createHmac(…).digest()`), a
/// variable holding one of those, or a string built from one
/// (`Bearer ${process.env.CRON_SECRET}`).
fn secret_of(expr: &Expression<'_>, vars: &HashMap<String, SecretKind>) -> Option<SecretKind> {
    match expr.without_parentheses() {
        Expression::Identifier(id) => vars.get(id.name.as_str()).copied(),
        Expression::StaticMemberExpression(m) => {
            let env = is_process_env(&m.object)
                || matches!(m.object.without_parentheses(), Expression::Identifier(id) if id.name == "env");
            let name = m.property.name.as_str();
            (env && names::is_credential_env(name)).then_some(SecretKind::Token)
        }
        Expression::CallExpression(call) => {
            if callee_last(&call.callee).is_some_and(|n| n == "digest") {
                return Some(SecretKind::Signature);
            }
            header_get(call)
                .or_else(|| query_get(call))
                .and_then(|h| names::secret_header(&h))
        }
        Expression::TemplateLiteral(t) => t.expressions.iter().find_map(|e| secret_of(e, vars)),
        Expression::BinaryExpression(b) => {
            secret_of(&b.left, vars).or_else(|| secret_of(&b.right, vars))
        }
        Expression::LogicalExpression(l) => secret_of(&l.left, vars),
        Expression::AwaitExpression(a) => secret_of(&a.argument, vars),
        Expression::TSAsExpression(e) => secret_of(&e.expression, vars),
        Expression::TSNonNullExpression(e) => secret_of(&e.expression, vars),
        _ => None,
    }
}

/// `url.searchParams.get("token")`: the parameter name.
fn query_get(call: &CallExpression<'_>) -> Option<String> {
    let Expression::StaticMemberExpression(m) = call.callee.without_parentheses() else {
        return None;
    };
    let on_params = match m.object.without_parentheses() {
        Expression::StaticMemberExpression(o) => o.property.name == "searchParams",
        Expression::Identifier(id) => id.name == "searchParams",
        _ => false,
    };
    (m.property.name == "get" && on_params)
        .then(|| {
            call.arguments
                .first()
                .and_then(Argument::as_expression)
                .and_then(string_value)
        })
        .flatten()
}

/// The exported HTTP method handlers of a route file.
fn handler_methods(program: &Program<'_>) -> Vec<String> {
    let mut out = Vec::new();
    for stmt in &program.body {
        match stmt {
            Statement::ExportDeclaration(e) => match &e.declaration {
                oxc_ast::ast::Declaration::FunctionDeclaration(f) => {
                    out.extend(f.id.as_ref().map(|i| i.name.to_string()));
                }
                oxc_ast::ast::Declaration::VariableDeclaration(v) => {
                    for d in &v.declarations {
                        match &d.id {
                            BindingPattern::ObjectPattern(p) => out.extend(
                                p.properties
                                    .iter()
                                    .filter_map(|p| p.key.static_name().map(|n| n.to_string())),
                            ),
                            other => out
                                .extend(other.get_binding_identifier().map(|i| i.name.to_string())),
                        }
                    }
                }
                _ => {}
            },
            Statement::ExportNamedDeclaration(e) => {
                out.extend(e.specifiers.iter().map(|s| s.exported.name().to_string()));
            }
            Statement::ExportFromDeclaration(e) => {
                out.extend(e.specifiers.iter().map(|s| s.exported.name().to_string()));
            }
            _ => {}
        }
    }
    out.retain(|m| METHODS.contains(&m.as_str()));
    out
}

/// Whether a POST or PUT handler is a function literal of this file.
fn local_receiver(program: &Program<'_>) -> bool {
    program.body.iter().any(|stmt| match stmt {
        Statement::ExportDeclaration(e) => match &e.declaration {
            oxc_ast::ast::Declaration::FunctionDeclaration(f) => {
                f.id.as_ref()
                    .is_some_and(|i| matches!(i.name.as_str(), "POST" | "PUT"))
            }
            oxc_ast::ast::Declaration::VariableDeclaration(v) => v.declarations.iter().any(|d| {
                d.id.get_binding_identifier()
                    .is_some_and(|i| matches!(i.name.as_str(), "POST" | "PUT"))
                    && matches!(
                        d.init.as_ref().map(Expression::without_parentheses),
                        Some(
                            Expression::ArrowFunctionExpression(_)
                                | Expression::FunctionExpression(_)
                        )
                    )
            }),
            _ => false,
        },
        _ => false,
    })
}

/// Names the handlers give their request parameter (plus the usual ones).
fn handler_params(program: &Program<'_>) -> HashSet<String> {
    let mut out: HashSet<String> = ["req", "request"].iter().map(|s| s.to_string()).collect();
    for stmt in &program.body {
        if let Statement::ExportDeclaration(e) = stmt {
            let params = match &e.declaration {
                oxc_ast::ast::Declaration::FunctionDeclaration(f) => Some(&f.params),
                oxc_ast::ast::Declaration::VariableDeclaration(v) => {
                    v.declarations.iter().find_map(|d| {
                        match d.init.as_ref().map(Expression::without_parentheses) {
                            Some(Expression::ArrowFunctionExpression(a)) => Some(&a.params),
                            Some(Expression::FunctionExpression(f)) => Some(&f.params),
                            _ => None,
                        }
                    })
                }
                _ => None,
            };
            if let Some(first) = params.and_then(|p| p.items.first())
                && let Some(id) = first.pattern.get_binding_identifier()
            {
                out.insert(id.name.to_string());
            }
        }
    }
    out
}

/// A webhook route (a `webhook` folder, or one that reads a signature header) must verify
/// before it parses.
fn webhook_findings(facts: &Facts, route: &RouteFacts) -> Vec<Finding> {
    let webhook_path = facts.path.components().any(|c| {
        c.as_os_str()
            .to_string_lossy()
            .to_ascii_lowercase()
            .contains("webhook")
    });
    let receives = route.methods.iter().any(|m| m == "POST" || m == "PUT");
    // A folder named webhooks that authenticates its caller is an API to manage webhooks.
    let receiver = route.signature_header.is_some() || (webhook_path && !route.authenticates);
    if !receiver || !receives || !route.local_receiver {
        return Vec::new();
    }
    // A token compared (even with ===, which secret-compare reports) is a verification.
    let verify = route.verify.or(route.compares_secret.then_some(u32::MAX));
    let mut out = Vec::new();
    match (verify, route.parse) {
        (None, _) => out.push(facts.finding(
            WEBHOOK_UNVERIFIED,
            route.signature_header.or(route.parse).unwrap_or(0),
            "this webhook route never verifies the sender's signature".into(),
        )),
        (Some(verify), Some(parse)) if parse < verify && verify != u32::MAX => {
            let (line, col) = facts.at(verify);
            out.push(facts.finding(
                WEBHOOK_PARSE,
                parse,
                format!("the body is parsed here, before the signature check at {line}:{col}"),
            ));
        }
        _ => {}
    }
    out
}

/// An action as the inventory lists it (shared with [`super::actions`]).
pub fn entry(
    facts: &Facts,
    offset: u32,
    name: &str,
    kind: &'static str,
    auth: &'static str,
) -> ActionEntry {
    ActionEntry {
        file: facts.name.clone(),
        line: facts.at(offset).0,
        name: name.to_string(),
        kind,
        auth,
        exposed: true,
    }
}

/// `proxy-only-auth`: the proxy (or middleware) checks sessions, and some actions check
/// none of their own.
pub fn proxy_only_auth(
    project: &crate::project::Project,
    files: &[Facts],
    actions: &[ActionEntry],
) -> Vec<Finding> {
    let Some(hook) = &project.request_hook else {
        return Vec::new();
    };
    let Some(proxy) = files.iter().find(|f| &f.path == hook) else {
        return Vec::new();
    };
    if !proxy.checks_session {
        return Vec::new();
    }
    let bare: Vec<&ActionEntry> = actions.iter().filter(|a| a.auth == "missing").collect();
    if bare.is_empty() {
        return Vec::new();
    }
    let list = bare
        .iter()
        .take(5)
        .map(|a| format!("{} ({}:{})", a.name, a.file, a.line))
        .collect::<Vec<_>>()
        .join(", ");
    let more = if bare.len() > 5 {
        format!(" and {} more", bare.len() - 5)
    } else {
        String::new()
    };
    vec![super::rules::PROXY_ONLY_AUTH.at(
        &proxy.name,
        (1, 1),
        format!(
            "{} checks the session, but {} Server Action(s) check none of their own: {list}{more}",
            proxy.name,
            bare.len()
        ),
    )]
}
