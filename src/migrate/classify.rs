//! The codemod's verdict without the codemod: who calls a route, for `scaffold audit`.
//! The same analysis and caller scan as `migrate route-to-action`, split so that one walk
//! and one parse of each file serve every route of the project: [`RouteJob::prepare`]
//! analyzes the route, [`RouteJob::scan`] looks at one parsed file, and
//! [`RouteJob::finish`] gives the verdict.

use std::path::{Path, PathBuf};

use anyhow::Result;
use oxc_ast::ast::Program;

use super::{Reason, ReasonKind, assemble, callers, route, slash, url};
use crate::project::Project;
use crate::spec::Segment;

pub(crate) use callers::FileScan;

/// Whether a route must stay a route, and why.
#[derive(Debug, Clone)]
pub struct Classification {
    /// `/api/posts/[id]`.
    pub url: String,
    /// The handlers a migration would move (POST, PUT, PATCH, DELETE).
    pub mutations: Vec<String>,
    /// The handlers that stay routes whatever happens (GET, HEAD, OPTIONS).
    pub reads: Vec<String>,
    /// Why it must stay a route; empty for a migration candidate.
    pub reasons: Vec<Reason>,
}

impl Classification {
    /// Only the app calls its mutations: `migrate route-to-action` would move them.
    pub fn candidate(&self) -> bool {
        !self.mutations.is_empty() && self.reasons.is_empty()
    }
}

/// One route being classified.
#[derive(Debug)]
pub struct RouteJob {
    pub route: PathBuf,
    segment: Segment,
    analysis: route::Analysis,
    /// The route's last static folder: every URL or import that reaches it spells it.
    needle: String,
    route_module: PathBuf,
    /// Whether callers decide: it has mutations and no fact keeps it a route already (an
    /// app with a thousand routes would otherwise scan the tree a thousand times).
    needs_callers: bool,
}

impl RouteJob {
    /// Analyzes the route file (root-relative `route`, its `text`).
    pub fn prepare(project: &Project, route: &Path, text: &str) -> Result<RouteJob> {
        let folder = route
            .parent()
            .and_then(|p| p.strip_prefix(&project.app_dir).ok())
            .map(slash)
            .unwrap_or_default();
        let segment = Segment::parse_folder(&folder).map_err(|e| {
            anyhow::anyhow!("{}: the folder is not a route path: {e}", slash(route))
        })?;
        let analysis = route::analyze(route, text, &segment, &route::Sharing::default())?;
        let needs_callers = !analysis.actions.is_empty()
            && !analysis.reasons.iter().any(|r| assemble::is_fact(r.kind));
        Ok(RouteJob {
            route: route.to_path_buf(),
            needle: callers::needle(&segment),
            route_module: route.with_extension(""),
            segment,
            analysis,
            needs_callers,
        })
    }

    /// Whether `path` (with `text`) may call the route: the cheap prefilter.
    pub fn wants(&self, path: &Path, text: &str) -> bool {
        self.needs_callers
            && path != self.route
            && (is_config(path)
                || memchr::memmem::find(text.as_bytes(), self.needle.as_bytes()).is_some())
    }

    /// What one parsed file does with the route.
    pub fn scan(
        &self,
        project: &Project,
        path: &Path,
        text: &str,
        program: &Program<'_>,
    ) -> FileScan {
        callers::scan_program(
            project,
            path,
            text,
            program,
            &self.segment,
            &self.analysis.actions,
            &self.route_module,
            is_config(path),
        )
    }

    /// A file that [`RouteJob::wants`] but that does not parse: it may call the route.
    pub fn unreadable(&self, project: &Project, path: &Path, text: &str) -> FileScan {
        callers::scan_file(
            project,
            path,
            text.to_string(),
            &self.segment,
            &self.analysis.actions,
            &self.route_module,
            is_config(path),
        )
    }

    /// The verdict from the scans of the files it wanted; `scanned` counts every source
    /// file looked at.
    pub fn finish(self, scans: Vec<FileScan>, scanned: usize) -> Classification {
        let scan = self.needs_callers.then(|| {
            let mut scan = callers::Scan {
                scanned,
                ..callers::Scan::default()
            };
            for f in scans {
                scan.reasons.extend(f.reasons);
                scan.rewritten.extend(f.rewritten);
                scan.manual.extend(f.manual);
            }
            scan
        });
        let url = url::display(&self.segment);
        let mut reasons =
            assemble::route_reasons(&self.analysis, scan.as_ref(), &slash(&self.route), &url);
        // In file order: `file:line:col`, numerically.
        reasons.sort_by_key(|r| {
            let mut parts = r.location.rsplitn(3, ':');
            let col = parts.next().and_then(|c| c.parse::<u32>().ok());
            let line = parts.next().and_then(|l| l.parse::<u32>().ok());
            match (line, col, parts.next()) {
                (Some(line), Some(col), Some(file)) => (file.to_string(), line, col),
                _ => (r.location.clone(), 0, 0),
            }
        });
        reasons.dedup();
        reasons.retain(|r| r.kind != ReasonKind::Uncommitted);
        Classification {
            url,
            mutations: self
                .analysis
                .actions
                .iter()
                .map(|a| a.method.clone())
                .collect(),
            reads: self.analysis.kept_methods.clone(),
            reasons,
        }
    }
}

fn is_config(path: &Path) -> bool {
    path.to_str().is_some_and(|p| p.starts_with("next.config."))
}
