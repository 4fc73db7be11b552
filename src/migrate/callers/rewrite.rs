//! Rewriting a fetch call into a call of the action, and what the caller does with the
//! response (`res.ok`, `res.status`, `await res.json()` / `.text()` behind their checks),
//! laid out as prettier prints it.

use super::*;

/// The edits of a ternary-method call, and the actions it uses (name, local name).
pub(super) type TernaryRewrite = (Vec<Edit>, Vec<(String, String)>);

/// Both branches of a ternary method rewritten: `await (test ? updateX(a) : createX(a))`,
/// when each rewrite treats the response the same way and the call fits on its line.
/// Returns the edits and the actions used, by name and local name.
pub(super) fn ternary_rewrite<'a>(
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
        Some(crate::migrate::edit::Replace::Text(t)) if !t.contains('\n') => Some(t.clone()),
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
    if !crate::layout::fits_columns(lead + crate::layout::columns(&combined) + rest) {
        // Prettier breaks the conditional inside the parentheses, one branch a line.
        let indent = crate::migrate::edit::indentation_at(cx.text, call.span.start);
        let inner = format!("{indent}{}", crate::migrate::edit::step(&indent));
        let fits = |line: &str, after: usize| {
            crate::layout::fits_columns(crate::layout::columns(line) + after)
        };
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

/// Rewrites one `fetch` with its response handling, or says why not.
pub(super) struct Rewriter<'t, 's, 'a> {
    pub(super) text: &'t str,
    pub(super) semantic: &'s Semantic<'a>,
    pub(super) calls: &'s HashMap<Span, NodeId>,
    /// The function declaring the response variable, when it is never reassigned.
    pub(super) home: std::cell::Cell<Option<NodeId>>,
}

pub(super) type Manual = (String, Option<String>);

impl<'t, 's, 'a> Rewriter<'t, 's, 'a> {
    pub(super) fn src(&self, span: Span) -> &'t str {
        ast::text(self.text, span)
    }

    pub(super) fn rewrite(
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
                        if let Some(name) = unsent_header(h) {
                            problems.push(format!(
                                "sends the header `{name}`, which an action does not receive"
                            ));
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
    pub(super) fn action_args(
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
        let width = crate::layout::columns;
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
        let step = crate::migrate::edit::step(&indent);
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
    pub(super) fn body(&self, value: &Expression<'a>, sig: &ActionSig) -> Result<Arg, Manual> {
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
    pub(super) fn arg(&self, expr: &Expression<'a>) -> Arg {
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
        let indent = crate::migrate::edit::indentation_at(self.text, at.start);
        layout_args(callee, args, lead, rest, &indent)
    }

    /// The columns before `at` on its line, and after it.
    pub(super) fn around(&self, at: Span) -> (usize, usize) {
        let text = self.text;
        let line_start = text[..at.start as usize].rfind('\n').map_or(0, |i| i + 1);
        let lead = crate::layout::columns(&text[line_start..at.start as usize]);
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
    pub(super) fn value(&self, value: &Value) -> String {
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
    pub(super) fn condition(
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

/// The first request header an action call does not carry (anything but `Content-Type`
/// and `Accept`; `…` for a spread or computed name).
pub(super) fn unsent_header(headers: &oxc_ast::ast::ObjectExpression<'_>) -> Option<String> {
    headers.properties.iter().find_map(|h| {
        let name = match h {
            ObjectPropertyKind::ObjectProperty(x) => {
                x.key.static_name().map(|k| k.to_ascii_lowercase())
            }
            ObjectPropertyKind::SpreadProperty(_) => None,
        };
        match name.as_deref() {
            Some("content-type" | "accept") => None,
            _ => Some(name.unwrap_or_else(|| "…".into())),
        }
    })
}

/// `callee(args)` as prettier prints it with `lead` columns before it and `rest` after, on
/// a line indented by `indent` (the project's own unit: tabs or spaces).
pub(super) fn layout_args(
    callee: &str,
    args: &[Arg],
    lead: usize,
    rest: usize,
    indent: &str,
) -> String {
    let args: Vec<crate::layout::Arg> = args
        .iter()
        .map(|a| match &a.props {
            Some(props) => crate::layout::Arg::Fields(props.clone(), a.expanded),
            None => crate::layout::Arg::Plain(a.flat.clone()),
        })
        .collect();
    let place = crate::layout::Place {
        indent,
        unit: &crate::migrate::edit::step(indent),
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
pub(super) struct Arg {
    pub(super) flat: String,
    /// The properties, when it is an object literal whose properties fit on a line each.
    pub(super) props: Option<Vec<String>>,
    /// An object literal that stays broken up, one property per line.
    pub(super) expanded: bool,
}

impl Arg {
    pub(super) fn object(props: Vec<String>) -> Arg {
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
pub(super) fn property(key: &str, value: &str) -> String {
    if key == value {
        key.to_string()
    } else {
        format!("{key}: {value}")
    }
}

pub(super) fn property_key(key: &str) -> String {
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
