//! Finding the route's URL in a caller file: string, template and concatenated URLs,
//! classified by what uses them (fetch, axios, SWR keys, navigation, next.config).

use super::*;

/// `(params, body, query)` placeholders for a manual replacement.
/// What a manual call should pass, as far as the URL and the call show it.
#[derive(Debug, Clone, Default)]
pub(super) struct Hint {
    pub(super) params: Vec<(String, String)>,
    pub(super) query: Vec<(String, String)>,
    /// The body argument of `axios.post(url, body)` and the like.
    pub(super) body: Option<String>,
}

impl Hint {
    pub(super) fn new(text: &str, m: &Match, body: Option<Span>) -> Hint {
        let pairs = |list: &[(String, Value)]| {
            list.iter()
                .map(|(k, v)| (k.clone(), value_text(text, v)))
                .collect()
        };
        Hint {
            params: pairs(&m.params),
            query: pairs(m.query.as_deref().unwrap_or(&[])),
            body: body.map(|b| ast::text(text, b).to_string()),
        }
    }

    /// The action call's arguments, with placeholders for what is unknown.
    pub(super) fn args(&self, sig: &ActionSig) -> String {
        let object = |pairs: &[(String, String)]| {
            let props: Vec<String> = pairs
                .iter()
                .map(|(k, v)| property(&property_key(k), v))
                .collect();
            Arg::object(props).flat
        };
        let mut args = Vec::new();
        if sig.takes_params {
            args.push(object(&self.params));
        }
        match (sig.body, &self.body) {
            (Some(_), Some(body)) => args.push(body.clone()),
            (Some(Body::Json), None) => args.push("/* the JSON body */".into()),
            (Some(Body::Form), None) => args.push("formData".into()),
            (None, _) => {}
        }
        if sig.query {
            args.push(object(&self.query));
        }
        args.join(", ")
    }
}

/// A URL value as source text (no semantic model needed: for hints only).
fn value_text(text: &str, value: &Value) -> String {
    match value {
        Value::Text(t) => ast::string_literal(t),
        Value::Expr(span) => ast::text(text, *span).to_string(),
        Value::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|v| value_text(text, v))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Top-level `const NAME = "literal"` in the file: base-path constants.
pub(super) fn constants(program: &oxc_ast::ast::Program<'_>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for stmt in &program.body {
        let decl = match stmt {
            Statement::VariableDeclaration(v) => v,
            Statement::ExportDeclaration(e) => match &e.declaration {
                oxc_ast::ast::Declaration::VariableDeclaration(v) => v,
                _ => continue,
            },
            _ => continue,
        };
        if !decl.kind.is_const() {
            continue;
        }
        for d in &decl.declarations {
            if let oxc_ast::ast::BindingPattern::BindingIdentifier(id) = &d.id
                && let Some(value) = d.init.as_ref().and_then(string_value)
            {
                out.insert(id.name.to_string(), value);
            }
        }
    }
    out
}

/// An import or re-export, with what it takes when it is `import { A, type B }`.
pub(super) struct ImportRef {
    pub(super) span: Span,
    pub(super) spec: String,
    /// The module string literal.
    pub(super) source: Option<Span>,
    pub(super) named: Option<Vec<String>>,
}

impl ImportRef {
    pub(super) fn other(span: Span, spec: String) -> ImportRef {
        ImportRef {
            span,
            spec,
            source: None,
            named: None,
        }
    }
}

pub(super) enum Found {
    /// `fetch(url, init)` with the method, when it is a literal.
    Fetch {
        call: Span,
        m: Match,
        method: Option<String>,
    },
    /// `axios.post(url, body)` and the other methods.
    Axios {
        call: Span,
        m: Match,
        method: String,
    },
    /// `const url = \`/api/posts/${id}\``: the URL held in a constant, whose uses are
    /// followed once the file's semantic model is built.
    Bound {
        span: Span,
        declarator: Span,
        m: Match,
        hint: Hint,
    },
    /// A fact that keeps the route a route.
    Reason(ReasonKind, Span, String),
    /// Any other reference to the URL: left to the user.
    Other {
        span: Span,
        method: Option<String>,
        why: String,
        hint: Hint,
    },
}

/// Finds references to the route's URL and imports, keeping a stack of ancestors for
/// context.
pub(super) struct Finder<'t, 'a> {
    pub(super) text: &'t str,
    pub(super) segment: &'t Segment,
    pub(super) constants: HashMap<String, String>,
    pub(super) stack: Vec<AstKind<'a>>,
    /// Spans already matched (a template's own strings are not matched again).
    pub(super) matched: Vec<Span>,
    pub(super) found: Vec<Found>,
    pub(super) imports: Vec<ImportRef>,
    /// This is next.config: its `source` patterns are what counts.
    pub(super) config: bool,
    /// Local names of axios' default import.
    pub(super) axios: Vec<String>,
    /// A test file (Playwright, Vitest, Cypress…): its requests are an outside client's.
    pub(super) test_file: bool,
}

