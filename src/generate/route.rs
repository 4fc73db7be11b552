//! `scaffold new route`: route handlers for webhooks, JSON APIs and streams, plus the
//! `.env.example` entries they read.

use std::path::Path;

use anyhow::Result;
use heck::{ToKebabCase, ToLowerCamelCase, ToShoutySnakeCase, ToUpperCamelCase};
use serde_json::{Value, json};

use super::{Template, render};
use crate::layout::{self, Arg};
use crate::plan::Plan;
use crate::project::Project;
use crate::spec::route::{ApiAuth, Method, Provider, RouteKind, RouteSpec, StreamFormat};
use crate::spec::{Field, FieldType, names};

/// One setting the route reads from the environment, for `.env.example`.
struct EnvVar {
    name: String,
    value: String,
    comment: String,
}

/// Longest names that keep the fixed lines of the templates within 80 columns.
const MAX_RESOURCE_NAME: usize = 20;

pub fn check_lengths(spec: &RouteSpec) -> Result<(), String> {
    let resource = resource_name(spec);
    if resource.len() > MAX_RESOURCE_NAME {
        return Err(format!(
            "resource name `{resource}` is longer than {MAX_RESOURCE_NAME} characters; pass a shorter --resource"
        ));
    }
    names::check_identifier("resource name", &resource).map_err(|_| {
        format!(
            "cannot derive a resource name from `{}`; pass --resource",
            spec.segment
        )
    })?;
    if let RouteKind::Webhook { events, .. } = &spec.kind {
        let mut seen = Vec::new();
        for e in events {
            let handler = handler_name(e);
            if seen.contains(&handler) {
                return Err(format!(
                    "events `{e}` and another one both map to the handler {handler}; drop one"
                ));
            }
            seen.push(handler);
        }
    }
    if let RouteKind::Api { fields, .. } = &spec.kind
        && let Some(f) = fields
            .iter()
            .find(|f| f.name.len() > super::action::MAX_FIELD_NAME)
    {
        return Err(format!(
            "field name `{}` is longer than {} characters",
            f.name,
            super::action::MAX_FIELD_NAME
        ));
    }
    Ok(())
}

fn resource_name(spec: &RouteSpec) -> String {
    names::singular(spec.segment.resource()).to_lower_camel_case()
}

/// `checkout.session.completed` → `onCheckoutSessionCompleted`.
fn handler_name(event: &str) -> String {
    format!("on{}", event.replace(['.', '-'], "_").to_upper_camel_case())
}

