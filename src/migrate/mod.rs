//! `scaffold migrate route-to-action`: turns an API route that only the app itself calls
//! into a Server Action, rewrites its `fetch` callers, and refuses, with reasons and
//! locations, when the route has to stay a route.
//!
//! parse (oxc) → analyze the route ([`route`]) → scan the project for callers
//! ([`callers`]) → decide → one [`Plan`] (the same apply path as the generators).

mod assemble;
pub(crate) mod ast;
mod callers;
mod classify;
mod earlier;
mod edit;
mod git;
mod report;
mod route;
pub mod url;
pub mod watchdog;

pub(crate) use classify::FileScan;
pub use classify::{Classification, RouteJob};
pub use report::{print_human, print_json};

/// The project's files as every repo-wide scan sees them: .gitignore honoured, build
/// output and packages never entered.
pub(crate) use callers::{SOURCE_EXTENSIONS, walk};

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use serde::Serialize;

use crate::plan::{Change, FileOp, Plan};
use crate::project::Project;
use crate::spec::Segment;

/// What the user asked for.
#[derive(Debug, Clone)]
pub struct Request {
    /// The route file, relative to the project root.
    pub route: PathBuf,
    /// Where the action module goes (root-relative), instead of beside the main caller.
    pub to: Option<PathBuf>,
    pub keep_route: bool,
    pub force: bool,
    /// The project's width and indentation, for the lines the codemod lays out.
    pub layout: crate::layout::Settings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Migrated,
    Partial,
    Refused,
}

/// Why a route must stay a route (or why the tool cannot move it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonKind {
    /// Verifies a signature or reads the raw body.
    Signature,
    /// Answers cross-origin browsers.
    Cors,
    /// Streams or sends a file.
    Stream,
    /// Browsers navigate to it (redirects, `href`, `src`, form `action`).
    Navigation,
    /// Authenticates with an `Authorization` header or an API key: someone outside calls it.
    ApiKey,
    /// Takes uploads, which can exceed the 1 MB action body limit.
    Upload,
    /// Its URL is an SWR / react-query key.
    CacheKey,
    /// Tests call it over HTTP: it is an HTTP API under test.
    HttpTests,
    /// Other files import the route module.
    Imported,
    /// Wrapped in a higher-order handler the tool cannot see through.
    Wrapper,
    /// No caller in the app: someone outside may call it.
    NoCallers,
    /// Code the tool cannot translate faithfully.
    Unsupported,
    /// A file to change has uncommitted changes.
    Uncommitted,
}

