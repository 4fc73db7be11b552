//! Flags and answers → a route spec, with the same rules as the action flow: the first
//! question is who calls the code, and without a terminal a missing answer names its flag.

use anyhow::{Result, anyhow};

use super::Mode;
use crate::cli::RouteArgs;
use crate::generate::route::check_lengths;
use crate::spec::route::Method;
use crate::spec::route::{
    ApiAuth, Kind, Provider, RouteKind, RouteSpec, StreamFormat, parse_origin,
};
use crate::spec::{ActionSpec, Caller, Operation, Segment};

#[derive(Debug)]
pub enum GatheredRoute {
    Route(RouteSpec),
    /// The caller is this app: a Server Action fits better.
    UseAction {
        why: String,
        command: String,
        /// The segment to carry into `new action` (the path without `api/`).
        segment: Option<String>,
    },
}

pub fn gather_route(args: RouteArgs, mut mode: Mode<'_>) -> Result<GatheredRoute> {
    let mut missing: Vec<&'static str> = Vec::new();
    let caller = match (args.caller, &mut mode) {
        (Some(c), _) => Some(c),
        (None, Mode::Ask(p)) => {
            let options: Vec<String> = Caller::ALL
                .iter()
                .map(|c| c.describe().to_string())
                .collect();
            Some(
                Caller::ALL[p.select(
                    "Who calls this code?",
                    "route handlers are for callers outside this app",
                    &options,
                    1,
                )?],
            )
        }
        // With --yes the kind decides; an explicit kind is answer enough.
        (None, _) if args.kind.is_some() => None,
        (None, Mode::Defaults) => Some(Caller::External),
        (None, Mode::Refuse) => {
            missing.push("--caller (or --kind)");
            None
        }
    };
    if caller == Some(Caller::ThisApp) {
        let path = args
            .path
            .as_deref()
            .unwrap_or("posts")
            .trim_start_matches('/');
        let segment = path.strip_prefix("api/").unwrap_or(path);
        return Ok(GatheredRoute::UseAction {
            why: "Code called only by this app's own forms and components is simpler and safer as a Server Action: no fetch wrapper or JSON glue, progressive enhancement, and Next's built-in origin check. Keep route handlers for callers outside the app.".into(),
            command: format!("scaffold new action {segment} --field title:string"),
            segment: args.path.as_ref().map(|_| segment.to_string()),
        });
    }

    let segment = match (&args.path, &mut mode) {
        (Some(p), _) => Some(Segment::parse_api(p).map_err(anyhow::Error::msg)?),
        (None, Mode::Ask(p)) => {
            let answer = p.text(
                "Path below app/api/",
                "e.g. webhooks/stripe or v1/posts/[id]",
                None,
                &|s| Segment::parse_api(s).map(|_| ()),
            )?;
            Some(Segment::parse_api(&answer).map_err(anyhow::Error::msg)?)
        }
        (None, _) => {
            missing.push("PATH (the first argument, e.g. `webhooks/stripe`)");
            None
        }
    };

    let implied = caller.map(|c| match c {
        Caller::Webhook => Kind::Webhook,
        Caller::Stream => Kind::Stream,
        _ => Kind::Api,
    });
    let kind = match (args.kind, implied, &mut mode) {
        (Some(k), _, _) => k,
        (None, Some(k), _) => k,
        (None, None, Mode::Ask(p)) => {
            let all = [Kind::Webhook, Kind::Api, Kind::Stream];
            all[p.select(
                "Kind of route",
                "webhook: a provider posts signed events; api: JSON for outside clients; stream: SSE or CSV",
                &["webhook".into(), "api".into(), "stream".into()],
                1,
            )?]
        }
        (None, None, _) => Kind::Api,
    };
    check_flags_fit(kind, &args)?;

    let route_kind = match kind {
        Kind::Webhook => {
            let provider = match (args.provider, &mut mode) {
                (Some(p), _) => p,
                (None, Mode::Ask(p)) => {
                    let all = [
                        Provider::Stripe,
                        Provider::Github,
                        Provider::Slack,
                        Provider::StandardWebhooks,
                    ];
                    let names: Vec<String> = [
                        "Stripe",
                        "GitHub",
                        "Slack",
                        "Standard Webhooks (Svix, Clerk, Resend…)",
                    ]
                    .map(String::from)
                    .to_vec();
                    all[p.select(
                        "Webhook provider",
                        "decides how the signature is verified",
                        &names,
                        0,
                    )?]
                }
                (None, Mode::Defaults) => Provider::Stripe,
                (None, Mode::Refuse) => {
                    missing.push("--provider");
                    Provider::Stripe
                }
            };
            let events = match (args.events, &mut mode) {
                (Some(e), _) => e,
                (None, Mode::Ask(p)) => {
                    let default = provider.default_events().join(",");
                    let answer = p.text(
                        "Events to handle (comma-separated)",
                        "each gets its own typed handler; others are acknowledged and ignored",
                        Some(&default),
                        &|s| {
                            s.split(',').try_for_each(|e| {
                                crate::spec::route::parse_event(e.trim()).map(|_| ())
                            })
                        },
                    )?;
                    answer.split(',').map(|e| e.trim().to_string()).collect()
                }
                (None, _) => provider.default_events(),
            };
            RouteKind::Webhook { provider, events }
        }
        Kind::Api => {
            let default_methods = segment
                .as_ref()
                .map(RouteSpec::default_methods)
                .unwrap_or_default();
            let methods = match (args.methods, &mut mode) {
                (Some(m), _) => m,
                (None, Mode::Ask(p)) => {
                    let all = [
                        Method::Get,
                        Method::Post,
                        Method::Put,
                        Method::Patch,
                        Method::Delete,
                    ];
                    let names: Vec<String> = all.iter().map(|m| m.to_string()).collect();
                    let defaults: Vec<usize> = all
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| default_methods.contains(m))
                        .map(|(i, _)| i)
                        .collect();
                    let chosen = p.multi_select("Methods", &names, &defaults)?;
                    chosen.into_iter().map(|i| all[i]).collect()
                }
                (None, _) => default_methods,
            };
            let auth = match (args.auth, &mut mode) {
                (Some(a), _) => a,
                (None, Mode::Ask(p)) => [ApiAuth::Bearer, ApiAuth::None][p.select(
                    "Authentication",
                    "none makes the API public",
                    &["bearer API key".into(), "none".into()],
                    0,
                )?],
                (None, Mode::Defaults) => ApiAuth::Bearer,
                (None, Mode::Refuse) => {
                    missing.push("--auth");
                    ApiAuth::Bearer
                }
            };
            let cors = match (args.cors, &mut mode) {
                (Some(c), _) => c,
                (None, Mode::Ask(p)) => {
                    // Browser code on other origins needs CORS; other clients usually not.
                    let optional = caller != Some(Caller::CrossOrigin);
                    let answer = p.text(
                        "Browser origins allowed to call it (comma-separated)",
                        if optional {
                            "empty for none: servers and apps need no CORS"
                        } else {
                            "e.g. https://app.example.com"
                        },
                        None,
                        &|s| {
                            if s.is_empty() {
                                return if optional {
                                    Ok(())
                                } else {
                                    Err("cross-origin callers need at least one origin".into())
                                };
                            }
                            s.split(',').try_for_each(|o| parse_origin(o).map(|_| ()))
                        },
                    )?;
                    answer
                        .split(',')
                        .filter(|o| !o.trim().is_empty())
                        .map(|o| parse_origin(o).map_err(|e| anyhow!(e)))
                        .collect::<Result<_>>()?
                }
                (None, Mode::Refuse) if caller == Some(Caller::CrossOrigin) => {
                    missing.push("--cors");
                    Vec::new()
                }
                (None, _) => Vec::new(),
            };
            let needs_body = methods.iter().any(|m| m.has_body());
            let fields = match (args.fields.is_empty() && needs_body, &mut mode) {
                (false, _) => args.fields,
                (true, Mode::Ask(p)) => super::ask_fields(*p, Operation::Create)?,
                (true, _) => ActionSpec::default_fields(Operation::Create),
            };
            RouteKind::Api {
                methods,
                auth,
                cors,
                fields,
            }
        }
        Kind::Stream => {
            let format = match (args.format, &mut mode) {
                (Some(f), _) => f,
                (None, Mode::Ask(p)) => [StreamFormat::Sse, StreamFormat::Csv][p.select(
                    "Stream format",
                    "SSE for live updates, CSV for a download streamed row by row",
                    &["server-sent events".into(), "CSV export".into()],
                    0,
                )?],
                (None, Mode::Defaults) => StreamFormat::Sse,
                (None, Mode::Refuse) => {
                    missing.push("--format");
                    StreamFormat::Sse
                }
            };
            // CSV columns: the id, then each --field (a title when none is given).
            let mut columns = vec!["id".to_string()];
            if format == StreamFormat::Csv {
                if args.fields.is_empty() {
                    columns.push("title".into());
                }
                columns.extend(args.fields.iter().map(|f| f.name.clone()));
            }
            RouteKind::Stream { format, columns }
        }
    };

    if !missing.is_empty() {
        return Err(super::refusal(&missing));
    }
    let mut segment = segment.expect("a missing path is reported above");
    if let Some(resource) = &args.resource {
        segment = segment
            .with_resource(resource)
            .map_err(anyhow::Error::msg)?;
    }
    let spec = RouteSpec {
        segment,
        kind: route_kind,
    };
    spec.validate().map_err(anyhow::Error::msg)?;
    check_lengths(&spec).map_err(anyhow::Error::msg)?;
    Ok(GatheredRoute::Route(spec))
}

