//! `scaffold audit`: the Server Action security checklist and the action-or-route rule,
//! checked over an existing app.
//!
//! walk (migrate's walker, in parallel) → one oxc parse per file, facts and local findings
//! ([`file`], [`actions`], [`checks`]) → project-wide rules over those facts: the client
//! import graph ([`boundary`]), who calls each route ([`routes`]), installed versions
//! against advisories ([`versions`]) → suppressions → a report ([`report`]).

mod actions;
mod boundary;
mod checks;
mod exposure;
mod file;
mod names;
pub mod report;
mod routes;
mod rules;
mod versions;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use anyhow::Result;
use serde::Serialize;

use crate::project::Project;

pub use rules::{RULES, Rule, Severity};

/// What to audit and how to judge it.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Report only findings in these root-relative files or folders (all when empty). The
    /// whole project is still read: the client graph and the caller scan need it.
    pub only: Vec<PathBuf>,
}

/// One broken rule at one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// Root-relative, with `/`.
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// What is wrong here, in one sentence.
    pub message: String,
    /// Why it matters (the rule's).
    pub why: &'static str,
    /// What to do.
    pub fix: String,
    /// Byte ranges of the code the finding is about (an action and the helpers it calls):
    /// a suppression anywhere inside them applies.
    #[serde(skip)]
    pub scope: Vec<(u32, u32)>,
}

/// A `'use server'` function, as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionEntry {
    pub file: String,
    pub line: usize,
    pub name: String,
    /// `module` (exported from a 'use server' file), `inline` (a function with its own
    /// 'use server'), or `wrapped` (a higher-order action such as next-safe-action's).
    pub kind: &'static str,
    /// How the session is checked: `checked`, `wrapper`, `missing`, `late`, `public`
    /// (named like a sign-in or sign-up), or `no-data` (reads and writes nothing).
    pub auth: &'static str,
    /// Whether something sends it to the client (a client import, or a prop from a
    /// Server Component); Next.js 15+ exposes only those.
    pub exposed: bool,
}

/// A route handler file and who calls it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteEntry {
    pub file: String,
    pub url: String,
    pub methods: Vec<String>,
    /// `route` (must stay a route), `candidate` (only the app calls its mutations), or
    /// `read` (GET only: a route either way).
    pub verdict: &'static str,
    pub reasons: Vec<String>,
}

/// Everything `scaffold audit` found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub root: String,
    pub files: usize,
    pub actions: Vec<ActionEntry>,
    pub routes: Vec<RouteEntry>,
    pub findings: Vec<Finding>,
    /// Findings silenced by `scaffold-audit-ignore` comments.
    pub suppressed: usize,
    #[serde(skip)]
    pub millis: u128,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Whether some finding is at least as severe as `level`.
    pub fn fails(&self, level: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= level)
    }
}

/// Audits the project.
pub fn run(project: &Project, options: &Options) -> Result<Report> {
    let started = Instant::now();
    let prepared = routes::prepare(project);
    let mut files = read_and_analyze(project, &prepared.jobs);
    files.sort_by(|a, b| a.path.cmp(&b.path));

    let mut findings: Vec<Finding> = Vec::new();
    for f in &mut files {
        findings.append(&mut f.findings);
    }
    let (boundary_findings, reached) = boundary::check(project, &files);
    findings.extend(boundary_findings);
    let (mut actions, action_findings) = exposure::resolve_actions(project, &mut files, &reached);
    findings.extend(action_findings);
    let (routes, route_findings) = routes::finish(&mut files, prepared);
    findings.extend(route_findings);
    findings.extend(versions::check(project));
    findings.extend(checks::proxy_only_auth(project, &files, &actions));

    let (mut findings, suppressed) = file::suppress(&files, findings);
    if !options.only.is_empty() {
        let inside = |file: &str| {
            options
                .only
                .iter()
                .any(|p| p.as_os_str().is_empty() || Path::new(file).starts_with(p))
        };
        findings.retain(|f| inside(&f.file));
        actions.retain(|a| inside(&a.file));
    }
    findings.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.rule).cmp(&(&b.file, b.line, b.column, b.rule))
    });
    findings.dedup();
    let routes = routes
        .into_iter()
        .filter(|r| {
            options.only.is_empty()
                || options
                    .only
                    .iter()
                    .any(|p| Path::new(&r.file).starts_with(p))
        })
        .collect();
    Ok(Report {
        root: project.root.display().to_string(),
        files: files.len(),
        actions,
        routes,
        findings,
        suppressed,
        millis: started.elapsed().as_millis(),
    })
}

/// The findings one file yields on its own (no project-wide rules), for property tests and
/// fuzzing: the same per-file path `run` takes.
pub fn check_file(path: &Path, text: &str) -> Vec<Finding> {
    let project = Project::in_memory();
    let facts = file::analyze(&project, path, text.to_string(), &[]);
    let (mut findings, _) = file::suppress(std::slice::from_ref(&facts), facts.findings.clone());
    findings.sort_by(|a, b| (a.line, a.column, a.rule).cmp(&(b.line, b.column, b.rule)));
    findings
}

/// Walks the project in parallel and analyzes each source file on its own.
fn read_and_analyze(project: &Project, routes: &[crate::migrate::RouteJob]) -> Vec<file::Facts> {
    let out: Mutex<Vec<file::Facts>> = Mutex::new(Vec::new());
    crate::migrate::walk(project).build_parallel().run(|| {
        let out = &out;
        Box::new(move |entry| {
            let Ok(entry) = entry else {
                return ignore::WalkState::Continue;
            };
            let path = entry.path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !entry.file_type().is_some_and(|t| t.is_file())
                || !crate::migrate::SOURCE_EXTENSIONS.contains(&ext)
            {
                return ignore::WalkState::Continue;
            }
            let Ok(rel) = path.strip_prefix(&project.root) else {
                return ignore::WalkState::Continue;
            };
            // Minified bundles and generated blobs are not the app's code.
            let Ok(meta) = entry.metadata() else {
                return ignore::WalkState::Continue;
            };
            if meta.len() > 2 * 1024 * 1024 {
                return ignore::WalkState::Continue;
            }
            let Ok(bytes) = std::fs::read(path) else {
                return ignore::WalkState::Continue;
            };
            let Ok(text) = String::from_utf8(bytes) else {
                return ignore::WalkState::Continue;
            };
            let facts = file::analyze(project, rel, text, routes);
            out.lock()
                .expect("no panics while holding the lock")
                .push(facts);
            ignore::WalkState::Continue
        })
    });
    out.into_inner().expect("no panics while holding the lock")
}

/// `path` with `/` separators.
fn slash(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