impl<'t, 'a> Finder<'t, 'a> {
    fn pieces(&self, expr: &Expression<'_>) -> Option<Vec<Piece>> {
        match expr.without_parentheses() {
            Expression::StringLiteral(s) => Some(vec![Piece::Text(s.value.to_string())]),
            Expression::TemplateLiteral(t) => {
                let mut out = Vec::new();
                for (i, quasi) in t.quasis.iter().enumerate() {
                    out.push(Piece::Text(quasi.value.cooked.as_ref()?.to_string()));
                    if let Some(e) = t.expressions.get(i) {
                        out.push(self.resolved(e));
                    }
                }
                Some(out)
            }
            Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition => {
                let mut left = self
                    .pieces(&b.left)
                    .unwrap_or_else(|| vec![self.resolved(&b.left)]);
                let right = self
                    .pieces(&b.right)
                    .unwrap_or_else(|| vec![self.resolved(&b.right)]);
                left.extend(right);
                Some(left)
            }
            _ => None,
        }
    }

    /// An interpolated identifier naming a string constant of this file is its text.
    fn resolved(&self, expr: &Expression<'_>) -> Piece {
        if let Expression::Identifier(id) = expr.without_parentheses()
            && let Some(value) = self.constants.get(id.name.as_str())
        {
            return Piece::Text(value.clone());
        }
        Piece::Expr(expr.span())
    }

    /// Tries an expression as a URL of the route.
    pub(super) fn check(&mut self, expr: &Expression<'_>) {
        let span = expr.span();
        if self.matched.iter().any(|m| within(span, *m)) {
            return;
        }
        let Some(pieces) = self.pieces(expr) else {
            return;
        };
        if self.config {
            if let [Piece::Text(t)] = pieces.as_slice()
                && t.starts_with('/')
                && url::config_source_matches(self.segment, t)
                && self.parent_is_source_key()
                && self.entry_exposes()
            {
                self.matched.push(span);
                self.found.push(Found::Reason(
                    ReasonKind::Cors,
                    span,
                    format!("next.config exposes this path through headers(), rewrites() or redirects() (`{t}`): the route serves outside traffic"),
                ));
            }
            return;
        }
        let (m, how) = match url::matches(self.segment, &pieces) {
            Some(m) => (m, None),
            None => match self.unresolved_origin(&pieces) {
                Some(found) => found,
                None => {
                    // `'/api/issues/' + id` is another route's URL: its first string is
                    // not this route's URL on its own.
                    if matches!(expr.without_parentheses(), Expression::BinaryExpression(_)) {
                        self.matched.push(span);
                    }
                    return;
                }
            },
        };
        self.matched.push(span);
        let found = self.classify(span, m, how);
        self.found.push(found);
    }

    /// `${BASE_URL}/api/posts` or `https://host/api/posts`: the path matches after an
    /// origin the tool cannot resolve.
    fn unresolved_origin(&self, pieces: &[Piece]) -> Option<(Match, Option<String>)> {
        match pieces {
            [Piece::Expr(e), rest @ ..] => {
                let m = url::matches(self.segment, rest)?;
                Some((
                    m,
                    Some(format!(
                        "the URL starts with `${{{}}}`, which the tool cannot resolve",
                        ast::text(self.text, *e)
                    )),
                ))
            }
            [Piece::Text(t), rest @ ..]
                if t.starts_with("http://") || t.starts_with("https://") =>
            {
                let after = t.splitn(4, '/').nth(3).unwrap_or("");
                let mut p = vec![Piece::Text(format!("/{after}"))];
                p.extend_from_slice(rest);
                let m = url::matches(self.segment, &p)?;
                Some((
                    m,
                    Some(
                        "an absolute URL: if it points at this app, call the action instead"
                            .to_string(),
                    ),
                ))
            }
            _ => None,
        }
    }

    fn parent_is_source_key(&self) -> bool {
        matches!(self.parent(0), Some(AstKind::ObjectProperty(p)) if p.key.static_name().as_deref() == Some("source"))
    }

