//! Security invariants of generated code, checked on the AST (oxc). The test suite runs
//! it over every variant the generators can produce; each rule comes from the checked
//! facts about Next.js 15 the templates follow.
//!
//! - A `'use server'` module exports only async functions.
//! - In an action, storage (`data.*`) only receives the session's `userId` or the `.data`
//!   of a schema parse, and it is reached only after an `if (!userId)` check (unless the
//!   action is marked public).
//! - `redirect()` is never called inside a `try` block (it works by throwing).
//! - `timingSafeEqual` only runs after a length check (`a.length === b.length && …`) or
//!   over fixed-length digests; signatures are never compared with `===`/`==`.
//! - CORS: no `*` origin and no `Access-Control-Allow-Credentials`.
//! - `process.env` is never read in a `'use client'` module.

use std::path::Path;

use oxc_allocator::Allocator;
use oxc_ast::ast::{
    Argument, BinaryExpression, BinaryOperator, CallExpression, Declaration, Expression, Function,
    IfStatement, LogicalExpression, LogicalOperator, Program, Statement, StaticMemberExpression,
    TryStatement, UnaryOperator,
};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType, Span};
use oxc_syntax::scope::ScopeFlags;

/// One broken rule, with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub line: usize,
    pub rule: &'static str,
}

/// Audits one TypeScript file. A file that does not parse is itself a finding.
pub fn audit(path: &Path, source: &str) -> Vec<Finding> {
    let Ok(source_type) = SourceType::from_path(path) else {
        return Vec::new();
    };
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, source_type).parse();
    if parsed.panicked || parsed.diagnostics.has_errors() {
        return vec![Finding {
            line: 1,
            rule: "the file does not parse",
        }];
    }
    let mut auditor = Auditor::new(source, &parsed.program);
    auditor.visit_program(&parsed.program);
    auditor.findings
}

struct Auditor<'s> {
    source: &'s str,
    use_server: bool,
    use_client: bool,
    public: bool,
    findings: Vec<Finding>,
    /// Depth of `try` blocks around the current node.
    in_try: usize,
    /// `timingSafeEqual` calls already seen behind a length check.
    guarded: Vec<Span>,
    /// Whether the current action has passed its `if (!userId)` check.
    session_checked: bool,
}

impl<'s> Auditor<'s> {
    fn new(source: &'s str, program: &Program<'_>) -> Auditor<'s> {
        let directive = |d: &str| program.directives.iter().any(|x| x.directive.as_str() == d);
        Auditor {
            source,
            use_server: directive("use server"),
            use_client: directive("use client"),
            public: source.contains("action-auth: public on purpose (--auth none)"),
            findings: Vec::new(),
            in_try: 0,
            guarded: Vec::new(),
            session_checked: false,
        }
    }

    fn report(&mut self, span: Span, rule: &'static str) {
        let line = self.source[..(span.start as usize).min(self.source.len())]
            .matches('\n')
            .count()
            + 1;
        self.findings.push(Finding { line, rule });
    }
}

fn is_call_to(expr: &Expression<'_>, name: &str) -> bool {
    matches!(expr.get_inner_expression(), Expression::CallExpression(c) if c.callee_name() == Some(name))
}

fn is_length_of(expr: &Expression<'_>) -> bool {
    matches!(expr, Expression::StaticMemberExpression(m) if m.property.name == "length")
}

fn string_value<'a>(arg: Option<&'a Argument<'a>>) -> Option<&'a str> {
    match arg?.as_expression()? {
        Expression::StringLiteral(s) => Some(s.value.as_str()),
        _ => None,
    }
}