pub fn plan(spec: &RouteSpec, project: &Project) -> Result<Plan> {
    let dir = project.app_dir.join(spec.segment.dir());
    let route_path = dir.join("route.ts");
    let dev_store = project.src_dir.join("lib/dev-store");
    let zod4 = project.zod.unwrap_or(4) >= 4;
    let mut plan = Plan::default();
    let mut env = Vec::new();
    let mut packages: Vec<&str> = Vec::new();
    // Cache Components rejects segment config (`runtime`, `dynamic`) in every route.
    let flagged = |mut context: Value| {
        context["cache_components"] = json!(project.cache_components);
        context
    };
    // Every body is read through one bounded reader (lib/read-body.ts).
    let read_body = project.src_dir.join("lib/read-body");
    let read_body_import = project.import_path(&route_path, &read_body);
    let mut reads_body = false;

    match &spec.kind {
        RouteKind::Webhook { provider, events } => {
            if *provider == Provider::Stripe {
                check_stripe_events(events, project)?;
            }
            let (template, vars) = webhook(*provider, events);
            env.extend(vars);
            if *provider == Provider::Stripe {
                packages.push("stripe");
            }
            let mut context = flagged(template.1);
            context["read_body_import"] = json!(read_body_import);
            reads_body = true;
            plan.write(&route_path, render(template.0, &context)?);
        }
        RouteKind::Api {
            methods,
            auth,
            cors,
            fields,
        } => {
            let resource = resource_name(spec);
            let data_path = dir.join("data.ts");
            plan.write(
                &route_path,
                render(
                    Template::RouteApiTs,
                    &flagged(api_context(spec, zod4, &resource, &read_body_import)),
                )?,
            );
            plan.write(
                &data_path,
                render(
                    Template::RouteApiDataTs,
                    &api_data_context(methods, fields, &resource, project, &data_path, &dev_store),
                )?,
            );
            plan.write(
                dev_store.with_extension("ts"),
                render(Template::SharedDevStoreTs, &json!({}))?,
            );
            packages.extend(["zod", "server-only"]);
            if project.data != crate::project::DataLayer::None {
                plan.warnings.push(format!(
                    "{}/data.ts keeps records in the development store: scaffold writes Drizzle and Prisma queries for Server Actions, where the session names the owner each query is scoped to, and an API key names no user; replace its bodies with your queries, deciding whose records a key may see",
                    dir.display()
                ));
            }
            reads_body = methods.iter().any(|m| m.has_body());
            if *auth == ApiAuth::Bearer {
                env.push(EnvVar {
                    name: api_key_var(&resource),
                    value: String::new(),
                    comment: "Bearer token clients send to the API (generate a long random value)."
                        .into(),
                });
            } else {
                plan.warnings.push(format!(
                    "--auth none: {} is public; anyone can call it",
                    spec.segment.url_path()
                ));
            }
            if !cors.is_empty() {
                env.push(EnvVar {
                    name: "CORS_ALLOWED_ORIGINS".into(),
                    value: cors.join(","),
                    comment: "Browser origins allowed to call the API, comma-separated (never *)."
                        .into(),
                });
            }
        }
        RouteKind::Stream {
            format: StreamFormat::Sse,
            ..
        } => {
            let context = json!({ "event_name": resource_name(spec).to_kebab_case(), "disconnect_log": layout::call(4, "", "console.info", &[Arg::plain(layout::string(&format!("{}: client disconnected, stream closed", spec.segment.url_path())))], ";") });
            plan.write(
                &route_path,
                render(Template::RouteSseTs, &flagged(context))?,
            );
            plan.warnings.push(format!(
                "{} streams to anyone who connects; add authentication if the events are private",
                spec.segment.url_path()
            ));
        }
        RouteKind::Stream {
            format: StreamFormat::Csv,
            columns,
        } => {
            let collection = names::plural(&resource_name(spec)).to_kebab_case();
            let quoted: Vec<String> = columns.iter().map(|c| layout::string(c)).collect();
            let context = json!({
                "dev_store_import": project.import_path(&route_path, &dev_store),
                "columns": layout::array("const COLUMNS = ", &quoted, " as const;"),
                "collection": collection,
                "content_disposition": layout::property(
                    6,
                    "\"Content-Disposition\"",
                    &format!("'attachment; filename=\"{collection}.csv\"'"),
                ),
            });
            plan.write(
                &route_path,
                render(Template::RouteCsvTs, &flagged(context))?,
            );
            plan.write(
                dev_store.with_extension("ts"),
                render(Template::SharedDevStoreTs, &json!({}))?,
            );
            packages.push("server-only");
            plan.warnings.push(format!(
                "{} exports to anyone who asks; add authentication if the data is private",
                spec.segment.url_path()
            ));
        }
    }

    if reads_body {
        plan.write(
            read_body.with_extension("ts"),
            render(Template::SharedReadBodyTs, &json!({}))?,
        );
        packages.push("server-only");
    }
    if !env.is_empty() {
        let existing = std::fs::read_to_string(project.root.join(".env.example")).ok();
        if let Some(merged) = merge_env_example(existing.as_deref(), &env) {
            plan.merge(".env.example", merged);
        }
        if let Some(merged) = crate::project::gitignore::merged(
            &project.root,
            &[crate::project::gitignore::ENV_EXAMPLE],
        ) {
            plan.merge(".gitignore", merged);
        }
        let names: Vec<&str> = env.iter().map(|v| v.name.as_str()).collect();
        plan.next_steps.push(format!(
            "Set {} in .env.local (and in your host's settings)",
            names.join(", ")
        ));
    }
    if let Some(command) = project.install_command(&packages) {
        plan.next_steps
            .push(format!("Install what the route imports: {command}"));
    }
    plan.next_steps
        .push(format!("The route answers at {}", spec.segment.url_path()));
    super::check_names(&plan)?;
    Ok(plan)
}