    /// Whether the next.config entry whose `source` is being read serves outside
    /// traffic: a rewrite or redirect (`destination`), or `headers` that set CORS
    /// (`Access-Control-*`). Security headers on `/:path*` (X-Frame-Options, CSP…) do not.
    fn entry_exposes(&self) -> bool {
        let Some(AstKind::ObjectExpression(entry)) = self.parent(1) else {
            return true; // a shape not understood: stay careful
        };
        let property = |name: &str| {
            entry.properties.iter().find_map(|p| match p {
                ObjectPropertyKind::ObjectProperty(p)
                    if p.key.static_name().as_deref() == Some(name) =>
                {
                    Some(&p.value)
                }
                _ => None,
            })
        };
        if property("destination").is_some() {
            return true;
        }
        let Some(headers) = property("headers") else {
            return true;
        };
        let Expression::ArrayExpression(list) = headers.without_parentheses() else {
            return true; // computed headers: cannot tell
        };
        list.elements.iter().any(|element| {
            let Some(Expression::ObjectExpression(header)) = element.as_expression() else {
                return true;
            };
            header.properties.iter().any(|p| match p {
                ObjectPropertyKind::ObjectProperty(p)
                    if p.key.static_name().as_deref() == Some("key") =>
                {
                    match p.value.without_parentheses() {
                        Expression::StringLiteral(key) => key
                            .value
                            .to_ascii_lowercase()
                            .starts_with("access-control-"),
                        _ => true,
                    }
                }
                ObjectPropertyKind::SpreadProperty(_) => true,
                _ => false,
            })
        })
    }

