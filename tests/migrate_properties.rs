//! The migrator over generated routes and callers (every handler shape, input, response
//! and guard the tool knows, mixed with code it does not) and over arbitrary text: it
//! returns a result or an error, never panics, everything it would write re-parses, and
//! the same input gives the same output.

use proptest::prelude::*;
use scaffold::migrate::in_memory;
use scaffold::syntax;

/// One handler of `app/api/items/[id]/route.ts`.
#[derive(Debug, Clone)]
struct Handler {
    method: &'static str,
    shape: u8,
    context: u8,
    body: u8,
    responses: Vec<(u16, u8)>,
    noise: u8,
}

fn handler() -> impl Strategy<Value = Handler> {
    (
        // Weighted: mostly mutations, sometimes a GET or a CORS preflight.
        prop::sample::select(vec![
            "GET", "POST", "POST", "PUT", "PUT", "PATCH", "PATCH", "DELETE", "DELETE", "POST",
            "PUT", "OPTIONS",
        ]),
        0u8..3,
        0u8..4,
        0u8..6,
        prop::collection::vec(
            (
                prop::sample::select(vec![200u16, 201, 204, 400, 401, 404, 409, 422, 500]),
                0u8..24,
            ),
            1..4,
        ),
        0u8..24,
    )
        .prop_map(|(method, shape, context, body, responses, noise)| Handler {
            method,
            shape,
            context,
            body,
            responses,
            noise,
        })
}

fn render_handler(h: &Handler) -> String {
    let ctx = match h.context {
        0 => String::new(),
        1 => ", { params }: { params: Promise<{ id: string }> }".into(),
        2 => ", { params }: { params: { id: string } }".into(),
        _ => ", ctx: { params: Promise<{ id: string }> }".into(),
    };
    let mut body = String::from("  const session = await auth();\n");
    body += "  if (!session) {\n    return NextResponse.json({ error: \"Unauthorized\" }, { status: 401 });\n  }\n";
    body += match h.context {
        1 => "  const { id } = await params;\n",
        2 => "  const id = params.id;\n",
        3 => "  const { id } = await ctx.params;\n",
        _ => "  const id = \"none\";\n",
    };
    body += match h.body {
        0 => "  const input = Schema.parse(await req.json());\n",
        1 => {
            "  const parsed = Schema.safeParse(await req.json());\n  if (!parsed.success) {\n    return NextResponse.json({ error: parsed.error.issues }, { status: 422 });\n  }\n  const input = parsed.data;\n"
        }
        2 => {
            "  const form = await req.formData();\n  const input = { title: String(form.get(\"title\")) };\n"
        }
        3 => "  const raw = await req.json();\n  const input = Schema.parse(raw);\n",
        4 => "  const input = { title: req.nextUrl.searchParams.get(\"title\") ?? \"\" };\n",
        _ => "  const input = { title: \"fixed\" };\n",
    };
    body += match h.noise {
        0 => "  const sig = req.headers.get(\"stripe-signature\");\n",
        1 => "  const raw = await req.text();\n",
        2 => "  res.headers.set(\"Access-Control-Allow-Origin\", \"*\");\n",
        3 => "  const ua = req.headers.get(\"user-agent\");\n  void ua;\n",
        4 => "  // a comment that mentions /api/items\n",
        5 => "  const stream = new ReadableStream();\n  void stream;\n",
        _ => "",
    };
    body += "  await db.item.upsert({ id, ...input, owner: session.user.id });\n";
    for (status, form) in &h.responses {
        let line = match form {
            0 => format!("NextResponse.json({{ ok: {status} }}, {{ status: {status} }})"),
            1 => format!("Response.json({{ status: {status}, id }})"),
            2 | 3 => format!("new NextResponse(null, {{ status: {status} }})"),
            7 => "NextResponse.redirect(new URL(\"/\", req.url))".to_string(),
            _ => format!("NextResponse.json(input, {{ status: {status} }})"),
        };
        body += &format!("  if (input) return {line};\n");
    }
    body += "  return NextResponse.json(input);\n";
    let params = format!("req: NextRequest{ctx}");
    match h.shape {
        0 => format!(
            "export async function {}({params}) {{\n{body}}}\n",
            h.method
        ),
        1 => format!(
            "export const {} = async ({params}) => {{\n{body}}};\n",
            h.method
        ),
        _ => format!(
            "async function handle{m}({params}) {{\n{body}}}\nexport {{ handle{m} as {m} }};\n",
            m = h.method
        ),
    }
}