/// With the SDK installed, refuses event names Stripe does not send: the generated
/// handler types would not compile.
fn check_stripe_events(events: &[String], project: &Project) -> Result<()> {
    let Some(known) = crate::project::stripe::event_types(&project.root) else {
        return Ok(());
    };
    for event in events {
        if !known.contains(event) {
            let hint = crate::project::stripe::closest(event, &known)
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_default();
            anyhow::bail!(
                "Stripe sends no event `{event}` (per the installed stripe package){hint}"
            );
        }
    }
    Ok(())
}

fn api_key_var(resource: &str) -> String {
    format!("{}_API_KEY", names::plural(resource).to_shouty_snake_case())
}

type Rendered = (Template, serde_json::Value);

fn webhook(provider: Provider, events: &[String]) -> (Rendered, Vec<EnvVar>) {
    let secret = |name: &str, comment: &str| EnvVar {
        name: name.into(),
        value: String::new(),
        comment: comment.into(),
    };
    let (template, indent, call, vars) = match provider {
        Provider::Stripe => (
            Template::RouteWebhookStripeTs,
            4,
            &["event"][..],
            vec![
                secret(
                    "STRIPE_SECRET_KEY",
                    "Stripe API key (sk_…), used to create the client.",
                ),
                secret(
                    "STRIPE_WEBHOOK_SECRET",
                    "Signing secret of this webhook endpoint (whsec_…), from the Stripe dashboard.",
                ),
            ],
        ),
        Provider::Github => (
            Template::RouteWebhookGithubTs,
            4,
            &["delivery"][..],
            vec![secret(
                "GITHUB_WEBHOOK_SECRET",
                "The secret set on the GitHub webhook.",
            )],
        ),
        Provider::Slack => (
            Template::RouteWebhookSlackTs,
            6,
            &["payload.event_id", "payload.event"][..],
            vec![secret(
                "SLACK_SIGNING_SECRET",
                "Signing secret from the Slack app's Basic Information page.",
            )],
        ),
        Provider::StandardWebhooks => (
            Template::RouteWebhookStandardTs,
            4,
            &["id", "event"][..],
            vec![secret(
                "WEBHOOK_SECRET",
                "Signing secret of the endpoint (whsec_…, base64).",
            )],
        ),
    };
    let pad = " ".repeat(indent);
    let cases: Vec<String> = events
        .iter()
        .map(|e| {
            let args: Vec<Arg> = call.iter().map(|a| Arg::plain(*a)).collect();
            let line = layout::call(indent + 2, "await ", &handler_name(e), &args, ";");
            format!("{pad}case {}:\n{line}\n{pad}  break;", layout::string(e))
        })
        .collect();
    let handlers: Vec<String> = events
        .iter()
        .map(|e| {
            let name = handler_name(e);
            let (params, body) = match provider {
                Provider::Stripe => (
                    vec![format!("event: StripeEvent<{}>", layout::string(e))],
                    "  // event.data.object is typed for this event type.\n  console.info(`stripe ${event.type} ${event.id}`);",
                ),
                Provider::Github => (
                    vec!["delivery: Delivery".to_string()],
                    "  // delivery.payload is the event's JSON body.\n  console.info(`github ${delivery.event} ${delivery.id}`);",
                ),
                Provider::Slack => (
                    vec!["eventId: string".to_string(), "event: SlackEvent".to_string()],
                    "  console.info(`slack ${event.type} ${eventId}`);",
                ),
                Provider::StandardWebhooks => (
                    vec!["deliveryId: string".to_string(), "event: WebhookEvent".to_string()],
                    "  // event.data is the event's payload.\n  console.info(`webhook ${event.type} ${deliveryId}`);",
                ),
            };
            let signature = layout::params(0, &format!("async function {name}"), &params, ": Promise<void> {");
            format!("\n{signature}\n{body}\n}}")
        })
        .collect();
    (
        (
            template,
            json!({ "cases": cases.join("\n"), "handlers": handlers.join("\n") }),
        ),
        vars,
    )
}

