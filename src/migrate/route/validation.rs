//! Validation: zod `.parse` in try/catch becomes `safeParse`; what a handler throws.

use super::*;

impl<'s, 'a> Cx<'s, 'a> {
    /// `try { const v = S.parse(x); … } catch (e) { if (e instanceof ZodError) {…} … }`
    /// becomes `const parsed = S.safeParse(x); if (!parsed.success) {…} const v =
    /// parsed.data;` before the `try`, which goes entirely when only `throw e` is left in
    /// its catch. Anything else keeps its try/catch, which works in an action as it did.
    pub(super) fn safe_parse(&mut self, func: Func<'a>, edits: &mut Vec<Edit>, needs: &mut Needs) {
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
            let indent = crate::migrate::edit::indentation_at(self.text, t.span.start);
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
    pub(super) fn note_throws(&mut self, handler: &Handler<'a>) {
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
}
