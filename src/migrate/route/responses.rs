//! The handler's responses, each translated into a `{ ok, status, data | error }` result.

use super::*;

/// The name of the helper that reads a `Response` into a result at run time.
pub const RESPONSE_RESULT_NAME: &str = "responseResult";

/// A response built by the project's own helpers (`handleError(e)`,
/// `new AppError(…).toResponse()`) is read when the action runs: its status and its body,
/// JSON when it parses, else text. Not exported: a 'use server' module exports actions
/// only.
pub const RESPONSE_RESULT: &str = r#"// A Response the route built with the app's own helpers, as the action's result.
async function responseResult(response: Response | Promise<Response>) {
  const answer = await response;
  const text = await answer.text();
  let body: ReturnType<typeof JSON.parse> = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the text itself
  }
  return answer.ok
    ? ({ ok: true, status: answer.status, data: body } as const)
    : ({ ok: false, status: answer.status, error: body } as const);
}"#;

/// A response's status: a literal, or an expression (`error.status || 500`).
#[derive(Debug, Clone, Copy)]
enum Status {
    Code(u16),
    Computed(Span),
}

impl<'s, 'a> Cx<'s, 'a> {
    /// Each `return` of the handler becomes a discriminated result. Returns whether some
    /// status is only known when the action runs.
    pub(super) fn returns(
        &mut self,
        func: Func<'a>,
        edits: &mut Vec<Edit>,
        results: &mut Vec<(bool, u16)>,
        (text_sides, json_sides): &mut (Vec<bool>, Vec<bool>),
        needs: &mut Needs,
    ) -> bool {
        let mut any_status = false;
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
                // The app's own response helpers: read when the action runs.
                if self.built_elsewhere(expr) && func.is_async() {
                    let inner = expr.without_parentheses().span();
                    let (open, close) = if arrow_body { ("(", ")") } else { ("", "") };
                    edits.push(Edit {
                        span: expr.span(),
                        with: Replace::Splice(vec![
                            Piece::Text(format!("{open}await {RESPONSE_RESULT_NAME}(")),
                            Piece::Source {
                                span: inner,
                                dedent: 0,
                            },
                            Piece::Text(format!("){close}")),
                        ]),
                    });
                    needs.response_result = true;
                    any_status = true;
                    for ok in [true, false] {
                        if !json_sides.contains(&ok) {
                            json_sides.push(ok);
                        }
                    }
                    let note = format!(
                        "{}: `{}` is a response the app builds with its own helper; the action reads its status and body when it runs (`responseResult`), so its headers are dropped",
                        self.loc(expr.span().start),
                        self.src(expr.span()).chars().take(50).collect::<String>()
                    );
                    if !self.outcome.contains(&note) {
                        self.outcome.push(note);
                    }
                    continue;
                }
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
                    any_status = true;
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
        any_status
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

    /// A response made by the app's own code (`handleError(e)`, `new AppError(…)
    /// .toResponse()`, `await respond(…)`), not by `Response`/`NextResponse` themselves,
    /// whose shapes the tool reads or deliberately refuses (redirects, rewrites, bodies
    /// that are not text).
    fn built_elsewhere(&self, expr: &Expression<'a>) -> bool {
        let standard = |callee: &Expression<'a>| {
            dotted(callee).is_some_and(|d| {
                let root = d.split('.').next().unwrap_or("");
                matches!(root, "Response" | "NextResponse")
            })
        };
        match expr.without_parentheses() {
            Expression::AwaitExpression(a) => self.built_elsewhere(&a.argument),
            // Not `fetch(…)` (a proxied response may be a stream or a file), nor anything
            // named for a stream, file, image or redirect, which an action cannot return.
            Expression::CallExpression(c) => {
                let name = dotted(&c.callee)
                    .unwrap_or_else(|| self.src(c.callee.span()).to_string())
                    .to_ascii_lowercase();
                !standard(&c.callee)
                    && name != "fetch"
                    && ![
                        "stream", "file", "download", "image", "redirect", "proxy", "pipe",
                    ]
                    .iter()
                    .any(|w| name.contains(w))
            }
            _ => false,
        }
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
}

#[cfg(test)]
mod tests {
    use super::super::{Sharing, analyze};
    use crate::spec::segment::Segment;
    use std::path::Path;