    /// The n-th ancestor, looking through parentheses.
    pub(super) fn parent(&self, n: usize) -> Option<AstKind<'a>> {
        self.stack
            .iter()
            .rev()
            .filter(|k| {
                !matches!(
                    k,
                    AstKind::ParenthesizedExpression(_)
                        | AstKind::TSAsExpression(_)
                        | AstKind::TSSatisfiesExpression(_)
                )
            })
            .nth(n)
            .copied()
    }

    fn classify(&self, span: Span, m: Match, unresolved: Option<String>) -> Found {
        let text = self.text;
        let other = |method: Option<String>, why: String| Found::Other {
            span,
            method,
            why,
            hint: Hint::new(text, &m, None),
        };
        match self.parent(0) {
            Some(AstKind::CallExpression(call)) if arg(&call.arguments, 0).is_some_and(|a| a.span() == span) => {
                let callee = dotted(&call.callee).unwrap_or_default();
                if self.test_file {
                    return Found::Reason(ReasonKind::HttpTests, span, format!("a test calls it over HTTP (`{callee}`): the route is an HTTP API under test; keep it, or change the test to call the action and pass --force"));
                }
                let last = callee.rsplit('.').next().unwrap_or("");
                if matches!(callee.as_str(), "fetch" | "window.fetch" | "globalThis.fetch" | "self.fetch") {
                    let method = fetch_method(call);
                    if method.as_deref() == Some("GET") && self.in_query_hook() {
                        return Found::Reason(ReasonKind::CacheKey, span, "its GET is fetched inside an SWR / react-query hook, where the URL is the cache key; moving the mutations would leave that cache stale".to_string());
                    }
                    if let Some(why) = unresolved {
                        return other(method, why);
                    }
                    return Found::Fetch { call: call.span, m, method };
                }
                if matches!(last, "useSWR" | "useSWRImmutable" | "useSWRInfinite" | "useSWRSubscription" | "useSWRMutation" | "mutate" | "preload") {
                    return Found::Reason(ReasonKind::CacheKey, span, format!("the URL is an SWR cache key (`{callee}`): the app reads it through SWR, so it has to stay a route"));
                }
                if matches!(callee.as_str(), "redirect" | "permanentRedirect" | "router.push" | "router.replace" | "router.prefetch" | "window.open" | "location.assign" | "location.replace" | "window.location.assign" | "window.location.replace") {
                    return Found::Reason(ReasonKind::Navigation, span, format!("the app navigates to this URL (`{callee}`)"));
                }
                if let Some((object, name)) = callee.split_once('.')
                    && self.axios.iter().any(|a| a == object)
                    && let Some((method, _, _)) = axios::method(name)
                {
                    if method == "GET" && self.in_query_hook() {
                        return Found::Reason(ReasonKind::CacheKey, span, "its GET is fetched inside an SWR / react-query hook, where the URL is the cache key; moving the mutations would leave that cache stale".to_string());
                    }
                    if let Some(why) = unresolved {
                        return other(Some(method.to_string()), why);
                    }
                    return Found::Axios { call: call.span, m, method: method.to_string() };
                }
                let method = matches!(last, "get" | "post" | "put" | "patch" | "delete").then(|| last.to_ascii_uppercase());
                // `axios.post(url, body)`: the second argument is the body.
                let body = arg(&call.arguments, 1).filter(|_| method.is_some()).map(|b| b.span());
                Found::Other {
                    span,
                    method,
                    why: unresolved.unwrap_or_else(|| format!("called through `{callee}`, which the tool does not rewrite")),
                    hint: Hint::new(text, &m, body),
                }
            }
            Some(AstKind::JSXAttribute(attr)) => self.attribute(span, attr.name.get_identifier().name.as_ref()),
            Some(AstKind::JSXExpressionContainer(_)) => match self.parent(1) {
                Some(AstKind::JSXAttribute(attr)) => self.attribute(span, attr.name.get_identifier().name.as_ref()),
                _ => other(None, "rendered in JSX".into()),
            },
            Some(AstKind::AssignmentExpression(a)) => {
                let target = ast::text(self.text, a.left.span());
                if target.ends_with("location.href") || target.ends_with("location") {
                    Found::Reason(ReasonKind::Navigation, span, format!("the app navigates to this URL (`{target} = …`)"))
                } else {
                    other(None, format!("assigned to `{target}`"))
                }
            }
            Some(AstKind::ObjectProperty(p)) if p.key.static_name().as_deref() == Some("queryKey") => {
                Found::Reason(ReasonKind::CacheKey, span, "the URL is a react-query key".to_string())
            }
            Some(AstKind::ArrayExpression(_)) if matches!(self.parent(1), Some(AstKind::ObjectProperty(p)) if p.key.static_name().as_deref() == Some("queryKey")) => {
                Found::Reason(ReasonKind::CacheKey, span, "the URL is a react-query key".to_string())
            }
            Some(AstKind::VariableDeclarator(d))
                if unresolved.is_none()
                    && matches!(d.id, oxc_ast::ast::BindingPattern::BindingIdentifier(_))
                    && d.init.as_ref().is_some_and(|i| i.without_parentheses().span() == span) =>
            {
                Found::Bound { span, declarator: d.span, hint: Hint::new(text, &m, None), m: m.clone() }
            }
            _ if self.conditional_cache_key() => Found::Reason(ReasonKind::CacheKey, span, "the URL is an SWR / react-query key (chosen by a condition)".to_string()),
            _ => other(None, unresolved.unwrap_or_else(|| "the URL is used here (a constant, a wrapper or an API client); call the action instead".into())),
        }
    }

    /// `useSWR(ready ? "/api/x" : null, fetcher)`: the URL is a branch of a condition that
    /// is the key of an SWR or react-query hook.
    fn conditional_cache_key(&self) -> bool {
        let mut n = 0;
        while matches!(
            self.parent(n),
            Some(AstKind::ConditionalExpression(_) | AstKind::LogicalExpression(_))
        ) {
            n += 1;
        }
        n > 0
            && matches!(self.parent(n), Some(AstKind::CallExpression(call))
            if dotted(&call.callee).is_some_and(|d| matches!(
                d.rsplit('.').next().unwrap_or(""),
                "useSWR" | "useSWRImmutable" | "useSWRInfinite" | "mutate" | "preload"
            )) && arg(&call.arguments, 0).is_some_and(|a| {
                matches!(a.without_parentheses(), Expression::ConditionalExpression(_) | Expression::LogicalExpression(_))
            }))
    }

    fn attribute(&self, span: Span, name: &str) -> Found {
        if matches!(
            name,
            "href" | "src" | "action" | "formAction" | "poster" | "srcSet" | "data"
        ) {
            Found::Reason(
                ReasonKind::Navigation,
                span,
                format!(
                    "the browser requests this URL directly (`{name}=`): links, images and plain HTML forms need a route"
                ),
            )
        } else {
            Found::Other {
                span,
                method: None,
                why: format!("used as the JSX attribute `{name}`"),
                hint: Hint::default(),
            }
        }
    }

    /// Inside `useQuery(…)`, a `queryFn`, or an SWR fetcher.
    fn in_query_hook(&self) -> bool {
        self.stack.iter().any(|k| match k {
            AstKind::ObjectProperty(p) => p.key.static_name().as_deref() == Some("queryFn"),
            AstKind::CallExpression(c) => dotted(&c.callee).is_some_and(|d| {
                matches!(
                    d.rsplit('.').next().unwrap_or(""),
                    "useQuery"
                        | "useSuspenseQuery"
                        | "useInfiniteQuery"
                        | "useSWR"
                        | "useSWRImmutable"
                        | "useSWRInfinite"
                )
            }),
            _ => false,
        })
    }
}

