//! Finding the handlers: exported functions, `export const X = async`, aliases.

use super::*;

impl<'s, 'a> Cx<'s, 'a> {
    /// Every exported HTTP method handler, in source order.
    pub(super) fn handlers(&mut self) -> Vec<Handler<'a>> {
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
}
