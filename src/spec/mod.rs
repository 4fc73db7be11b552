//! What the user asked for, as plain validated data. Built from flags or prompts; both go
//! through the same validation here.

mod field;
pub mod names;
pub mod route;
pub mod segment;

use std::fmt;
use std::str::FromStr;

pub use field::{Field, FieldType};
pub use segment::Segment;

use crate::project::AuthLib;

/// Who calls the code: the first question, because it decides action versus route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Caller {
    /// Forms and components of this Next.js app.
    ThisApp,
    /// A webhook provider (Stripe, GitHub, Slack, Standard Webhooks).
    Webhook,
    /// A mobile app, partner, CLI or other third-party client.
    External,
    /// Browser code served from another origin.
    CrossOrigin,
    /// A consumer of a long response stream (SSE, CSV export).
    Stream,
}

impl Caller {
    pub const ALL: [Caller; 5] = [
        Caller::ThisApp,
        Caller::Webhook,
        Caller::External,
        Caller::CrossOrigin,
        Caller::Stream,
    ];

    pub fn describe(self) -> &'static str {
        match self {
            Caller::ThisApp => "This Next.js app (its forms and components)",
            Caller::Webhook => "A webhook provider (Stripe, GitHub, Slack, Standard Webhooks)",
            Caller::External => "A mobile app, partner, CLI or other third-party client",
            Caller::CrossOrigin => "Browser code on another origin",
            Caller::Stream => "A streaming consumer (server-sent events, CSV export)",
        }
    }

    /// For callers outside the app: why a route handler fits, and the command that writes one.
    pub fn route_advice(self, segment: Option<&str>) -> Option<(String, String)> {
        let path = segment.map(|s| s.trim_matches('/').to_string());
        let (why, cmd) = match self {
            Caller::ThisApp => return None,
            Caller::Webhook => (
                "A webhook provider posts to a fixed URL and signs the raw request body, so it needs a route handler that verifies the signature before parsing. Server Actions have build-specific IDs, accept only same-origin POSTs and never see the raw body.",
                format!(
                    "scaffold new route {} --kind webhook --provider stripe",
                    path.unwrap_or_else(|| "webhooks/stripe".into())
                ),
            ),
            Caller::External => (
                "Clients outside this app need a stable URL with a documented JSON contract and their own authentication. Server Action IDs change with every deployment and only same-origin browser requests may call them.",
                format!(
                    "scaffold new route {} --kind api --auth bearer",
                    path.unwrap_or_else(|| "v1/items".into())
                ),
            ),
            Caller::CrossOrigin => (
                "Browsers on other origins need CORS: a preflight OPTIONS answer and an allowlisted Access-Control-Allow-Origin. Server Actions refuse requests whose Origin does not match the host.",
                format!(
                    "scaffold new route {} --kind api --cors https://app.example.com",
                    path.unwrap_or_else(|| "v1/items".into())
                ),
            ),
            Caller::Stream => (
                "A stream is a long-lived HTTP response that a consumer reads as it arrives. A route handler can return a ReadableStream with the right headers; a Server Action returns one serialized result.",
                format!(
                    "scaffold new route {} --kind stream --format sse",
                    path.unwrap_or_else(|| "events".into())
                ),
            ),
        };
        Some((why.to_string(), cmd))
    }
}

impl fmt::Display for Caller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Operation {
    Create,
    Update,
    Delete,
    /// Flip one boolean field of a record.
    Toggle,
}

impl Operation {
    pub const ALL: [Operation; 4] = [
        Operation::Create,
        Operation::Update,
        Operation::Delete,
        Operation::Toggle,
    ];

    pub fn verb(self) -> &'static str {
        match self {
            Operation::Create => "create",
            Operation::Update => "update",
            Operation::Delete => "delete",
            Operation::Toggle => "toggle",
        }
    }

    /// Whether the action acts on an existing record, identified by a bound id.
    pub fn needs_id(self) -> bool {
        !matches!(self, Operation::Create)
    }

    /// `useOptimistic` pays off where the result is predictable: a new row, a flipped flag.
    pub fn supports_optimistic(self) -> bool {
        matches!(self, Operation::Create | Operation::Toggle)
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.verb())
    }
}

/// `--auth`: `auto` resolves to the library the project uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuthChoice {
    Auto,
    NextAuth,
    Clerk,
    Supabase,
    None,
}

impl AuthChoice {
    pub fn resolve(self, detected: AuthLib) -> AuthLib {
        match self {
            AuthChoice::Auto => detected,
            AuthChoice::NextAuth => AuthLib::NextAuth,
            AuthChoice::Clerk => AuthLib::Clerk,
            AuthChoice::Supabase => AuthLib::Supabase,
            AuthChoice::None => AuthLib::None,
        }
    }
}

/// How generated forms and pages are styled: `--ui`, else what the project uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ui {
    /// Tailwind utility classes (v3 or v4): visible inputs, focus rings, a primary button.
    Tailwind,
    /// shadcn/ui's Button, Input, Label and Textarea where the project has them (native
    /// checkboxes and selects, which work without JavaScript), Tailwind for the rest.
    Shadcn,
    /// Semantic HTML with a small CSS module beside the form.
    Plain,
}