impl<'a> Visit<'a> for Auditor<'_> {
    fn visit_program(&mut self, program: &Program<'a>) {
        if self.use_server {
            for stmt in &program.body {
                let allowed = match stmt {
                    Statement::ExportDeclaration(export) => match &export.declaration {
                        Declaration::FunctionDeclaration(f) => f.r#async,
                        // Types are erased at build time.
                        Declaration::TSTypeAliasDeclaration(_)
                        | Declaration::TSInterfaceDeclaration(_) => true,
                        _ => false,
                    },
                    Statement::ExportDefaultDeclaration(_)
                    | Statement::ExportNamedDeclaration(_)
                    | Statement::ExportFromDeclaration(_)
                    | Statement::ExportAllDeclaration(_) => false,
                    _ => true,
                };
                if !allowed {
                    self.report(
                        stmt.span(),
                        "a 'use server' module exports only async functions",
                    );
                }
            }
        }
        walk::walk_program(self, program);
    }

    fn visit_function(&mut self, func: &Function<'a>, flags: ScopeFlags) {
        let outer = self.session_checked;
        self.session_checked = self.public;
        walk::walk_function(self, func, flags);
        self.session_checked = outer;
    }

    fn visit_if_statement(&mut self, stmt: &IfStatement<'a>) {
        if let Expression::UnaryExpression(u) = &stmt.test
            && u.operator == UnaryOperator::LogicalNot
            && u.argument.is_specific_id("userId")
        {
            walk::walk_if_statement(self, stmt);
            self.session_checked = true;
            return;
        }
        walk::walk_if_statement(self, stmt);
    }

    fn visit_try_statement(&mut self, stmt: &TryStatement<'a>) {
        self.in_try += 1;
        self.visit_block_statement(&stmt.block);
        self.in_try -= 1;
        if let Some(handler) = &stmt.handler {
            self.visit_catch_clause(handler);
        }
        if let Some(finalizer) = &stmt.finalizer {
            self.visit_block_statement(finalizer);
        }
    }

    fn visit_logical_expression(&mut self, expr: &LogicalExpression<'a>) {
        if expr.operator == LogicalOperator::And
            && let (Expression::BinaryExpression(check), Expression::CallExpression(call)) =
                (&expr.left, expr.right.get_inner_expression())
        {
            let lengths = check.operator == BinaryOperator::StrictEquality
                && is_length_of(&check.left)
                && is_length_of(&check.right);
            if lengths && call.callee_name() == Some("timingSafeEqual") {
                self.guarded.push(call.span);
            }
        }
        walk::walk_logical_expression(self, expr);
    }

    fn visit_binary_expression(&mut self, expr: &BinaryExpression<'a>) {
        if matches!(
            expr.operator,
            BinaryOperator::Equality
                | BinaryOperator::StrictEquality
                | BinaryOperator::Inequality
                | BinaryOperator::StrictInequality
        ) {
            let secretish = |e: &Expression<'_>| {
                matches!(e.get_inner_expression(), Expression::Identifier(id)
                    if ["signature", "signatures", "expected", "token", "key", "secret"].contains(&id.name.as_str()))
            };
            if secretish(&expr.left) && secretish(&expr.right) {
                self.report(
                    expr.span,
                    "signatures and keys are compared in constant time, never with ===",
                );
            }
        }
        walk::walk_binary_expression(self, expr);
    }

    fn visit_static_member_expression(&mut self, expr: &StaticMemberExpression<'a>) {
        if self.use_client && expr.object.is_specific_id("process") && expr.property.name == "env" {
            self.report(
                expr.span,
                "secrets are read on the server only: no process.env in 'use client'",
            );
        }
        walk::walk_static_member_expression(self, expr);
    }

    fn visit_call_expression(&mut self, call: &CallExpression<'a>) {
        match call.callee_name() {
            Some("redirect") if self.in_try > 0 => {
                self.report(
                    call.span,
                    "redirect() throws, so it is never called inside try",
                );
            }
            Some("timingSafeEqual") => {
                // Hash digests have a fixed length, so no length check is needed.
                let digests = call
                    .arguments
                    .iter()
                    .all(|a| a.as_expression().is_some_and(|e| is_call_to(e, "digest")));
                if !digests && !self.guarded.contains(&call.span) {
                    self.report(
                        call.span,
                        "timingSafeEqual runs after a length check (it throws on unequal lengths)",
                    );
                }
            }
            Some("set" | "append") => {
                let name = string_value(call.arguments.first()).map(str::to_ascii_lowercase);
                let value = string_value(call.arguments.get(1));
                if name.as_deref() == Some("access-control-allow-origin") && value == Some("*") {
                    self.report(call.span, "CORS never answers *");
                }
                if name.as_deref() == Some("access-control-allow-credentials") {
                    self.report(
                        call.span,
                        "CORS credentials are not enabled by generated routes",
                    );
                }
            }
            _ => {}
        }
        // Storage calls in actions: validated data and the session's user only.
        if self.use_server
            && let Expression::StaticMemberExpression(m) = &call.callee
            && m.object.is_specific_id("data")
        {
            if !self.session_checked {
                self.report(
                    call.span,
                    "an action checks the session before it touches storage",
                );
            }
            for arg in &call.arguments {
                let ok = arg
                    .as_expression()
                    .is_some_and(|e| match e.get_inner_expression() {
                        Expression::Identifier(id) => id.name == "userId",
                        Expression::StaticMemberExpression(m) => m.property.name == "data",
                        _ => false,
                    });
                if !ok {
                    self.report(
                        arg.span(),
                        "storage only receives userId or schema-validated .data",
                    );
                }
            }
        }
        walk::walk_call_expression(self, call);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(path: &str, source: &str) -> Vec<&'static str> {
        audit(Path::new(path), source)
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn catches_what_it_should() {
        let bad_action = r#""use server";
export const schema = {};
export async function save(_: unknown, formData: FormData) {
  try { redirect("/x"); } catch {}
  await data.insert(formData.get("title"));
}
"#;
        let found = rules("a.ts", bad_action);
        assert!(
            found.contains(&"a 'use server' module exports only async functions"),
            "{found:?}"
        );
        assert!(found.contains(&"redirect() throws, so it is never called inside try"));
        assert!(found.contains(&"an action checks the session before it touches storage"));
        assert!(found.contains(&"storage only receives userId or schema-validated .data"));

        let bad_route = r#"
export function GET(req: Request) {
  const signature = req.headers.get("x"); const expected = "y";
  if (signature === expected) {}
  timingSafeEqual(Buffer.from(signature!), Buffer.from(expected));
  const h = new Headers(); h.set("Access-Control-Allow-Origin", "*"); h.set("Access-Control-Allow-Credentials", "true");
}
"#;
        let found = rules("route.ts", bad_route);
        assert_eq!(found.len(), 4, "{found:?}");

        assert_eq!(
            rules(
                "c.tsx",
                "\"use client\";\nexport const k = process.env.SECRET;\n"
            )
            .len(),
            1
        );
    }

    #[test]
    fn accepts_the_safe_shapes() {
        let good = r#""use server";
export async function save(_: unknown, formData: FormData) {
  const userId = "u";
  if (!userId) { return; }
  const parsed = schema.safeParse(formData);
  try { await data.insert(userId, parsed.data); } catch {}
  redirect("/x");
}
function safeEqual(a: Buffer, b: Buffer) { return a.length === b.length && timingSafeEqual(a, b); }
"#;
        assert_eq!(rules("a.ts", good), Vec::<&str>::new());
        let digests = "timingSafeEqual(digest(token), digest(key));";
        assert_eq!(rules("r.ts", digests), Vec::<&str>::new());
    }
}
