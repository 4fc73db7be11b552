//! Command-line definitions only; the work happens elsewhere.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::spec::route::{
    ApiAuth, Kind, Method, Provider, StreamFormat, parse_event, parse_origin,
};
use crate::spec::{After, AuthChoice, Caller, Field, Operation, Ui};

/// Writes correct, idiomatic Next.js 15 and 16 code for mutations.
///
/// Same app → Server Action; anyone else (webhook provider, mobile or partner client,
/// cross-origin browser code, streaming consumer) → API route.
///
/// The output follows the project: Next 15, or Next 16 with or without Cache Components
/// (`cacheComponents: true` in next.config, as create-next-app 16 sets it).
#[derive(Debug, Parser)]
#[command(
    name = "scaffold",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Run as if started in DIR (the Next.js project or a folder inside it).
    #[arg(long, global = true, value_name = "DIR")]
    pub cwd: Option<PathBuf>,
    /// Show what would be written, as unified diffs; write nothing.
    #[arg(long, global = true)]
    pub dry_run: bool,
    /// Overwrite files that exist with other contents.
    #[arg(long, global = true)]
    pub force: bool,
    /// Accept the default for every question that has no flag; never prompt.
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,
    /// Print the result as JSON on stdout instead of the summary.
    #[arg(long, global = true)]
    pub json: bool,
    /// Do not run the project's formatter (prettier or Biome) on the written files, even
    /// where its settings cannot be followed without it (a JavaScript config, plugins, a
    /// print width other than 80). Settings that can be read are still followed.
    #[arg(long, global = true)]
    pub no_format: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate code.
    #[command(subcommand)]
    New(New),
    /// Move code between the two shapes.
    #[command(subcommand)]
    Migrate(Migrate),
    /// Check an existing app: Server Action security (session before data, validated
    /// input, no client-supplied user ids), the client boundary, webhook and CORS routes,
    /// which routes only the app calls, and next/react versions against advisories.
    Audit(AuditArgs),
    /// Print a shell completion script.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Report only findings in these files or folders [default: the whole project]. The
    /// project is found from the first PATH (or --cwd), and read whole either way.
    pub paths: Vec<PathBuf>,
    /// Output format: findings and inventory for people, JSON, or SARIF 2.1.0 (GitHub
    /// code scanning).
    #[arg(long, value_enum, default_value_t = AuditFormat::Human)]
    pub format: AuditFormat,
    /// Exit with status 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = crate::audit::Severity::Error)]
    pub fail_on: crate::audit::Severity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditFormat {
    Human,
    Json,
    Sarif,
}

#[derive(Debug, Subcommand)]
pub enum Migrate {
    /// Turn an API route that only this app calls into a Server Action, and rewrite its
    /// fetch callers. Refuses, with reasons, when the route must stay a route.
    RouteToAction(RouteToActionArgs),
}

#[derive(Debug, Args)]
pub struct RouteToActionArgs {
    /// The route file (app/api/posts/[id]/route.ts) or its URL path (/api/posts/[id]).
    pub route: String,
    /// The 'use server' module to write the actions to [default: actions.ts beside the
    /// file that calls the route most].
    #[arg(long, value_name = "FILE")]
    pub to: Option<PathBuf>,
    /// Keep the route file even when every handler and caller moved.
    #[arg(long)]
    pub keep_route: bool,
}

#[derive(Debug, Subcommand)]
pub enum New {
    /// A Server Action: 'use server' module, zod schema, data module, form, optimistic UI, page.
    Action(ActionArgs),
    /// A route handler for outside callers: webhook, JSON API (CORS), or stream (SSE, CSV).
    Route(RouteArgs),
}

