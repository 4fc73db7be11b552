//! `scaffold new route`: route handlers for callers outside the app.

use std::fmt;
use std::str::FromStr;

use super::{Field, Segment};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// A webhook receiver that verifies the provider's signature.
    Webhook,
    /// A JSON API for mobile, partner and other outside clients.
    Api,
    /// A streamed response: server-sent events or a CSV export.
    Stream,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Provider {
    Stripe,
    Github,
    Slack,
    /// The Standard Webhooks scheme (Svix, Clerk, Resend, …).
    StandardWebhooks,
}

impl Provider {
    /// Event types handled when `--events` is not given.
    pub fn default_events(self) -> Vec<String> {
        let events: &[&str] = match self {
            Provider::Stripe => &[
                "checkout.session.completed",
                "customer.subscription.deleted",
            ],
            Provider::Github => &["push", "pull_request"],
            Provider::Slack => &["app_mention"],
            Provider::StandardWebhooks => &["user.created"],
        };
        events.iter().map(|e| e.to_string()).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Methods that address one record, so they need an `[id]` at the end of the path.
    pub fn needs_item(self) -> bool {
        matches!(self, Method::Put | Method::Patch | Method::Delete)
    }

    pub fn has_body(self) -> bool {
        matches!(self, Method::Post | Method::Put | Method::Patch)
    }
}

impl FromStr for Method {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_uppercase().as_str() {
            "GET" => Ok(Method::Get),
            "POST" => Ok(Method::Post),
            "PUT" => Ok(Method::Put),
            "PATCH" => Ok(Method::Patch),
            "DELETE" => Ok(Method::Delete),
            "OPTIONS" => Err("OPTIONS is written for you when --cors is given".into()),
            other => Err(format!(
                "unknown method `{other}`; expected GET, POST, PUT, PATCH or DELETE"
            )),
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ApiAuth {
    /// `Authorization: Bearer <key>` checked against a secret from the environment.
    Bearer,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StreamFormat {
    /// Server-sent events (`text/event-stream`).
    Sse,
    /// A CSV download streamed row by row.
    Csv,
}

/// A browser origin for the CORS allowlist: `https://app.example.com[:port]`, nothing more.
pub fn parse_origin(s: &str) -> Result<String, String> {
    let s = s.trim();
    if s == "*" || s.contains('*') {
        return Err("CORS origins are an explicit allowlist: `*` is never written (it cannot be combined with credentials and lets every site call the API)".into());
    }
    let (scheme, rest) = s
        .split_once("://")
        .ok_or_else(|| format!("CORS origin `{s}` must look like https://app.example.com"))?;
    if scheme != "https" && scheme != "http" {
        return Err(format!("CORS origin `{s}` must use http or https"));
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) => (h, Some(p)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    if !host_ok || port.is_some_and(|p| p.parse::<u16>().is_err()) {
        return Err(format!(
            "CORS origin `{s}` must be scheme://host[:port] with no path, e.g. https://app.example.com"
        ));
    }
    Ok(s.to_ascii_lowercase())
}

/// An event name as providers spell them: `checkout.session.completed`, `pull_request`.
pub fn parse_event(s: &str) -> Result<String, String> {
    let ok = !s.is_empty()
        && s.len() <= 100
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!(
            "event `{s}` must be letters, digits, `.`, `_` or `-`, e.g. invoice.paid"
        ))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteKind {
    Webhook {
        provider: Provider,
        events: Vec<String>,
    },
    Api {
        methods: Vec<Method>,
        auth: ApiAuth,
        cors: Vec<String>,
        fields: Vec<Field>,
    },
    /// `columns` are the CSV columns (unused for SSE).
    Stream {
        format: StreamFormat,
        columns: Vec<String>,
    },
}

/// A complete, validated request for `scaffold new route`.
#[derive(Debug, Clone)]
pub struct RouteSpec {
    pub segment: Segment,
    pub kind: RouteKind,
}

impl RouteSpec {
    /// The methods an API route gets when `--methods` is not given: the collection methods,
    /// or the item methods when the path ends in a parameter.
    pub fn default_methods(segment: &Segment) -> Vec<Method> {
        if ends_with_param(segment) {
            vec![Method::Get, Method::Patch, Method::Delete]
        } else {
            vec![Method::Get, Method::Post]
        }
    }

    pub fn validate(&self) -> Result<(), String> {
        if self
            .segment
            .params()
            .iter()
            .any(|(_, catch_all)| *catch_all)
        {
            return Err("catch-all segments are not supported in route paths; use `[id]`".into());
        }
        match &self.kind {
            RouteKind::Webhook { events, .. } => {
                if self.segment.is_dynamic() {
                    return Err(format!(
                        "webhook path `{}` has a parameter; providers post to one fixed URL",
                        self.segment
                    ));
                }
                if events.is_empty() {
                    return Err("--events is empty; name at least one event".into());
                }
                for (i, e) in events.iter().enumerate() {
                    if events[..i].contains(e) {
                        return Err(format!("event `{e}` is given twice"));
                    }
                }
            }
            RouteKind::Api {
                methods, fields, ..
            } => {
                if methods.is_empty() {
                    return Err("--methods is empty".into());
                }
                let item = ends_with_param(&self.segment);
                if let Some(m) = methods.iter().find(|m| m.needs_item()).filter(|_| !item) {
                    return Err(format!(
                        "{m} addresses one record: end the path with a parameter, e.g. `{}/[id]`",
                        self.segment.dir().trim_start_matches("api/")
                    ));
                }
                if item && methods.contains(&Method::Post) {
                    return Err(format!(
                        "POST creates in a collection: use `{}` without the trailing parameter",
                        self.segment.parent_url().trim_start_matches("/api/")
                    ));
                }
                if methods.iter().any(|m| m.has_body()) && fields.is_empty() {
                    return Err("a body needs at least one --field".into());
                }
                for (i, f) in fields.iter().enumerate() {
                    if fields[..i].iter().any(|g| g.name == f.name) {
                        return Err(format!("field `{}` is given twice", f.name));
                    }
                    if f.name == "id" {
                        return Err(
                            "field `id` is set by the data layer; choose another name".into()
                        );
                    }
                }
            }
            RouteKind::Stream { .. } => {}
        }
        Ok(())
    }
}

fn ends_with_param(segment: &Segment) -> bool {
    segment.last_param().is_some() && segment.url_path().ends_with(']')
}