/// `fetch(url, { method: test ? "PUT" : "POST" })`: the test's span and both methods.
pub(super) fn ternary_method(call: &CallExpression<'_>) -> Option<(Span, String, String)> {
    let Expression::ObjectExpression(obj) = arg(&call.arguments, 1)?.without_parentheses() else {
        return None;
    };
    obj.properties.iter().find_map(|prop| match prop {
        ObjectPropertyKind::ObjectProperty(p)
            if p.key.static_name().as_deref() == Some("method") =>
        {
            let Expression::ConditionalExpression(c) = p.value.without_parentheses() else {
                return None;
            };
            let yes = string_value(&c.consequent)?.to_ascii_uppercase();
            let no = string_value(&c.alternate)?.to_ascii_uppercase();
            Some((c.test.span(), yes, no))
        }
        _ => None,
    })
}

/// The method of `fetch(url, { method })`: GET without one, `None` when not a literal.
pub(super) fn fetch_method(call: &CallExpression<'_>) -> Option<String> {
    let Some(init) = arg(&call.arguments, 1) else {
        return Some("GET".into());
    };
    let Expression::ObjectExpression(obj) = init.without_parentheses() else {
        return None;
    };
    for prop in &obj.properties {
        match prop {
            ObjectPropertyKind::ObjectProperty(p)
                if p.key.static_name().as_deref() == Some("method") =>
            {
                return string_value(&p.value).map(|m| m.to_ascii_uppercase());
            }
            ObjectPropertyKind::SpreadProperty(_) => return None,
            _ => {}
        }
    }
    Some("GET".into())
}

impl<'t, 'a> Visit<'a> for Finder<'t, 'a> {
    fn enter_node(&mut self, kind: AstKind<'a>) {
        self.stack.push(kind);
    }
    fn leave_node(&mut self, _kind: AstKind<'a>) {
        self.stack.pop();
    }
    fn visit_string_literal(&mut self, it: &oxc_ast::ast::StringLiteral<'a>) {
        // JSX attribute values and object keys arrive here without an Expression around.
        if !self.matched.iter().any(|m| within(it.span, *m))
            && let Some(at) = self.stack.last()
            && matches!(at, AstKind::JSXAttribute(_) | AstKind::ObjectProperty(_))
            && it.value.starts_with('/')
            && let Some(m) = url::matches(self.segment, &[Piece::Text(it.value.to_string())])
        {
            if self.config {
                // handled in check() via the property value
            } else if let Some(AstKind::ObjectProperty(p)) = self.stack.last()
                && p.key.span() == it.span
            {
                // an object key, not a URL
            } else {
                self.matched.push(it.span);
                let found = self.classify(it.span, m, None);
                self.found.push(found);
            }
        }
        walk::walk_string_literal(self, it);
    }
    fn visit_expression(&mut self, it: &Expression<'a>) {
        if matches!(
            it,
            Expression::StringLiteral(_)
                | Expression::TemplateLiteral(_)
                | Expression::BinaryExpression(_)
        ) {
            self.check(it);
        }
        walk::walk_expression(self, it);
    }
    fn visit_import_declaration(&mut self, it: &oxc_ast::ast::ImportDeclaration<'a>) {
        // Only `import { A, type B } from "…"` can be re-pointed at a moved module.
        let named: Option<Vec<String>> = it.specifiers.as_ref().and_then(|specs| {
            specs
                .iter()
                .map(|s| match s {
                    oxc_ast::ast::ImportDeclarationSpecifier::ImportSpecifier(x) => {
                        Some(x.imported.name().to_string())
                    }
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()
                .filter(|v| !v.is_empty())
        });
        self.imports.push(ImportRef {
            span: it.span,
            spec: it.source.value.to_string(),
            source: Some(it.source.span),
            named,
        });
        walk::walk_import_declaration(self, it);
    }
    fn visit_export_from_declaration(&mut self, it: &oxc_ast::ast::ExportFromDeclaration<'a>) {
        self.imports
            .push(ImportRef::other(it.span, it.source.value.to_string()));
        walk::walk_export_from_declaration(self, it);
    }
    fn visit_export_all_declaration(&mut self, it: &oxc_ast::ast::ExportAllDeclaration<'a>) {
        self.imports
            .push(ImportRef::other(it.span, it.source.value.to_string()));
        walk::walk_export_all_declaration(self, it);
    }
    fn visit_import_expression(&mut self, it: &oxc_ast::ast::ImportExpression<'a>) {
        if let Some(spec) = string_value(&it.source) {
            self.imports.push(ImportRef::other(it.span, spec));
        }
        walk::walk_import_expression(self, it);
    }
}
