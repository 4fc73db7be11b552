//! The handler's inputs: the request (body, query, headers, cookies) and the route
//! context (`params`), translated into the action's parameters.

use super::*;

impl<'s, 'a> Cx<'s, 'a> {
    /// Each use of the request parameter: translated, or a reason.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn request_uses(
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
    pub(super) fn context_uses(
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
}