    /// The action a one-line handler becomes, or the reasons it stays, with the notes.
    fn translate(body: &str) -> (String, Vec<String>) {
        let route = format!(
            "import {{ NextResponse }} from \"next/server\";\n\nexport async function POST() {{\n{body}\n}}\n"
        );
        let segment = Segment::parse_folder("api/items").unwrap();
        let analysis = analyze(
            Path::new("app/api/items/route.ts"),
            &route,
            &segment,
            &Sharing::default(),
        )
        .unwrap();
        if !analysis.reasons.is_empty() {
            let reasons = analysis.reasons.iter().map(|r| r.message.clone()).collect();
            return (String::new(), reasons);
        }
        (analysis.functions.join("\n"), analysis.outcome_notes)
    }

    /// Input → output, as oxc_linter's pass/fail tables: each `return` and the result it
    /// becomes.
    #[test]
    fn responses_become_results() {
        let table: &[(&str, &str)] = &[
            (
                "  return NextResponse.json({ id: 1 }, { status: 201 });",
                "return { ok: true, status: 201, data: { id: 1 } } as const;",
            ),
            (
                "  return new Response(\"Unauthorized\", { status: 401 });",
                "return { ok: false, status: 401, error: \"Unauthorized\" } as const;",
            ),
            (
                "  return new Response(JSON.stringify({ a: 1 }), { status: 422 });",
                "return { ok: false, status: 422, error: { a: 1 } } as const;",
            ),
            (
                "  return new Response(null, { status: 204 });",
                "return { ok: true, status: 204, data: null } as const;",
            ),
            (
                "  return NextResponse.error();",
                "return { ok: false, status: 500, error: null } as const;",
            ),
            (
                "  const item = { name: \"a\" };\n  return new Response(item.name);",
                "return { ok: true, status: 200, data: item.name } as const;",
            ),
            (
                "  return new AppError(\"unauthorized\").toResponse();\n}\nclass AppError {\n  constructor(readonly code: string) {}\n  toResponse() {\n    return Response.json({ code: this.code }, { status: 401 });\n  }",
                "return await responseResult(new AppError(\"unauthorized\").toResponse());",
            ),
            (
                "  try {\n    return Response.json({ id: 1 });\n  } catch (error) {\n    const e = error as { status?: number };\n    return Response.json({ failed: true }, { status: e.status || 500 });\n  }",
                // Too long for a line: prettier's layout, one property per line.
                "return {\n      ok: false,\n      status: e.status || 500,\n      error: { failed: true },\n    } as const;",
            ),
        ];
        for (input, expected) in table {
            let (action, notes) = translate(input);
            assert!(
                action.contains(expected),
                "{input}\n→ expected `{expected}` in:\n{action}\nnotes/reasons: {notes:?}"
            );
        }
    }

    /// Responses the tool does not translate stay a reason; headers are dropped with a note.
    #[test]
    fn what_stays_or_is_noted() {
        let refused: &[(&str, &str)] = &[
            (
                "  const stream = new ReadableStream();\n  return new Response(stream);",
                "",
            ),
            (
                "  const code = 418;\n  return NextResponse.json({}, { status: code });",
                "computed status (`code`) outside a `catch`",
            ),
            // A helper named for a stream is not read as a body.
            (
                "  return streamAnswer(\"hi\");\n}\ndeclare function streamAnswer(s: string): Response;\nfunction unused() {",
                "not a response the tool can translate",
            ),
        ];
        for (input, reason) in refused {
            let (action, reasons) = translate(input);
            assert!(action.is_empty(), "{input} was translated:\n{action}");
            assert!(
                reasons.iter().any(|r| r.contains(reason)),
                "{input}: {reasons:?}"
            );
        }
        let (action, notes) = translate(
            "  return NextResponse.json({ error: \"slow\" }, { status: 429, headers: { \"Retry-After\": \"60\" } });",
        );
        assert!(action.contains("status: 429"), "{action}");
        assert!(
            notes
                .iter()
                .any(|n| n.contains("`Retry-After`") && n.contains("dropped")),
            "{notes:?}"
        );
    }
}
