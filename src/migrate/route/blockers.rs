//! The facts that keep a route a route (signatures, CORS, streams, API keys…), found
//! anywhere in the file.

use super::*;

impl<'s, 'a> Cx<'s, 'a> {
    /// Facts that make the route stay a route, wherever they occur outside GET/HEAD.
    pub(super) fn blockers(&mut self, handlers: &[Handler<'a>]) {
        // What GET does stays in the route, unless there is nothing else to move.
        let any_mutating = handlers
            .iter()
            .any(|h| MUTATING.contains(&h.method.as_str()));
        let reads: Vec<Span> = handlers
            .iter()
            .filter(|h| !MUTATING.contains(&h.method.as_str()) && h.method != "OPTIONS")
            .filter(|_| any_mutating)
            .map(|h| h.statement)
            .collect();
        for h in handlers.iter().filter(|h| h.method == "OPTIONS") {
            self.reason(
                ReasonKind::Cors,
                h.statement.start,
                "exports OPTIONS: it answers CORS preflights, so cross-origin browsers call it; Server Actions are same-origin only",
            );
        }
        let mut finder = BlockerFinder {
            found: Vec::new(),
            svix: HashSet::new(),
        };
        finder.visit_program(self.program);
        for (kind, span, message) in finder.found {
            if reads.iter().any(|r| within(span, *r)) {
                continue; // inside a handler that stays
            }
            self.reason(kind, span.start, message);
        }
    }
}

/// Facts that keep a route a route, found anywhere in the file.
pub(super) struct BlockerFinder {
    found: Vec<(ReasonKind, Span, String)>,
    /// Local names bound to svix / standardwebhooks' `Webhook`.
    svix: HashSet<String>,
}

impl<'a> Visit<'a> for BlockerFinder {
    fn visit_import_declaration(&mut self, it: &oxc_ast::ast::ImportDeclaration<'a>) {
        let source = it.source.value.as_str();
        if matches!(
            source,
            "svix" | "standardwebhooks" | "@octokit/webhooks" | "@slack/bolt"
        ) {
            for s in it.specifiers.iter().flatten() {
                self.svix.insert(s.local().name.to_string());
            }
            self.found.push((
                ReasonKind::Signature,
                it.span,
                format!("imports `{source}`, a webhook signature verifier: the provider calls this route, not the app"),
            ));
        }
        walk::walk_import_declaration(self, it);
    }

    fn visit_call_expression(&mut self, it: &oxc_ast::ast::CallExpression<'a>) {
        if let Some(callee) = dotted(&it.callee) {
            let last = callee.rsplit('.').next().unwrap_or("");
            let found = match last {
                "constructEvent" | "constructEventAsync" => Some((
                    ReasonKind::Signature,
                    format!(
                        "verifies a Stripe signature (`{callee}`) over the raw body: Stripe calls this route, not the app"
                    ),
                )),
                "createHmac" | "timingSafeEqual" => Some((
                    ReasonKind::Signature,
                    format!(
                        "verifies a signature (`{callee}`): an outside service calls this route"
                    ),
                )),
                "toDataStreamResponse"
                | "toTextStreamResponse"
                | "toUIMessageStreamResponse"
                | "pipeDataStreamToResponse"
                | "toAIStreamResponse"
                | "pipeTextStreamToResponse"
                | "createUIMessageStreamResponse"
                | "createDataStreamResponse"
                | "createTextStreamResponse" => Some((
                    ReasonKind::Stream,
                    format!(
                        "streams its response (`{callee}`); a Server Action returns one serialized value"
                    ),
                )),
                "redirect" | "rewrite"
                    if callee.starts_with("NextResponse.") || callee == "Response.redirect" =>
                {
                    Some((
                        ReasonKind::Navigation,
                        format!(
                            "answers with a redirect (`{callee}`): browsers navigate to this URL"
                        ),
                    ))
                }
                "verify" if callee == "crypto.subtle.verify" => Some((
                    ReasonKind::Signature,
                    "verifies a signature (`crypto.subtle.verify`)".to_string(),
                )),
                _ => None,
            };
            if let Some((kind, message)) = found {
                self.found.push((kind, it.span, message));
            }
            if last == "get"
                && let Some(name) = arg(&it.arguments, 0).and_then(string_value)
            {
                let lower = name.to_ascii_lowercase();
                if is_api_key_header(&lower) {
                    self.found.push((ReasonKind::ApiKey, it.span, format!("authenticates with the `{name}` header: API keys and bearer tokens mean a client outside the app calls it")));
                } else if lower.contains("signature") {
                    self.found.push((
                        ReasonKind::Signature,
                        it.span,
                        format!("reads the `{name}` header: a signed webhook calls this route"),
                    ));
                }
            }
        }
        walk::walk_call_expression(self, it);
    }