fn api_context(spec: &RouteSpec, zod4: bool, resource: &str, read_body_import: &str) -> Value {
    let RouteKind::Api {
        methods,
        auth,
        cors,
        fields,
    } = &spec.kind
    else {
        unreachable!("api_context is called for --kind api only")
    };
    let auth = *auth;
    let item = spec
        .segment
        .last_param()
        .filter(|_| spec.segment.url_path().ends_with(']'));
    let param = item.unwrap_or("id");
    let bearer = auth == ApiAuth::Bearer;
    let has_cors = !cors.is_empty();
    let req = if has_cors { "request, " } else { "" };
    let schema = format!("{resource}Schema");
    let auth_lines = if bearer {
        "  const denied = authenticate(request);\n  if (denied) return denied;\n"
    } else {
        ""
    };
    let sig = |method: &Method, request_type: &str| {
        let mut params = vec![format!("request: {request_type}")];
        if item.is_some() {
            params.push("{ params }: Context".to_string());
        }
        layout::params(
            0,
            &format!("export async function {}", method.as_str()),
            &params,
            ": Promise<Response> {",
        )
    };
    let not_found =
        format!("  if (!item) return error({req}404, \"not_found\", \"Not found.\");\n");
    let await_param = format!("  const {{ {param} }} = await params;\n");
    let read_body = |partial: bool| {
        let parse = if partial {
            format!("{schema}.partial()")
        } else {
            schema.clone()
        };
        format!(
            "  const body = await readJson(request);\n  if (body instanceof Response) return body;\n  const parsed = {parse}.safeParse(body);\n  if (!parsed.success) return invalid({req}parsed.error);\n"
        )
    };
    let mut handlers = Vec::new();
    for method in methods {
        let body = match (method, item) {
            (Method::Get, None) => format!(
                "{auth_lines}  const query = listQuery.safeParse(\n    Object.fromEntries(request.nextUrl.searchParams),\n  );\n  if (!query.success) return invalid({req}query.error);\n  const items = await data.list(query.data.limit);\n  return json({req}{{ data: items }});\n"
            ),
            (Method::Get, Some(_)) => {
                format!(
                    "{auth_lines}{await_param}  const item = await data.find({param});\n{not_found}  return json({req}{{ data: item }});\n"
                )
            }
            (Method::Post, _) => format!(
                "{auth_lines}{}  const item = await data.insert(parsed.data);\n  return json({req}{{ data: item }}, 201);\n",
                read_body(false)
            ),
            (Method::Put | Method::Patch, _) => format!(
                "{auth_lines}{await_param}{}  const item = await data.update({param}, parsed.data);\n{not_found}  return json({req}{{ data: item }});\n",
                read_body(*method == Method::Patch)
            ),
            (Method::Delete, _) => {
                let headers = if has_cors {
                    ", headers: corsHeaders(request)"
                } else {
                    ""
                };
                format!(
                    "{auth_lines}{await_param}  if (!(await data.remove({param}))) {{\n    return error({req}404, \"not_found\", \"Not found.\");\n  }}\n  return new Response(null, {{ status: 204{headers} }});\n"
                )
            }
        };
        let request_type = if *method == Method::Get && item.is_none() {
            "NextRequest"
        } else {
            "Request"
        };
        handlers.push(format!("{}\n{body}}}", sig(method, request_type)));
    }
    let mut allow: Vec<&str> = methods.iter().map(|m| m.as_str()).collect();
    allow.push("OPTIONS");
    let schema_fields: Vec<String> = fields.iter().map(|f| json_field(f, zod4)).collect();
    let validates =
        methods.iter().any(|m| m.has_body()) || (methods.contains(&Method::Get) && item.is_none());
    let mut node = Vec::new();
    if bearer {
        node.push("import { createHash, timingSafeEqual } from \"node:crypto\";".to_string());
    }
    let mut packages = Vec::new();
    if methods.contains(&Method::Get) && item.is_none() {
        packages.push("import type { NextRequest } from \"next/server\";".to_string());
    }
    if validates {
        packages.push("import * as z from \"zod\";".to_string());
    }
    let has_body = methods.iter().any(|m| m.has_body());
    let own: Vec<String> = if has_body {
        vec![format!(
            "import {{ readBody }} from \"{read_body_import}\";"
        )]
    } else {
        Vec::new()
    };
    let siblings = vec!["import * as data from \"./data\";".to_string()];
    let imports: Vec<String> = [node, packages, own, siblings]
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|g| g.join("\n"))
        .collect();
    json!({
        "imports": imports.join("\n\n"),
        "bearer": bearer,
        "has_body": methods.iter().any(|m| m.has_body()),
        "schema": schema,
        "schema_fields": schema_fields.join("\n"),
        "list": methods.contains(&Method::Get) && item.is_none(),
        "item": item.is_some(),
        "param": param,
        "handlers": format!("\n{}", handlers.join("\n\n")),
        "cors": has_cors,
        "allow_methods": layout::call(
            4,
            "",
            "headers.set",
            &[Arg::plain("\"Access-Control-Allow-Methods\""), Arg::plain(layout::string(&allow.join(", ")))],
            ";",
        ),
        "api_key": api_key_var(resource),
        "req": req,
        "validates": validates,
        "field_errors": if zod4 { "z.flattenError(issues).fieldErrors" } else { "issues.flatten().fieldErrors" },
    })
}