impl ReasonKind {
    /// `--force` overrides the judgement calls, never the facts (signatures, CORS,
    /// streaming, navigation) or what the tool cannot do.
    pub fn overridable(self) -> bool {
        matches!(
            self,
            ReasonKind::NoCallers
                | ReasonKind::Uncommitted
                | ReasonKind::ApiKey
                | ReasonKind::Upload
                | ReasonKind::CacheKey
                | ReasonKind::HttpTests
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub kind: ReasonKind,
    /// `file:line:col`.
    pub location: String,
    pub message: String,
    pub overridable: bool,
}

impl Reason {
    pub fn new(kind: ReasonKind, location: String, message: impl Into<String>) -> Reason {
        Reason {
            kind,
            location,
            message: message.into(),
            overridable: kind.overridable(),
        }
    }
}

/// `path:line:col` for a byte offset in `text`.
pub fn location(path: &Path, text: &str, offset: u32) -> String {
    let (line, col) = crate::syntax::line_col(text, offset as usize);
    format!("{}:{line}:{col}", slash(path))
}

/// The root-relative file a relative or aliased module specifier names, written in `from`
/// (without resolving extensions); `None` for packages.
pub(crate) fn resolve_specifier(spec: &str, from: &Path, project: &Project) -> Option<PathBuf> {
    let joined = if spec.starts_with("./") || spec.starts_with("../") {
        from.parent().unwrap_or(Path::new("")).join(spec)
    } else {
        let alias = project.alias.as_ref()?;
        alias.dir.join(spec.strip_prefix(&alias.prefix)?)
    };
    Some(crate::project::normalize(&joined))
}

fn slash(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// One action the migration writes.
#[derive(Debug, Clone, Serialize)]
pub struct ActionOut {
    pub name: String,
    pub method: String,
    pub file: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CallerOut {
    pub location: String,
    pub method: String,
    /// The action now called (rewritten), or the one to call (manual).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Why the tool left it (manual, unchanged).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// What to write instead (manual).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Callers {
    pub rewritten: Vec<CallerOut>,
    pub manual: Vec<CallerOut>,
    /// Calls of handlers that stay in the route (GET).
    pub unchanged: Vec<CallerOut>,
}

/// The whole result: the verdict, its reasons, and the plan (empty when refused).
#[derive(Debug, Clone)]
pub struct Migration {
    pub route: PathBuf,
    pub url: String,
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
    pub actions: Vec<ActionOut>,
    pub callers: Callers,
    pub notes: Vec<String>,
    pub plan: Plan,
}

/// Resolves the ROUTE argument: a route file (relative to `cwd`) or a URL path
/// (`/api/posts/[id]`). Returns the root-relative route file.
pub fn resolve_route(project: &Project, cwd: &Path, arg: &str) -> Result<PathBuf> {
    if arg.is_empty() {
        bail!(
            "the route is empty; give a route file (app/api/posts/route.ts) or its URL path (/api/posts)"
        );
    }
    if arg.contains('\0') {
        bail!("the route contains a NUL byte");
    }
    // In a src/ project, `app/api/x/route.ts` means `src/app/api/x/route.ts`, as the app
    // directory is what users name.
    let in_src = (!project.src_dir.as_os_str().is_empty() && Path::new(arg).starts_with("app"))
        .then(|| project.root.join(&project.src_dir).join(arg));
    let as_file = std::iter::once(cwd.join(arg))
        .chain(in_src)
        .find(|p| p.is_file())
        .unwrap_or_else(|| cwd.join(arg));
    if as_file.is_file() {
        let canonical = as_file.canonicalize()?;
        let root = project.root.canonicalize()?;
        let Ok(rel) = canonical.strip_prefix(&root) else {
            bail!("{arg} is outside the project ({})", project.root.display());
        };
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !matches!(name, "route.ts" | "route.tsx") {
            if matches!(name, "route.js" | "route.jsx" | "route.mjs") {
                bail!("{arg} is JavaScript: scaffold migrates TypeScript routes only for now");
            }
            bail!(
                "{arg} is not a route handler: App Router route handlers are files named route.ts"
            );
        }
        if !rel.starts_with(&project.app_dir) {
            bail!(
                "{arg} is not under the app directory ({})",
                project.app_dir.display()
            );
        }
        return Ok(rel.to_path_buf());
    }
    if !arg.starts_with('/') {
        bail!(
            "no such file: {arg} (give a route file such as app/api/posts/route.ts, or a URL path such as /api/posts)"
        );
    }
    let wanted = Segment::parse_api(arg).map_err(|e| anyhow::anyhow!(e))?;
    let wanted = url::display(&wanted);
    // Route groups do not show in URLs: look for the folder that maps to this URL.
    let app = project.root.join(&project.app_dir);
    let mut found = Vec::new();
    for entry in ignore::WalkBuilder::new(&app)
        .standard_filters(false)
        .build()
        .flatten()
    {
        let path = entry.path();
        if !matches!(
            path.file_name().and_then(|n| n.to_str()),
            Some("route.ts" | "route.tsx")
        ) {
            continue;
        }
        let Some(folder) = path
            .parent()
            .and_then(|p| p.strip_prefix(&app).ok())
            .map(slash)
        else {
            continue;
        };
        if let Ok(segment) = Segment::parse_folder(&folder)
            && url::display(&segment) == wanted
        {
            found.push(path.strip_prefix(&project.root)?.to_path_buf());
        }
    }
    match found.len() {
        0 => bail!(
            "no route handler for {wanted}: looked for {}{wanted}/route.ts",
            slash(&project.app_dir)
        ),
        1 => Ok(found.remove(0)),
        _ => bail!(
            "{wanted} matches more than one route file: {}",
            found
                .iter()
                .map(|p| slash(p))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Plans the migration. Refusals are a verdict, not an error; errors are for input the
/// tool cannot read at all.
pub fn plan(request: &Request, project: &Project) -> Result<Migration> {
    let _layout = crate::layout::Scoped::set(request.layout.clone());
    let route_path = &request.route;
    let folder = route_path
        .parent()
        .and_then(|p| p.strip_prefix(&project.app_dir).ok())
        .map(slash)
        .unwrap_or_default();
    let segment = Segment::parse_folder(&folder).map_err(|e| {
        anyhow::anyhow!("{}: the folder is not a route path: {e}", slash(route_path))
    })?;
    let url = url::display(&segment);
    let text = read_source(&project.root.join(route_path), route_path)?;
    let mut analysis = route::analyze(route_path, &text, &segment, &route::Sharing::default())?;
    let scan = callers::scan(project, route_path, &segment, &analysis.actions)?;
    if !scan.shared.is_empty() {
        // Other files import from the route: those declarations get a module of their own,
        // beside the actions.
        let shared = assemble::shared_module_path(&assemble::action_module(
            request, project, &segment, &scan,
        ));
        let sharing = route::Sharing {
            names: scan.shared.clone(),
            from_route: project.import_path(route_path, &shared.with_extension("")),
        };
        analysis = route::analyze(route_path, &text, &segment, &sharing)?;
    }
    let mut scan = scan;
    if scan.rewritten.is_empty() {
        // Perhaps an earlier run moved the handlers and left the route for callers it
        // could not rewrite: finish (or report what is left) rather than move them again.
        scan.earlier = earlier::find(project, route_path, &analysis);
    }
    let mut migration = assemble::decide(request, project, &segment, url, analysis, scan)?;
    // Each file keeps its line endings; new files take the route's.
    for op in &mut migration.plan.ops {
        if let Change::Write(contents) | Change::Merge(contents) = &mut op.change {
            let crlf = match std::fs::read_to_string(project.root.join(&op.path)) {
                Ok(current) => uses_crlf(&current),
                Err(_) => uses_crlf(&text),
            };
            if crlf {
                *contents = contents.replace("\r\n", "\n").replace('\n', "\r\n");
            }
        }
    }
    Ok(migration)
}

/// Whether most line breaks of a text are `\r\n`.
fn uses_crlf(text: &str) -> bool {
    let crlf = text.matches("\r\n").count();
    crlf > 0 && crlf * 2 >= text.matches('\n').count()
}

/// The whole chain — parse, analyze, rewrite — over one route and one caller held in
/// memory (`app/api/items/[id]/route.ts` and `app/items/item.tsx`), for property tests and
/// fuzzing. Returns every file the migration would write, refusals included as an empty
/// list; an error is input the tool rejects with a message.
pub fn in_memory(route_text: &str, caller_text: &str) -> Result<Vec<(PathBuf, String)>> {
    let route = PathBuf::from("app/api/items/[id]/route.ts");
    let caller = PathBuf::from("app/items/item.tsx");
    let segment = Segment::parse_folder("api/items/[id]").map_err(|e| anyhow::anyhow!(e))?;
    let project = Project::in_memory();
    let analysis = route::analyze(&route, route_text, &segment, &route::Sharing::default())?;
    if !analysis.reasons.is_empty() || analysis.actions.is_empty() {
        return Ok(Vec::new());
    }
    let found = callers::scan_file(
        &project,
        &caller,
        caller_text.to_string(),
        &segment,
        &analysis.actions,
        &route.with_extension(""),
        false,
    );
    let target = PathBuf::from("app/items/actions.ts");
    let mut out = vec![(
        target.clone(),
        assemble::new_module(&target, &analysis, &route, &project),
    )];
    if let Some(file) = &found.file {
        let shared = PathBuf::from("app/items/schema.ts");
        out.push((
            caller,
            assemble::rewrite_caller(file, &target, &shared, &project)?,
        ));
    }
    if let Some(rest) = &analysis.remainder {
        out.push((route, rest.clone()));
    }
    Ok(out)
}

/// Reads a source file; non-UTF-8 and oversized files are errors with the path.
pub fn read_source(path: &Path, shown: &Path) -> Result<String> {
    const LIMIT: u64 = 4 * 1024 * 1024;
    let meta = std::fs::metadata(path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", slash(shown)))?;
    if meta.len() > LIMIT {
        bail!(
            "{} is {} bytes; route files over 4 MiB are not source code scaffold will rewrite",
            slash(shown),
            meta.len()
        );
    }
    let bytes =
        std::fs::read(path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", slash(shown)))?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            slash(shown),
            e.utf8_error().valid_up_to()
        )
    })
}

impl Plan {
    fn delete(&mut self, path: impl Into<PathBuf>) {
        self.ops.push(FileOp {
            path: path.into(),
            change: Change::Delete,
        });
    }
}