const ROUTE_HEAD: &str = "import { NextResponse, type NextRequest } from \"next/server\";\nimport { z } from \"zod\";\nimport { auth } from \"@/auth\";\nimport { db } from \"@/lib/db\";\n\nconst Schema = z.object({ title: z.string() });\n\n";

/// A route with up to three handlers (one per method).
fn handlers() -> impl Strategy<Value = Vec<Handler>> {
    prop::collection::vec(handler(), 1..4).prop_map(|mut handlers| {
        let mut seen = Vec::new();
        handlers.retain(|h| {
            let fresh = !seen.contains(&h.method);
            seen.push(h.method);
            fresh
        });
        handlers
    })
}

fn render_route(handlers: &[Handler]) -> String {
    let mut out = String::from(ROUTE_HEAD);
    for h in handlers {
        out += &render_handler(h);
        out.push('\n');
    }
    out
}

fn route() -> impl Strategy<Value = String> {
    handlers().prop_map(|h| render_route(&h))
}

/// A route and a caller of one of its handlers, sending the body that handler reads.
fn scenario() -> impl Strategy<Value = (String, String)> {
    handlers().prop_flat_map(|handlers| {
        let route = render_route(&handlers);
        (Just(route), prop::sample::select(handlers), 0u8..7, url()).prop_map(
            |(route, target, guard, url)| {
                let body = match target.body {
                    2 => 1,
                    4 | 5 => 3,
                    _ => 0,
                };
                (route, render_caller(target.method, body, guard, url))
            },
        )
    })
}

fn url() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "`/api/items/${id}`",
        "\"/api/items/42\"",
        "`/api/items/${id}/`",
        "`/api/items/${id}?title=${title}`",
        "\"/api/other\"",
        "`${base}/api/items/${id}`",
    ])
}

fn caller() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["POST", "PUT", "PATCH", "DELETE", "GET"]),
        0u8..6,
        0u8..7,
        url(),
    )
        .prop_map(|(method, body, guard, url)| render_caller(method, body, guard, url))
}

fn render_caller(method: &str, body: u8, guard: u8, url: &str) -> String {
    let body = match body {
        0 => ", body: JSON.stringify({ title })",
        1 => ", body: form",
        2 => ", body: JSON.stringify(payload), signal",
        3 => "",
        _ => ", body: JSON.stringify({ title })",
    };
    let after = match guard {
        0 => {
            "  if (!res.ok) {\n    const e = await res.json();\n    return e.error;\n  }\n  const data = await res.json();\n  return data;\n"
        }
        1 => {
            "  const data = await res.json();\n  if (!res.ok) throw new Error(data.error);\n  return data;\n"
        }
        2 => {
            "  if (res.status === 409) {\n    return (await res.json()).error;\n  }\n  return res.ok;\n"
        }
        3 => "  return res.json();\n",
        4 => "  return res.status;\n",
        _ => {
            "  if (res.ok) {\n    return (await res.json()).id;\n  } else {\n    const problem = await res.json();\n    return { problem };\n  }\n"
        }
    };
    format!(
        "\"use client\";\n\nimport {{ useState }} from \"react\";\n\nexport async function save(id: string, title: string, form: FormData, base: string, payload: unknown, signal: AbortSignal) {{\n  const res = await fetch({url}, {{ method: \"{method}\"{body} }});\n{after}}}\n\nexport function Item() {{\n  const [x] = useState(0);\n  return <a href=\"/api/items/1\">{{x}}</a>;\n}}\n"
    )
}