/// A JSON body field: real JSON types, so no FormData coercion.
fn json_field(f: &Field, zod4: bool) -> String {
    let call = |name: &str, args: Vec<Arg>| (name.to_string(), args);
    let mut head = "z";
    let mut calls = Vec::new();
    let bounds = |calls: &mut Vec<(String, Vec<Arg>)>| {
        if let Some(min) = f.min {
            calls.push(call("min", vec![Arg::plain(min.to_string())]));
        }
        if let Some(max) = f.max {
            calls.push(call("max", vec![Arg::plain(max.to_string())]));
        }
    };
    match &f.ty {
        FieldType::String | FieldType::Text => {
            calls.push(call("string", vec![]));
            calls.push(call("trim", vec![]));
            if f.required && f.min.is_none() {
                calls.push(call("min", vec![Arg::plain("1")]));
            }
            bounds(&mut calls);
        }
        FieldType::Email if zod4 => calls.push(call("email", vec![])),
        FieldType::Email => {
            calls.push(call("string", vec![]));
            calls.push(call("email", vec![]));
        }
        FieldType::Url if zod4 => calls.push(call("httpUrl", vec![])),
        FieldType::Url => {
            calls.push(call("string", vec![]));
            calls.push(call("url", vec![]));
            calls.push(call("startsWith", vec![Arg::plain("\"http\"")]));
        }
        FieldType::Number => {
            calls.push(call("number", vec![]));
            bounds(&mut calls);
        }
        FieldType::Integer if zod4 => {
            calls.push(call("int", vec![]));
            bounds(&mut calls);
        }
        FieldType::Integer => {
            calls.push(call("number", vec![]));
            calls.push(call("int", vec![]));
            bounds(&mut calls);
        }
        FieldType::Boolean => calls.push(call("boolean", vec![])),
        FieldType::Date if zod4 => {
            head = "z.iso";
            calls.push(call("date", vec![]));
        }
        FieldType::Date => {
            calls.push(call("string", vec![]));
            calls.push(call("date", vec![]));
        }
        FieldType::Enum(values) => {
            let list: Vec<String> = values.iter().map(|v| layout::string(v)).collect();
            calls.push(call("enum", vec![Arg::Array(list)]));
        }
    }
    if !f.required {
        calls.push(call("optional", vec![]));
    }
    layout::chain(2, &format!("{}: ", f.name), head, &calls, ",")
}

fn ts_field(f: &Field) -> String {
    let members: Vec<String> = match &f.ty {
        FieldType::Number | FieldType::Integer => vec!["number".into()],
        FieldType::Boolean => vec!["boolean".into()],
        FieldType::Enum(values) => values.iter().map(|v| layout::string(v)).collect(),
        _ => vec!["string".into()],
    };
    let optional = if f.required { "" } else { "?" };
    layout::union_member(2, &format!("{}{optional}", f.name), &members)
}