impl fmt::Display for Ui {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Ui::Tailwind => "tailwind",
            Ui::Shadcn => "shadcn",
            Ui::Plain => "plain",
        })
    }
}

/// What happens after a successful submit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum After {
    /// Revalidate the segment's path and show a success message.
    Revalidate,
    /// Revalidate the target, then `redirect()` there.
    Redirect(String),
    /// Show a success message; no revalidation.
    Stay,
}

impl FromStr for After {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "revalidate" => Ok(After::Revalidate),
            "stay" => Ok(After::Stay),
            _ => {
                let Some(path) = s.strip_prefix("redirect=") else {
                    return Err(format!(
                        "unknown --after `{s}`; expected revalidate, redirect=PATH or stay"
                    ));
                };
                // Same-site paths only: `//host` and `/\host` are protocol-relative URLs.
                let ok = path.starts_with('/')
                    && !path.starts_with("//")
                    && !path.starts_with("/\\")
                    && path.len() <= 1024
                    && path.chars().all(|c| {
                        c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '`' | '\\' | '<' | '>')
                    });
                if ok {
                    Ok(After::Redirect(path.to_string()))
                } else {
                    Err(format!(
                        "--after `{s}`: the redirect target must be a path on this site starting with a single `/`, e.g. redirect=/posts"
                    ))
                }
            }
        }
    }
}

impl fmt::Display for After {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            After::Revalidate => f.write_str("revalidate"),
            After::Redirect(p) => write!(f, "redirect={p}"),
            After::Stay => f.write_str("stay"),
        }
    }
}

/// A complete, validated request for `scaffold new action`.
#[derive(Debug, Clone)]
pub struct ActionSpec {
    pub segment: Segment,
    pub name: String,
    pub op: Operation,
    pub fields: Vec<Field>,
    pub auth: AuthLib,
    pub after: After,
    pub form: bool,
    pub optimistic: bool,
    pub page: bool,
    pub ui: Ui,
    /// The project's model the data module queries; `None` is the development store.
    pub store: Option<Box<crate::data::Binding>>,
}

impl ActionSpec {
    /// The boolean field a toggle flips (`None` for other operations).
    pub fn toggled(&self) -> Option<&Field> {
        (self.op == Operation::Toggle)
            .then(|| self.fields.iter().find(|f| f.ty == FieldType::Boolean))
            .flatten()
    }

    /// The default action name: `createPost` for `posts` and create.
    pub fn default_name(segment: &Segment, op: Operation) -> String {
        use heck::ToUpperCamelCase;
        format!(
            "{}{}",
            op.verb(),
            names::singular(segment.resource()).to_upper_camel_case()
        )
    }

    /// The default fields of an operation when none are given.
    pub fn default_fields(op: Operation) -> Vec<Field> {
        match op {
            Operation::Create | Operation::Update => {
                vec!["title:string:max=200".parse().expect("valid")]
            }
            Operation::Toggle => vec!["done:boolean".parse().expect("valid")],
            Operation::Delete => Vec::new(),
        }
    }

    /// Checks the combination; every error names what to change.
    pub fn validate(&self) -> Result<(), String> {
        names::check_identifier("action name", &self.name)?;
        for (i, field) in self.fields.iter().enumerate() {
            if self.fields[..i].iter().any(|f| f.name == field.name) {
                return Err(format!("field `{}` is given twice", field.name));
            }
            if matches!(field.name.as_str(), "id" | "ownerId") {
                return Err(format!(
                    "field `{}` is set by the data layer; choose another name",
                    field.name
                ));
            }
            if field.name.starts_with("$ACTION") || field.name.starts_with('$') {
                return Err(format!(
                    "field `{}`: names starting with `$` collide with React's form keys",
                    field.name
                ));
            }
        }
        match self.op {
            Operation::Create | Operation::Update if self.fields.is_empty() => {
                return Err(format!("--op {} needs at least one --field", self.op));
            }
            Operation::Delete if !self.fields.is_empty() => {
                return Err("--op delete takes no --field: it only needs the record id".into());
            }
            Operation::Toggle => {
                let booleans = self
                    .fields
                    .iter()
                    .filter(|f| f.ty == FieldType::Boolean)
                    .count();
                if booleans != 1 {
                    return Err(format!(
                        "--op toggle flips exactly one boolean field, and {} given: pass one --field NAME:boolean (e.g. --field done:boolean); other fields are the record's own, shown beside the toggle (e.g. --field title:string)",
                        match booleans {
                            0 => "none was".to_string(),
                            n => format!("{n} were"),
                        }
                    ));
                }
            }
            _ => {}
        }
        if self.page
            && matches!(self.op, Operation::Update | Operation::Delete)
            && self.segment.last_param().is_none()
        {
            return Err(format!(
                "--page with --op {} needs the record id in the segment, e.g. `{}/[id]/edit`",
                self.op, self.segment
            ));
        }
        if let Some((name, _)) = self
            .segment
            .params()
            .into_iter()
            .find(|(_, catch_all)| *catch_all)
            && self.page
        {
            return Err(format!(
                "--page does not support the catch-all parameter `{name}`; use a plain `[param]` segment"
            ));
        }
        Ok(())
    }
}