    fn visit_new_expression(&mut self, it: &oxc_ast::ast::NewExpression<'a>) {
        if let Some(callee) = dotted(&it.callee) {
            match callee.as_str() {
                "ReadableStream" | "TransformStream" | "StreamingTextResponse" => self.found.push((
                    ReasonKind::Stream,
                    it.span,
                    format!("streams its response (`new {callee}`); a Server Action returns one serialized value"),
                )),
                name if self.svix.contains(name) => self.found.push((
                    ReasonKind::Signature,
                    it.span,
                    format!("verifies webhook signatures (`new {name}`)"),
                )),
                _ => {}
            }
        }
        walk::walk_new_expression(self, it);
    }

    fn visit_string_literal(&mut self, it: &oxc_ast::ast::StringLiteral<'a>) {
        let lower = it.value.to_ascii_lowercase();
        let found = if lower.starts_with("access-control-") {
            Some((
                ReasonKind::Cors,
                format!(
                    "sets CORS headers (`{}`): cross-origin browsers call it; Server Actions are same-origin only",
                    it.value
                ),
            ))
        } else if lower == "text/event-stream" {
            Some((
                ReasonKind::Stream,
                "streams server-sent events (`text/event-stream`)".to_string(),
            ))
        } else if lower == "content-disposition" {
            Some((ReasonKind::Stream, "sends a file download (`Content-Disposition`): browsers navigate to or download from this URL".to_string()))
        } else if lower == "application/octet-stream" {
            Some((
                ReasonKind::Stream,
                "sends binary data (`application/octet-stream`)".to_string(),
            ))
        } else {
            None
        };
        if let Some((kind, message)) = found {
            self.found.push((kind, it.span, message));
        }
    }

    fn visit_binary_expression(&mut self, it: &oxc_ast::ast::BinaryExpression<'a>) {
        if it.operator == BinaryOperator::Instanceof
            && let Some(name) = dotted(&it.right)
            && matches!(name.as_str(), "File" | "Blob")
        {
            self.found.push((ReasonKind::Upload, it.span, format!("takes file uploads (`instanceof {name}`), which can exceed the 1 MB Server Action body limit")));
        }
        walk::walk_binary_expression(self, it);
    }

    fn visit_ts_type_reference(&mut self, it: &oxc_ast::ast::TSTypeReference<'a>) {
        if let TSTypeName::IdentifierReference(id) = &it.type_name
            && matches!(id.name.as_str(), "File" | "Blob")
        {
            self.found.push((
                ReasonKind::Upload,
                it.span,
                format!(
                    "takes file uploads (`{}`), which can exceed the 1 MB Server Action body limit",
                    id.name
                ),
            ));
        }
        walk::walk_ts_type_reference(self, it);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Sharing, analyze};
    use crate::migrate::ReasonKind;
    use crate::spec::segment::Segment;
    use std::path::Path;

    fn kinds(route: &str) -> Vec<ReasonKind> {
        let segment = Segment::parse_folder("api/items").unwrap();
        analyze(
            Path::new("app/api/items/route.ts"),
            route,
            &segment,
            &Sharing::default(),
        )
        .unwrap()
        .reasons
        .iter()
        .map(|r| r.kind)
        .collect()
    }

    /// Each fact that keeps a route a route: failing (the fact) and passing (a look-alike
    /// that is not one) inputs, as oxc_linter's rule tables.
    #[test]
    fn facts_keep_a_route() {
        let fail: &[(&str, ReasonKind)] = &[
            (
                "export async function POST(req: Request) {\n  const raw = await req.text();\n  const event = stripe.webhooks.constructEvent(raw, sig, secret);\n  return Response.json(event);\n}\ndeclare const stripe: any, sig: string, secret: string;\n",
                ReasonKind::Signature,
            ),
            (
                "export async function OPTIONS() {\n  return new Response(null, { status: 204 });\n}\nexport async function POST() {\n  return Response.json({});\n}\n",
                ReasonKind::Cors,
            ),
            (
                "export async function POST() {\n  return new Response(new ReadableStream());\n}\n",
                ReasonKind::Stream,
            ),
            (
                "export async function POST(req: Request) {\n  const key = req.headers.get(\"authorization\");\n  return Response.json({ key });\n}\n",
                ReasonKind::ApiKey,
            ),
        ];
        for (route, kind) in fail {
            assert!(
                kinds(route).contains(kind),
                "{kind:?} expected for:\n{route}"
            );
        }
        let pass: &[&str] = &[
            // The edge runtime is a deployment choice, not a consumer.
            "export const runtime = \"edge\";\nexport async function POST() {\n  return Response.json({});\n}\n",
            // A content type is not CORS.
            "export async function POST() {\n  return Response.json({}, { headers: { \"Content-Type\": \"application/json\" } });\n}\n",
            // Reading the JSON body is not reading the raw body for a signature.
            "export async function POST(req: Request) {\n  const body = await req.json();\n  return Response.json(body);\n}\n",
        ];
        for route in pass {
            let found = kinds(route);
            assert!(
                found.is_empty(),
                "no reason expected for:\n{route}\n{found:?}"
            );
        }
    }
}