#[derive(Debug, Args, Default)]
pub struct RouteArgs {
    /// Path below app/api/, e.g. `webhooks/stripe` or `v1/posts/[id]`.
    pub path: Option<String>,
    /// Who calls this code. this-app is better served by a Server Action.
    #[arg(long, value_enum)]
    pub caller: Option<Caller>,
    /// What the route does [default: from --caller].
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// Webhook provider (with --kind webhook).
    #[arg(long, value_enum)]
    pub provider: Option<Provider>,
    /// Webhook events to handle, comma-separated (with --kind webhook).
    #[arg(long, value_delimiter = ',', value_parser = parse_event_arg)]
    pub events: Option<Vec<String>>,
    /// HTTP methods, comma-separated (with --kind api) [default: GET,POST, or GET,PATCH,DELETE
    /// for a path ending in a parameter].
    #[arg(long, value_delimiter = ',', value_parser = parse_method)]
    pub methods: Option<Vec<Method>>,
    /// How clients authenticate (with --kind api) [default: bearer].
    #[arg(long, value_enum)]
    pub auth: Option<ApiAuth>,
    /// Browser origins allowed to call the API, comma-separated; never `*` (with --kind api).
    #[arg(long, value_delimiter = ',', value_parser = parse_origin_arg, value_name = "ORIGINS")]
    pub cors: Option<Vec<String>>,
    /// Stream format (with --kind stream) [default: sse].
    #[arg(long, value_enum)]
    pub format: Option<StreamFormat>,
    /// A body field for --kind api, or a column for --format csv: NAME:TYPE[:MODIFIER...].
    #[arg(long = "field", value_name = "NAME:TYPE[:MOD...]", value_parser = parse_field)]
    pub fields: Vec<Field>,
    /// The resource name [default: from the path, e.g. v1/posts → post].
    #[arg(long)]
    pub resource: Option<String>,
}

fn parse_event_arg(s: &str) -> Result<String, String> {
    parse_event(s)
}

fn parse_method(s: &str) -> Result<Method, String> {
    s.parse()
}

fn parse_origin_arg(s: &str) -> Result<String, String> {
    parse_origin(s)
}

#[derive(Debug, Args, Default)]
pub struct ActionArgs {
    /// App Router segment below app/, e.g. `posts` or `posts/[id]/edit`.
    pub segment: Option<String>,
    /// Who calls this code. Anything but this-app is better served by an API route.
    #[arg(long, value_enum)]
    pub caller: Option<Caller>,
    /// The action's function name [default: operation + resource, e.g. createPost].
    #[arg(long)]
    pub name: Option<String>,
    /// The resource name [default: from the segment, e.g. posts → post].
    #[arg(long)]
    pub resource: Option<String>,
    /// What the action does.
    #[arg(long, value_enum)]
    pub op: Option<Operation>,
    /// A form field: NAME:TYPE[:MODIFIER...]. Types: string, text, email, url, number,
    /// integer, boolean, date, enum(a|b|c). Modifiers: required (default), optional,
    /// min=N, max=N. Repeat for more fields.
    #[arg(long = "field", value_name = "NAME:TYPE[:MOD...]", value_parser = parse_field)]
    pub fields: Vec<Field>,
    /// The Prisma model or Drizzle table to write to [default: the one named after the
    /// resource]. Its columns become the form's fields.
    #[arg(long, value_name = "NAME")]
    pub model: Option<String>,
    /// The column that holds the record's owner [default: the one referencing the users
    /// table, or named ownerId, userId, authorId…].
    #[arg(long, value_name = "COLUMN")]
    pub owner_column: Option<String>,
    /// Keep records in a JSON file under .data/ even though Prisma or Drizzle is installed.
    #[arg(long, conflicts_with_all = ["model", "owner_column"])]
    pub dev_store: bool,
    /// How the action checks the session [default: auto, the detected library].
    #[arg(long, value_enum)]
    pub auth: Option<AuthChoice>,
    /// After success: revalidate (stay and refresh), redirect=PATH, or stay.
    #[arg(long, value_name = "revalidate|redirect=PATH|stay", value_parser = parse_after)]
    pub after: Option<After>,
    /// Do not write the form component.
    #[arg(long)]
    pub no_form: bool,
    /// Do not write the optimistic component (create and toggle only).
    #[arg(long)]
    pub no_optimistic: bool,
    /// Also write a page.tsx that renders the form.
    #[arg(long)]
    pub page: bool,
    /// How forms and pages are styled [default: shadcn when components.json exists,
    /// tailwind when the project depends on tailwindcss, else plain].
    #[arg(long, value_enum)]
    pub ui: Option<Ui>,
}

fn parse_field(s: &str) -> Result<Field, String> {
    s.parse()
}

fn parse_after(s: &str) -> Result<After, String> {
    s.parse()
}