fn check_outputs(route: &str, caller: &str) -> Result<(), TestCaseError> {
    let first = in_memory(route, caller);
    let second = in_memory(route, caller);
    match (&first, &second) {
        (Ok(a), Ok(b)) => {
            prop_assert_eq!(a, b, "not deterministic");
            for (path, text) in a {
                if let Err(why) = syntax::check(path, text) {
                    return Err(TestCaseError::fail(format!(
                        "{} does not parse: {why}\n{text}",
                        path.display()
                    )));
                }
            }
        }
        (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
        _ => prop_assert!(false, "one run failed, the other did not"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn generated_routes_and_callers(route in route(), caller in caller()) {
        check_outputs(&route, &caller)?;
    }

    #[test]
    fn routes_with_their_callers((route, caller) in scenario()) {
        check_outputs(&route, &caller)?;
    }

    #[test]
    fn arbitrary_text_never_panics(route in ".{0,400}", caller in ".{0,400}") {
        check_outputs(&route, &caller)?;
    }

    #[test]
    fn mutated_routes_never_panic(
        route in route(),
        caller in caller(),
        cut in 0usize..2000,
        junk in "[{}()\\[\\];,.:=><!?`'\"/a-z0-9 \\n]{0,12}",
    ) {
        let at = route.floor_char_boundary(cut.min(route.len()));
        let mutated = format!("{}{junk}{}", &route[..at], &route[at..]);
        check_outputs(&mutated, &caller)?;
    }
}

#[test]
fn the_generators_reach_the_migration() {
    // Not every generated case is refused: some migrate, with the caller rewritten.
    let route = render_handler(&Handler {
        method: "PUT",
        shape: 0,
        context: 1,
        body: 0,
        responses: vec![(409, 0)],
        noise: 7,
    });
    let route = format!(
        "import {{ NextResponse, type NextRequest }} from \"next/server\";\nimport {{ z }} from \"zod\";\nimport {{ auth }} from \"@/auth\";\nimport {{ db }} from \"@/lib/db\";\n\nconst Schema = z.object({{ title: z.string() }});\n\n{route}"
    );
    let caller = "\"use client\";\n\nexport async function save(id: string, title: string) {\n  const res = await fetch(`/api/items/${id}`, { method: \"PUT\", body: JSON.stringify({ title }) });\n  if (!res.ok) {\n    return (await res.json()).error;\n  }\n  const data = await res.json();\n  return data;\n}\n";
    let out = in_memory(&route, caller).unwrap();
    let caller_out = &out.iter().find(|(p, _)| p.ends_with("item.tsx")).unwrap().1;
    assert!(
        caller_out.contains("await updateItem({ id: String(id) }, { title })"),
        "{caller_out}"
    );
}

#[test]
fn a_removed_statement_that_shares_its_line_keeps_the_rest() {
    // Found by fuzzing: `}  const form = await req.formData();` lost the `}`.
    let route = "import { NextResponse } from \"next/server\";\nexport async function POST(req: Request) {\n  if (Math.random()) {\n    return NextResponse.json({ error: \"x\" }, { status: 401 });\n  }  const form = await req.formData();\n  return NextResponse.json({ title: form.get(\"title\") });\n}\n";
    let out = in_memory(route, "").unwrap();
    for (path, text) in &out {
        assert!(syntax::check(path, text).is_ok(), "{text}");
    }
}

#[test]
fn import_specifiers_with_quotes_stay_valid_strings() {
    // Found by fuzzing: a specifier holding `'` and `\` was written back unescaped.
    let route = "import { db } from '@/lib/\\'odd\\\\';\nimport { NextResponse } from \"next/server\";\nexport async function DELETE() {\n  await db.clear();\n  return NextResponse.json({ ok: true });\n}\n";
    for (path, text) in in_memory(route, "").unwrap() {
        assert!(syntax::check(&path, &text).is_ok(), "{text}");
        if path.ends_with("actions.ts") {
            assert!(
                text.contains(r#"import { db } from "@/lib/'odd\\";"#),
                "{text}"
            );
        }
    }
}

#[test]
fn comments_travel_with_the_code_that_moves() {
    let route = "import { NextResponse } from \"next/server\";\nimport { z } from \"zod\";\n\n/** What a client may send. */\nconst Body = z.object({ title: z.string() });\n\n// Creates one item.\nexport async function POST(req: Request) {\n  // Validate first: the body is untrusted.\n  const input = Body.parse(await req.json()); /* trailing */\n  return NextResponse.json(input, { status: 201 });\n}\n";
    let out = in_memory(route, "").unwrap();
    let module = &out
        .iter()
        .find(|(p, _)| p.ends_with("actions.ts"))
        .unwrap()
        .1;
    for comment in [
        "/** What a client may send. */\nconst Body",
        "// Creates one item.\nexport async function createItem",
        "  // Validate first: the body is untrusted.\n",
        "/* trailing */",
    ] {
        assert!(module.contains(comment), "{comment:?} in\n{module}");
    }
}

// Found in review: each of these used to migrate into code that behaved differently or
// did not compile.

const HEAD: &str = "import { NextResponse, type NextRequest } from \"next/server\";\nimport { z } from \"zod\";\n\nconst Schema = z.object({ title: z.string() });\n\n";

fn migrate(route: &str, caller: &str) -> Vec<(std::path::PathBuf, String)> {
    let out = in_memory(&format!("{HEAD}{route}"), caller).unwrap();
    for (path, text) in &out {
        assert!(syntax::check(path, text).is_ok(), "{text}");
    }
    out
}

fn file<'a>(out: &'a [(std::path::PathBuf, String)], name: &str) -> Option<&'a str> {
    out.iter()
        .find(|(p, _)| p.ends_with(name))
        .map(|(_, t)| t.as_str())
}

#[test]
fn state_shared_with_a_staying_get_is_not_copied() {
    let route = "let total = 0;\nexport async function GET() {\n  return NextResponse.json({ total });\n}\nexport async function POST(req: NextRequest) {\n  const input = Schema.parse(await req.json());\n  total += 1;\n  return NextResponse.json(input);\n}\n";
    assert!(
        migrate(route, "").is_empty(),
        "refused: the state would be copied"
    );
}

#[test]
fn fresh_names_for_query_params_and_headers() {
    let route = "export async function DELETE(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {\n  const query = req.nextUrl.searchParams.get(\"tag\");\n  const params = await ctx.params;\n  const headers = req.headers;\n  return NextResponse.json({ query, id: params.id, ua: headers.get(\"user-agent\") });\n}\n";
    let out = migrate(route, "");
    let module = file(&out, "actions.ts").unwrap();
    assert!(module.contains("routeParams: { id: string }"), "{module}");
    assert!(
        module.contains("searchQuery: Record<string, string>"),
        "{module}"
    );
    assert!(
        module.contains("new URLSearchParams(searchQuery)"),
        "{module}"
    );
    assert!(
        module.contains("import { headers as requestHeaders } from \"next/headers\";"),
        "{module}"
    );
    assert!(
        module.contains("const headers = (await requestHeaders());"),
        "{module}"
    );
}

#[test]
fn an_unwrapped_try_never_redeclares_a_name() {
    let route = "export async function PUT(req: NextRequest) {\n  const post = { id: 1 };\n  try {\n    const data = Schema.parse(await req.json());\n    const post = { ...data, id: 2 };\n    return NextResponse.json(post);\n  } catch (error) {\n    if (error instanceof z.ZodError) {\n      return NextResponse.json({ error: error.issues }, { status: 422 });\n    }\n    throw error;\n  }\n}\n";
    let out = migrate(route, "");
    let module = file(&out, "actions.ts").unwrap();
    assert!(module.contains("try {"), "the try stays:\n{module}");
    assert_eq!(module.matches("const post =").count(), 2, "{module}");
}

#[test]
fn callers_the_tool_cannot_rewrite_faithfully_stay_manual() {
    let route = "export async function PUT(req: NextRequest) {\n  const input = Schema.parse(await req.json());\n  return NextResponse.json(input, { status: 200 });\n}\n";
    for init in [
        "{ method: \"PUT\", keepalive: true, body: JSON.stringify({ title }) }",
        "{ method: \"PUT\", credentials: \"omit\", body: JSON.stringify({ title }) }",
    ] {
        let caller = format!(
            "export async function save(id: string, title: string) {{\n  await fetch(`/api/items/${{id}}`, {init});\n}}\n"
        );
        assert!(
            file(&migrate(route, &caller), "item.tsx").is_none(),
            "{init}"
        );
    }
    let query = "export async function PUT(req: NextRequest) {\n  const ids = req.nextUrl.searchParams.getAll(\"id\");\n  return NextResponse.json(ids);\n}\n";
    let caller = "export async function save(a: string, b: string) {\n  await fetch(`/api/items/1?id=${a}&id=${b}`, { method: \"PUT\" });\n}\n";
    assert!(file(&migrate(query, caller), "item.tsx").is_none());
}

#[test]
fn an_early_exit_on_one_status_does_not_decide_the_rest() {
    let route = "export async function POST(req: NextRequest) {\n  const input = Schema.parse(await req.json());\n  if (!input.title) return NextResponse.json({ error: \"no\" }, { status: 401 });\n  if (input.title === \"x\") return NextResponse.json({ error: \"bad\" }, { status: 422 });\n  return NextResponse.json({ id: 1 }, { status: 201 });\n}\n";
    let caller = "export async function save(id: string, title: string) {\n  const res = await fetch(`/api/items/${id}`, { method: \"POST\", body: JSON.stringify({ title }) });\n  if (res.status === 401) {\n    return null;\n  }\n  const data = await res.json();\n  if (!res.ok) {\n    return data.error;\n  }\n  return data.id;\n}\n";
    let out = migrate(route, caller);
    let rewritten = file(&out, "item.tsx").unwrap();
    assert!(rewritten.contains("return res.error.error;"), "{rewritten}");
    assert!(rewritten.contains("return res.data.id;"), "{rewritten}");
}

#[test]
fn reads_inside_callbacks_follow_the_guards_around_them() {
    let route = "export async function POST(req: NextRequest) {\n  const input = Schema.parse(await req.json());\n  if (!input.title) return NextResponse.json({ error: \"no\" }, { status: 422 });\n  return NextResponse.json({ id: 1 }, { status: 201 });\n}\n";
    let caller = "export async function save(id: string, title: string, add: (f: (c: unknown[]) => unknown[]) => void) {\n  const res = await fetch(`/api/items/${id}`, { method: \"POST\", body: JSON.stringify({ title }) });\n  const data = await res.json();\n  if (!res.ok) {\n    return;\n  }\n  add((c) => [...c, data]);\n}\n";
    let out = migrate(route, caller);
    let rewritten = file(&out, "item.tsx").unwrap();
    assert!(
        rewritten.contains("add((c) => [...c, res.data]);"),
        "{rewritten}"
    );
}

#[test]
fn awaited_params_lose_their_parentheses_too() {
    let route = "export async function DELETE(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {\n  return NextResponse.json({ id: (await params).id });\n}\n";
    let out = migrate(route, "");
    let module = file(&out, "actions.ts").unwrap();
    assert!(module.contains("data: { id: params.id }"), "{module}");
}