fn api_data_context(
    methods: &[Method],
    fields: &[Field],
    resource: &str,
    project: &Project,
    path: &Path,
    dev_store: &Path,
) -> serde_json::Value {
    let record = resource.to_upper_camel_case();
    let input_type = format!("{record}Input");
    let sig = |name: &str, params: &[String], ret: &str| {
        layout::params(
            0,
            &format!("export async function {name}"),
            params,
            &format!(": Promise<{ret}> {{"),
        )
    };
    let input_fields: Vec<String> = fields.iter().map(ts_field).collect();
    // Read-only routes import only what they use (unused imports fail the lint).
    let writes = methods.iter().any(|m| m.has_body() || *m == Method::Delete);
    let names = if writes {
        "readRows, writeRows"
    } else {
        "readRows"
    };
    let store_import = format!(
        "import {{ {names} }} from \"{}\";",
        project.import_path(path, dev_store)
    );
    let mut to_record = vec!["    id: row.id,".to_string()];
    to_record.extend(
        fields
            .iter()
            .map(|f| format!("    {}: row.{},", f.name, f.name)),
    );
    json!({
        "to_record_fields": to_record.join("\n"),
        "creates": methods.contains(&Method::Post),
        "updates": methods.iter().any(|m| matches!(m, Method::Put | Method::Patch)),
        "removes": methods.contains(&Method::Delete),
        "store_import": store_import,
        "dev_store_path": dev_store.with_extension("ts").to_string_lossy().replace('\\', "/"),
        "collection": names::plural(resource).to_kebab_case(),
        "input_type": input_type,
        "input_fields": if input_fields.is_empty() { "  // Add the record's fields here.".to_string() } else { input_fields.join("\n") },
        "record": record,
        "find_signature": sig("find", &["id: string".into()], &format!("{record} | undefined")),
        "insert_signature": sig("insert", &[format!("input: {input_type}")], &record),
        "update_signature": sig("update", &["id: string".into(), format!("input: Partial<{input_type}>")], &format!("{record} | undefined")),
    })
}

/// Adds the missing variables to `.env.example`, each after a one-line comment; `None`
/// when every variable is already there. Lines already in the file are kept as they are.
fn merge_env_example(existing: Option<&str>, vars: &[EnvVar]) -> Option<String> {
    let text = existing.unwrap_or("");
    let defined = |name: &str| {
        text.lines().any(|line| {
            let line = line.trim_start();
            let line = line.strip_prefix("export ").unwrap_or(line);
            line.split_once('=')
                .is_some_and(|(key, _)| key.trim() == name)
        })
    };
    let missing: Vec<&EnvVar> = vars.iter().filter(|v| !defined(&v.name)).collect();
    if missing.is_empty() {
        return None;
    }
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for var in missing {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("# {}\n{}={}\n", var.comment, var.name, var.value));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn var(name: &str) -> EnvVar {
        EnvVar {
            name: name.into(),
            value: String::new(),
            comment: format!("{name} comment"),
        }
    }

    #[test]
    fn env_example_merges_without_duplicates() {
        assert_eq!(
            merge_env_example(None, &[var("A")]).unwrap(),
            "# A comment\nA=\n"
        );
        let existing = "# mine\nexport A=1\nB = 2";
        let merged = merge_env_example(Some(existing), &[var("A"), var("B"), var("C")]).unwrap();
        assert_eq!(merged, "# mine\nexport A=1\nB = 2\n\n# C comment\nC=\n");
        assert_eq!(merge_env_example(Some(&merged), &[var("C")]), None);
    }

    #[test]
    fn handler_names() {
        assert_eq!(
            handler_name("checkout.session.completed"),
            "onCheckoutSessionCompleted"
        );
        assert_eq!(handler_name("pull_request"), "onPullRequest");
        assert_eq!(handler_name("app_mention"), "onAppMention");
    }
}