/// Refuses flags that belong to another kind, so a typo in `--kind` is not silently ignored.
fn check_flags_fit(kind: Kind, args: &RouteArgs) -> Result<()> {
    let given: &[(&str, bool, Kind)] = &[
        ("--provider", args.provider.is_some(), Kind::Webhook),
        ("--events", args.events.is_some(), Kind::Webhook),
        ("--methods", args.methods.is_some(), Kind::Api),
        ("--auth", args.auth.is_some(), Kind::Api),
        ("--cors", args.cors.is_some(), Kind::Api),
        ("--format", args.format.is_some(), Kind::Stream),
    ];
    for (flag, present, belongs) in given {
        if *present && *belongs != kind {
            return Err(anyhow!(
                "{flag} applies to --kind {}, not {}",
                kind_name(*belongs),
                kind_name(kind)
            ));
        }
    }
    if !args.fields.is_empty() && kind == Kind::Webhook {
        return Err(anyhow!(
            "--field applies to --kind api and --format csv, not webhook"
        ));
    }
    if !args.fields.is_empty() && kind == Kind::Stream && args.format != Some(StreamFormat::Csv) {
        return Err(anyhow!(
            "--field with --kind stream names CSV columns: add --format csv"
        ));
    }
    Ok(())
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Webhook => "webhook",
        Kind::Api => "api",
        Kind::Stream => "stream",
    }
}
